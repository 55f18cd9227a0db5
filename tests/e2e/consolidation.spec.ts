/**
 * "Tổng hợp" as a district clerk: three CĐCS in the directory, two of them send a report
 * workbook (written in Node with the app's writer) which are imported on "Nhập dữ liệu"; then
 * "Tổng hợp" shows who handed in, the counts per item and the indicators per unit; one figure
 * opens its units and activities; a deadline makes one report late; both exports are
 * downloaded and read back with ExcelJS cell by cell.
 */
import type { Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { activityIndicatorValues, STANDARD_INDICATORS } from '@domain/indicators';
import { defaultPeriod, formatDateVn, isoDateOf, nextDay, type PeriodConfig } from '@domain/periods';
import { completenessFileName, consolidatedFileName } from '@exchange/spec';
import { formatVersionFor, type UnitReport } from '@domain/report';
import { writeUnitReport } from '@exchange/writer';
import { planItems, sampleReport } from '../support/exchange-writer-fixtures';
import { collectPageErrors, expect, openApp, seedOwnActivities, shot, test } from './fixtures';

const ND09: PeriodConfig = { kinds: ['half', 'year'], halfEnd: { day: 14, month: 6 }, yearEnd: { day: 14, month: 12 } };
/** The period «Tổng hợp» opens on today (the due one: the shortest containing today). */
const period = defaultPeriod(ND09, isoDateOf(new Date()));
const DIR = resolve(process.cwd(), 'test-results', 'workbooks', 'consolidation-e2e');
const DOWNLOADS = resolve(process.cwd(), 'test-results', 'downloads', 'consolidation-e2e');
const DAY = 86_400_000;

const UNITS = [
  { name: 'CĐCS Công ty May Hòa Thành', code: 'CDCS-HOATHANH', file: 'BaoCao_HoaThanh.xlsx', activities: 5, exportedAgo: 3 * DAY },
  { name: 'CĐCS Trường THCS Phước Minh', code: 'CDCS-PHUOCMINH', file: 'BaoCao_PhuocMinh.xlsx', activities: 3, exportedAgo: 3600_000 },
  { name: 'CĐCS Xã Suối Đá', code: 'CDCS-SUOIDA', file: '', activities: 0, exportedAgo: 0 },
] as const;
const FIRST_ITEM = planItems()[0]!.id;

/** Result of indicator i: 100 + 3i for the first unit, 200 + i for the second (activities + adjustment). */
const valueOf = (unit: number, i: number) => (unit === 0 ? 100 + 3 * i : 200 + i);

function nav(page: Page, label: string) {
  return page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: label });
}

function reportFor(index: 0 | 1): UnitReport {
  const unit = UNITS[index];
  const r = sampleReport(unit.activities);
  r.formatVersion = formatVersionFor('unit-report');
  r.unit = { code: unit.code, name: unit.name, level: 'grassroots', parentName: 'LĐLĐ huyện Dương Minh Châu' };
  r.period = { key: period.key, name: period.name, start: period.start, end: period.end };
  let day = period.start;
  for (const a of r.activities) {
    a.unitCode = unit.code;
    a.date = day;
    day = nextDay(day);
  }
  // The activities give part of each result; the adjustment (Điều chỉnh) the rest.
  const sums: Record<string, number> = {};
  for (const a of r.activities) for (const [code, v] of Object.entries(activityIndicatorValues(a))) sums[code] = (sums[code] ?? 0) + v;
  r.indicators = r.indicators.map((ind, i) => {
    const adjustment = valueOf(index, i) - (sums[ind.code] ?? 0);
    return { ...ind, value: valueOf(index, i), adjustment, adjustmentReason: adjustment ? 'Số liệu trước khi dùng ứng dụng' : '' };
  });
  r.exportedAt = new Date(Date.now() - unit.exportedAgo).toISOString();
  return r;
}

