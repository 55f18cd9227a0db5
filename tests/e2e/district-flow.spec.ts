/**
 * Issue 5 "Done means", the district clerk end to end (serial parts sharing state):
 *   a. 12 CĐCS run the app each in a browser context of its own (fresh database): first-run
 *      setup, statuses on "Kế hoạch", 1–3 activities with indicator values on "Nhật ký", the
 *      unit's workbook exported on "Báo cáo". A ledger records what each one logged.
 *   b. The district (LĐLĐ huyện Dương Minh Châu) sets itself up, imports its directory of 16
 *      units and sends 2 blank templates, which LibreOffice fills (text dates, an inserted row).
 *   c. 3 broken files: a PDF named .xlsx, a workbook cut short, a password-protected one.
 *   d. All 17 chosen at once: preview (14 ready, 3 with their messages), apply, totals.
 *   e. Completeness ("Tổng hợp"): the 2 silent units «Chưa nộp», a deadline makes one late.
 *   f. Re-import all: nothing changes. A newer export of one unit supersedes; withdrawn, the
 *      old one is back. Totals checked after each step.
 *   g. The consolidated workbook, cell by cell against the ledger.
 *   h. A province imports the consolidated workbooks of two districts.
 * Every expected figure comes from the ledger (district-flow/ledger.ts), never from the app.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { currentPeriod, isoDateOf, type PeriodConfig } from '../../src-renderer/domain/periods';
import { STANDARD_INDICATORS } from '../../src-renderer/domain/indicators';
import {
  chooseReportFiles,
  exportTemplate,
  exportUnitReport,
  fileCard,
  importDirectory,
  logActivities,
  nav,
  newAppContext,
  setStatuses,
  setUpAs,
} from './district-flow/app';
import { fillTemplatesWithLibreOffice, writeBrokenFiles, type BrokenFile } from './district-flow/files';
import { activityCountOf, totalsOf, vn, type UnitEntry } from './district-flow/ledger';
import { activityFor, APP_UNITS, calendarOf, DISTRICT, DISTRICT2, GODAU_UNITS, planFor, SILENT_UNITS, TEMPLATE_UNITS, type Unit } from './district-flow/units';
import { collectPageErrors, expect, shot, test } from './fixtures';

const ND09: PeriodConfig = { kinds: ['half', 'year'], halfEnd: { day: 14, month: 6 }, yearEnd: { day: 14, month: 12 } };
/** The 6-month period the app proposes today (pinned: every export and template names it). */
const period = currentPeriod(ND09, isoDateOf(new Date()), 'half');
const calendar = calendarOf(period);
const DIR = resolve(process.cwd(), 'test-results', 'workbooks', 'district-flow');

interface Received {
  unit: UnitEntry;
  fileName: string;
  path: string;
}

/** Shared by the serial parts. */
const ledger: UnitEntry[] = [];
const received: Received[] = [];
let broken: BrokenFile[] = [];
/** The first CĐCS stays open: it exports a newer report in part f. */
let firstUnit: { context: BrowserContext; page: Page; unit: Unit; index: number } | null = null;
let district: { context: BrowserContext; page: Page } | null = null;
/** Gò Dầu: its CĐCS's ledger and the district's own installation (part h). */
const godauLedger: UnitEntry[] = [];
let district2: { context: BrowserContext; page: Page } | null = null;
const timings: Record<string, number> = {};

test.describe.configure({ mode: 'serial' });

test.afterAll(async () => {
  await firstUnit?.context.close();
  await district?.context.close();
  await district2?.context.close();
  console.log(`district-flow timings (s): ${JSON.stringify(timings)}`);
});

