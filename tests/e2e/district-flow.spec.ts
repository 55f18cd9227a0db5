/**
 * The district clerk end to end (serial parts sharing state):
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
import { currentPeriod, formatDateVn, isoDateOf, type PeriodConfig } from '@domain/periods';
import { STANDARD_INDICATORS } from '@domain/indicators';
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
  showPeriod,
} from './district-flow/app';
import { fillTemplatesWithLibreOffice, writeBrokenFiles, type BrokenFile } from './district-flow/files';
import { activityCountOf, totalsOf, vn, type UnitEntry } from './district-flow/ledger';
import {
  activityFor,
  APP_UNITS,
  calendarOf,
  DISTRICT,
  DISTRICT2,
  GODAU_UNITS,
  planFor,
  PROVINCE,
  SILENT_UNITS,
  TEMPLATE_UNITS,
  type Unit,
} from './district-flow/units';
import { expectConsolidatedFigures, expectConsolidatedMatches, tableOf, type Contributor } from './district-flow/consolidated';
import { collectPageErrors, expect, shot, test } from './fixtures';

const ND09: PeriodConfig = { kinds: ['half', 'year'], halfEnd: { day: 14, month: 6 }, yearEnd: { day: 14, month: 12 } };
/**
 * The 6-month period of today's report year (pinned: every export and template names it). The
 * district, Gò Dầu and the province work on it after its cut-off, when the app opens on the
 * year (the period containing their day): they show it first (showPeriod).
 */
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
let province: { context: BrowserContext; page: Page } | null = null;
/** The consolidated workbooks exported in g and h2, with the contributors each one's rows stand for. */
const workbooks: Partial<Record<'district' | 'godau' | 'province', { bytes: Buffer; contributors: Contributor[] }>> = {};
const timings: Record<string, number> = {};

test.describe.configure({ mode: 'serial' });

test.afterAll(async () => {
  await firstUnit?.context.close();
  await district?.context.close();
  await district2?.context.close();
  await province?.context.close();
  console.log(`district-flow timings (s): ${JSON.stringify(timings)}`);
});

