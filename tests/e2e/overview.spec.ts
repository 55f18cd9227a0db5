/**
 * «Tổng quan», as a person uses it:
 *   1. A CĐCS sets itself up and lands on «Tổng quan» (empty states say what to do), sets a few
 *      statuses, logs activities across the months of the period (and one a year earlier), sets
 *      a target; «Tổng quan» then shows them: every chart's table is read and checked against
 *      what the test logged; a click on a month's column opens that month's activities; a PNG is
 *      downloaded and checked; the screen at 1366×768 and its print preview (A4 PDF) are kept.
 *   2. A district with 40 units in its directory imports the reports of 32 of them (8 stay
 *      silent, 4 report late), and «Tổng quan» shows completeness, progress, the unit × task
 *      group grid (sortable, the silent units marked), indicators and months, every figure
 *      checked against the test's own ledger; a click on the «Đã nộp» column opens its units.
 * No page error and no console error in either.
 */
import type { Locator, Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import builtin from '../../resources/plans/ke-hoach-63-KH-LDLD.json';
import { activityIndicatorValues, STANDARD_INDICATORS } from '@domain/indicators';
import { currentPeriod, formatDateVn, isoDateOf, nextDay, periodOf, type IsoDate, type Period, type PeriodConfig } from '@domain/periods';
import type { PlanNode } from '@domain/plan-types';
import { formatVersionFor, type ReportActivity, type UnitReport } from '@domain/report';
import { writeUnitReport } from '@exchange/writer';
import { sampleReport } from '../support/exchange-writer-fixtures';
import { chooseReportFiles, importDirectory, logActivities, nav, setStatuses, setUpAs, showPeriod } from './district-flow/app';
import type { LoggedActivity, Status } from './district-flow/ledger';
import { expect, shot, test } from './fixtures';

const ND09: PeriodConfig = { kinds: ['half', 'year'], halfEnd: { day: 14, month: 6 }, yearEnd: { day: 14, month: 12 } };
const period = currentPeriod(ND09, isoDateOf(new Date()), 'half');
const lastYear = periodOf(ND09, { kind: 'half', year: period.year - 1 });
const DIR = resolve(process.cwd(), 'test-results', 'workbooks', 'overview-e2e');
const OUT = resolve(process.cwd(), 'test-results', 'overview-e2e');

// ---------------------------------------------------------------------------------------------
// The test's own arithmetic (never the app's): groups of the plan, months of the period, shares.

/** Task group id → its trackable items (the nearest group, else the section). */
function groupsOfPlan(): { id: string; items: string[] }[] {
  const out: { id: string; items: string[] }[] = [];
  const visit = (node: PlanNode, container: PlanNode) => {
    const here = node.kind === 'group' || node.kind === 'section' ? node : container;
    if (node.trackable) {
      let g = out.find((x) => x.id === here.id);
      if (!g) out.push((g = { id: here.id, items: [] }));
      g.items.push(node.id);
    }
    for (const c of node.children) visit(c, here);
  };
  for (const s of (builtin as unknown as { plan: { sections: PlanNode[] } }).plan.sections) visit(s, s);
  return out;
}
const GROUPS = groupsOfPlan();

/** done / applicable in percent as the app rounds it: never 100 before all, never 0 after one. */
function share(done: number, applicable: number): string {
  if (applicable <= 0) return '–';
  if (done >= applicable) return '100%';
  return `${Math.min(99, Math.max(done > 0 ? 1 : 0, Math.round((done * 100) / applicable)))}%`;
}

const vn = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

/** 'MM/YYYY' of each calendar month of the period. */
function monthsOf(p: Pick<Period, 'start' | 'end'>): string[] {
  const out: string[] = [];
  for (let d = p.start; d <= p.end; d = nextDay(d)) {
    const label = `${d.slice(5, 7)}/${d.slice(0, 4)}`;
    if (out.at(-1) !== label) out.push(label);
  }
  return out;
}
const monthOf = (date: IsoDate) => `${date.slice(5, 7)}/${date.slice(0, 4)}`;

function addDays(date: IsoDate, n: number): IsoDate {
  let d = date;
  for (let i = 0; i < n; i++) d = nextDay(d);
  return d;
}

// ---------------------------------------------------------------------------------------------
// Reading the page.

/** A chart's card (a region named by its title). */
const card = (page: Page, title: string | RegExp) => page.getByRole('region', { name: title });

/** Opens «Bảng số liệu» of a card and returns its table (named by its caption, the chart's title). */
async function tableOf(page: Page, title: string | RegExp, caption: string | RegExp = title): Promise<Locator> {
  const c = card(page, title);
  const details = c.locator('details');
  if ((await details.getAttribute('open')) === null) await c.getByText('Bảng số liệu', { exact: true }).click();
  const table = c.getByRole('table', { name: caption });
  await expect(table).toBeVisible();
  return table;
}

/** The texts of a table's body (or foot) rows: header cell first, then the cells. */
async function rowsOf(table: Locator, part: 'tbody' | 'tfoot' = 'tbody'): Promise<string[][]> {
  return table.locator(`${part} tr`).evaluateAll((rows) => rows.map((r) => Array.from(r.children, (c) => (c.textContent ?? '').trim())));
}

/** Bars of one fill in a chart's SVG with their boxes (ECharts draws a bar as a path). */
async function barsOf(region: Locator, fill: string): Promise<{ x: number; y: number; width: number; height: number }[]> {
  await region.getByRole('img').first().scrollIntoViewIfNeeded();
  return region.locator(`[role="img"] path[fill="${fill}"]`).evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

/** Downloads a card's PNG and checks it is a real PNG of a plausible size; returns its path. */
async function downloadPng(page: Page, title: string | RegExp, expectedName: RegExp): Promise<string> {
  const download = page.waitForEvent('download');
  await card(page, title).getByRole('button', { name: 'Tải ảnh (PNG)' }).click();
  const d = await download;
  expect(d.suggestedFilename()).toMatch(expectedName);
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, d.suggestedFilename());
  await d.saveAs(path);
  const bytes = (await import('node:fs')).readFileSync(path);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  // 1 000 CSS px drawn at twice the density, with room for the title.
  expect(width).toBe(2000);
  expect(height).toBeGreaterThan(400);
  expect(bytes.length).toBeGreaterThan(15_000);
  expect(bytes.length).toBeLessThan(5_000_000);
  await expect(card(page, title).getByRole('status').filter({ hasText: 'Đã lưu ảnh' })).toContainText(`Đã lưu ảnh ${d.suggestedFilename()}`);
  return path;
}

/** Console errors and page errors, which must stay empty. */
function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${String(e)}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  return problems;
}

