/** First run: who this installation belongs to, before the shell. */
import { expect, openAppFresh, reloadApp, shot, test } from './fixtures';

test('a fresh installation asks who it belongs to, with the suggested default, and remembers it', async ({ page }) => {
  await openAppFresh(page);
  const form = page.getByRole('form', { name: 'Thiết lập ban đầu' });
  await expect(form.getByLabel('Cấp', { exact: true })).toHaveValue('ldld-huyen');
  await expect(form.getByLabel('Tên đơn vị')).toHaveValue('LĐLĐ huyện Dương Minh Châu');
  await expect(form.getByLabel('Mã đơn vị')).toHaveValue('LDLD-DMC');
  await expect(form.getByLabel('Tên cơ quan cấp trên')).toHaveValue('LĐLĐ tỉnh Tây Ninh');
  await expect(page.getByRole('navigation', { name: 'Chức năng' })).toHaveCount(0);
  await shot(page, 'setup');

  // An empty name is refused beside the field; a new name suggests a new code.
  await form.getByLabel('Tên đơn vị').fill('');
  await form.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
  await expect(form.getByText('Tên đơn vị: không được để trống')).toBeVisible();
  await expect(form.getByLabel('Tên đơn vị')).toBeFocused();
  await shot(page, 'setup-invalid');
  await form.getByLabel('Tên đơn vị').fill('Liên đoàn Lao động huyện Gò Dầu');
  await expect(form.getByLabel('Mã đơn vị')).toHaveValue('LDLD-HUYEN-GO-DAU');
  await form.getByLabel('Mã đơn vị').fill('ldld gò dầu');
  await form.getByLabel('Tên cơ quan cấp trên').focus();
  await expect(form.getByLabel('Mã đơn vị')).toHaveValue('LDLD-GO-DAU');
  await form.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();

  await expect(page.getByRole('button', { name: 'Tổng quan', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('banner')).toContainText('Liên đoàn Lao động huyện Gò Dầu');
  await expect(page.getByTestId('context-unit')).toHaveText('Liên đoàn Lao động huyện Gò Dầu');

  await reloadApp(page);
  await expect(page.getByRole('heading', { name: 'Thiết lập ban đầu' })).toHaveCount(0);
  await expect(page.getByRole('banner')).toContainText('Liên đoàn Lao động huyện Gò Dầu');
  await page.getByRole('button', { name: 'Cài đặt' }).click();
  await expect(page.getByRole('form', { name: 'Đơn vị của tôi' }).getByLabel('Mã đơn vị')).toHaveValue('LDLD-GO-DAU');
});

test('accepting the defaults lands on «Tổng quan» of LĐLĐ huyện Dương Minh Châu', async ({ page }) => {
  await openAppFresh(page);
  // Focus starts in the form (as an officer sees the cursor in "Tên đơn vị"): Enter submits it.
  await expect(page.getByLabel('Tên đơn vị')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Tổng quan', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { name: 'Tổng quan', level: 1 })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('LĐLĐ huyện Dương Minh Châu');
});

test('a CĐCS installation: no import or consolidation screens, its name whole in the banner and the context bar', async ({ page }) => {
  const name = 'CĐCS Công ty TNHH May mặc Hòa Bình';
  await openAppFresh(page);
  const form = page.getByRole('form', { name: 'Thiết lập ban đầu' });
  await form.getByLabel('Cấp', { exact: true }).selectOption({ label: 'Công đoàn cơ sở (CĐCS)' });
  await form.getByLabel('Tên đơn vị').fill(name);
  await form.getByLabel('Mã đơn vị').fill('CDCS-MAYHB');
  await form.getByLabel('Tên cơ quan cấp trên').fill('LĐLĐ huyện Dương Minh Châu');
  await form.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();

  // Nobody reports to a CĐCS: «Nhập dữ liệu» and «Tổng hợp» are not offered.
  const nav = page.getByRole('navigation', { name: 'Chức năng' });
  await expect(nav.getByRole('button')).toHaveText(['Tổng quan', 'Kế hoạch', 'Nhật ký', 'Chỉ tiêu', 'Báo cáo', 'Đơn vị', 'Cài đặt']);
  await expect(nav.getByRole('button', { name: 'Tổng quan' })).toHaveAttribute('aria-current', 'page');
  // One unit only: its name as text, not a selector holding itself.
  const context = page.getByRole('group', { name: 'Phạm vi số liệu' });
  await expect(context.getByTestId('context-unit')).toHaveText(name);
  await expect(context.getByRole('combobox', { name: 'Đơn vị' })).toHaveCount(0);
  // Whole, not cut with an ellipsis, in the banner and the context bar.
  for (const el of [page.getByRole('banner').getByText(name, { exact: true }).first(), context.getByTestId('context-unit')]) {
    await expect(el).toBeVisible();
    expect(await el.evaluate((e) => e.scrollWidth <= e.clientWidth && e.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
  }
  await shot(page, 'setup-grassroots');
  // The activity form shows the unit whole as well (no drop-down holding only itself).
  await nav.getByRole('button', { name: 'Nhật ký' }).click();
  const entry = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Ghi hoạt động' }) });
  await expect(entry.getByTestId('activity-unit')).toHaveText(name);
  await expect(entry.getByRole('combobox', { name: 'Đơn vị' })).toHaveCount(0);
  expect(await entry.getByTestId('activity-unit').evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  await shot(page, 'setup-grassroots-log');
  await reloadApp(page);
  await expect(nav.getByRole('button', { name: 'Tổng hợp' })).toHaveCount(0);
});

test('a district installation: every screen in the nav and the unit name whole in the banner at 1366 px', async ({ page }) => {
  await openAppFresh(page);
  await page.getByRole('form', { name: 'Thiết lập ban đầu' }).getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
  const nav = page.getByRole('navigation', { name: 'Chức năng' });
  await expect(nav.getByRole('button')).toHaveText(['Tổng quan', 'Kế hoạch', 'Nhật ký', 'Chỉ tiêu', 'Báo cáo', 'Nhập dữ liệu', 'Tổng hợp', 'Đơn vị', 'Cài đặt']);
  const ownUnit = page.getByRole('banner').locator('.own-unit');
  await expect(ownUnit).toHaveText('LĐLĐ huyện Dương Minh Châu');
  expect(await ownUnit.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  // The nav keeps one row beside the name.
  const boxes = await nav.getByRole('button').evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().top));
  expect(new Set(boxes).size).toBe(1);
});
