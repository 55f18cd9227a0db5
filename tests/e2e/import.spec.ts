/**
 * "Nhập dữ liệu" as a district clerk: add two CĐCS on Đơn vị, write one report workbook for each
 * in Node (the app's own writer, the built-in plan, the current period) plus one broken file,
 * choose all three at once, read the previews, import, see the history; choose the same files
 * again and see them as unchanged duplicates; withdraw one submission. Then «Nhật ký»: the
 * imported activities are read-only there («Từ báo cáo nhập», no «Sửa»/«Xóa»), an own one is not.
 */
import type { Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { currentPeriod, formatDateVn, isoDateOf, nextDay, type PeriodConfig } from '@domain/periods';
import { formatVersionFor, type UnitReport } from '@domain/report';
import { writeUnitReport } from '@exchange/writer';
import { sampleReport, withAppResults } from '../support/exchange-writer-fixtures';
import { collectPageErrors, expect, openApp, shot, test } from './fixtures';

const ND09: PeriodConfig = { kinds: ['half', 'year'], halfEnd: { day: 14, month: 6 }, yearEnd: { day: 14, month: 12 } };
const period = currentPeriod(ND09, isoDateOf(new Date()), 'half');
const DIR = resolve(process.cwd(), 'test-results', 'workbooks', 'import-e2e');

const UNITS = [
  { name: 'CĐCS Công ty May Hòa Thành', code: 'CDCS-HOATHANH', file: 'BaoCao_HoaThanh.xlsx' },
  { name: 'CĐCS Trường THCS Phước Minh', code: 'CDCS-PHUOCMINH', file: 'BaoCao_PhuocMinh.xlsx' },
] as const;
const BROKEN = 'BaoCao_Hong.xlsx';

function nav(page: Page, label: string) {
  return page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: label });
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

/** A report of `unit` for the current period: the sample's statuses, `count` activities dated inside the period. */
function reportFor(unit: (typeof UNITS)[number], count: number): UnitReport {
  const r = sampleReport(count);
  r.unit = { code: unit.code, name: unit.name, level: 'grassroots', parentName: 'LĐLĐ huyện Dương Minh Châu' };
  r.period = { key: period.key, name: period.name, start: period.start, end: period.end };
  let day = period.start;
  for (const a of r.activities) {
    a.unitCode = unit.code;
    a.date = day;
    day = nextDay(day);
  }
  r.exportedAt = new Date(Date.now() - 3600_000).toISOString();
  // A unit report is written with the oldest format version that reads it (spec.ts formatVersionFor).
  r.formatVersion = formatVersionFor(r.kind);
  // «Kết quả» as the app would write it for these dates (a different one reads as typed by hand).
  return withAppResults(r);
}

async function writeFiles(): Promise<string[]> {
  mkdirSync(DIR, { recursive: true });
  const paths: string[] = [];
  for (const [i, u] of UNITS.entries()) {
    const path = join(DIR, u.file);
    writeFileSync(path, await writeUnitReport(reportFor(u, 4 + i)));
    paths.push(path);
  }
  const broken = join(DIR, BROKEN);
  writeFileSync(broken, 'Đây không phải tệp Excel, chỉ là văn bản đổi đuôi .xlsx\n');
  paths.push(broken);
  return paths;
}

async function chooseFiles(page: Page, paths: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Chọn tệp báo cáo…' }).click();
  await (await chooser).setFiles(paths);
}

function card(page: Page, fileName: string) {
  return page.getByRole('list', { name: 'Tệp đã chọn' }).getByRole('listitem').filter({ has: page.getByRole('heading', { name: fileName }) });
}