async function addUnits(page: Page): Promise<void> {
  await nav(page, 'Đơn vị').click();
  for (const u of UNITS) {
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    const dialog = page.getByRole('form', { name: 'Thêm đơn vị' });
    await dialog.getByLabel('Tên đơn vị').fill(u.name);
    await dialog.getByLabel('Mã đơn vị').fill(u.code);
    await dialog.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await expect(dialog).toBeHidden();
  }
}

/** Rows of a sheet as arrays of cell values (1-based columns dropped to 0-based). */
function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    out[n - 1] = (row.values as unknown[]).slice(1).map((v) => (v && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v));
  });
  return out.map((r) => r ?? []);
}

/** The header row (first with `header` in it) and a lookup of column by header text. */
function table(ws: ExcelJS.Worksheet, header: string) {
  const rows = sheetRows(ws);
  const h = rows.findIndex((r) => r.includes(header));
  expect(h, `header «${header}» in ${ws.name}`).toBeGreaterThanOrEqual(0);
  const head = rows[h]!.map((v) => String(v ?? ''));
  const col = (name: string) => {
    const c = head.indexOf(name);
    expect(c, `column «${name}» in ${ws.name}`).toBeGreaterThanOrEqual(0);
    return c;
  };
  return { rows: rows.slice(h + 1), col };
}

