/**
 * Plans in the shapes officers actually get: a PDF copy with page numbers and a running header,
 * a plan whose tasks carry attribute lines, and a Word file with a task table. Each is read,
 * corrected in the preview with the keyboard only, saved, and its attributes are seen in the
 * checklist and in the exported workbook.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { collectPageErrors, expect, shot, test } from './fixtures';
import { PlanImportDialogPage } from './plan-import-page';

const FIXTURES = resolve(process.cwd(), 'tests/fixtures/plans');
const DOWNLOADS = resolve(process.cwd(), 'test-results', 'downloads', 'plan-shapes');
const fixture = (name: string): string => readFileSync(resolve(FIXTURES, name), 'utf8');

function nav(page: Page, label: string) {
  return page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: label });
}

/** Export the active plan's unit report and return the rows of its «Tiến độ» sheet as texts. */
async function exportProgress(page: Page, name: string): Promise<{ header: string[]; rows: Map<string, Record<string, string>> }> {
  await nav(page, 'Báo cáo').click();
  const card = page.getByRole('region', { name: 'Xuất báo cáo đơn vị' });
  mkdirSync(DOWNLOADS, { recursive: true });
  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Xuất báo cáo' }).click();
  const path = join(DOWNLOADS, `${name}-${(await download).suggestedFilename()}`);
  await (await download).saveAs(path);
  await expect(card.getByRole('status').filter({ hasText: 'Đã xuất báo cáo' })).toBeVisible();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet('Tiến độ')!;
  let headerRow = 0;
  ws.eachRow((row, r) => {
    if (headerRow === 0 && row.getCell(1).text === 'Mã nhiệm vụ') headerRow = r;
  });
  const header = (ws.getRow(headerRow).values as unknown[]).slice(1).map((v) => String(v ?? ''));
  const rows = new Map<string, Record<string, string>>();
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const id = row.getCell(1).text;
    if (id) rows.set(id, Object.fromEntries(header.map((h, c) => [h, row.getCell(c + 1).text])));
  }
  return { header, rows };
}