test('choose three files, preview, import two, re-import as duplicates, withdraw one', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  const paths = await writeFiles();
  await openApp(page);
  await addUnits(page);

  await nav(page, 'Nhập dữ liệu').click();
  await expect(page.getByRole('heading', { name: 'Nhập dữ liệu', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/#\/nhap-du-lieu$/);
  await chooseFiles(page, paths);

  for (const [i, u] of UNITS.entries()) {
    const c = card(page, u.file);
    await expect(c).toContainText(`${u.name} (${u.code})`);
    await expect(c).toContainText('63/KH-LĐLĐ');
    await expect(c).toContainText(period.name);
    await expect(c).toContainText('Mới');
    await expect(c).toContainText(`${4 + i} mới, 0 thay đổi, 0 không đổi, 0 bỏ đi`);
    await expect(c.getByRole('checkbox', { name: 'Nhập tệp này' })).toBeChecked();
  }
  const broken = card(page, BROKEN);
  await expect(broken.getByRole('list')).toContainText(`Tệp «${BROKEN}»`);
  await expect(broken.getByRole('checkbox', { name: 'Nhập tệp này' })).not.toBeChecked();
  await expect(broken.getByRole('checkbox', { name: 'Nhập tệp này' })).toBeDisabled();
  await shot(page, 'import-preview');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);

  await page.getByRole('button', { name: 'Nhập 2 tệp' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã nhập 2 tệp' })).toBeVisible();
  const history = page.getByRole('region', { name: 'Lịch sử nhập' });
  const rows = history.getByRole('row');
  await expect(rows).toHaveCount(3);
  for (const u of UNITS) {
    const row = rows.filter({ hasText: u.file });
    await expect(row).toContainText(u.code);
    await expect(row).toContainText(period.name);
    await expect(row).toContainText('Đang dùng');
    await expect(row).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  }
  // «Số liệu» counts what the unit reported: items given a status, indicators other than 0.
  for (const [i, u] of UNITS.entries()) {
    const r = reportFor(u, 4 + i);
    const withStatus = r.items.filter((x) => x.status !== null).length;
    const nonZero = r.indicators.filter((x) => x.value !== 0).length;
    expect(withStatus).toBeLessThan(r.items.length);
    expect(nonZero).toBeLessThan(r.indicators.length);
    await expect(rows.filter({ hasText: u.file })).toContainText(`${withStatus} nhiệm vụ có tiến độ, ${4 + i} hoạt động, ${nonZero} chỉ tiêu có số liệu`);
  }
  // The summary says what was imported; with nothing left to import the top card no longer sticks
  // over the history.
  await expect(page.locator('.import-summary')).toHaveText('3 tệp: 2 đã nhập, 1 lỗi.');
  expect(await page.locator('.import-card').evaluate((e) => getComputedStyle(e).position)).toBe('static');
  await shot(page, 'import-applied');

  // The same files again: duplicates, nothing to import.
  await chooseFiles(page, paths);
  for (const u of UNITS) {
    const c = card(page, u.file);
    await expect(c).toContainText('Trùng, không thay đổi');
    await expect(c.getByRole('checkbox', { name: 'Nhập tệp này' })).toBeDisabled();
  }
  await expect(page.getByRole('button', { name: 'Nhập 0 tệp' })).toBeDisabled();
  await expect(rows).toHaveCount(3);

  // Withdraw the first unit's submission.
  const first = rows.filter({ hasText: UNITS[0].file });
  await first.getByRole('button', { name: 'Rút bản nộp' }).click();
  await first.getByRole('button', { name: 'Xác nhận rút' }).click();
  await expect(first).toContainText('Đã rút');
  // Each state its own look, not only the text.
  const badge = (row: typeof first) => row.locator('.import-state');
  const [withdrawnBg, activeBg] = await Promise.all(
    [badge(first), badge(rows.filter({ hasText: UNITS[1].file }))].map((l) => l.evaluate((e) => getComputedStyle(e).backgroundColor)),
  );
  expect(withdrawnBg).not.toBe(activeBg);
  await expect(rows.filter({ hasText: UNITS[1].file })).toContainText('Đang dùng');
  await shot(page, 'import-withdrawn', { fullPage: true });

  // «Nhật ký»: the remaining unit's activities are its report, read-only here; an activity the
  // district logs itself can still be edited.
  await nav(page, 'Nhật ký').click();
  await expect(page.getByRole('heading', { name: 'Nhật ký hoạt động' })).toBeVisible();
  const f = page.getByRole('form', { name: 'Ghi hoạt động' });
  const OWN_TITLE = 'Kiểm tra việc thực hiện quy chế dân chủ ở cơ sở';
  // Dated inside the imported reports' period, which the log lists.
  await f.getByLabel('Ngày', { exact: true }).fill(formatDateVn(period.start));
  await f.getByRole('combobox', { name: 'Nhiệm vụ' }).fill('bao cao ket qua');
  await expect(page.getByRole('listbox', { name: 'Nhiệm vụ phù hợp' }).getByRole('option', { selected: true })).toContainText('IV.3');
  await page.keyboard.press('Enter');
  await f.getByLabel('Loại hoạt động').selectOption({ label: 'Khác' });
  await f.getByLabel('Tiêu đề').fill(OWN_TITLE);
  await page.keyboard.press('Control+Enter');
  await expect(f.getByRole('status')).toHaveText(`Đã lưu «${OWN_TITLE}».`);

  const log = page.getByRole('table', { name: 'Danh sách hoạt động' });
  const logRow = (title: string) => log.getByRole('row').filter({ has: page.getByRole('cell', { name: title, exact: true }) });
  const kept = reportFor(UNITS[1], 5).activities;
  // Header, the kept unit's activities and the own one; the withdrawn unit's are gone.
  await expect(log.getByRole('row')).toHaveCount(1 + kept.length + 1);
  const explanation = 'Hoạt động này lấy từ báo cáo của đơn vị (tệp đã nhập). Muốn sửa, đơn vị gửi lại báo cáo mới rồi nhập lại.';
  for (const a of kept) {
    const row = logRow(a.title);
    await expect(row).toContainText(UNITS[1].name);
    await expect(row.getByText('Từ báo cáo nhập', { exact: true })).toHaveAccessibleDescription(explanation);
    await expect(row.getByRole('button')).toHaveCount(0);
  }
  const ownRow = logRow(OWN_TITLE);
  await expect(ownRow.getByRole('button', { name: `Sửa «${OWN_TITLE}»` })).toBeVisible();
  await expect(ownRow.getByRole('button', { name: `Xóa «${OWN_TITLE}»` })).toBeVisible();
  await expect(ownRow.getByText('Từ báo cáo nhập')).toHaveCount(0);

  // From the keyboard: the label takes focus and shows its explanation; Enter opens no editor.
  const label = logRow(kept[0]!.title).getByText('Từ báo cáo nhập', { exact: true });
  await label.focus();
  await page.keyboard.press('Enter');
  await expect(label).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Ghi hoạt động' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sửa hoạt động' })).toHaveCount(0);
  expect(await label.evaluate((e) => getComputedStyle(e, '::after').content)).toBe(JSON.stringify(explanation));
  // The explanation stays inside the list, beside the label.
  const [tipBox, listBox] = await Promise.all([
    label.evaluate((e) => {
      const r = e.getBoundingClientRect();
      const s = getComputedStyle(e, '::after');
      return { left: r.left - 8 - parseFloat(s.width), right: r.left, top: r.top + r.height / 2 - parseFloat(s.height) / 2, height: parseFloat(s.height) };
    }),
    log.locator('.act-scroll').evaluate((e) => e.getBoundingClientRect().toJSON() as DOMRect),
  ]);
  expect(tipBox.left).toBeGreaterThanOrEqual(listBox.left);
  expect(tipBox.top).toBeGreaterThanOrEqual(listBox.top);
  expect(tipBox.top + tipBox.height).toBeLessThanOrEqual(listBox.bottom);
  await shot(page, 'import-log-read-only');

  await ownRow.getByRole('button', { name: `Sửa «${OWN_TITLE}»` }).click();
  await expect(page.getByRole('heading', { name: 'Sửa hoạt động' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Sửa hoạt động' }).getByLabel('Tiêu đề')).toHaveValue(OWN_TITLE);
  await page.getByRole('button', { name: 'Hủy sửa' }).click();
  await expect(page.getByRole('heading', { name: 'Ghi hoạt động' })).toBeVisible();
  expect(errors).toEqual([]);
});
