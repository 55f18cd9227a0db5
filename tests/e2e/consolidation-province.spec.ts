/**
 * «Tổng hợp» of a province receiving 2,000 CĐCS reports directly: the 2,000 workbooks (the app's
 * writer, two activities each) are imported on «Nhập dữ liệu» in one batch (folder chosen, every
 * unit added at once), then «Tổng hợp» opens with 2,000 units in «Tình hình nộp báo cáo» and
 * «Chỉ tiêu theo đơn vị», scrolls to the last unit, and the longest main-thread task while it
 * opens and while it scrolls is printed (Long Tasks API; speed is judged by the benches); the consolidated
 * workbook is exported and holds the 2,000 units.
 */
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultPeriod, isoDateOf, type PeriodConfig } from '@domain/periods';
import { formatVersionFor, type UnitReport } from '@domain/report';
import { writeUnitReport } from '@exchange/writer';
import { sampleReport } from '../support/exchange-writer-fixtures';
import { collectPageErrors, expect, openApp, shot, test } from './fixtures';

const ND09: PeriodConfig = { kinds: ['half', 'year'], halfEnd: { day: 14, month: 6 }, yearEnd: { day: 14, month: 12 } };
const period = defaultPeriod(ND09, isoDateOf(new Date()));
const UNITS = 2000;
const DIR = resolve(process.cwd(), 'test-results', 'workbooks', `consolidation-${UNITS}`, period.key);
const DOWNLOADS = resolve(process.cwd(), 'test-results', 'downloads', `consolidation-${UNITS}`);

const code = (i: number) => `CDCS-T${String(i + 1).padStart(4, '0')}`;
const fileOf = (i: number) => `BaoCao_${code(i)}.xlsx`;

function reportFor(i: number, exportedAt: string): UnitReport {
  const r = sampleReport(2);
  r.formatVersion = formatVersionFor('unit-report');
  r.unit = { code: code(i), name: `CĐCS Doanh nghiệp số ${i + 1}`, level: 'grassroots', parentName: 'LĐLĐ tỉnh Tây Ninh' };
  r.period = { key: period.key, name: period.name, start: period.start, end: period.end };
  for (const a of r.activities) {
    a.unitCode = code(i);
    a.date = period.start;
  }
  r.exportedAt = exportedAt;
  return r;
}

/** The workbooks, written once per period (kept between runs: writing 2,000 takes a while). */
async function writeFiles(): Promise<void> {
  if (existsSync(DIR) && readdirSync(DIR).length === UNITS) return;
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const at = new Date(Date.now() - 3600_000).toISOString();
  for (let i = 0; i < UNITS; i++) writeFileSync(join(DIR, fileOf(i)), await writeUnitReport(reportFor(i, at)));
}

function nav(page: Page, label: string) {
  return page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: label, exact: true });
}

test(`«Tổng hợp» opens and scrolls with ${UNITS.toLocaleString('en-US')} units`, async ({ page }) => {
  test.setTimeout(900_000);
  const errors = collectPageErrors(page);
  await writeFiles();
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await openApp(page);
  await nav(page, 'Nhập dữ liệu').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Chọn thư mục' }).click();
  await (await chooser).setFiles(DIR);
  const summary = page.locator('.import-summary');
  await expect(summary).toHaveText(`${UNITS} tệp: 0 sẵn sàng, 0 có cảnh báo, 0 lỗi, ${UNITS} chờ xác nhận.`, { timeout: 300_000 });
  await page.getByRole('button', { name: `Thêm cả ${UNITS} đơn vị chưa có vào danh sách` }).click();
  await page.getByRole('button', { name: `Nhập ${UNITS} tệp` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Đã nhập ${UNITS} tệp.` })).toBeVisible({ timeout: 300_000 });

  const t0 = await page.evaluate(() => performance.now());
  await nav(page, 'Tổng hợp').click();
  const completeness = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Tình hình nộp báo cáo' }) });
  await expect(completeness.getByRole('cell', { name: code(0), exact: true })).toBeVisible({ timeout: 120_000 });
  await expect(page.getByRole('button', { name: new RegExp(`^Đã nộp ${UNITS.toLocaleString('vi-VN')}$`) })).toBeVisible();
  const tOpened = await page.evaluate(() => performance.now());
  const opened = tOpened - t0;
  // Only the rows near the view are drawn.
  expect(await completeness.getByRole('row').count()).toBeLessThan(100);
  // By name with numbers by value: «… số 2» is second, not «… số 10».
  await expect(completeness.getByRole('row', { name: /^2 CDCS-T0002 CĐCS Doanh nghiệp số 2 / })).toBeVisible();
  await shot(page, 'consolidation-province-open');
  // Each table scrolled to its end: its last unit is there.
  const box = completeness.locator('.cons-completeness-wrap');
  await box.hover();
  for (let k = 0; k < 5; k++) await box.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  // «… số 2000» comes last.
  const last = 'CĐCS Doanh nghiệp số 2000';
  await expect(completeness.getByRole('row', { name: new RegExp(`^${UNITS} CDCS-T2000 ${last} `) })).toBeVisible();
  const indicators = page.getByRole('region', { name: 'Bảng số liệu từng đơn vị, cuộn ngang để xem hết' });
  await indicators.scrollIntoViewIfNeeded();
  for (let k = 0; k < 5; k++) await indicators.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(indicators.getByRole('rowheader', { name: new RegExp(`^${last}\\b`) })).toBeVisible();
  await expect(indicators.getByRole('rowheader', { name: 'Tổng cộng' })).toBeVisible();
  await shot(page, 'consolidation-province-indicators-end');
  const tasks = await page.evaluate((from) => (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks.filter((t) => t.start >= from), t0);
  const longest = (list: { duration: number }[]) => Math.round(Math.max(0, ...list.map((t) => t.duration)));
  const scrolling = tasks.filter((t) => t.start >= tOpened);
  console.log(
    `«Tổng hợp» with ${UNITS} units: shown in ${Math.round(opened)} ms; longest task while opening ${longest(tasks.filter((t) => t.start < tOpened))} ms, while scrolling both tables to their end ${longest(scrolling)} ms (${tasks.length} tasks ≥ 50 ms)`,
  );
  // Timings are printed, not judged: a busy machine would fail them (the benches judge speed).
  // Scrolled to the end, each table still draws only the rows near the view.
  expect(await completeness.getByRole('row').count()).toBeLessThan(100);
  expect(await indicators.getByRole('row').count()).toBeLessThan(100);

  // The consolidated workbook of the 2,000 units: one row each in «Chỉ tiêu theo đơn vị» and in
  // «Tình hình nộp báo cáo», read back with ExcelJS.
  mkdirSync(DOWNLOADS, { recursive: true });
  const download = page.waitForEvent('download', { timeout: 300_000 });
  await page.getByRole('button', { name: 'Xuất báo cáo tổng hợp' }).click();
  const file = await download;
  const path = join(DOWNLOADS, file.suggestedFilename());
  await file.saveAs(path);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const codesIn = (sheet: string) => {
    const codes = new Set<string>();
    wb.getWorksheet(sheet)!.eachRow((row) => row.eachCell((cell) => typeof cell.value === 'string' && /^CDCS-T\d{4}$/.test(cell.value) && codes.add(cell.value)));
    return codes;
  };
  expect(codesIn('Chỉ tiêu theo đơn vị').size).toBe(UNITS);
  expect(codesIn('Tình hình nộp báo cáo').size).toBe(UNITS);
  expect(errors).toEqual([]);
});