/** Runs the app as one CĐCS in a fresh context; returns its ledger entry and saved workbook. */
async function runUnit(page: Page, unit: Unit, index: number, parentName: string, at?: Date): Promise<Received> {
  const entry = planFor(unit, index, period);
  if (at) await page.clock.setFixedTime(at);
  await setUpAs(page, { level: 'grassroots', name: unit.name, code: unit.code, parentName });
  // Its statuses are the 6-month report's (the app opens on the year once the 6 months ended).
  await showPeriod(page, period);
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

/** "dd/mm/yyyy hh:mm" in Vietnam time, as the screens show an instant. */
function vnMinute(d: Date): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  );
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
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
  await showPeriod(page, period);
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
  await expect(page.getByText('17 tệp: 14 sẵn sàng, 0 có cảnh báo, 3 lỗi.')).toBeVisible();
  for (const r of received) {
    const c = fileCard(page, r.fileName);
    await expect(c).toContainText(`${r.unit.name} (${r.unit.code})`);
    await expect(c).toContainText(period.name);
    await expect(c).toContainText('Mới');
    await expect(c).toContainText(r.unit.source === 'template' ? 'Mẫu báo cáo điền tay' : 'Báo cáo của đơn vị');
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

test('e. completeness: the silent units «Chưa nộp»; after «Hạn nộp» the hand-filled templates are late', async () => {
  const page = district!.page;
  const errors = collectPageErrors(page);
  await nav(page, 'Tổng hợp').click();
  await expect(page.getByRole('heading', { name: 'Tổng hợp', level: 1 })).toBeVisible();
  const section = page.getByRole('region', { name: 'Tình hình nộp báo cáo' });
  const counts = section.getByLabel('Số đơn vị theo tình trạng');
  // No deadline yet: nobody is late.
  await expect(counts).toContainText('Đã nộp 14');
  await expect(counts).toContainText('Nộp muộn 0');
  await expect(counts).toContainText('Chưa nộp 2');
  await expect(counts).toContainText('trên tổng số 16 đơn vị');

  const deadline = section.getByLabel('Hạn nộp');
  await deadline.fill(formatDateVn(calendar.deadline));
  await deadline.press('Enter');
  await expect(section.getByRole('status').filter({ hasText: 'Đã lưu hạn nộp' })).toHaveText(`Đã lưu hạn nộp ${formatDateVn(calendar.deadline)}.`);
  await expect(deadline).toHaveValue(formatDateVn(calendar.deadline));
  await expect(counts).toContainText('Đã nộp 12');
  await expect(counts).toContainText('Nộp muộn 2');
  await expect(counts).toContainText('Chưa nộp 2');

  const rowOf = (code: string) => section.getByRole('row').filter({ has: page.getByRole('cell', { name: code, exact: true }) });
  for (const [i, u] of APP_UNITS.entries()) {
    const cells = rowOf(u.code).getByRole('cell');
    await expect(cells.nth(2)).toHaveText(u.name);
    await expect(cells.nth(3)).toHaveText('Đã nộp');
    await expect(cells.nth(4)).toHaveText(vnMinute(calendar.unitExport(i)));
    await expect(cells.nth(5)).toHaveText(String(ledger[i]!.activities.length));
  }
  for (const u of TEMPLATE_UNITS) {
    const cells = rowOf(u.code).getByRole('cell');
    await expect(cells.nth(3)).toHaveText('Nộp muộn');
    // A filled template without «Ngày lập báo cáo» counts as handed in when the district
    // imported it, and says so.
    await expect(cells.nth(4)).toHaveText(`${vnMinute(calendar.districtDay)}lúc nhập tệp: mẫu điền tay không ghi «Ngày lập báo cáo»`);
  }
  for (const u of SILENT_UNITS) {
    const cells = rowOf(u.code).getByRole('cell');
    await expect(cells.nth(3)).toHaveText('Chưa nộp');
    await expect(cells.nth(4)).toHaveText('');
  }
  await shot(page, 'district-flow-e-completeness');
  // The filter shows the missing ones only.
  await counts.getByRole('button', { name: /^Chưa nộp/ }).click();
  await expect(section.getByRole('row')).toHaveCount(3);
  await shot(page, 'district-flow-e-missing');
  await counts.getByRole('button', { name: /^Chưa nộp/ }).click();
  await expect(section.getByRole('row')).toHaveCount(17);

  expect(errors).toEqual([]);
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
  await expect(page.getByText('17 tệp: 0 sẵn sàng, 0 có cảnh báo, 3 lỗi, 14 trùng.')).toBeVisible();
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
  // Centred: the sticky «Nhập báo cáo của đơn vị» card covers the top of the viewport.
  await newRow.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await shot(page, 'district-flow-f-superseded');
  await oldRow.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await shot(page, 'district-flow-f-superseded-old-row');
  await expectDistrictTotals(page, newerLedger, 'district-flow-f-totals-newer');

  // Withdraw the newer one: the first report is in use again, with its figures.
  await nav(page, 'Nhập dữ liệu').click();
  await newRow.getByRole('button', { name: 'Rút bản nộp' }).click();
  await newRow.getByRole('button', { name: 'Xác nhận rút' }).click();
  await expect(newRow).toContainText('Đã rút');
  await expect(oldRow).toContainText('Đang dùng');
  await oldRow.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await shot(page, 'district-flow-f-withdrawn');
  await expectDistrictTotals(page, ledger);
  expect(errors).toEqual([]);
  timings.f = (Date.now() - t0) / 1000;
});

/**
 * "Tổng hợp" → "Chỉ tiêu theo đơn vị": each contributor's figure and the Tổng cộng row equal the
 * ledger's sums (soft: every wrong figure is listed, then the part fails).
 */
async function expectByUnitFigures(page: Page, contributors: readonly Contributor[], shotName: string): Promise<void> {
  await nav(page, 'Tổng hợp').click();
  const byUnit = page.getByRole('region', { name: 'Chỉ tiêu theo đơn vị' });
  await expect(byUnit).toBeVisible();
  await byUnit.scrollIntoViewIfNeeded();
  await shot(page, shotName);
  const figure = (who: string, name: string, value: number) =>
    byUnit.getByRole('button', { name: `${who} · ${name}: ${vn(value)}`, exact: true });
  for (const c of contributors) {
    const totals = totalsOf(c.units);
    for (const d of STANDARD_INDICATORS) {
      const v = totals[d.code] ?? 0;
      if (v) await expect.soft(figure(c.name, d.name, v), `${c.code} · ${d.name}`).toBeVisible({ timeout: 1_000 });
    }
  }
  const all = totalsOf(contributors.flatMap((c) => c.units));
  for (const d of STANDARD_INDICATORS) {
    const v = all[d.code] ?? 0;
    if (v) await expect.soft(figure('Tổng cộng', d.name, v), `Tổng cộng · ${d.name}`).toBeVisible({ timeout: 1_000 });
  }
}

/** Downloads «Xuất báo cáo tổng hợp» from the "Tổng hợp" screen. */
async function exportConsolidated(page: Page, code: string): Promise<Buffer> {
  await nav(page, 'Tổng hợp').click();
  const card = page.getByRole('region', { name: 'Báo cáo tổng hợp gửi cấp trên' });
  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Xuất báo cáo tổng hợp' }).click();
  const d = await download;
  expect(d.suggestedFilename()).toBe(`TongHop_63-KH-LDLD_${code}_6T-${period.year}.xlsx`);
  const bytes = readFileSync(await d.path());
  writeFileSync(join(DIR, d.suggestedFilename()), bytes);
  return bytes;
}

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
  await showPeriod(page, period);
  await importDirectory(page, GODAU_UNITS, join(DIR, 'danh-sach-cdcs-go-dau.xlsx'));
  await chooseReportFiles(page, files);
  await page.getByRole('button', { name: 'Nhập 2 tệp' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã nhập 2 tệp' })).toBeVisible();
  await expectDistrictTotals(page, godauLedger, 'district-flow-h1-go-dau-totals');
  timings.h1 = (Date.now() - t0) / 1000;
});

test('g. the consolidated workbook, checked cell by cell against the ledger (figures in i)', async () => {
  const page = district!.page;
  const errors = collectPageErrors(page);
  const contributors = ledger.map((u) => ({ code: u.code, name: u.name, units: [u] }));
  const bytes = await exportConsolidated(page, DISTRICT.code);
  workbooks.district = { bytes, contributors };
  await shot(page, 'district-flow-g-exported');
  const wb = await expectConsolidatedMatches(bytes, contributors);
  // "Tình hình nộp báo cáo" in the file says what the screen said.
  const sheet = tableOf(wb, 'Tình hình nộp báo cáo', 'Mã đơn vị');
  const state = new Map(sheet.rows.map((r) => [r.cells.get('Mã đơn vị'), r.cells.get('Tình trạng')]));
  expect(state.size).toBe(16);
  for (const u of APP_UNITS) expect(state.get(u.code), u.code).toBe('Đã nộp');
  for (const u of TEMPLATE_UNITS) expect(state.get(u.code), u.code).toBe('Nộp muộn');
  for (const u of SILENT_UNITS) expect(state.get(u.code), u.code).toBe('Chưa nộp');
  expect(errors).toEqual([]);
});

test('h2. a province imports both districts’ consolidated workbooks; its totals are their sums', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const t0 = Date.now();
  // Gò Dầu exports its consolidated workbook too (Dương Minh Châu's is g's).
  const godauUnits = godauLedger.map((u) => ({ code: u.code, name: u.name, units: [u] }));
  const godau = await exportConsolidated(district2!.page, DISTRICT2.code);
  workbooks.godau = { bytes: godau, contributors: godauUnits };
  await expectConsolidatedMatches(godau, godauUnits);
  const files = [join(DIR, `TongHop_63-KH-LDLD_${DISTRICT.code}_6T-${period.year}.xlsx`), join(DIR, `TongHop_63-KH-LDLD_${DISTRICT2.code}_6T-${period.year}.xlsx`)];

  const context = await newAppContext(browser, testInfo);
  const page = await context.newPage();
  province = { context, page };
  const errors = collectPageErrors(page);
  await setUpAs(page, PROVINCE);
  await showPeriod(page, period);
  await importDirectory(page, [DISTRICT, DISTRICT2], join(DIR, 'danh-sach-ldld-huyen.xlsx'));
  await chooseReportFiles(page, files);
  await expect(page.getByText('2 tệp: 2 sẵn sàng, 0 có cảnh báo, 0 lỗi.')).toBeVisible();
  await expect(fileCard(page, files[0]!.split('/').pop()!)).toContainText(`Báo cáo tổng hợp — ${ledger.length} đơn vị, ${ledger.length} báo cáo`);
  await expect(fileCard(page, files[1]!.split('/').pop()!)).toContainText(`Báo cáo tổng hợp — ${godauLedger.length} đơn vị, ${godauLedger.length} báo cáo`);
  await shot(page, 'district-flow-h2-province-preview');
  await page.getByRole('button', { name: 'Nhập 2 tệp' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã nhập 2 tệp' })).toBeVisible();

  const everyone = [...ledger, ...godauLedger];
  await expectDistrictTotals(page, everyone, 'district-flow-h2-province-totals');
  await nav(page, 'Tổng hợp').click();
  const counts = page.getByRole('region', { name: 'Tình hình nộp báo cáo' }).getByLabel('Số đơn vị theo tình trạng');
  await expect(counts).toContainText('Đã nộp 2');
  await expect(counts).toContainText('Chưa nộp 0');
  await shot(page, 'district-flow-h2-province-summary');
  const districts: Contributor[] = [
    { code: DISTRICT.code, name: DISTRICT.name, units: ledger },
    { code: DISTRICT2.code, name: DISTRICT2.name, units: godauLedger },
  ];

  // The province's own consolidated workbook: one row per district (figures in i).
  const bytes = await exportConsolidated(page, PROVINCE.code);
  workbooks.province = { bytes, contributors: districts };
  await expectConsolidatedMatches(bytes, districts);
  expect(errors).toEqual([]);
  timings.h2 = (Date.now() - t0) / 1000;
});

test('i. «Chỉ tiêu theo đơn vị» figures, on screen and in the three consolidated workbooks, equal the ledger', async () => {
  // Last, so that a wrong figure does not stop the parts above from running.
  await expectByUnitFigures(district!.page, workbooks.district!.contributors, 'district-flow-i-district-by-unit');
  await expectByUnitFigures(province!.page, workbooks.province!.contributors, 'district-flow-i-province-by-unit');
  for (const [who, w] of Object.entries(workbooks)) {
    await test.step(`workbook of ${who}`, () => expectConsolidatedFigures(w.bytes, w.contributors));
  }
});
