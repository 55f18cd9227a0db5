/**
 * Backup and restore as an officer does it: fill in data, "Sao lưu" (a download),
 * the site's storage cleared, "Khôi phục…" from the file, everything back; a tampered file
 * refused with nothing changed; a database made by a newer version left untouched.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { collectPageErrors, expect, openApp, shot, test } from './fixtures';

const ITEM = /^III\.1\.1 /;
const NOTE = 'Đã tổ chức hội nghị tuyên truyền, 45 đoàn viên dự';

async function go(page: Page, label: string) {
  await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: label, exact: true }).click();
}

async function markItemDone(page: Page, note: string) {
  await go(page, 'Kế hoạch');
  const item = page.getByRole('group', { name: ITEM });
  await item.getByLabel('Trạng thái').selectOption({ label: 'Đã hoàn thành' });
  await expect(item.getByText('Đã lưu')).toBeVisible();
  await item.getByLabel('Đánh giá').fill(note);
  await item.getByLabel('Đánh giá').press('Tab');
  await expect(item.getByText('Đã lưu')).toBeVisible();
}

async function expectItem(page: Page, status: string, note: string) {
  await go(page, 'Kế hoạch');
  const item = page.getByRole('group', { name: ITEM });
  await expect(item.getByLabel('Trạng thái')).toHaveValue(status);
  await expect(item.getByLabel('Đánh giá')).toHaveValue(note);
}

/** "Sao lưu" in Cài đặt; returns the downloaded file's path. */
async function backUp(page: Page, testInfo: { outputPath(name: string): string }): Promise<string> {
  await go(page, 'Cài đặt');
  const panel = page.getByRole('region', { name: 'Sao lưu và khôi phục' });
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Sao lưu', exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/^SaoLuu_SoKeHoach_\d{4}-\d{2}-\d{2}_\d{4}\.json$/);
  const path = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(path);
  await expect(panel.getByRole('status').filter({ hasText: 'Đã sao lưu' })).toBeVisible();
  return path;
}

async function chooseRestoreFile(page: Page, path: string) {
  await go(page, 'Cài đặt');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Khôi phục…' }).click()]);
  await chooser.setFiles(path);
  return page.getByRole('dialog', { name: 'Khôi phục dữ liệu từ bản sao lưu' });
}

async function deleteDatabase(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase('so-ke-hoach');
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error);
      }),
  );
}

test('back up, clear the site storage, restore from the file: everything is back', async ({ page, context }, testInfo) => {
  const errors = collectPageErrors(page);
  await openApp(page);
  // Browser build, never backed up: the reminder (after 7 days it says "Đã hơn 7 ngày chưa sao lưu dữ liệu.").
  const reminder = page.getByRole('status').filter({ hasText: 'Dữ liệu chưa được sao lưu lần nào.' });
  await expect(reminder).toBeVisible();
  await expect(reminder.getByRole('button', { name: 'Sao lưu ngay' })).toBeVisible();
  await markItemDone(page, NOTE);
  await shot(page, 'backup-reminder');
  await go(page, 'Cài đặt');
  await expect(page.getByTestId('last-backup')).toHaveText('chưa sao lưu lần nào');
  await expect(page.getByTestId('storage-persisted')).toHaveText(/đã được cấp|chưa được cấp/);
  await expect(page.getByText('Còn trống')).toBeVisible();
  const file = await backUp(page, testInfo);
  await expect(page.getByTestId('last-backup')).not.toHaveText('chưa sao lưu lần nào');
  await expect(reminder).toHaveCount(0);
  await shot(page, 'backup-panel');
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  expect(saved.format).toBe('so-ke-hoach-backup');
  expect(saved.counts.itemStatuses).toBe(1);

  // The site's storage is cleared: a fresh installation (first-run setup again), the note gone.
  await deleteDatabase(page);
  await context.clearCookies();
  await openApp(page);
  await expectItem(page, 'chua', '');

  const dialog = await chooseRestoreFile(page, file);
  await expect(dialog.getByRole('row', { name: /Trạng thái nhiệm vụ\s*1/ })).toBeVisible();
  await expect(dialog.getByRole('row', { name: /Kế hoạch\s*1/ })).toBeVisible();
  await expect(dialog.getByTestId('backup-date')).toHaveText(/^\d{2}\/\d{2}\/\d{4} lúc \d{2}:\d{2}$/);
  await expect(dialog.getByRole('radio', { name: /Thay thế toàn bộ/ })).toBeChecked();
  await shot(page, 'backup-restore-preview');
  await dialog.getByRole('button', { name: 'Khôi phục (thay thế toàn bộ)' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Đã khôi phục toàn bộ dữ liệu' })).toBeVisible();
  await expectItem(page, 'xong', NOTE);
  expect(errors).toEqual([]);
});

test('a tampered backup is refused and nothing changes', async ({ page }, testInfo) => {
  await openApp(page);
  await markItemDone(page, NOTE);
  const file = await backUp(page, testInfo);
  const tampered = testInfo.outputPath('SaoLuu_da_sua.json');
  const text = readFileSync(file, 'utf8');
  expect(text).toContain('45 đoàn viên');
  writeFileSync(tampered, text.replace('45 đoàn viên', '95 đoàn viên'));

  // Work continues after the backup.
  await markItemDone(page, 'Ghi chú mới sau khi sao lưu');
  const dialog = await chooseRestoreFile(page, tampered);
  await expect(dialog.getByRole('alert')).toHaveText('Tệp sao lưu đã bị thay đổi hoặc hỏng (sai mã kiểm tra); không khôi phục.');
  await expect(dialog.getByText('Dữ liệu hiện tại không bị thay đổi.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: /^Khôi phục/ })).toHaveCount(0);
  await shot(page, 'backup-refusal');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expectItem(page, 'xong', 'Ghi chú mới sau khi sao lưu');
});

test('a database made by a newer version: the message, and nothing overwritten', async ({ page }) => {
  // Before the app's own scripts: the database as a future version left it.
  await page.addInitScript(() => {
    const req = indexedDB.open('so-ke-hoach', 999);
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore('duLieuMoi');
      store.put({ ghiChu: 'dữ liệu của phiên bản mới' }, 'k1');
    };
    req.onsuccess = () => req.result.close();
  });
  await page.goto('/');
  const screen = page.locator('[data-database-problem="newer"]');
  await expect(screen.getByRole('heading', { name: 'Dữ liệu được tạo bởi phiên bản mới hơn' })).toBeVisible({ timeout: 20_000 });
  await expect(screen).toContainText('hãy dùng phiên bản mới hơn');
  await expect(screen.getByRole('button', { name: /Khôi phục/ })).toHaveCount(0);
  await shot(page, 'backup-newer-version');

  // "Thử lại" does not touch it either.
  await screen.getByRole('button', { name: 'Thử lại' }).click();
  await expect(page.locator('[data-database-problem="newer"]')).toBeVisible();

  const onDisk = await page.evaluate(
    () =>
      new Promise<{ version: number; stores: string[]; value: unknown }>((resolve, reject) => {
        const req = indexedDB.open('so-ke-hoach');
        req.onsuccess = () => {
          const d = req.result;
          const get = d.transaction('duLieuMoi').objectStore('duLieuMoi').get('k1');
          get.onsuccess = () => {
            resolve({ version: d.version, stores: Array.from(d.objectStoreNames), value: get.result });
            d.close();
          };
        };
        req.onerror = () => reject(req.error);
      }),
  );
  expect(onDisk).toEqual({ version: 999, stores: ['duLieuMoi'], value: { ghiChu: 'dữ liệu của phiên bản mới' } });
});
