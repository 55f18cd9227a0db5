/**
 * Two installations of one district office (two browser contexts, each its own IndexedDB)
 * import overlapping sets of their CĐCS's workbooks; A backs up; B restores A's backup with
 * «Gộp». B must end with one active report per unit and period, the newer export of each, as
 * importing A's files would leave it: the log and «Tổng hợp» count each activity once, and
 * «Tổng hợp» consolidates without complaint. On the way, B's own batch holds two files of the
 * same unit chosen newest first: the older one says «sẽ được lưu vào lịch sử» and is.
 */
import type { Browser, Page } from '@playwright/test';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { currentPeriod, isoDateOf, nextDay, type PeriodConfig } from '@domain/periods';
import { formatVersionFor, type UnitReport } from '@domain/report';
import { writeUnitReport } from '@exchange/writer';
import { sampleReport } from '../support/exchange-writer-fixtures';
import { showPeriod } from './district-flow/app';
import { collectPageErrors, expect, openApp, shot, test } from './fixtures';

const ND09: PeriodConfig = { kinds: ['half', 'year'], halfEnd: { day: 14, month: 6 }, yearEnd: { day: 14, month: 12 } };
const period = currentPeriod(ND09, isoDateOf(new Date()), 'half');
const ROOT = resolve(process.cwd(), 'test-results', 'workbooks', 'backup-merge-e2e');

const HOUR = 3600_000;
/** name → unit number, activities, hours before now it was exported. */
const FILES = {
  U1v1: [1, 4, 50],
  U1v2: [1, 6, 30],
  U2: [2, 5, 40],
  U3v1: [3, 3, 60],
  U3v2: [3, 7, 20],
  U4: [4, 8, 45],
} as const;
type Name = keyof typeof FILES;
const A: Name[] = ['U1v1', 'U2', 'U3v2', 'U4'];
const B: Name[] = ['U1v2', 'U2', 'U3v1', 'U1v1'];

const code = (n: number) => `CDCS-M${n}`;
const path = (name: Name) => join(ROOT, `BaoCao_${name}.xlsx`);

function reportOf(name: Name): UnitReport {
  const [n, count, hours] = FILES[name];
  const r = sampleReport(count);
  r.unit = { code: code(n), name: `CĐCS Công ty số ${n}`, level: 'grassroots', parentName: 'LĐLĐ huyện Dương Minh Châu' };
  r.period = { key: period.key, name: period.name, start: period.start, end: period.end };
  let day = period.start;
  r.activities = r.activities.map((a) => {
    const out = { ...a, unitCode: code(n), date: day, title: `${a.title} — ${name}` };
    day = day < period.end ? nextDay(day) : period.start;
    return out;
  });
  r.exportedAt = new Date(Date.now() - hours * HOUR).toISOString();
  r.formatVersion = formatVersionFor(r.kind);
  return r;
}

function nav(page: Page, label: string) {
  return page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: label, exact: true });
}

function card(page: Page, fileName: string) {
  return page.getByRole('list', { name: 'Tệp đã chọn' }).getByRole('listitem').filter({ has: page.getByRole('heading', { name: fileName }) });
}

async function importFiles(page: Page, names: Name[]): Promise<void> {
  await nav(page, 'Nhập dữ liệu').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Chọn tệp báo cáo…' }).click();
  await (await chooser).setFiles(names.map(path));
  await expect(page.locator('.import-summary')).toHaveText(new RegExp(`^${names.length} tệp: `), { timeout: 60_000 });
  await page.getByRole('button', { name: /^Thêm cả \d+ đơn vị chưa có vào danh sách$/ }).click();
  await expect(page.getByRole('button', { name: `Nhập ${names.length} tệp` })).toBeEnabled();
}

async function logCount(page: Page): Promise<string> {
  await nav(page, 'Nhật ký').click();
  const count = page.getByRole('status').filter({ hasText: /\d+ hoạt động$/ });
  await expect(count.first()).toBeVisible();
  return count.first().innerText();
}

async function installation(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
  const page = await context.newPage();
  await openApp(page);
  return page;
}

