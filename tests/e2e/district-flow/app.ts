/**
 * The app as one person uses it, in a browser context of its own (its own IndexedDB, so a
 * fresh installation): first-run setup, statuses on "Kế hoạch", activities on "Nhật ký", the
 * unit's workbook and blank templates on "Báo cáo", units on "Đơn vị", files on "Nhập dữ liệu".
 * Each step acts through roles and Vietnamese labels and waits for what the person would see.
 */
import type { Browser, BrowserContext, Page, TestInfo } from '@playwright/test';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { formatDateVn, type Period } from '@domain/periods';
import { expect, openAppFresh } from '../fixtures';
import { STATUS_LABELS, type LoggedActivity, type Status } from './ledger';
import { STANDARD_INDICATORS } from '@domain/indicators';

const INDICATOR_NAMES = new Map(STANDARD_INDICATORS.map((d) => [d.code, d.name]));

export type Level = 'province' | 'district' | 'grassroots';
const LEVEL_OPTION: Record<Level, string> = {
  province: 'Liên đoàn Lao động tỉnh (LĐLĐ tỉnh)',
  district: 'Liên đoàn Lao động huyện (LĐLĐ huyện)',
  grassroots: 'Công đoàn cơ sở (CĐCS)',
};

/** A fresh browser context with the project's options (viewport 1366×768, vi-VN, Asia/Ho_Chi_Minh). */
export async function newAppContext(browser: Browser, testInfo: TestInfo): Promise<BrowserContext> {
  const use = testInfo.project.use;
  return browser.newContext({
    baseURL: use.baseURL,
    viewport: use.viewport ?? { width: 1366, height: 768 },
    locale: use.locale,
    timezoneId: use.timezoneId,
    acceptDownloads: true,
  });
}

export function nav(page: Page, label: string) {
  return page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: label, exact: true });
}

/** First run: who this installation belongs to. */
export async function setUpAs(page: Page, who: { level: Level; name: string; code: string; parentName: string }): Promise<void> {
  await openAppFresh(page);
  const form = page.getByRole('form', { name: 'Thiết lập ban đầu' });
  await form.getByLabel('Cấp', { exact: true }).selectOption({ label: LEVEL_OPTION[who.level] });
  await form.getByLabel('Tên đơn vị').fill(who.name);
  await form.getByLabel('Mã đơn vị').fill(who.code);
  await form.getByLabel('Tên cơ quan cấp trên').fill(who.parentName);
  await expect(form.getByLabel('Mã đơn vị')).toHaveValue(who.code);
  await form.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
  await expect(page.getByRole('banner')).toContainText(who.name);
  await expect(nav(page, 'Tổng quan')).toHaveAttribute('aria-current', 'page');
}

/**
 * The context bar on `period` (kind and year): the app opens on the period that is due (the
 * shortest one containing today), so work on a 6-month report after its cut-off starts here.
 */