test('a PDF copy: page furniture dropped and the split sentence joined; a sub-point raised to a task with the keyboard, undone and redone', async ({ appPage: page }) => {
  const errors = collectPageErrors(page);
  const importer = new PlanImportDialogPage(page);
  await importer.open();
  await importer.textArea.fill(fixture('ke-hoach-tet-pdf.txt'));
  await importer.button('Phân tích').click();

  const warnings = importer.dialog.getByRole('region', { name: 'Lưu ý khi phân tích' });
  await expect(warnings).toContainText('Đã bỏ 4 dòng số trang, đầu trang, chân trang: «2», «Kế hoạch số 03/KH-CĐCS');
  await expect(warnings).toContainText('Đã nối đoạn bị ngắt trang: “…người lao động có hoàn cảnh đặc biệt khó” + “khăn; phấn đấu');
  await expect(importer.row('II.1.2')).toContainText('có hoàn cảnh đặc biệt khó khăn; phấn đấu 100% đoàn viên');
  await expect(importer.row('II.2.2.2')).toContainText('tổ chức Công đoàn Việt Nam.');
  await expect(importer.dialog.getByText('3 phần, 3 nhóm, 8 mục theo dõi')).toBeVisible();
  // The rule is stated, and the keys are listed, where the outline starts.
  await expect(importer.dialog.getByText(/Quy tắc theo dõi\. Theo dõi: các việc cụ thể \(mục lá/)).toBeVisible();
  await expect(importer.dialog.getByText('Alt+Shift+←', { exact: true })).toBeVisible();

  // "Tổ chức học tập truyền thống…" is a task of its own, not a point of the traffic campaign:
  // Alt+Shift+← raises it one level.
  const row = await importer.selectRow('II.2.2.2');
  await page.keyboard.press('Alt+Shift+ArrowLeft');
  const level = importer.dialog.getByRole('combobox', { name: 'Cấp của II.2.2.2', exact: true });
  await expect(level).toHaveValue('item');
  await expect(importer.dialog.getByRole('status').filter({ hasText: 'II.2.2.2: Mục.' })).toBeVisible();
  await expect(row).toBeFocused();
  // Its name stays on screen; undo and redo from the keyboard.
  await page.keyboard.press('Control+z');
  await expect(level).toHaveValue('subitem');
  await page.keyboard.press('Control+y');
  await expect(level).toHaveValue('item');
  await expect(row).toBeFocused();
  await shot(page, 'plan-shapes-1-pdf-xem-truoc');

  await importer.button('Lưu kế hoạch').click();
  await expect(importer.dialog).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Kế hoạch đang theo dõi' })).toContainText(/03\/KH-CĐCS/);
  await expect(page.getByRole('group', { name: /^II\.2\.3 Tổ chức học tập truyền thống vẻ vang của giai cấp công nhân và tổ chức Công đoàn Việt Nam\.$/ })).toBeVisible();
  await expect(page.getByRole('group', { name: /^II\.2\.2\.1 Phát 500 tờ rơi/ })).toBeVisible();
  await expect(page.getByText('Kế hoạch số 03/KH-CĐCS – CĐCS')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('attribute lines: kept on their task, one added from the keyboard, shown in the checklist and exported in «Tiến độ»', async ({ appPage: page }) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  const importer = new PlanImportDialogPage(page);
  await importer.open();
  await importer.textArea.fill(fixture('ke-hoach-thuoc-tinh.txt'));
  await importer.button('Phân tích').click();

  await expect(importer.dialog.getByText('3 phần, 1 nhóm, 5 mục theo dõi')).toBeVisible();
  const attributes = importer.dialog.getByRole('list', { name: 'Thuộc tính II.2' });
  await expect(attributes).toContainText('Bộ phận chủ trì: Ban Tổ chức - Kiểm tra');
  await expect(attributes).toContainText('Chỉ tiêu: Kết nạp 300 đoàn viên, thành lập 03 công đoàn cơ sở');
  await expect(importer.dialog.getByRole('checkbox', { name: 'Theo dõi II.2', exact: true })).toBeChecked();

  // Enter opens the row's editor; the attributes are lines "Tên: giá trị"; Ctrl+Enter is "Xong".
  await importer.selectRow('II.1');
  await page.keyboard.press('Enter');
  await expect(importer.dialog.getByRole('textbox', { name: 'Nội dung II.1' })).toBeFocused();
  await page.keyboard.press('Tab');
  const editor = importer.dialog.getByRole('textbox', { name: 'Thuộc tính II.1' });
  await expect(editor).toBeFocused();
  await expect(editor).toHaveValue('Thời gian thực hiện: Quý I/2025\nBộ phận chủ trì: Văn phòng Liên đoàn Lao động huyện\nPhối hợp: Các ban chuyên môn');
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Kinh phí: 15.000.000 đồng');
  await shot(page, 'plan-shapes-2-sua-thuoc-tinh');
  await page.keyboard.press('Control+Enter');
  await expect(importer.dialog.getByRole('list', { name: 'Thuộc tính II.1' })).toContainText('Kinh phí: 15.000.000 đồng');
  await expect(importer.row('II.1')).toBeFocused();
  await shot(page, 'plan-shapes-2-thuoc-tinh-xem-truoc');

  await importer.button('Lưu kế hoạch').click();
  await expect(importer.dialog).toBeHidden();

  // The checklist shows each task's printed number and its attributes beside it.
  const task = page.getByRole('group', { name: /^II\.1 1\. Tổ chức Hội nghị tổng kết/ });
  await expect(task.getByRole('term')).toHaveText(['Thời gian thực hiện:', 'Bộ phận chủ trì:', 'Phối hợp:', 'Kinh phí:']);
  await expect(task.getByRole('definition')).toHaveText(['Quý I/2025', 'Văn phòng Liên đoàn Lao động huyện', 'Các ban chuyên môn', '15.000.000 đồng']);
  const bus = page.getByRole('group', { name: /^II\.3\.2 Tổ chức chương trình “Chuyến xe mùa xuân”/ });
  await expect(bus.getByRole('definition')).toHaveText(['Ngày 26/01/2025', '02 chuyến xe; 80 người lao động được hỗ trợ vé xe']);
  await task.scrollIntoViewIfNeeded();
  await shot(page, 'plan-shapes-3-thuoc-tinh-ke-hoach');
  // The search finds a task by the unit that leads it.
  await page.getByLabel('Tìm trong kế hoạch').fill('ban chinh sach');
  await expect(page.getByRole('group', { name: /^II\.3\.1 Trao 200 suất quà Tết/ })).toBeVisible();
  await expect(task).toBeHidden();
  await page.getByLabel('Tìm trong kế hoạch').fill('');

  const { header, rows } = await exportProgress(page, 'thuoc-tinh');
  // "Số mục" beside the id; the attribute columns after the sheet's own, the usual kinds first.
  expect(header.slice(0, 2)).toEqual(['Mã nhiệm vụ', 'Số mục']);
  expect(header.slice(header.indexOf('Số hoạt động') + 1)).toEqual([
    'Thời gian thực hiện',
    'Đơn vị chủ trì',
    'Đơn vị phối hợp',
    'Chỉ tiêu',
    'Kết quả cần đạt',
    'Kinh phí',
  ]);
  expect(rows.get('II.1')).toMatchObject({
    'Số mục': '1.',
    'Thời gian thực hiện': 'Quý I/2025',
    'Đơn vị chủ trì': 'Văn phòng Liên đoàn Lao động huyện',
    'Đơn vị phối hợp': 'Các ban chuyên môn',
    'Kinh phí': '15.000.000 đồng',
  });
  expect(rows.get('II.3.1')).toMatchObject({ 'Thời gian thực hiện': 'Trước ngày 25/01/2025', 'Đơn vị chủ trì': 'Ban Chính sách - Pháp luật', 'Kinh phí': '' });
  expect(errors).toEqual([]);
});

test('a Word file with a task table: one task per row with its columns, a task tracked with the keyboard, attributes in the checklist and the workbook', async ({ appPage: page }) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  const importer = new PlanImportDialogPage(page);
  await importer.open();
  const name = 'ke-hoach-phat-trien-doan-vien-bang.docx';
  await importer.chooseFile({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: readFileSync(resolve(FIXTURES, name)),
  });
  await expect(importer.dialog.getByRole('status').filter({ hasText: `Đã đọc nội dung từ tệp “${name}”` })).toBeVisible();
  await importer.button('Phân tích').click();
  await expect(importer.dialog.getByText('3 phần, 2 nhóm, 5 mục theo dõi')).toBeVisible();
  await expect(importer.row('II.1.2')).toContainText('2. Tuyên truyền, vận động người lao động gia nhập Công đoàn; kết nạp đoàn viên mới tại 03 hợp tác xã.');
  await expect(importer.dialog.getByRole('list', { name: 'Thuộc tính II.1.2' })).toContainText('Kết quả cần đạt: Kết nạp 60 đoàn viên');
  await expect(importer.dialog.getByText('STT', { exact: true })).toHaveCount(0);

  // Keyboard only: the outline's row takes focus, ↓ moves to I.2, T tracks it.
  await importer.row('I').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(importer.row('I.2')).toBeFocused();
  await page.keyboard.press('t');
  await expect(importer.dialog.getByRole('checkbox', { name: 'Theo dõi I.2', exact: true })).toBeChecked();
  await expect(importer.dialog.getByText('3 phần, 2 nhóm, 6 mục theo dõi')).toBeVisible();
  // G on the last row of a part refuses to swallow the next part's heading, and says why.
  await page.keyboard.press('g');
  await expect(importer.dialog.getByRole('alert')).toHaveText('Không gộp được I.2 với dòng dưới: II là đầu dòng của phần khác.');
  await shot(page, 'plan-shapes-4-docx-xem-truoc');

  await importer.button('Lưu kế hoạch').click();
  await expect(importer.dialog).toBeHidden();
  const task = page.getByRole('group', { name: /^II\.1\.1 1\. Khảo sát số lao động chưa là đoàn viên/ });
  await expect(task.getByRole('term')).toHaveText(['Thời gian:', 'Đơn vị chủ trì:', 'Kết quả cần đạt:']);
  await expect(task.getByRole('definition')).toHaveText(['Quý I/2025', 'Ban Chấp hành', 'Danh sách lao động chưa vào Công đoàn']);
  await expect(page.getByRole('group', { name: /^I\.2 Nâng cao chất lượng sinh hoạt/ })).toBeVisible();
  await task.scrollIntoViewIfNeeded();
  await shot(page, 'plan-shapes-5-docx-ke-hoach');

  const { header, rows } = await exportProgress(page, 'docx');
  expect(header.slice(-3)).toEqual(['Thời gian thực hiện', 'Đơn vị chủ trì', 'Kết quả cần đạt']);
  expect(rows.get('II.2.2')).toMatchObject({
    'Số mục': '4.',
    'Nhóm nhiệm vụ': 'XÂY DỰNG CÔNG ĐOÀN CƠ SỞ VỮNG MẠNH',
    'Thời gian thực hiện': 'Tháng 11/2025',
    'Đơn vị chủ trì': 'Ban Chấp hành',
    'Kết quả cần đạt': 'Đạt hoàn thành tốt nhiệm vụ',
  });
  expect(rows.get('I.2')).toMatchObject({ 'Số mục': '', 'Thời gian thực hiện': '' });
  await shot(page, 'plan-shapes-6-docx-xuat');
  expect(errors).toEqual([]);
});

test('«Phần thứ…» parts: a level above the sections in the preview and the checklist, the evaluation kept, only the tasks tracked', async ({ appPage: page }) => {
  const errors = collectPageErrors(page);
  const importer = new PlanImportDialogPage(page);
  await importer.open();
  await importer.textArea.fill(fixture('ke-hoach-phan-thu.txt'));
  await importer.button('Phân tích').click();
  await expect(importer.dialog.getByText('3 phần “Phần thứ…”, 2 phần, 2 nhóm, 6 mục theo dõi')).toBeVisible();
  await expect(importer.dialog.getByRole('combobox', { name: 'Cấp của P1', exact: true })).toHaveValue('part');
  await expect(importer.row('P1.1')).toContainText('Năm 2024, Liên đoàn Lao động huyện đã chỉ đạo');
  await expect(importer.dialog.getByRole('checkbox', { name: 'Theo dõi P1.1', exact: true })).not.toBeChecked();
  await expect(importer.dialog.getByRole('region', { name: 'Lưu ý khi phân tích' })).toContainText('«Trang 2/3», «Trang 3/3»');
  await importer.row('P2').scrollIntoViewIfNeeded();
  await shot(page, 'plan-shapes-7-phan-thu-xem-truoc');
  await importer.button('Lưu kế hoạch').click();
  await expect(importer.dialog).toBeHidden();

  // Parts are h2, their sections h3, groups h4; the evaluation stays readable, not tracked.
  await expect(page.getByRole('heading', { level: 2, name: /^Phần thứ nhất – ĐÁNH GIÁ KẾT QUẢ HOẠT ĐỘNG CÔNG ĐOÀN NĂM 2024/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /^II\. NHIỆM VỤ, GIẢI PHÁP/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 4, name: /^1\. Tuyên truyền, giáo dục/ })).toBeVisible();
  await expect(page.getByRole('group', { name: /^P2\.II\.1\.1 Tuyên truyền Nghị quyết Đại hội XIII/ })).toBeVisible();
  await expect(page.getByRole('group', { name: /^P3\.2 2\. Văn phòng tổng hợp, báo cáo kết quả/ })).toBeVisible();
  await page.getByRole('button', { name: /^Phần thứ nhất – ĐÁNH GIÁ/ }).click();
  await expect(page.getByText('Tồn tại: một số công đoàn cơ sở khu vực ngoài nhà nước chưa tổ chức đối thoại định kỳ.')).toBeVisible();
  await shot(page, 'plan-shapes-8-phan-thu-ke-hoach');
  expect(errors).toEqual([]);
});
