/**
 * An app left open across the period cut-off moves to the new period by itself: under the
 * default rule (Nghị định 09/2019, year ends 14/12) the report year 2026 starts on 15/12/2025.
 * The period shown is the one that is due: the shortest configured period containing today
 * (on 14/12 only the year does; from 15/12 the new 6 months). Playwright's clock drives the
 * page's Date and timers; nothing reloads the page.
 */
import { expect, test } from '@playwright/test';
import { openApp } from './fixtures';

test('the period bar moves to the new report year at midnight 14/12 → 15/12 without a reload', async ({ page }) => {
  await page.clock.install({ time: new Date('2025-12-14T23:58:00+07:00') });
  await openApp(page);
  const year = page.getByLabel('Năm', { exact: true });
  const kind = page.getByLabel('Kỳ báo cáo', { exact: true });
  await expect(year).toHaveValue('2025');
  await expect(kind).toHaveValue('year');
  await expect(page.getByTestId('period-range')).toHaveText('15/12/2024 – 14/12/2025');

  await page.clock.runFor('04:00');
  await expect(year).toHaveValue('2026');
  await expect(kind).toHaveValue('half');
  await expect(page.getByTestId('period-range')).toHaveText('15/12/2025 – 14/06/2026');
});