export async function showPeriod(page: Page, period: Period): Promise<void> {
  await page.getByLabel('Kỳ báo cáo', { exact: true }).selectOption({ value: period.kind });
  await page.getByLabel('Năm', { exact: true }).selectOption(String(period.year));
  await expect(page.getByTestId('period-range')).toHaveText(`${formatDateVn(period.start)} – ${formatDateVn(period.end)}`);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** On "Kế hoạch": each item's Trạng thái, waiting for «Đã lưu». */
export async function setStatuses(page: Page, statuses: Record<string, Status>): Promise<void> {
  await nav(page, 'Kế hoạch').click();
  for (const [id, status] of Object.entries(statuses)) {
    const item = page.getByRole('group', { name: new RegExp(`^${escapeRe(id)} `) });
    await item.getByLabel('Trạng thái').selectOption({ label: STATUS_LABELS[status] });
    await expect(item.getByLabel('Trạng thái')).toHaveValue(status);
    await expect(item.getByText('Đã lưu')).toBeVisible();
  }
}

/** On "Nhật ký": one activity per entry, saved with Ctrl+Enter. */
export async function logActivities(page: Page, activities: readonly LoggedActivity[]): Promise<void> {
  await nav(page, 'Nhật ký').click();
  await expect(page.getByRole('heading', { name: 'Nhật ký hoạt động' })).toBeVisible();
  const form = page.getByRole('form', { name: /hoạt động$/ });
  for (const a of activities) {
    await form.getByLabel('Ngày', { exact: true }).fill(formatDateVn(a.date));
    const combo = form.getByRole('combobox', { name: 'Nhiệm vụ' });
    for (const id of a.itemIds) {
      await combo.fill(id.toLowerCase());
      await expect(page.getByRole('listbox', { name: 'Nhiệm vụ phù hợp' }).getByRole('option', { selected: true })).toContainText(id);
      await combo.press('Enter');
      await expect(page.getByRole('list', { name: 'Nhiệm vụ đã chọn' })).toContainText(id);
    }
    await form.getByLabel('Loại hoạt động').selectOption({ label: a.typeLabel });
    await form.getByLabel('Tiêu đề').fill(a.title);
    if (a.participants !== null) await form.getByLabel('Số lượt người').fill(String(a.participants));
    for (const [code, v] of Object.entries(a.indicators)) {
      await form.getByLabel(INDICATOR_NAMES.get(code)!, { exact: true }).fill(String(v));
    }
    await form.getByLabel('Tiêu đề').press('Control+Enter');
    // An activity outside the period on screen is saved all the same, with a note saying where it counts.
    await expect(form.getByRole('status')).toHaveText(new RegExp(`^Đã lưu «${escapeRe(a.title)}»\\.`));
  }
}

/** On "Báo cáo": «Xuất báo cáo» for the period; returns the downloaded bytes and file name. */
export async function exportUnitReport(page: Page, period: Period, by: string): Promise<{ fileName: string; bytes: Buffer }> {
  await nav(page, 'Báo cáo').click();
  const card = page.getByRole('region', { name: 'Xuất báo cáo đơn vị' });
  const select = card.getByLabel('Kỳ báo cáo cần xuất');
  await select.selectOption({ value: period.key });
  await expect(select.locator('option:checked')).toContainText(period.name);
  await card.getByLabel('Người xuất').fill(by);
  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Xuất báo cáo' }).click();
  const d = await download;
  await expect(card.getByRole('status').filter({ hasText: 'Đã xuất báo cáo' })).toContainText(d.suggestedFilename());
  return { fileName: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

/** On "Báo cáo": the blank template for a unit of the directory, with the period written on it. */
export async function exportTemplate(page: Page, unit: { code: string; name: string }, period: Period): Promise<{ fileName: string; bytes: Buffer }> {
  await nav(page, 'Báo cáo').click();
  const card = page.getByRole('region', { name: 'Mẫu nhập liệu' });
  await card.getByLabel('Đơn vị nhận mẫu').selectOption({ label: `${unit.name} (${unit.code})` });
  await card.getByLabel('Kỳ ghi trên mẫu').selectOption({ value: period.key });
  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Tải mẫu nhập liệu' }).click();
  const d = await download;
  await expect(card.getByRole('status').filter({ hasText: 'Đã lưu mẫu nhập liệu' })).toContainText(d.suggestedFilename());
  return { fileName: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

/** On "Đơn vị": the directory imported from one .xlsx list (STT, Mã đơn vị, Tên CĐCS). */
export async function importDirectory(page: Page, units: readonly { code: string; name: string }[], path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách CĐCS');
  ws.getRow(1).values = ['STT', 'Mã đơn vị', 'Tên CĐCS'];
  units.forEach((u, i) => ws.addRow([i + 1, u.code, u.name]));
  await wb.xlsx.writeFile(path);

  await nav(page, 'Đơn vị').click();
  await page.getByRole('button', { name: 'Nhập danh sách từ Excel/CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nhập danh sách đơn vị từ Excel/CSV' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Chọn tệp…' }).click();
  await (await chooser).setFiles(path);
  await dialog.getByRole('button', { name: 'Xem trước' }).click();
  await expect(dialog.getByRole('list', { name: 'Kết quả xem trước' })).toContainText(`Thêm mới: ${units.length}`);
  await dialog.getByRole('button', { name: `Nhập ${units.length} đơn vị` }).click();
  await expect(dialog.getByText(`Đã nhập xong: thêm mới ${units.length}, cập nhật 0, không đổi 0.`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Đóng', exact: true }).last().click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('unit-counts')).toHaveText(`${units.length} đơn vị: ${units.length} đang hoạt động, 0 ngừng hoạt động`);
}

/** On "Nhập dữ liệu": «Chọn tệp báo cáo…» with these paths. */
export async function chooseReportFiles(page: Page, paths: readonly string[]): Promise<void> {
  await nav(page, 'Nhập dữ liệu').click();
  await expect(page.getByRole('heading', { name: 'Nhập dữ liệu', level: 1 })).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Chọn tệp/ }).click();
  await (await chooser).setFiles([...paths]);
}

/** The preview card of one chosen file. */
export function fileCard(page: Page, fileName: string) {
  return page
    .getByRole('list', { name: 'Tệp đã chọn' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: fileName, exact: true }) });
}
