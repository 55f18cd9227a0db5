/** First run: who this installation belongs to, before the shell. */
import { expect, openAppFresh, reloadApp, shot, test } from './fixtures';

test('a fresh installation asks who it belongs to, with the suggested default, and remembers it', async ({ page }) => {
  await openAppFresh(page);
  const form = page.getByRole('form', { name: 'Thiết lập ban đầu' });
  await expect(form.getByLabel('Cấp', { exact: true })).toHaveValue('district');
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

  await expect(page.getByRole('button', { name: 'Kế hoạch', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('banner')).toContainText('Liên đoàn Lao động huyện Gò Dầu');
  await expect(page.getByLabel('Đơn vị', { exact: true })).toHaveValue('LDLD-GO-DAU');

  await reloadApp(page);
  await expect(page.getByRole('heading', { name: 'Thiết lập ban đầu' })).toHaveCount(0);
  await expect(page.getByRole('banner')).toContainText('Liên đoàn Lao động huyện Gò Dầu');
  await page.getByRole('button', { name: 'Cài đặt' }).click();
  await expect(page.getByRole('form', { name: 'Đơn vị của tôi' }).getByLabel('Mã đơn vị')).toHaveValue('LDLD-GO-DAU');
});

test('accepting the defaults lands on the plan of LĐLĐ huyện Dương Minh Châu', async ({ page }) => {
  await openAppFresh(page);
  // Focus starts in the form (as an officer sees the cursor in "Tên đơn vị"): Enter submits it.
  await expect(page.getByLabel('Tên đơn vị')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Kế hoạch', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('banner')).toContainText('LĐLĐ huyện Dương Minh Châu');
});