test('«Gộp» of another installation\'s backup keeps one active report per unit and period', async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(ROOT, { recursive: true });
  for (const name of Object.keys(FILES) as Name[]) writeFileSync(path(name), await writeUnitReport(reportOf(name)));
  const baseURL = String(testInfo.project.use.baseURL);

  // Installation A: its files, then «Sao lưu».
  const a = await installation(browser, baseURL);
  const errorsA = collectPageErrors(a);
  await importFiles(a, A);
  await a.getByRole('button', { name: `Nhập ${A.length} tệp` }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Đã nhập 4 tệp' })).toBeVisible({ timeout: 60_000 });
  expect(await logCount(a)).toBe('24 hoạt động');
  await nav(a, 'Cài đặt').click();
  const panelA = a.getByRole('region', { name: 'Sao lưu và khôi phục' });
  const [download] = await Promise.all([a.waitForEvent('download'), panelA.getByRole('button', { name: 'Sao lưu', exact: true }).click()]);
  const backupA = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(backupA);

  // Installation B: its files, U1's two exports chosen newest first.
  const b = await installation(browser, baseURL);
  const errorsB = collectPageErrors(b);
  await importFiles(b, B);
  const older = card(b, 'BaoCao_U1v1.xlsx');
  await expect(older).toContainText('Cũ hơn một tệp khác trong lô — sẽ được lưu vào lịch sử');
  await expect(older).toContainText('«BaoCao_U1v2.xlsx»');
  await expect(card(b, 'BaoCao_U1v2.xlsx')).toContainText('Mới');
  await older.scrollIntoViewIfNeeded();
  await shot(b, 'import-batch-older-in-batch');
  await b.getByRole('button', { name: `Nhập ${B.length} tệp` }).click();
  await expect(b.getByRole('status').filter({ hasText: 'Đã nhập 3 tệp' })).toHaveText('Đã nhập 3 tệp; 1 tệp lưu vào lịch sử.', { timeout: 60_000 });
  const history = b.getByRole('region', { name: 'Lịch sử nhập' });
  await expect(history.getByRole('row').filter({ hasText: 'BaoCao_U1v1.xlsx' })).toContainText('Đã bị thay thế');
  await expect(history.getByRole('row').filter({ hasText: 'BaoCao_U1v2.xlsx' })).toContainText('Đang dùng');
  expect(await logCount(b)).toBe('14 hoạt động');

  // B restores A's backup with «Gộp».
  await nav(b, 'Cài đặt').click();
  const [chooser] = await Promise.all([b.waitForEvent('filechooser'), b.getByRole('button', { name: 'Khôi phục…' }).click()]);
  await chooser.setFiles(backupA);
  const dialog = b.getByRole('dialog', { name: 'Khôi phục dữ liệu từ bản sao lưu' });
  await expect(dialog.getByRole('row', { name: /Lịch sử nhập báo cáo\s*4/ })).toBeVisible();
  await dialog.getByRole('radio', { name: /Gộp/ }).check();
  await shot(b, 'backup-merge-preview');
  await dialog.getByRole('button', { name: 'Khôi phục (gộp)' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(b.getByRole('status').filter({ hasText: 'Đã gộp dữ liệu từ bản sao lưu' })).toBeVisible();

  // U1: B's newer export stays; U2: the same file once; U3: A's newer export; U4: A's.
  expect(await logCount(b)).toBe(`${6 + 5 + 7 + 8} hoạt động`);
  await nav(b, 'Nhập dữ liệu').click();
  const rows = history.getByRole('row');
  for (const [file, state] of [
    ['BaoCao_U1v2.xlsx', 'Đang dùng'],
    ['BaoCao_U2.xlsx', 'Đang dùng'],
    ['BaoCao_U3v2.xlsx', 'Đang dùng'],
    ['BaoCao_U3v1.xlsx', 'Đã bị thay thế'],
    ['BaoCao_U4.xlsx', 'Đang dùng'],
  ] as const) {
    await expect(rows.filter({ hasText: file }), file).toHaveCount(1);
    await expect(rows.filter({ hasText: file })).toContainText(state);
  }
  // U1 v1 was in both: the same file is filed once (history, under B's newer export).
  await expect(rows.filter({ hasText: 'BaoCao_U1v1.xlsx' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'BaoCao_U1v1.xlsx' })).toContainText('Đã bị thay thế');
  await expect(rows.filter({ hasText: 'Đang dùng' })).toHaveCount(4);

  // «Tổng hợp»: every unit once, the totals of the active reports.
  await nav(b, 'Tổng hợp').click();
  await showPeriod(b, period);
  await expect(b.getByRole('heading', { name: 'Tổng hợp', level: 1 })).toBeVisible();
  const acts = b.getByRole('region', { name: 'Hoạt động' });
  await expect(acts.getByRole('status')).toHaveText('26 hoạt động');
  await expect(b.getByText(/Consolidation|contributions/)).toHaveCount(0);
  for (const n of [1, 2, 3, 4]) await expect(b.getByRole('cell', { name: `CĐCS Công ty số ${n}`, exact: true }).first()).toBeVisible();
  await shot(b, 'backup-merge-consolidation');
  expect(errorsA).toEqual([]);
  expect(errorsB).toEqual([]);
  await a.context().close();
  await b.context().close();
});