/** Runs the app as one CĐCS in a fresh context; returns its ledger entry and saved workbook. */
async function runUnit(page: Page, unit: Unit, index: number, parentName: string, at?: Date): Promise<Received> {
  const entry = planFor(unit, index, period);
  if (at) await page.clock.setFixedTime(at);
  await setUpAs(page, { level: 'grassroots', name: unit.name, code: unit.code, parentName });
  await setStatuses(page, entry.statuses);
  await logActivities(page, entry.activities);
  const { fileName, bytes } = await exportUnitReport(page, period, `Chủ tịch ${unit.name}`);
  expect(fileName).toBe(`BaoCao_63-KH-LDLD_${unit.code}_6T-${period.year}.xlsx`);
  const path = join(DIR, fileName);
  writeFileSync(path, bytes);
  return { unit: entry, fileName, path };
}

/** "Chỉ tiêu" with «Toàn đơn vị trực thuộc»: every indicator's Tổng equals the ledger's sum. */
async function expectDistrictTotals(page: Page, units: readonly UnitEntry[], shotName?: string): Promise<void> {
  await nav(page, 'Chỉ tiêu').click();
  await expect(page.getByRole('heading', { name: 'Chỉ tiêu', level: 1 })).toBeVisible();
  const all = page.getByLabel('Toàn đơn vị trực thuộc');
  if (!(await all.isChecked())) await all.check();
  await expect(page.getByTestId('indicator-scope')).toContainText(`${vn(activityCountOf(units))} hoạt động trong kỳ`);
  const table = page.getByRole('table', { name: /^Chỉ tiêu của Toàn đơn vị trực thuộc/ });
  const totals = totalsOf(units);
  for (const d of STANDARD_INDICATORS) {
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: d.name, exact: true }) });
    await expect(row.getByRole('cell').nth(3), d.name).toHaveText(vn(totals[d.code] ?? 0));
  }
  if (shotName) await shot(page, shotName);
}

function history(page: Page) {
  return page.getByRole('region', { name: 'Lịch sử nhập' }).getByRole('row');
}

test('a. twelve CĐCS run the app, log activities and statuses, export their reports', async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const t0 = Date.now();
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  for (const [index, unit] of APP_UNITS.entries()) {
    const context = await newAppContext(browser, testInfo);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const r = await runUnit(page, unit, index, DISTRICT.name, calendar.unitExport(index));
    ledger.push(r.unit);
    received.push(r);
    if (index === 0) {
      await nav(page, 'Nhật ký').click();
      await shot(page, 'district-flow-a-unit-log');
      firstUnit = { context, page, unit, index };
    } else {
      await context.close();
    }
    expect(errors).toEqual([]);
  }
  expect(received).toHaveLength(12);
  timings.a = (Date.now() - t0) / 1000;
});

test('b. the district sets up, imports its directory, sends two templates; LibreOffice fills them', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const t0 = Date.now();
  const context = await newAppContext(browser, testInfo);
  const page = await context.newPage();
  district = { context, page };
  await page.clock.setFixedTime(calendar.districtDay);
  await setUpAs(page, DISTRICT);
  await importDirectory(page, [...APP_UNITS, ...TEMPLATE_UNITS, ...SILENT_UNITS], join(DIR, 'danh-sach-cdcs.xlsx'));
  await shot(page, 'district-flow-b-directory');

  const jobs = [];
  for (const [k, unit] of TEMPLATE_UNITS.entries()) {
    const { fileName, bytes } = await exportTemplate(page, unit, period);
    expect(fileName).toBe(`MauNhapLieu_63-KH-LDLD_${unit.code}_6T-${period.year}.xlsx`);
    const template = join(DIR, fileName);
    writeFileSync(template, bytes);
    // Unit numbers 12, 13: after the app units; two or three activities each.
    const entry: UnitEntry = { ...planFor(unit, APP_UNITS.length + k, period, 2 + k), source: 'template' };
    jobs.push({ template, out: join(DIR, `BaoCao_${unit.code}_da-dien.xlsx`), entry });
  }
  await shot(page, 'district-flow-b-template');
  fillTemplatesWithLibreOffice(jobs, join(DIR, 'lo-jobs.json'));
  for (const j of jobs) {
    ledger.push(j.entry);
    received.push({ unit: j.entry, fileName: `BaoCao_${j.entry.code}_da-dien.xlsx`, path: j.out });
  }
  expect(received).toHaveLength(14);
  timings.b = (Date.now() - t0) / 1000;
});