test('completeness, consolidated figures, a drill-down, a late report and both exports', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectPageErrors(page);
  mkdirSync(DIR, { recursive: true });
  const reports = [reportFor(0), reportFor(1)];
  const paths: string[] = [];
  for (const [i, r] of reports.entries()) {
    const path = join(DIR, UNITS[i]!.file);
    writeFileSync(path, await writeUnitReport(r));
    paths.push(path);
  }

  await openApp(page);
  await addUnits(page);

  // Before any import: the empty state points to «Nhập dữ liệu».
  await nav(page, 'Tổng hợp').click();
  await expect(page.getByRole('heading', { name: 'Tổng hợp', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/#\/tong-hop$/);
  await expect(page.getByText('Chưa có báo cáo nào của đơn vị cấp dưới')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Xuất báo cáo tổng hợp' })).toBeDisabled();
  await shot(page, 'consolidation-empty');

  await nav(page, 'Nhập dữ liệu').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Chọn tệp báo cáo…' }).click();
  await (await chooser).setFiles(paths);
  await page.getByRole('button', { name: 'Nhập 2 tệp' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã nhập 2 tệp' })).toBeVisible();

  await nav(page, 'Tổng hợp').click();
  const completeness = page.getByRole('region', { name: 'Tình hình nộp báo cáo' });
  await expect(completeness.getByRole('button', { name: /^Đã nộp/ })).toHaveText('Đã nộp 2');
  await expect(completeness.getByRole('button', { name: /^Nộp muộn/ })).toHaveText('Nộp muộn 0');
  await expect(completeness.getByRole('button', { name: /^Chưa nộp/ })).toHaveText('Chưa nộp 1');
  const rows = completeness.getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(rows.filter({ hasText: UNITS[2].code })).toContainText('Chưa nộp');
  await expect(rows.filter({ hasText: UNITS[0].code })).toContainText('Đã nộp');
  await expect(rows.filter({ hasText: UNITS[0].code })).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);

  for (const name of ['Theo nhiệm vụ', 'Chỉ tiêu theo đơn vị', 'Hoạt động']) await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  const items = page.getByRole('region', { name: 'Theo nhiệm vụ' });
  const done = items.getByRole('button', { name: `${FIRST_ITEM} · Đã hoàn thành: 2 đơn vị` });
  await expect(done).toHaveText('2');
  const indicators = page.getByRole('region', { name: 'Chỉ tiêu theo đơn vị' });
  const totalRow = indicators.getByRole('row').filter({ hasText: 'Tổng cộng' });
  const participants = STANDARD_INDICATORS.findIndex((d) => d.code === 'participants');
  const participantsName = STANDARD_INDICATORS[participants]!.name;
  const participantsTotal = valueOf(0, participants) + valueOf(1, participants);
  await expect(totalRow.getByRole('button', { name: `Tổng cộng · ${participantsName}: ${participantsTotal}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Hoạt động' }).getByRole('status')).toHaveText('8 hoạt động');
  await shot(page, 'consolidation-figures');
  await indicators.scrollIntoViewIfNeeded();
  await shot(page, 'consolidation-indicators');
  // Eleven indicators are wider than the card: the table scrolls sideways in its own focusable
  // region (the arrow keys scroll it), the unit column stays on the left, headers stay short.
  const scroller = indicators.getByRole('region', { name: /^Bảng số liệu từng đơn vị/ });
  await expect(scroller).toHaveAttribute('tabindex', '0');
  const lastName = STANDARD_INDICATORS.at(-1)!.name;
  const lastTotal = totalRow.getByRole('button', { name: new RegExp(`^Tổng cộng · ${lastName}: `) });
  const unitHeader = totalRow.getByRole('rowheader', { name: 'Tổng cộng' });
  const inside = (l: Locator) =>
    l.evaluate((e) => {
      const r = e.getBoundingClientRect();
      const w = e.closest('[role="region"][tabindex]')!.getBoundingClientRect();
      return r.left >= w.left - 1 && r.right <= w.right + 1;
    });
  expect(await inside(lastTotal)).toBe(false);
  expect(await scroller.evaluate((e) => e.scrollWidth > e.clientWidth && document.documentElement.scrollWidth <= 1366)).toBe(true);
  const headHeight = await scroller.locator('thead').evaluate((e) => e.getBoundingClientRect().height);
  expect(headHeight, 'indicator headers: at most four lines').toBeLessThan(4.5 * 17 + 10);
  await scroller.focus();
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => inside(lastTotal)).toBe(true);
  expect(await scroller.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
  expect(await inside(unitHeader)).toBe(true);
  await shot(page, 'consolidation-indicators-scrolled');
  await scroller.evaluate((e) => (e.scrollLeft = 0));
  // "Theo nhiệm vụ": long item texts take two lines; the whole text is the cell's title.
  const firstText = items.getByRole('row').filter({ has: page.getByRole('rowheader', { name: FIRST_ITEM, exact: true }) }).getByRole('cell').first();
  const fullText = await firstText.getAttribute('title');
  expect(fullText?.length ?? 0).toBeGreaterThan(0);
  await expect(firstText).toHaveText(fullText!);
  expect(
    await firstText.locator('.clamp').evaluate((e) => e.getBoundingClientRect().height <= 2 * parseFloat(getComputedStyle(e).lineHeight) + 1),
  ).toBe(true);
  await page.getByRole('region', { name: 'Hoạt động' }).scrollIntoViewIfNeeded();
  await shot(page, 'consolidation-activities');

  // «Tìm hoạt động»: reached by Tab from the unit filter; with or without accents; combined with
  // the unit filter; the count says «N / M hoạt động»; nothing found says so; Esc clears.
  const actList = page.getByRole('region', { name: 'Hoạt động' });
  const actCount = actList.getByRole('status');
  const search = actList.getByRole('searchbox', { name: 'Tìm hoạt động' });
  const unitFilter = actList.getByRole('combobox', { name: 'Đơn vị' });
  const actRows = actList.getByRole('row').filter({ has: page.getByRole('cell') });
  await unitFilter.focus();
  await page.keyboard.press('Tab');
  await expect(search).toBeFocused();
  await page.keyboard.type('tap huan');
  await expect(actCount).toHaveText('2 / 8 hoạt động');
  await expect(actRows).toHaveCount(2);
  for (const u of UNITS.slice(0, 2)) await expect(actRows.filter({ hasText: u.code })).toHaveCount(1);
  await expect(actRows.first().locator('mark')).toHaveText(['Tập huấn', 'tập']);
  await actList.scrollIntoViewIfNeeded();
  await shot(page, 'consolidation-activities-search');
  await search.fill('TẬP HUẤN kỹ năng');
  await expect(actCount).toHaveText('2 / 8 hoạt động');
  await unitFilter.selectOption({ label: `${UNITS[1].name} (${UNITS[1].activities})` });
  await expect(actCount).toHaveText('1 / 8 hoạt động');
  await expect(actRows).toHaveCount(1);
  await expect(actRows).toContainText(UNITS[1].code);
  // The unit name is searched too: "hoa thanh" (no accents) finds the first unit's activities.
  await search.fill('hoa thanh doi thoai');
  await expect(actCount).toHaveText('0 / 8 hoạt động');
  await expect(actList.getByText(`Không có hoạt động nào khớp «hoa thanh doi thoai» của ${UNITS[1].name}.`)).toBeVisible();
  await shot(page, 'consolidation-activities-search-empty');
  await unitFilter.selectOption({ label: 'Tất cả (8)' });
  await expect(actCount).toHaveText('1 / 8 hoạt động');
  await expect(actRows).toContainText('Đối thoại định kỳ');
  await expect(actRows).toContainText(UNITS[0].code);
  // Each cell marks the words it holds: the unit's name in «Tên đơn vị», the rest in the title.
  await expect(actRows.getByRole('cell').nth(3).locator('mark')).toHaveText(['Hòa Thành']);
  await expect(actRows.getByRole('cell').nth(6).locator('mark').first()).toHaveText('Đối thoại');
  await unitFilter.selectOption({ label: `${UNITS[0].name} (${UNITS[0].activities})` });
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await expect(search).toBeFocused();
  await expect(actCount).toHaveText(`${UNITS[0].activities} / 8 hoạt động`);
  await unitFilter.selectOption({ label: 'Tất cả (8)' });
  await expect(actCount).toHaveText('8 hoạt động');
  await expect(actRows).toHaveCount(8);
  await expect(actList.locator('mark')).toHaveCount(0);
  // An indicator cell opens the unit's activities carrying that indicator.
  await indicators.getByRole('button', { name: `${UNITS[1].name} · ${participantsName}: ${valueOf(1, participants)}` }).click();
  const cell = page.getByRole('dialog', { name: `${participantsName} · ${UNITS[1].name}: ${valueOf(1, participants)} lượt người` });
  await expect(cell).toBeVisible();
  await expect(cell.getByRole('columnheader', { name: 'Giá trị' })).toBeVisible();
  await shot(page, 'consolidation-drill-indicator');
  await cell.getByRole('button', { name: 'Đóng' }).click();
  await expect(cell).toBeHidden();
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);

  // Drill-down: the two units behind «Đã hoàn thành» of the first item; Esc closes, focus returns.
  await done.click();
  const dialog = page.getByRole('dialog', { name: `${FIRST_ITEM} · Đã hoàn thành: 2 đơn vị` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Đóng' })).toBeFocused();
  await expect(dialog).toContainText(UNITS[0].name);
  await expect(dialog).toContainText(UNITS[1].name);
  await expect(dialog).not.toContainText(UNITS[2].name);
  const itemActivities = reports.flatMap((r) => r.activities).filter((a) => a.itemIds.includes(FIRST_ITEM));
  expect(itemActivities.length).toBeGreaterThan(0);
  await expect(dialog.getByRole('heading', { name: `Hoạt động (${itemActivities.length})` })).toBeVisible();
  await shot(page, 'consolidation-drill');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(done).toBeFocused();

  // A deadline two days ago (Vietnam time): the report exported one hour ago is late.
  const deadline = formatDateVn(new Date(Date.now() - 2 * DAY + 7 * 3600_000).toISOString().slice(0, 10));
  await completeness.getByLabel('Hạn nộp').fill('31/02/2025');
  await completeness.getByLabel('Hạn nộp').press('Enter');
  await expect(completeness.getByRole('alert')).toContainText('«31/02/2025» không phải là ngày');
  await completeness.getByLabel('Hạn nộp').fill(deadline);
  await completeness.getByLabel('Hạn nộp').press('Enter');
  await expect(completeness.getByText(`Đã lưu hạn nộp ${deadline}.`)).toBeVisible();
  await expect(completeness.getByLabel('Hạn nộp')).toBeFocused();
  await expect(completeness.getByRole('button', { name: /^Nộp muộn/ })).toHaveText('Nộp muộn 1');
  await expect(completeness.getByRole('button', { name: /^Đã nộp/ })).toHaveText('Đã nộp 1');
  await expect(rows.filter({ hasText: UNITS[1].code })).toContainText('Nộp muộn');
  await completeness.getByLabel('Lọc theo tình trạng').selectOption({ label: 'Nộp muộn (1)' });
  await expect(rows).toHaveCount(2);
  await shot(page, 'consolidation-late');
  await completeness.getByLabel('Lọc theo tình trạng').selectOption({ label: 'Tất cả (3)' });
  await page.reload();
  await expect(page.getByRole('region', { name: 'Tình hình nộp báo cáo' }).getByLabel('Hạn nộp')).toHaveValue(deadline);

  // Export the consolidated workbook and read it back.
  mkdirSync(DOWNLOADS, { recursive: true });
  const owner = { unit: { code: 'LDLD-DMC', name: '', level: 'district' as const, parentName: '' }, plan: reports[0]!.plan, period: reports[0]!.period };
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất báo cáo tổng hợp' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(consolidatedFileName(owner));
  const path = join(DOWNLOADS, file.suggestedFilename());
  await file.saveAs(path);
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu' }).first()).toContainText(file.suggestedFilename());
  await shot(page, 'consolidation-exported');

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ind = table(wb.getWorksheet('Chỉ tiêu theo đơn vị')!, 'Mã đơn vị');
  const total = ind.rows.find((r) => r.some((v) => v === 'Tổng cộng'))!;
  expect(total).toBeDefined();
  for (const [i, d] of STANDARD_INDICATORS.entries()) expect(total[ind.col(d.name)], d.name).toBe(valueOf(0, i) + valueOf(1, i));
  for (const [u, unit] of UNITS.slice(0, 2).entries()) {
    const row = ind.rows.find((r) => r[ind.col('Mã đơn vị')] === unit.code)!;
    expect(row[ind.col(participantsName)]).toBe(valueOf(u, participants));
    expect(row[ind.col('Số hoạt động')]).toBe(unit.activities);
  }
  const byItem = table(wb.getWorksheet('Tổng hợp theo nhiệm vụ')!, 'Mã nhiệm vụ');
  const first = byItem.rows.find((r) => r[byItem.col('Mã nhiệm vụ')] === FIRST_ITEM)!;
  expect(first[byItem.col('Đã hoàn thành')]).toBe(2);
  expect(first[byItem.col('Số hoạt động')]).toBe(itemActivities.length);
  const acts = table(wb.getWorksheet('Hoạt động')!, 'Tên hoạt động');
  expect(acts.rows.filter((r) => r[acts.col('Mã đơn vị')] === UNITS[1].code)).toHaveLength(UNITS[1].activities);

  // The completeness workbook.
  const download2 = page.waitForEvent('download');
  await completeness.getByRole('button', { name: 'Xuất tình hình nộp' }).click();
  const file2 = await download2;
  expect(file2.suggestedFilename()).toBe(completenessFileName(owner));
  const path2 = join(DOWNLOADS, file2.suggestedFilename());
  await file2.saveAs(path2);
  const wb2 = new ExcelJS.Workbook();
  await wb2.xlsx.readFile(path2);
  const c = table(wb2.getWorksheet('Tình hình nộp báo cáo')!, 'Mã đơn vị');
  const state = (code: string) => c.rows.find((r) => r[c.col('Mã đơn vị')] === code)?.[c.col('Tình trạng')];
  expect([state(UNITS[0].code), state(UNITS[1].code), state(UNITS[2].code)]).toEqual(['Đã nộp', 'Nộp muộn', 'Chưa nộp']);
  expect(errors).toEqual([]);
});


test('20,000 activities: the screen opens, the list scrolls, the export shows progress and can be cancelled', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectPageErrors(page);
  await openApp(page);
  await seedOwnActivities(page, 20_000, period.start);
  await page.reload();
  await expect(page.locator('[data-app-ready="true"]')).toBeAttached({ timeout: 20_000 });
  await nav(page, 'Tổng hợp').click();
  const list = page.getByRole('region', { name: 'Hoạt động' });
  await expect(list.getByRole('status')).toHaveText('20.000 hoạt động', { timeout: 60_000 });
  // Own data only: it is a row of "Chỉ tiêu theo đơn vị", never a unit of the completeness list.
  const indicators = page.getByRole('region', { name: 'Chỉ tiêu theo đơn vị' });
  await expect(indicators.getByRole('row').filter({ hasText: 'số liệu của đơn vị mình' })).toContainText('20.000');
  await expect(indicators.getByRole('row').filter({ hasText: 'Tổng cộng' })).toContainText('600.000');
  // Virtualized: only a window of rows is in the DOM.
  expect(await list.getByRole('row').count()).toBeLessThan(60);
  // Searching 20,000: typed without accents, the count follows. The folded texts were prepared
  // while the page was idle (activity-search.ts), so not even the first keystroke waits for them.
  const search = list.getByRole('searchbox', { name: 'Tìm hoạt động' });
  // Typed key by key, the list follows each keystroke (how long the page's longest task is
  // meanwhile is measured by `npm run bench:responsiveness`, not asserted here).
  await search.pressSequentially('tuyen truyen so 1999', { delay: 30 });
  await expect(list.getByRole('status')).toHaveText('12 / 20.000 hoạt động');
  await search.fill('');
  for (const [query, count] of [
    ['so 19999', '1 / 20.000 hoạt động'],
    ['tuyên truyền số 1999', '12 / 20.000 hoạt động'],
    ['to san xuat so 123', '140 / 20.000 hoạt động'],
  ] as const) {
    await search.fill(query);
    await expect(list.getByRole('status')).toHaveText(count);
  }
  await search.fill('so 19999');
  await expect(list.getByRole('status')).toHaveText('1 / 20.000 hoạt động');
  // The match is at the end of a long title: the cell starts shortly before it («…»), so the
  // mark is inside the cell's visible width; the full title stays in the tooltip.
  const titleCell = list.getByRole('row').filter({ hasText: 'số 19999' }).getByRole('cell').nth(6);
  await expect(titleCell).toHaveText('…tại tổ sản xuất số 19999');
  await expect(titleCell).toHaveAttribute('title', 'Tuyên truyền pháp luật lao động tại tổ sản xuất số 19999');
  await expect(titleCell.locator('mark')).toHaveText('số 19999');
  expect(
    await titleCell.locator('mark').evaluate((m) => m.getBoundingClientRect().right <= m.parentElement!.closest('[role="cell"]')!.getBoundingClientRect().right),
  ).toBe(true);
  await list.scrollIntoViewIfNeeded();
  await shot(page, 'consolidation-activities-search-20000');
  await search.press('Escape');
  await expect(list.getByRole('status')).toHaveText('20.000 hoạt động');

  const card = page.getByRole('region', { name: 'Báo cáo tổng hợp gửi cấp trên' });
  await card.getByRole('button', { name: 'Xuất báo cáo tổng hợp' }).click();
  const bar = card.getByRole('progressbar', { name: 'Tiến độ xuất báo cáo tổng hợp' });
  await expect(bar).toBeVisible();
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 60_000 }).toBeGreaterThan(0);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  await shot(page, 'consolidation-exporting');
  await card.getByRole('button', { name: 'Hủy' }).click();
  await expect(bar).toBeHidden();
  await expect(card.getByRole('status').filter({ hasText: 'Đã hủy' })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Xuất báo cáo tổng hợp' })).toBeEnabled();
  await shot(page, 'consolidation-cancelled');
  expect(errors).toEqual([]);
});