/** Print preview: print media at 1366 px wide, then the A4 PDF Chromium prints, rendered to PNG pages. */
async function printPreview(page: Page, name: string): Promise<string[]> {
  mkdirSync(OUT, { recursive: true });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Chức năng' })).toBeHidden();
  // Charts not scrolled to yet (and the grid's whole chart for paper) are drawn for printing.
  await expect(page.locator('.chart-box[aria-busy="true"]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Tải ảnh (PNG)' }).first()).toBeHidden();
  await shot(page, `${name}-print-media`, { fullPage: true });
  const pdf = join(OUT, `${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(OUT, name)]);
  const info = execFileSync('pdfinfo', [pdf]).toString();
  expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  return text.split('\f');
}

const participantsName = STANDARD_INDICATORS.find((d) => d.code === 'participants')!.name;

/** On «Chỉ tiêu»: the own unit's target of «Lượt người tham gia» for the period. */
async function setParticipantsTarget(page: Page, target: number): Promise<void> {
  await nav(page, 'Chỉ tiêu').click();
  await page.getByRole('button', { name: `Đặt chỉ tiêu: ${participantsName}` }).click();
  const form = page.getByRole('form', { name: `Chỉ tiêu phấn đấu: ${participantsName}` });
  await form.getByLabel(/^Chỉ tiêu phấn đấu/).fill(String(target));
  await form.getByLabel(/^Chỉ tiêu phấn đấu/).press('Enter');
  await expect(form).toHaveCount(0);
}

// ---------------------------------------------------------------------------------------------
// 1. A CĐCS.

const CDCS = { level: 'grassroots', name: 'CĐCS Công ty TNHH May mặc Hòa Bình', code: 'CDCS-MAY-HOABINH', parentName: 'LĐLĐ huyện Dương Minh Châu' } as const;
const STATUSES: Record<string, Status> = { 'III.1.1': 'xong', 'III.1.2': 'dang', 'III.1.3': 'khong-ap-dung', 'III.2.1': 'chua', 'IV.3': 'xong' };

function logged(date: IsoDate, title: string, itemIds: string[], participants: number | null, indicators: Record<string, number> = {}): LoggedActivity {
  return { date, itemIds, type: 'propaganda', typeLabel: 'Tuyên truyền', title, participants, indicators };
}

test('a CĐCS: «Tổng quan» first, then its statuses, activities and target in every chart’s table; a month opens its activities; PNG; print', async ({ page }) => {
  test.setTimeout(240_000);
  const problems = collectProblems(page);
  await setUpAs(page, CDCS);
  await showPeriod(page, period);

  // The first screen once set up, with what to do while there is nothing to show.
  await expect(page.getByRole('heading', { name: 'Tổng quan', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/#\/tong-quan$|\/$/);
  await expect(page.getByText('Chưa có hoạt động nào trong kỳ này — ghi hoạt động ở Nhật ký')).toBeVisible();
  await expect(page.getByText(/^Chưa đặt chỉ tiêu giao cho kỳ này — đặt ở «Chỉ tiêu»/)).toBeVisible();
  await expect(card(page, 'Tình hình nộp báo cáo')).toHaveCount(0);
  await shot(page, 'overview-cdcs-empty');

  const months = monthsOf(period);
  const jan = months[1]!; // the second month: January of the report year
  const janStart = `${jan.slice(3)}-${jan.slice(0, 2)}-01`;
  const activities: LoggedActivity[] = [
    logged(period.start, 'Tuyên truyền Nghị quyết 43 ngày đầu kỳ', ['III.1.1'], 30),
    logged(addDays(janStart, 9), 'Hội nghị quán triệt kế hoạch tháng Một', ['III.1.2'], 45),
    logged(addDays(janStart, 19), 'Đối thoại với người sử dụng lao động', ['III.2.1'], null, { participants: 12 }),
    logged(addDays(janStart, 60), 'Tập huấn an toàn lao động', ['IV.3'], 20, { participants: 25 }),
    logged(period.end, 'Sơ kết 6 tháng ngày cuối kỳ', ['IV.3'], 50),
    logged(addDays(lastYear.start, 40), 'Tuyên truyền cùng kỳ năm trước', ['III.1.1'], 18),
  ];
  await setStatuses(page, STATUSES);
  await logActivities(page, activities);
  await setParticipantsTarget(page, 300);

  await nav(page, 'Tổng quan').click();
  await expect(page).toHaveURL(/#\/tong-quan$/);
  const inPeriod = activities.filter((a) => a.date >= period.start && a.date <= period.end);
  const participantsOf = (a: LoggedActivity) => activityIndicatorValues({ participants: a.participants, indicators: a.indicators }).participants ?? 0;
  const kpis = page.getByRole('definition');
  await expect(page.getByLabel('Số liệu chính')).toContainText(`Hoạt động trong kỳ${inPeriod.length}`);
  expect(await kpis.count()).toBeGreaterThan(3);

  // Progress per task group, from the statuses set: items without one are «Chưa thực hiện».
  const progress = await tableOf(page, 'Tiến độ theo nhóm nhiệm vụ');
  const head = await progress.locator('thead th').allTextContents();
  expect(head).toEqual(['Nhóm', 'Nội dung nhóm nhiệm vụ', 'Đã hoàn thành', 'Đang thực hiện', 'Chưa thực hiện', 'Không áp dụng', 'Tổng', 'Hoàn thành']);
  const expectedProgress = GROUPS.map((g) => {
    const c = { xong: 0, dang: 0, chua: 0, 'khong-ap-dung': 0 };
    for (const id of g.items) c[STATUSES[id] ?? 'chua'] += 1;
    return [g.id, String(c.xong), String(c.dang), String(c.chua), String(c['khong-ap-dung']), String(g.items.length), share(c.xong, g.items.length - c['khong-ap-dung'])];
  });
  expect((await rowsOf(progress)).map((r) => [r[0], ...r.slice(2)])).toEqual(expectedProgress);
  const all = GROUPS.reduce((n, g) => n + g.items.length, 0);
  expect(await rowsOf(progress, 'tfoot')).toEqual([['Toàn kế hoạch', '2', '1', String(all - 4), '1', String(all), share(2, all - 1)]]);
  await expect(card(page, 'Tiến độ theo nhóm nhiệm vụ')).toContainText(`hoàn thành chung ${share(2, all - 1)}`);

  // Indicators: the target set, the result from the activities, the share reached (rounded down).
  const indicators = await tableOf(page, 'Chỉ tiêu so với chỉ tiêu giao');
  const total = inPeriod.reduce((n, a) => n + participantsOf(a), 0);
  const partRow = (await rowsOf(indicators)).find((r) => r[0] === participantsName)!;
  expect(partRow).toEqual([participantsName, 'lượt người', vn(total), '300', `${Math.floor((total * 100) / 300)}%`]);
  expect((await rowsOf(indicators)).filter((r) => r[3] === 'Chưa đặt')).toHaveLength(STANDARD_INDICATORS.length - 1);

  // Months of the period (the first and last cut to 15/12 and 14/06), the year before beside them.
  const monthly = await tableOf(page, /theo tháng$/, 'Hoạt động và lượt người tham gia theo tháng');
  const previousActs = activities.filter((a) => a.date >= lastYear.start && a.date <= lastYear.end);
  const lastYearMonths = monthsOf(lastYear);
  const expectedMonths = months.map((m, i) => {
    const now = inPeriod.filter((a) => monthOf(a.date) === m);
    const before = previousActs.filter((a) => monthOf(a.date) === lastYearMonths[i]);
    return [m, String(now.length), vn(now.reduce((n, a) => n + participantsOf(a), 0)), String(before.length), vn(before.reduce((n, a) => n + participantsOf(a), 0))];
  });
  expect((await rowsOf(monthly)).map((r) => [r[0], ...r.slice(2)])).toEqual(expectedMonths);
  const firstRow = (await rowsOf(monthly))[0]!;
  expect(firstRow[1]).toBe(`${formatDateVn(period.start)} – ${formatDateVn(`${period.start.slice(0, 7)}-31`)}`);
  expect((await rowsOf(monthly)).at(-1)![1]).toBe(`${formatDateVn(`${period.end.slice(0, 7)}-01`)} – ${formatDateVn(period.end)}`);
  await expect(card(page, /theo tháng$/)).toContainText(`so với ${lastYear.name}`);
  await page.getByRole('heading', { name: 'Tổng quan', level: 1 }).scrollIntoViewIfNeeded();
  await shot(page, 'overview-cdcs');

  // A click on the tallest column (January, 2 activities) opens that month's activities.
  const monthCard = card(page, /theo tháng$/);
  const bars = await barsOf(monthCard, '#0b4f8a');
  const tallest = bars.filter((b) => b.height > 4).sort((a, b) => b.height - a.height)[0]!;
  await page.mouse.click(tallest.x + tallest.width / 2, tallest.y + tallest.height / 2);
  const dialog = page.getByRole('dialog', { name: `Tháng ${jan} · Số hoạt động: 2` });
  await expect(dialog).toBeVisible();
  for (const a of inPeriod.filter((x) => monthOf(x.date) === jan)) await expect(dialog.getByRole('cell', { name: a.title })).toBeVisible();
  await expect(dialog.getByRole('row')).toHaveCount(1 + 1 + 1 + 2); // units head + own row, activities head + 2
  await shot(page, 'overview-cdcs-drill');
  await dialog.getByRole('button', { name: 'Đóng' }).click();
  await expect(dialog).toHaveCount(0);

  // The same from the table, by keyboard: a figure is a button.
  await monthly.getByRole('button', { name: `Tháng ${jan} · Số hoạt động: 2` }).press('Enter');
  await expect(page.getByRole('dialog', { name: `Tháng ${jan} · Số hoạt động: 2` })).toBeVisible();
  await page.keyboard.press('Escape');

  // A segment of the progress chart opens the items behind it.
  await card(page, 'Tiến độ theo nhóm nhiệm vụ').getByRole('button', { name: 'Nhóm IV · Đã hoàn thành: 1' }).click();
  const items = page.getByRole('dialog', { name: 'Nhóm IV · Đã hoàn thành: 1' });
  await expect(items.getByRole('heading', { name: 'Nhiệm vụ (1)' })).toBeVisible();
  await expect(items.getByRole('row').filter({ has: page.getByRole('cell', { name: 'IV.3', exact: true }) }).first()).toContainText('Báo cáo kết quả thực hiện');
  const ivActs = inPeriod.filter((a) => a.itemIds.includes('IV.3'));
  await expect(items.getByRole('heading', { name: `Hoạt động (${ivActs.length})` })).toBeVisible();
  for (const a of ivActs) await expect(items.getByRole('cell', { name: a.title })).toBeVisible();
  await page.keyboard.press('Escape');

  const png = await downloadPng(page, 'Tiến độ theo nhóm nhiệm vụ', new RegExp(`^TongQuan_TienDo_${CDCS.code}_6T-${period.year}\\.png$`));
  await downloadPng(page, /theo tháng$/, /^TongQuan_HoatDong_.*\.png$/);
  // The participants view of the same chart.
  await monthCard.getByLabel('Lượt người tham gia').check();
  await expect(card(page, 'Lượt người tham gia theo tháng')).toBeVisible();
  console.log(`overview PNG: ${png}`);

  const pages = await printPreview(page, 'overview-cdcs-print');
  expect(pages.join('\n')).toContain('Tiến độ theo nhóm nhiệm vụ');
  expect(pages.join('\n')).not.toContain('Tải ảnh (PNG)');
  expect(problems).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// 2. A district with 40 units, 32 of which report.

const DISTRICT = { level: 'district', name: 'LĐLĐ huyện Dương Minh Châu', code: 'LDLD-DMC', parentName: 'LĐLĐ tỉnh Tây Ninh' } as const;
const PLACES = ['Hòa Bình', 'Phước Minh', 'Suối Đá', 'Truông Mít', 'Bàu Năng', 'Chà Là', 'Cầu Khởi', 'Lộc Ninh', 'Phước Ninh', 'Bến Củi'];
const UNITS = Array.from({ length: 40 }, (_, i) => ({
  code: `CDCS-TQ-${String(i + 1).padStart(2, '0')}`,
  name: `CĐCS ${['Công ty TNHH', 'Trường THCS', 'UBND xã', 'Trạm Y tế'][i % 4]} ${PLACES[i % PLACES.length]} ${i + 1}`,
}));
/** Every fifth unit never reports. */
const SILENT = new Set(UNITS.filter((_, i) => i % 5 === 4).map((u) => u.code));
const REPORTING = UNITS.filter((u) => !SILENT.has(u.code));
/** Four of them report after the deadline. */
const LATE = new Set(REPORTING.slice(0, 4).map((u) => u.code));
const STATUS_CYCLE: readonly (Status | null)[] = ['xong', 'dang', null, 'xong', 'chua', 'khong-ap-dung', 'xong'];

interface Ledger {
  code: string;
  name: string;
  statuses: Record<string, Status>;
  activities: ReportActivity[];
}

function ledgerFor(u: { code: string; name: string }, i: number): Ledger {
  const statuses: Record<string, Status> = {};
  GROUPS.forEach((g, gi) =>
    g.items.forEach((id, k) => {
      const s = STATUS_CYCLE[(i + gi + k) % STATUS_CYCLE.length]!;
      if (s && (i + k) % 3 !== 0) statuses[id] = s;
    }),
  );
  const months = monthsOf(period);
  const activities: ReportActivity[] = Array.from({ length: 1 + (i % 4) }, (_, k) => {
    const m = months[(i + 2 * k) % months.length]!;
    const first = `${m.slice(3)}-${m.slice(0, 2)}-01`;
    const date = first < period.start ? period.start : addDays(first, (i + k) % 10) > period.end ? period.end : addDays(first, (i + k) % 10);
    return {
      id: `${u.code}-${k}`,
      date,
      unitCode: u.code,
      itemIds: [GROUPS[(i + k) % GROUPS.length]!.items[0]!],
      type: 'propaganda',
      title: `Tuyên truyền đợt ${k + 1} tại ${u.name}`,
      content: '',
      location: '',
      participants: 10 + i + k,
      evidenceDoc: '',
      evidenceFile: '',
      indicators: { 'propaganda-sessions': 1 },
    };
  });
  return { code: u.code, name: u.name, statuses, activities };
}

function reportOf(l: Ledger, exportedAt: Date): UnitReport {
  const r = sampleReport(0);
  r.formatVersion = formatVersionFor('unit-report');
  r.unit = { code: l.code, name: l.name, level: 'grassroots', parentName: DISTRICT.name };
  r.period = { key: period.key, name: period.name, start: period.start, end: period.end };
  r.items = r.items.map((it) => ({ ...it, status: l.statuses[it.id] ?? null, note: '', evidence: '', activityCount: l.activities.filter((a) => a.itemIds.includes(it.id)).length }));
  r.activities = l.activities;
  const sums: Record<string, number> = {};
  for (const a of l.activities) for (const [code, v] of Object.entries(activityIndicatorValues(a))) sums[code] = (sums[code] ?? 0) + v;
  r.indicators = STANDARD_INDICATORS.map((d) => ({ code: d.code, name: d.name, unit: d.unit, value: sums[d.code] ?? 0, target: null, adjustment: 0, adjustmentReason: '' }));
  r.exportedAt = exportedAt.toISOString();
  return r;
}

test('a district with 40 units, 8 silent: completeness, progress, the unit × group grid, indicators and months match the ledger; a column opens its units', async ({ page }) => {
  test.setTimeout(300_000);
  const problems = collectProblems(page);
  mkdirSync(DIR, { recursive: true });
  const deadline = addDays(period.end, 5);
  const ledger = REPORTING.map((u) => ledgerFor(u, UNITS.indexOf(u)));
  const paths: string[] = [];
  for (const l of ledger) {
    const at = new Date(`${addDays(period.end, LATE.has(l.code) ? 8 : 2)}T09:00:00+07:00`);
    const path = join(DIR, `BaoCao_${l.code}.xlsx`);
    writeFileSync(path, await writeUnitReport(reportOf(l, at)));
    paths.push(path);
  }

  await setUpAs(page, DISTRICT);
  await showPeriod(page, period);
  await expect(page.getByRole('heading', { name: 'Tổng quan', level: 1 })).toBeVisible();
  await expect(page.getByText(/^Danh sách đơn vị chưa có đơn vị cấp dưới nào/)).toBeVisible();
  await importDirectory(page, UNITS, join(DIR, 'DanhSach40.xlsx'));
  await nav(page, 'Tổng quan').click();
  await expect(page.getByText(/^Chưa có báo cáo nào của đơn vị cấp dưới cho kỳ này/).first()).toBeVisible();
  await shot(page, 'overview-district-empty');

  await chooseReportFiles(page, paths);
  await page.getByRole('button', { name: `Nhập ${paths.length} tệp` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Đã nhập ${paths.length} tệp` })).toBeVisible({ timeout: 60_000 });
  await nav(page, 'Tổng hợp').click();
  const deadlineField = page.getByRole('region', { name: 'Tình hình nộp báo cáo' }).getByLabel('Hạn nộp');
  await deadlineField.fill(formatDateVn(deadline));
  await deadlineField.press('Enter');
  await expect(page.getByText(`Đã lưu hạn nộp ${formatDateVn(deadline)}.`)).toBeVisible();
  // The district's own target for «Lượt người tham gia».
  await setParticipantsTarget(page, 2000);

  await nav(page, 'Tổng quan').click();
  await expect(page.getByRole('heading', { name: 'Tổng quan', level: 1 })).toBeVisible();

  // Completeness.
  const completeness = await tableOf(page, 'Tình hình nộp báo cáo');
  const pct = (n: number) => `${Math.round((n * 100) / UNITS.length)}%`;
  const onTime = REPORTING.length - LATE.size;
  expect(await rowsOf(completeness)).toEqual([
    ['Đã nộp', String(onTime), pct(onTime)],
    ['Nộp muộn', String(LATE.size), pct(LATE.size)],
    ['Chưa nộp', String(SILENT.size), pct(SILENT.size)],
  ]);
  expect(await rowsOf(completeness, 'tfoot')).toEqual([['Tổng số đơn vị', '40', '100%']]);

  // Progress per group: every report counts once per item; no status is «Chưa báo cáo».
  const progress = await tableOf(page, 'Tiến độ theo nhóm nhiệm vụ');
  const expectedProgress = GROUPS.map((g) => {
    const c = { xong: 0, dang: 0, chua: 0, 'khong-ap-dung': 0, none: 0 };
    for (const l of ledger) for (const id of g.items) c[l.statuses[id] ?? 'none'] += 1;
    const totalG = g.items.length * ledger.length;
    return [g.id, vn(c.xong), vn(c.dang), vn(c.chua), vn(c['khong-ap-dung']), vn(c.none), vn(totalG), share(c.xong, totalG - c['khong-ap-dung'])];
  });
  expect((await rowsOf(progress)).map((r) => [r[0], ...r.slice(2)])).toEqual(expectedProgress);

  // The grid: 40 rows, lowest share first, the silent units last and marked.
  const grid = await tableOf(page, 'Mức hoàn thành theo đơn vị và nhóm nhiệm vụ');
  const gridRows = await rowsOf(grid);
  expect(gridRows).toHaveLength(40);
  const expectedRow = (l: Ledger) => {
    let doneAll = 0;
    let applicableAll = 0;
    const cells = GROUPS.map((g) => {
      const done = g.items.filter((id) => l.statuses[id] === 'xong').length;
      const applicable = g.items.filter((id) => l.statuses[id] !== 'khong-ap-dung').length;
      doneAll += done;
      applicableAll += applicable;
      return share(done, applicable);
    });
    return [`${l.name} ${l.code}`, LATE.has(l.code) ? 'Nộp muộn' : 'Đã nộp', ...cells, share(doneAll, applicableAll)];
  };
  const byCode = new Map(gridRows.map((r) => [r[0]!.split(' ').at(-1)!, r]));
  for (const l of ledger) expect(byCode.get(l.code), l.code).toEqual(expectedRow(l));
  for (const code of SILENT) expect(byCode.get(code)!.slice(1)).toEqual(['Chưa nộp', ...GROUPS.map(() => '—'), '—']);
  expect(gridRows.slice(-SILENT.size).every((r) => r[1] === 'Chưa nộp')).toBe(true);
  const overall = gridRows.slice(0, ledger.length).map((r) => Number(r.at(-1)!.replace('%', '')));
  expect(overall).toEqual([...overall].sort((a, b) => a - b));
  const gridCard = card(page, 'Mức hoàn thành theo đơn vị và nhóm nhiệm vụ');
  await expect(gridCard.getByRole('img').first()).toHaveAttribute('aria-label', /8 đơn vị chưa nộp báo cáo/);
  // The chart shows 25 units at a time; the table, the PNG and the paper all of them.
  const pager = gridCard.getByRole('group', { name: 'Trang của biểu đồ' });
  await expect(pager.getByRole('status')).toHaveText('Đơn vị 1–25 trên 40 (trang 1/2)');
  await pager.getByRole('button', { name: 'Trang sau ›' }).click();
  await expect(pager.getByRole('status')).toHaveText('Đơn vị 26–40 trên 40 (trang 2/2)');
  await expect(pager.getByRole('button', { name: 'Trang sau ›' })).toBeDisabled();
  await gridCard.getByRole('img').first().scrollIntoViewIfNeeded();
  await expect(gridCard.getByRole('img').first().locator('svg')).toBeVisible();
  await expect(gridCard.getByRole('img').first().locator('text').filter({ hasText: '(chưa nộp)' })).toHaveCount(SILENT.size);
  await shot(page, 'overview-district-grid-page-2');
  // Sorted by name from the table's header.
  await grid.getByRole('button', { name: 'Đơn vị' }).click();
  await expect(grid.locator('thead th').first()).toHaveAttribute('aria-sort', 'ascending');
  const byName = [...REPORTING].sort((a, b) => a.name.localeCompare(b.name, 'vi', { numeric: true }));
  await expect(grid.locator('tbody tr').first().locator('th')).toHaveText(`${byName[0]!.name} ${byName[0]!.code}`);
  await expect(gridCard.getByLabel('Sắp xếp theo')).toHaveValue('name');

  // Indicators: the district's target against the sum of the units' activities.
  const indicators = await tableOf(page, 'Chỉ tiêu so với chỉ tiêu giao');
  const participants = ledger.reduce((n, l) => n + l.activities.reduce((m, a) => m + (a.participants ?? 0), 0), 0);
  expect((await rowsOf(indicators)).find((r) => r[0] === participantsName)).toEqual([participantsName, 'lượt người', vn(participants), vn(2000), `${Math.floor((participants * 100) / 2000)}%`]);

  // Months.
  const monthly = await tableOf(page, /theo tháng$/, 'Hoạt động và lượt người tham gia theo tháng');
  const acts = ledger.flatMap((l) => l.activities);
  expect((await rowsOf(monthly)).map((r) => [r[0], r[2], r[3]])).toEqual(
    monthsOf(period).map((m) => {
      const inMonth = acts.filter((a) => monthOf(a.date) === m);
      return [m, vn(inMonth.length), vn(inMonth.reduce((n, a) => n + (a.participants ?? 0), 0))];
    }),
  );
  await expect(page.getByLabel('Số liệu chính')).toContainText(`Đơn vị đã nộp báo cáo${REPORTING.length}/40`);
  await page.getByRole('heading', { name: 'Tổng quan', level: 1 }).scrollIntoViewIfNeeded();
  await shot(page, 'overview-district');
  await gridCard.scrollIntoViewIfNeeded();
  await shot(page, 'overview-district-grid');

  // A click on the «Đã nộp» column: its units and their activities.
  const completenessCard = card(page, 'Tình hình nộp báo cáo');
  const [done] = await barsOf(completenessCard, '#0b4f8a');
  await page.mouse.click(done!.x + done!.width / 2, done!.y + done!.height / 2);
  const dialog = page.getByRole('dialog', { name: `Đã nộp: ${onTime} đơn vị` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: `Đơn vị (${onTime})` })).toBeVisible();
  const onTimeActs = ledger.filter((l) => !LATE.has(l.code)).reduce((n, l) => n + l.activities.length, 0);
  await expect(dialog.getByRole('heading', { name: `Hoạt động (${onTimeActs})` })).toBeVisible();
  await shot(page, 'overview-district-drill');
  await page.keyboard.press('Escape');
  // A grid cell from the table: one unit's items of one group.
  const first = ledger[0]!;
  await grid.getByRole('button', { name: new RegExp(`^${first.name} · Nhóm III\\.1: `) }).click();
  const cellDialog = page.getByRole('dialog', { name: `${first.name} · Nhóm III.1` });
  await expect(cellDialog.getByRole('heading', { name: `Nhiệm vụ (${GROUPS[0]!.items.length})` })).toBeVisible();
  await page.keyboard.press('Escape');

  await downloadPng(page, 'Mức hoàn thành theo đơn vị và nhóm nhiệm vụ', new RegExp(`^TongQuan_DonViNhom_${DISTRICT.code}_6T-${period.year}\\.png$`));
  const pages = await printPreview(page, 'overview-district-print');
  expect(pages.join('\n')).toContain('Mức hoàn thành theo đơn vị và nhóm nhiệm vụ');
  expect(problems).toEqual([]);
});
