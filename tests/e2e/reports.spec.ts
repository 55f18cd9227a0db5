/**
 * "Báo cáo" as an officer uses it: mark an item done with a note (Kế hoạch), log an activity
 * (Nhật ký), export the unit's workbook and the blank template (Báo cáo), then read both files
 * back in Node (the app's own reader, and ExcelJS for the template's sheets) and print the
 * report with LibreOffice headless (PDF → PNG pages to look at). A large export shows its
 * progress bar and can be cancelled while the page stays responsive.
 */
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultPeriod, formatDateVn, isoDateOf, nextDay, type PeriodConfig } from '@domain/periods';
import { readWorkbook } from '@exchange/reader';
import { periodFilePart } from '@domain/file-names';
import { collectPageErrors, expect, openApp, openPlan, reloadApp, seedOwnActivities, shot, test } from './fixtures';
import { missingLines, pdfText } from '../support/pdf-text';

const ND09: PeriodConfig = { kinds: ['half', 'year'], halfEnd: { day: 14, month: 6 }, yearEnd: { day: 14, month: 12 } };
/** The period the app opens on today (the due one: the year in December), which exports default to. */
const period = defaultPeriod(ND09, isoDateOf(new Date()));
const PERIOD_PART = periodFilePart(period.key);
const REPORT_FILE = `BaoCao_63-KH-LDLD_LDLD-DMC_${PERIOD_PART}.xlsx`;
const TEMPLATE_FILE = `MauNhapLieu_63-KH-LDLD_LDLD-DMC_${PERIOD_PART}.xlsx`;

const DOWNLOADS = resolve(process.cwd(), 'test-results', 'downloads');
const WORKBOOKS = resolve(process.cwd(), 'test-results', 'workbooks', 'reports-e2e');

const REPORT_ITEM = /IV\.3 Báo cáo kết quả thực hiện về Liên đoàn Lao động tỉnh/;
const NOTE = 'Đã gửi báo cáo 6 tháng đúng hạn, đủ số liệu của 42 CĐCS';
const TITLE = 'Hội nghị sơ kết 6 tháng công tác công đoàn';

/** The 10th day of the current period: typed as dd/mm/yyyy. */
let activityDate = period.start;
for (let i = 0; i < 10; i++) activityDate = nextDay(activityDate);
const TYPED_DATE = formatDateVn(activityDate);

function nav(page: Page, label: string) {
  return page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: label });
}

async function goToReports(page: Page): Promise<void> {
  await nav(page, 'Báo cáo').click();
  await expect(page.getByRole('heading', { name: 'Báo cáo', level: 1 })).toBeVisible();
}

