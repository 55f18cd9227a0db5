/** Starting up: two windows opening together seed once; no IndexedDB gives a clear message. */
import { expect, openPlan, shot, test } from './fixtures';

test('two tabs opening at the same time seed the database once', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await Promise.all([openPlan(a), openPlan(b)]);
  for (const page of [a, b]) {
    await expect(page.getByLabel('Kế hoạch đang theo dõi').locator('option')).toHaveCount(1);
    // No unit in the directory yet: the context bar names the own unit as text, no selector.
    await expect(page.getByTestId('context-unit')).toHaveText('LĐLĐ huyện Dương Minh Châu');
    await expect(page.getByLabel('Đơn vị', { exact: true })).toHaveCount(0);
  }
  // A status set in one tab shows in the other (live queries), without reloading.
  await a.getByRole('group', { name: /^IV\.3 / }).getByLabel('Trạng thái').selectOption({ label: 'Đang thực hiện' });
  await expect(b.getByRole('group', { name: /^IV\.3 / }).getByLabel('Trạng thái')).toHaveValue('dang');
});

test('without IndexedDB the officer gets a full-screen explanation in Vietnamese', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: 'Không mở được kho dữ liệu của ứng dụng' })).toBeVisible();
  await expect(alert).toContainText('chế độ duyệt riêng tư');
  await expect(alert.getByRole('button', { name: 'Thử lại' })).toBeVisible();
  await expect(page.locator('[data-app-ready]')).toHaveCount(0);
  await shot(page, 'startup-no-indexeddb');
});