test('c. three broken files arrive with them', () => {
  broken = writeBrokenFiles(DIR, readFileSync(received[1]!.path));
  expect(broken).toHaveLength(3);
});

test('d. the district imports all 17 files in one go: preview, apply, totals', async () => {
  test.setTimeout(120_000);
  const t0 = Date.now();
  const page = district!.page;
  const errors = collectPageErrors(page);
  await chooseReportFiles(page, [...received.map((r) => r.path), ...broken.map((b) => b.path)]);
  const cards = page.getByRole('list', { name: 'Tệp đã chọn' }).getByRole('listitem');
  await expect(cards).toHaveCount(17);
  for (const r of received) {
    const c = fileCard(page, r.fileName);
    await expect(c).toContainText(`${r.unit.name} (${r.unit.code})`);
    await expect(c).toContainText(period.name);
    await expect(c).toContainText('Mới');
    await expect(c).toContainText(`${r.unit.activities.length} mới, 0 thay đổi, 0 không đổi, 0 bỏ đi`);
    await expect(c.getByRole('checkbox', { name: 'Nhập tệp này' })).toBeChecked();
  }
  for (const b of broken) {
    const c = fileCard(page, b.fileName);
    await expect(c.getByRole('list', { name: `Vấn đề của tệp ${b.fileName}` })).toContainText(`Lỗi: ${b.message}`);
    await expect(c.getByRole('checkbox', { name: 'Nhập tệp này' })).not.toBeChecked();
    await expect(c.getByRole('checkbox', { name: 'Nhập tệp này' })).toBeDisabled();
  }
  await shot(page, 'district-flow-d-preview');
  await fileCard(page, broken[0]!.fileName).scrollIntoViewIfNeeded();
  await shot(page, 'district-flow-d-preview-broken');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);

  await page.getByRole('button', { name: 'Nhập 14 tệp' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã nhập 14 tệp' })).toBeVisible({ timeout: 60_000 });
  const rows = history(page);
  await expect(rows).toHaveCount(15);
  for (const r of received) {
    const row = rows.filter({ hasText: r.fileName });
    await expect(row).toContainText(r.unit.code);
    await expect(row).toContainText('Đang dùng');
  }
  await shot(page, 'district-flow-d-applied');
  await expectDistrictTotals(page, ledger, 'district-flow-d-totals');
  expect(errors).toEqual([]);
  timings.d = (Date.now() - t0) / 1000;
});

test.fixme('e. completeness: the silent units «Chưa nộp», one late after «Hạn nộp»', async () => {
  // Needs the "Tổng hợp" screen (helper B, branch wt-b), not merged yet.
});

test('f. re-import changes nothing; a newer export supersedes; withdrawn, the old one is back', async () => {
  test.setTimeout(120_000);
  const t0 = Date.now();
  const page = district!.page;
  const errors = collectPageErrors(page);

  // Everything again: 14 duplicates, 3 still broken, nothing to import.
  await chooseReportFiles(page, [...received.map((r) => r.path), ...broken.map((b) => b.path)]);
  for (const r of received) {
    const c = fileCard(page, r.fileName);
    await expect(c).toContainText('Trùng, không thay đổi');
    await expect(c.getByRole('checkbox', { name: 'Nhập tệp này' })).toBeDisabled();
  }
  await expect(page.getByRole('button', { name: 'Nhập 0 tệp' })).toBeDisabled();
  await expect(history(page)).toHaveCount(15);
  await expectDistrictTotals(page, ledger);

  // The first CĐCS logs one more activity and exports again (the browser saves it as "… (1).xlsx").
  const u = firstUnit!;
  const entry = ledger[0]!;
  const extra = activityFor(u.unit, u.index, entry.activities.length, period);
  await u.page.clock.setFixedTime(calendar.newerExport);
  await logActivities(u.page, [extra]);
  const { fileName, bytes } = await exportUnitReport(u.page, period, `Chủ tịch ${u.unit.name}`);
  const newer = fileName.replace(/\.xlsx$/, ' (1).xlsx');
  writeFileSync(join(DIR, newer), bytes);
  const newerLedger = ledger.map((e) => (e === entry ? { ...e, activities: [...e.activities, extra] } : e));

  await chooseReportFiles(page, [join(DIR, newer)]);
  const c = fileCard(page, newer);
  await expect(c).toContainText('Thay thế bản nộp trước');
  await expect(c).toContainText(`1 mới, 0 thay đổi, ${entry.activities.length} không đổi, 0 bỏ đi`);
  await page.getByRole('button', { name: 'Nhập 1 tệp' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã nhập 1 tệp' })).toBeVisible();
  const rows = history(page);
  await expect(rows).toHaveCount(16);
  const oldRow = rows.filter({ hasText: received[0]!.fileName }).filter({ hasNotText: newer });
  const newRow = rows.filter({ hasText: newer });
  await expect(newRow).toContainText('Đang dùng');
  await expect(oldRow).toContainText('Đã bị thay thế');
  await newRow.scrollIntoViewIfNeeded();
  await shot(page, 'district-flow-f-superseded');
  await oldRow.scrollIntoViewIfNeeded();
  await shot(page, 'district-flow-f-superseded-old-row');
  await expectDistrictTotals(page, newerLedger, 'district-flow-f-totals-newer');

  // Withdraw the newer one: the first report is in use again, with its figures.
  await nav(page, 'Nhập dữ liệu').click();
  await newRow.getByRole('button', { name: 'Rút bản nộp' }).click();
  await newRow.getByRole('button', { name: 'Xác nhận rút' }).click();
  await expect(newRow).toContainText('Đã rút');
  await expect(oldRow).toContainText('Đang dùng');
  await shot(page, 'district-flow-f-withdrawn', { fullPage: true });
  await expectDistrictTotals(page, ledger);
  expect(errors).toEqual([]);
  timings.f = (Date.now() - t0) / 1000;
});

test.fixme('g. the consolidated workbook, checked cell by cell against the ledger', async () => {
  // Needs "Xuất báo cáo tổng hợp" (helper B, wt-b) and the consolidated writer (helper A, wt-a).
});

test('h1. a second district (Gò Dầu) imports the reports of its two CĐCS', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const t0 = Date.now();
  const files: string[] = [];
  for (const [k, unit] of GODAU_UNITS.entries()) {
    const context = await newAppContext(browser, testInfo);
    const page = await context.newPage();
    // Unit numbers 14, 15: after the 12 app units and the 2 template units of Dương Minh Châu.
    const r = await runUnit(page, unit, APP_UNITS.length + TEMPLATE_UNITS.length + k, DISTRICT2.name);
    godauLedger.push(r.unit);
    files.push(r.path);
    await context.close();
  }
  const context = await newAppContext(browser, testInfo);
  const page = await context.newPage();
  district2 = { context, page };
  await setUpAs(page, DISTRICT2);
  await importDirectory(page, GODAU_UNITS, join(DIR, 'danh-sach-cdcs-go-dau.xlsx'));
  await chooseReportFiles(page, files);
  await page.getByRole('button', { name: 'Nhập 2 tệp' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã nhập 2 tệp' })).toBeVisible();
  await expectDistrictTotals(page, godauLedger, 'district-flow-h1-go-dau-totals');
  timings.h1 = (Date.now() - t0) / 1000;
});

test.fixme('h2. a province imports both districts’ consolidated workbooks; totals add up', async () => {
  // Needs the consolidated writer and reader (helper A, wt-a), «Xuất báo cáo tổng hợp» (helper B,
  // wt-b) and the import of consolidated reports (helper C, wt-c).
});
