/**
 * Sane limits in the activity form: a count above 1,000,000 for one activity (a typo such as
 * 1000000000000 would otherwise sum into every total) and a text longer than its field allows
 * are refused with a Vietnamese message beside the field; the limit itself is saved.
 */
import type { Page } from '@playwright/test';
import { collectPageErrors, expect, openApp, shot, test } from './fixtures';

function form(page: Page) {
  return page.getByRole('form', { name: /hoạt động$/ });
}

test('counts over 1,000,000 and text over its limit are refused beside the field; the limit itself is saved', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openApp(page);
  await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: 'Nhật ký' }).click();
  await expect(page.getByRole('heading', { name: 'Nhật ký hoạt động' })).toBeVisible();
  const f = form(page);

  const combo = f.getByRole('combobox', { name: 'Nhiệm vụ' });
  await combo.fill('tuyen truyen ky niem');
  await expect(page.getByRole('listbox', { name: 'Nhiệm vụ phù hợp' })).toBeVisible();
  await combo.press('Enter');
  await expect(page.getByRole('list', { name: 'Nhiệm vụ đã chọn' })).toContainText('III.1.6');
  await f.getByLabel('Loại hoạt động').selectOption({ label: 'Tuyên truyền' });
  const title = 'Tuyên truyền Bộ luật Lao động cho công nhân khu công nghiệp';
  await f.getByLabel('Tiêu đề').fill(title);
  await f.getByLabel('Nội dung').fill('Nội dung rất dài. '.repeat(600)); // 10,800 characters
  const participants = f.getByLabel('Số lượt người');
  await participants.fill('1000000000000');
  const sessions = f.getByLabel('Số cuộc tuyên truyền', { exact: true });
  await sessions.fill('1.000.001');

  await page.keyboard.press('Control+Enter');
  await expect(f.getByText('Số lượt người: tối đa 1.000.000 cho một hoạt động')).toBeVisible();
  await expect(f.getByText('Chỉ tiêu «Số cuộc tuyên truyền»: tối đa 1.000.000 cho một hoạt động')).toBeVisible();
  await expect(f.getByText('Nội dung: tối đa 10.000 ký tự')).toBeVisible();
  await expect(participants).toHaveAttribute('aria-invalid', 'true');
  await expect(sessions).toHaveAttribute('aria-invalid', 'true');
  await shot(page, 'activity-limits-refused');
  // Nothing was saved.
  await expect(f.getByRole('status')).not.toHaveText(/Đã lưu/);

  // At the limits: saved.
  await f.getByLabel('Nội dung').fill('Nội dung vừa đủ. '.repeat(100));
  await participants.fill('1.000.000');
  await sessions.fill('1000000');
  await page.keyboard.press('Control+Enter');
  await expect(f.getByRole('status')).toHaveText(`Đã lưu «${title}».`);
  await expect(f.getByText(/tối đa 1\.000\.000/)).toHaveCount(0);
  expect(errors).toEqual([]);
});
