/**
 * Restore as an officer sees it when things go wrong, and notes that are never lost:
 * - a big backup: the check and the restore show their progress; «Hủy» mid-restore leaves the
 *   data exactly as it was;
 * - a forged backup (a record of the wrong shape, checksum recomputed) is refused with the
 *   table, the record and the field named, before anything is written;
 * - «Đánh giá» typed and not left is saved as it is typed; leaving the page at once asks first.
 */
import type { Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { collectPageErrors, expect, openApp, reloadApp, shot, test } from './fixtures';

const ITEM = /^III\.1\.1 /;
const FIXTURES = resolve(process.cwd(), 'tests/fixtures/backups');
const OUT = resolve(process.cwd(), 'test-results', 'backups-e2e');

async function go(page: Page, label: string) {
  await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: label, exact: true }).click();
}

async function chooseRestoreFile(page: Page, path: string) {
  await go(page, 'Cài đặt');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Khôi phục…' }).click()]);
  await chooser.setFiles(path);
  return page.getByRole('dialog', { name: 'Khôi phục dữ liệu từ bản sao lưu' });
}

async function typeNote(page: Page, note: string) {
  await go(page, 'Kế hoạch');
  const field = page.getByRole('group', { name: ITEM }).getByLabel('Đánh giá');
  await field.fill(note);
  return field;
}

/**
 * A big backup built from installation-a.json: its imported reports copied `copies` times under
 * other units (valid records), sealed again as the format says: SHA-256 of JSON.stringify of
 * [format, formatVersion, appVersion, schemaVersion, createdAt, counts, payload].
 */
function bigBackup(copies: number): string {
  const file = JSON.parse(readFileSync(resolve(FIXTURES, 'installation-a.json'), 'utf8'));
  const subs = file.payload.data.data.find((t: { tableName: string }) => t.tableName === 'submissions');
  const units = file.payload.data.data.find((t: { tableName: string }) => t.tableName === 'units');
  const base = subs.rows.filter((s: { state: string }) => s.state === 'active');
  for (let i = 0; i < copies; i++) {
    for (const [j, s] of base.entries()) {
      const code = `CDCS-X${String(i * base.length + j).padStart(4, '0')}`;
      const hex = (i * 97 + j).toString(16).padStart(8, '0');
      subs.rows.push({
        ...s,
        id: `${hex}-0000-4000-8000-${hex}0000`,
        fileHash: hex.repeat(8),
        unitCode: code,
        unitCodes: [code],
        report: {
          ...s.report,
          unit: { ...s.report.unit, code },
          // Reports of 40 times as many activities: a district's real size.
          activities: Array.from({ length: 40 }, (_, k) => s.report.activities.map((a: { id: string }, n: number) => ({ ...a, id: `${hex}-1111-4000-8000-${String(k * 100 + n).padStart(12, '0')}` }))).flat(),
        },
      });
      units.rows.push({ ...units.rows.find((u: { code: string }) => u.code === s.unitCode), code });
    }
  }
  for (const t of file.payload.data.tables) t.rowCount = file.payload.data.data.find((d: { tableName: string }) => d.tableName === t.name).rows.length;
  file.counts = Object.fromEntries(file.payload.data.tables.map((t: { name: string; rowCount: number }) => [t.name, t.rowCount]));
  const sealed = JSON.stringify([file.format, file.formatVersion, file.appVersion, file.schemaVersion, file.createdAt, file.counts, file.payload]);
  file.checksum = { algorithm: 'SHA-256', value: createHash('sha256').update(sealed).digest('hex') };
  mkdirSync(OUT, { recursive: true });
  const path = resolve(OUT, 'SaoLuu_lon.json');
  writeFileSync(path, JSON.stringify(file));
  return path;
}

