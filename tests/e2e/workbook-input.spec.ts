/**
 * What a unit types in a workbook reaches the district whole, and hostile or stale files cost
 * nothing:
 * - a blank template filled in LibreOffice with only «Kết quả» (no activity) imports those
 *   figures: the preview names the adjustments they become, the district's «Chỉ tiêu» and the
 *   consolidated export show them; «Nơi ban hành» and «Người xuất» of the consolidated report
 *   are printed on it and still there after the app is opened again;
 * - the lying-size zip bomb is refused with its message while the renderer stays small;
 * - the preview of a file older than the one imported shows nothing as changing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { readWorkbook } from '@exchange/reader';
import { isConsolidated } from '@domain/report';
import { collectPageErrors, expect, openApp, reloadApp, shot, test } from './fixtures';
import { fileCard, nav } from './district-flow/app';

const DIR = resolve(process.cwd(), 'test-results', 'workbook-input-e2e');
const FIXTURES = resolve(process.cwd(), 'tests', 'fixtures', 'workbooks');
const LO_FILL = join(FIXTURES, 'tools', 'lo_fill_template.py');
const UNIT = { code: 'CDCS-0701', name: 'CĐCS Công ty TNHH Dệt may Phước Đông' };

async function addUnit(page: Page, unit: { code: string; name: string }): Promise<void> {
  await nav(page, 'Đơn vị').click();
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  const dialog = page.getByRole('form', { name: 'Thêm đơn vị' });
  await dialog.getByLabel('Tên đơn vị').fill(unit.name);
  await dialog.getByLabel('Mã đơn vị').fill(unit.code);
  await dialog.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await expect(dialog).toBeHidden();
}

async function chooseFiles(page: Page, paths: string[]): Promise<void> {
  await nav(page, 'Nhập dữ liệu').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Chọn tệp báo cáo…' }).click();
  await (await chooser).setFiles(paths);
}

test('a template filled in LibreOffice with only «Kết quả» reaches «Chỉ tiêu» and the consolidated report', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = collectPageErrors(page);
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  await openApp(page);
  await addUnit(page, UNIT);

  // The district hands the unit its blank template, for the period the context bar shows.
  await nav(page, 'Báo cáo').click();
  const tcard = page.getByRole('region', { name: 'Mẫu nhập liệu' });
  await tcard.getByLabel('Đơn vị nhận mẫu').selectOption({ label: `${UNIT.name} (${UNIT.code})` });
  const download = page.waitForEvent('download');
  await tcard.getByRole('button', { name: 'Tải mẫu nhập liệu' }).click();
  const d = await download;
  const template = join(DIR, d.suggestedFilename());
  await d.saveAs(template);

  // The unit, without the app, types only its results in LibreOffice Calc.
  const filled = join(DIR, `da-dien-${d.suggestedFilename()}`);
  const run = spawnSync('/usr/bin/python3', [LO_FILL, 'results', template, filled], { encoding: 'utf8', timeout: 120_000 });
  expect(run.status, run.stderr).toBe(0);

  // The preview says what the results become.
  await chooseFiles(page, [filled]);
  const card = fileCard(page, `da-dien-${d.suggestedFilename()}`);
  await expect(card.getByText('Mẫu báo cáo điền tay')).toBeVisible();
  const adjustments = card.getByRole('list').filter({ hasText: 'điều chỉnh' }).first();
  await expect(card).toContainText('3 chỉ tiêu có số liệu, 3 có điều chỉnh:');
  await expect(adjustments).toContainText('Số cuộc tuyên truyền: 12 = hoạt động 0 + điều chỉnh +12 — Số liệu đơn vị nhập trực tiếp trong mẫu');
  await expect(adjustments).toContainText('Lượt người tham gia: 1.250 = hoạt động 0 + điều chỉnh +1.250');
  await expect(adjustments).toContainText('Đoàn viên kết nạp mới: 7 = hoạt động 0 + điều chỉnh +7 — Kết nạp bổ sung sau ngày chốt số liệu; Số liệu đơn vị nhập trực tiếp trong mẫu');
  await card.scrollIntoViewIfNeeded();
  await shot(page, 'workbook-input-preview-results');
  await page.getByRole('button', { name: 'Nhập 1 tệp' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã nhập 1 tệp' })).toBeVisible();

  // «Chỉ tiêu» of every subordinate unit: the totals the unit typed, and why.
  await nav(page, 'Chỉ tiêu').click();
  const all = page.getByLabel('Toàn đơn vị trực thuộc');
  if (!(await all.isChecked())) await all.check();
  const table = page.getByRole('table', { name: /^Chỉ tiêu của Toàn đơn vị trực thuộc/ });
  const total = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) }).getByRole('cell').nth(3);
  await expect(total('Số cuộc tuyên truyền')).toHaveText('12');
  await expect(total('Lượt người tham gia')).toHaveText('1.250');
  await expect(total('Đoàn viên kết nạp mới')).toHaveText('7');
  await expect(table).toContainText('Số liệu đơn vị nhập trực tiếp trong mẫu');
  await shot(page, 'workbook-input-chi-tieu');

  // «Tổng hợp»: the unit's row, then the consolidated workbook with its place and exporter.
  await nav(page, 'Tổng hợp').click();
  const byUnit = page.getByRole('region', { name: 'Chỉ tiêu theo đơn vị' });
  await expect(byUnit.getByRole('row').filter({ hasText: UNIT.code })).toContainText('1.250');
  const exportCard = page.getByRole('region', { name: 'Báo cáo tổng hợp gửi cấp trên' });
  await expect(exportCard.getByLabel('Nơi ban hành')).toHaveValue('Dương Minh Châu');
  await exportCard.getByLabel('Nơi ban hành').fill('Thị trấn Dương Minh Châu');
  await exportCard.getByLabel('Người xuất').fill('Trần Thị Lan');
  await exportCard.scrollIntoViewIfNeeded();
  await shot(page, 'workbook-input-export-card');
  const cd = page.waitForEvent('download');
  await exportCard.getByRole('button', { name: 'Xuất báo cáo tổng hợp' }).click();
  const consolidatedFile = join(DIR, (await cd).suggestedFilename());
  await (await cd).saveAs(consolidatedFile);
  const read = await readWorkbook(new Uint8Array(readFileSync(consolidatedFile)), { fileName: 'tong-hop.xlsx' });
  expect(read.problems).toEqual([]);
  const rep = read.report!;
  expect(isConsolidated(rep)).toBe(true);
  if (!isConsolidated(rep)) return;
  const row = rep.consolidation.units.find((u) => u.unitCode === UNIT.code)!;
  expect([row.values['propaganda-sessions'], row.values['participants'], row.values['new-members']]).toEqual([12, 1250, 7]);
  const value = (code: string) => rep.indicators.find((i) => i.code === code)!.value;
  expect([value('propaganda-sessions'), value('participants'), value('new-members')]).toEqual([12, 1250, 7]);
  expect(rep.exportedBy).toBe('Trần Thị Lan');
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(consolidatedFile);
  const headerLines: string[] = [];
  wb.getWorksheet('Thông tin')!.eachRow((r) => r.eachCell((c) => headerLines.push(String(c.value ?? ''))));
  expect(headerLines.some((t) => /^Thị trấn Dương Minh Châu, ngày \d{2} tháng \d{2} năm \d{4}$/.test(t))).toBe(true);

  // Opened again (the app restarted): both reports offer the same place and exporter.
  await reloadApp(page);
  await nav(page, 'Tổng hợp').click();
  const again = page.getByRole('region', { name: 'Báo cáo tổng hợp gửi cấp trên' });
  await expect(again.getByLabel('Nơi ban hành')).toHaveValue('Thị trấn Dương Minh Châu');
  await expect(again.getByLabel('Người xuất')).toHaveValue('Trần Thị Lan');
  await nav(page, 'Báo cáo').click();
  const unitCard = page.getByRole('region', { name: 'Xuất báo cáo đơn vị' });
  await expect(unitCard.getByLabel('Người xuất')).toHaveValue('Trần Thị Lan');
  await expect(unitCard.getByLabel('Nơi ban hành')).toHaveValue('Thị trấn Dương Minh Châu');
  await shot(page, 'workbook-input-reports-remembered');
  expect(errors).toEqual([]);
});

/** Peak resident memory (VmHWM) of each renderer process of the page's browser, in MB. */
async function rendererPeaksMb(page: Page): Promise<number[]> {
  const cdp = await page.context().browser()!.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  await cdp.detach();
  return processInfo
    .filter((p) => p.type === 'renderer')
    .map((p) => {
      try {
        return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${p.id}/status`, 'utf8'))?.[1] ?? 0) / 1024;
      } catch {
        return 0; // gone meanwhile
      }
    });
}

test('the lying-size zip bomb is refused, and the renderer never grows past a few hundred MB', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  await openApp(page);
  await chooseFiles(page, [join(FIXTURES, 'bad', 'bom-noi-doi-kich-thuoc.xlsx')]);
  const card = fileCard(page, 'bom-noi-doi-kich-thuoc.xlsx');
  await expect(card).toContainText(
    'Tệp «bom-noi-doi-kich-thuoc.xlsx» có phần «xl/worksheets/sheet1.xml» giải nén ra nhiều hơn kích thước ghi trong tệp, có thể là tệp độc hại; không đọc',
    { timeout: 60_000 },
  );
  // It inflates to 1 GiB; read whole, it took the renderer past 1 GB.
  const peaks = await rendererPeaksMb(page);
  expect(peaks.length).toBeGreaterThan(0);
  expect(Math.max(...peaks)).toBeLessThan(500);
  await shot(page, 'workbook-input-bomb');
  expect(errors).toEqual([]);
});

test('the preview of a file older than the one imported shows nothing as changing', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openApp(page);
  await addUnit(page, { code: 'CDCS-0012', name: 'Công đoàn cơ sở Trường THCS Phan Bội Châu' });
  await chooseFiles(page, [join(FIXTURES, 'import', 'bao-cao-moi.xlsx')]);
  await page.getByRole('button', { name: 'Nhập 1 tệp' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã nhập 1 tệp' })).toBeVisible();
  await page.getByRole('button', { name: 'Xóa danh sách' }).click();
  await chooseFiles(page, [join(FIXTURES, 'import', 'bao-cao-cu.xlsx')]);
  const card = fileCard(page, 'bao-cao-cu.xlsx');
  await expect(card).toContainText('Cũ hơn bản đã nộp — không ghi đè');
  const facts = card.getByRole('definition');
  await expect(facts.filter({ hasText: 'mới,' }).first()).toHaveText('0 mới, 0 thay đổi, 2 không đổi, 0 bỏ đi');
  await expect(facts.filter({ hasText: 'mới,' }).nth(1)).toHaveText('0 mới, 0 thay đổi, 3 không đổi, 0 bỏ đi');
  await card.scrollIntoViewIfNeeded();
  await shot(page, 'workbook-input-older-preview');
  expect(errors).toEqual([]);
});