test('mark an item, log an activity, export the unit report and the template; read them back; print with LibreOffice', async ({ page }) => {
  test.setTimeout(150_000);
  const errors = collectPageErrors(page);
  await openPlan(page);

  // Kế hoạch: IV.3 done, with a note.
  const item = page.getByRole('group', { name: REPORT_ITEM });
  await item.getByLabel('Trạng thái').selectOption({ label: 'Đã hoàn thành' });
  await expect(item.getByText('Đã lưu')).toBeVisible();
  await item.getByLabel('Đánh giá').fill(NOTE);
  await item.getByLabel('Đánh giá').press('Tab');
  await expect(item.getByText('Đã lưu')).toBeVisible();

  // Nhật ký: one activity typed from the keyboard.
  await nav(page, 'Nhật ký').click();
  const form = page.getByRole('form', { name: /hoạt động$/ });
  const date = form.getByLabel('Ngày', { exact: true });
  await expect(date).toBeFocused();
  await page.keyboard.type(TYPED_DATE);
  // The district has no other unit yet: "Đơn vị" is its name as text, so Tab goes to Nhiệm vụ.
  await page.keyboard.press('Tab');
  await expect(form.getByRole('combobox', { name: 'Nhiệm vụ' })).toBeFocused();
  await page.keyboard.type('bao cao ket qua thuc hien');
  await expect(page.getByRole('listbox', { name: 'Nhiệm vụ phù hợp' }).getByRole('option', { selected: true })).toContainText('IV.3');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Nhiệm vụ đã chọn' })).toContainText('IV.3');
  await form.getByLabel('Loại hoạt động').selectOption({ label: 'Hội nghị, quán triệt' });
  await form.getByLabel('Tiêu đề').fill(TITLE);
  await form.getByLabel('Số lượt người').fill('85');
  await page.keyboard.press('Control+Enter');
  await expect(form.getByRole('status')).toHaveText(`Đã lưu «${TITLE}».`);

  // Báo cáo: what will be exported.
  await goToReports(page);
  const card = page.getByRole('region', { name: 'Xuất báo cáo đơn vị' });
  await expect(card.getByLabel('Kỳ báo cáo cần xuất').locator('option:checked')).toContainText(period.name);
  await expect(card.getByLabel('Nơi ban hành')).toHaveValue('Dương Minh Châu');
  const counts = card.getByRole('list', { name: 'Sẽ xuất' });
  await expect(counts).toContainText('1 nhiệm vụ có trạng thái');
  await expect(counts).toContainText('1 hoạt động');
  await expect(counts).toContainText(REPORT_FILE);
  await card.getByLabel('Người xuất').fill('Nguyễn Thị Hoa');
  await shot(page, 'reports-idle');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);

  mkdirSync(DOWNLOADS, { recursive: true });
  const reportDownload = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Xuất báo cáo' }).click();
  const download = await reportDownload;
  expect(download.suggestedFilename()).toBe(REPORT_FILE);
  const reportPath = join(DOWNLOADS, REPORT_FILE);
  await download.saveAs(reportPath);
  await expect(card.getByRole('status').filter({ hasText: 'Đã xuất báo cáo' })).toContainText(REPORT_FILE);
  await shot(page, 'reports-exported');

  // The file, read back by the app's reader in Node.
  const read = await readWorkbook(new Uint8Array(readFileSync(reportPath)), { fileName: REPORT_FILE });
  expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const report = read.report!;
  expect(report.kind).toBe('unit-report');
  expect(report.unit).toMatchObject({ code: 'LDLD-DMC', name: 'LĐLĐ huyện Dương Minh Châu', level: 'district' });
  expect(report.plan.number).toBe('63/KH-LĐLĐ');
  expect(report.period).toMatchObject({ key: period.key, start: period.start, end: period.end });
  expect(report.exportedBy).toBe('Nguyễn Thị Hoa');
  const iv3 = report.items.find((i) => i.id === 'IV.3');
  expect(iv3).toMatchObject({ status: 'xong', note: NOTE, activityCount: 1 });
  expect(report.items.filter((i) => i.status !== null)).toHaveLength(1);
  expect(report.activities).toHaveLength(1);
  expect(report.activities[0]).toMatchObject({ date: activityDate, title: TITLE, type: 'conference', participants: 85, itemIds: ['IV.3'] });

  // The template: own unit, the same period.
  const tcard = page.getByRole('region', { name: 'Mẫu nhập liệu' });
  await expect(tcard.getByLabel('Đơn vị nhận mẫu').locator('option:checked')).toHaveText('LĐLĐ huyện Dương Minh Châu (LDLD-DMC)');
  const templateDownload = page.waitForEvent('download');
  await tcard.getByRole('button', { name: 'Tải mẫu nhập liệu' }).click();
  const tdl = await templateDownload;
  expect(tdl.suggestedFilename()).toBe(TEMPLATE_FILE);
  const templatePath = join(DOWNLOADS, TEMPLATE_FILE);
  await tdl.saveAs(templatePath);
  await expect(tcard.getByRole('status').filter({ hasText: 'Đã lưu mẫu nhập liệu' })).toContainText(TEMPLATE_FILE);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(templatePath);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', 'Thông tin', 'Tiến độ', 'Hoạt động', 'Chỉ tiêu', '_danhmuc', '_sokh']);
  expect(wb.getWorksheet('_sokh')?.state).toBe('veryHidden');
  const tread = await readWorkbook(new Uint8Array(readFileSync(templatePath)), { fileName: TEMPLATE_FILE });
  expect(tread.report).toMatchObject({ kind: 'template', unit: { code: 'LDLD-DMC' }, period: { key: period.key } });
  expect(tread.report?.items.length).toBe(report.items.length);

  // LibreOffice prints the report: the header, the note, and the date as typed.
  rmSync(WORKBOOKS, { recursive: true, force: true });
  mkdirSync(WORKBOOKS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'lo-rep-'));
  try {
    execFileSync(
      'soffice',
      ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', WORKBOOKS, reportPath],
      { timeout: 90_000, stdio: 'pipe' },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdf = join(WORKBOOKS, REPORT_FILE.replace(/\.xlsx$/, '.pdf'));
  expect(missingLines(pdfText(pdf), ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Dương Minh Châu', TYPED_DATE])).toEqual([]);
  // The title wraps in its cell (the sheet prints at a legible size): read in text order.
  expect(missingLines(pdfText(pdf, { layout: false }), [TITLE])).toEqual([]);
  execFileSync('pdftoppm', ['-f', '1', '-l', '2', '-r', '70', '-png', pdf, join(WORKBOOKS, 'page')], { timeout: 60_000 });
  expect(readdirSync(WORKBOOKS).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(1);
  expect(errors).toEqual([]);
});


test('a large export shows its progress, keeps the page responsive and can be cancelled', async ({ page }) => {
  test.setTimeout(150_000);
  const errors = collectPageErrors(page);
  await openApp(page);
  await seedOwnActivities(page, 30_000, activityDate);
  await reloadApp(page);
  await goToReports(page);
  const card = page.getByRole('region', { name: 'Xuất báo cáo đơn vị' });
  await expect(card.getByRole('list', { name: 'Sẽ xuất' })).toContainText('30.000 hoạt động', { timeout: 30_000 });

  await card.getByRole('button', { name: 'Xuất báo cáo' }).click();
  const bar = card.getByRole('progressbar', { name: 'Tiến độ xuất báo cáo' });
  await expect(bar).toBeVisible();
  // The worker reports rows written: the bar moves past 0 while the page still paints frames
  // (how long a frame waits meanwhile is measured by `npm run bench:responsiveness`).
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 60_000 }).toBeGreaterThan(0);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  await expect(card.getByRole('button', { name: 'Xuất báo cáo' })).toBeDisabled();
  await shot(page, 'reports-exporting');

  await card.getByRole('button', { name: 'Hủy' }).click();
  await expect(bar).toBeHidden();
  await expect(card.getByRole('status').filter({ hasText: 'Đã hủy xuất báo cáo' })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Xuất báo cáo' })).toBeEnabled();
  await shot(page, 'reports-cancelled');
  expect(errors).toEqual([]);
});