test('a big restore shows its progress; «Hủy» leaves the data as it was', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectPageErrors(page);
  const path = bigBackup(60);
  await openApp(page);
  const note = 'Ghi chú có trước khi khôi phục';
  const field = await typeNote(page, note);
  await field.press('Tab');
  await expect(page.getByRole('group', { name: ITEM }).getByText('Đã lưu')).toBeVisible();

  const dialog = await chooseRestoreFile(page, path);
  await expect(dialog.getByRole('row', { name: /Lịch sử nhập báo cáo\s*(\d[\d.]*)/ })).toBeVisible({ timeout: 60_000 });
  // A slow office PC for the restore (Chromium's CPU throttling; the app runs as it is).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
  await dialog.getByRole('button', { name: 'Khôi phục (thay thế toàn bộ)' }).click();
  const progress = dialog.getByRole('progressbar', { name: 'Đang khôi phục dữ liệu…' });
  await expect(progress).toBeVisible();
  await expect(dialog.getByRole('status').filter({ hasText: /Đang khôi phục dữ liệu… \d+%/ })).toBeVisible();
  await shot(page, 'backup-restore-progress');
  await dialog.getByRole('button', { name: 'Hủy' }).click();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await expect(dialog.getByRole('status').filter({ hasText: 'Đã hủy khôi phục' })).toHaveText('Đã hủy khôi phục: dữ liệu hiện tại giữ nguyên như trước.', { timeout: 60_000 });
  await shot(page, 'backup-restore-cancelled');
  await dialog.getByRole('button', { name: 'Hủy' }).click();
  await expect(dialog).toHaveCount(0);
  // Nothing of the backup landed: the note is there, no report was imported.
  await go(page, 'Kế hoạch');
  await expect(page.getByRole('group', { name: ITEM }).getByLabel('Đánh giá')).toHaveValue(note);
  await go(page, 'Nhập dữ liệu');
  await expect(page.getByRole('region', { name: 'Lịch sử nhập' })).toContainText('Chưa nhập tệp nào cho kế hoạch này.');
  expect(errors).toEqual([]);
});

test('a forged backup (a record of the wrong shape, checksum recomputed) is refused, naming table, record and field', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openApp(page);
  const expected = JSON.parse(readFileSync(resolve(FIXTURES, 'expected.json'), 'utf8')).refused as Record<string, string>;
  for (const name of ['forged-activities.json', 'forged-submissions.json']) {
    const dialog = await chooseRestoreFile(page, resolve(FIXTURES, name));
    await expect(dialog.getByRole('alert')).toHaveText(expected[name]!);
    await expect(dialog.getByText('Dữ liệu hiện tại không bị thay đổi.')).toBeVisible();
    await expect(dialog.getByRole('button', { name: /^Khôi phục/ })).toHaveCount(0);
    if (name === 'forged-activities.json') await shot(page, 'backup-forged-refused');
    await dialog.getByRole('button', { name: 'Đóng' }).click();
  }
  // The start screen and the log still work (nothing was restored).
  await go(page, 'Nhật ký');
  await expect(page.getByRole('heading', { name: 'Nhật ký hoạt động' })).toBeVisible();
  await go(page, 'Kế hoạch');
  await expect(page.getByRole('group', { name: ITEM })).toBeVisible();
  expect(errors).toEqual([]);
});

test('«Đánh giá» typed and not left is saved as typed; leaving at once asks first', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openApp(page);
  const typed = 'Đang gõ, chưa rời khỏi ô đánh giá';
  await typeNote(page, typed);
  // Saved after a short pause, while the field still has the focus.
  await expect(page.getByRole('group', { name: ITEM }).getByText('Đã lưu')).toBeVisible();
  await expect(page.getByRole('group', { name: ITEM }).getByLabel('Đánh giá')).toBeFocused();
  await shot(page, 'checklist-note-autosaved');
  await reloadApp(page);
  await go(page, 'Kế hoạch');
  await expect(page.getByRole('group', { name: ITEM }).getByLabel('Đánh giá')).toHaveValue(typed);

  // Typed and the page left at once: the browser asks; staying keeps it, and it is saved.
  const second = 'Sửa lại rồi đóng ngay';
  await typeNote(page, second);
  const asked = page.waitForEvent('dialog');
  void page.reload().catch(() => undefined);
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  await expect(page.getByRole('group', { name: ITEM }).getByText('Đã lưu')).toBeVisible();
  await reloadApp(page);
  await go(page, 'Kế hoạch');
  await expect(page.getByRole('group', { name: ITEM }).getByLabel('Đánh giá')).toHaveValue(second);
  expect(errors).toEqual([]);
});
