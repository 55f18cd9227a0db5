/**
 * The directory of a district office: import its 40-unit list from an .xlsx written here with
 * ExcelJS (header on row 3 under a title), map a column by hand, preview, apply; re-import
 * changes nothing; a second file updates two units by code; add one by hand; deactivate one;
 * the context bar offers the active ones and the checklist follows the selected unit.
 */
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, openApp, reloadApp, shot, test } from './fixtures';

const PREFIXES = [
  { text: 'CĐCS Công ty TNHH', type: 'Doanh nghiệp ngoài nhà nước' },
  { text: 'CĐCS Trường Tiểu học', type: 'Trường học' },
  { text: 'CĐCS Trường THCS', type: 'Trường học' },
  { text: 'CĐCS UBND xã', type: 'HCSN' },
  { text: 'CĐCS Công ty Cổ phần', type: 'DNNN' },
];
const PLACES = ['Phước Minh', 'Suối Đá', 'Truông Mít', 'Bàu Năng', 'Chà Là', 'Cầu Khởi', 'Lộc Ninh', 'Phước Ninh'];
const CONTACTS = ['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Hoàng Cường', 'Phạm Thị Dung'];

/** 40 units: codes CDCS-0001…0038, the last two without a code (generated on import). */
function units() {
  const list: { code: string; name: string; type: string; members: number; contact: string; phone: string | number }[] = [];
  for (const prefix of PREFIXES) {
    for (const place of PLACES) {
      const n = list.length + 1;
      list.push({
        code: n <= 38 ? `CDCS-${String(n).padStart(4, '0')}` : '',
        // Some names arrive decomposed (NFD), as from a Mac.
        name: n % 7 === 0 ? `${prefix.text} ${place}`.normalize('NFD') : `${prefix.text} ${place}`,
        type: prefix.type,
        members: 10 + ((n * 37) % 290),
        contact: n % 3 === 0 ? CONTACTS[n % 4]! : '',
        // A phone typed as a number loses its leading zero in Excel.
        phone: n % 3 === 0 ? (n % 2 === 0 ? 912000000 + n : `0276 3851 ${String(n).padStart(3, '0')}`) : '',
      });
    }
  }
  return list;
}

async function writeList(path: string, rows: ReturnType<typeof units>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách CĐCS');
  ws.getCell('A1').value = 'DANH SÁCH CÔNG ĐOÀN CƠ SỞ TRỰC THUỘC LĐLĐ HUYỆN DƯƠNG MINH CHÂU';
  ws.mergeCells('A1:G1');
  ws.getCell('A2').value = '(Cập nhật đến 30/6/2025)';
  ws.getRow(3).values = ['STT', 'Mã đơn vị', 'Tên CĐCS', 'Loại hình', 'Số đoàn viên', 'Chủ tịch', 'Liên lạc'];
  rows.forEach((u, i) => ws.addRow([i + 1, u.code, u.name, u.type, u.members, u.contact, u.phone]));
  await wb.xlsx.writeFile(path);
}

async function chooseFile(page: Page, path: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Nhập danh sách đơn vị từ Excel/CSV' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Chọn tệp…' }).click();
  await (await chooser).setFiles(path);
}

test('a district imports its 40 units, re-imports, updates by code, adds, deactivates and selects', async ({ page }, testInfo) => {
  const list = units();
  const file = testInfo.outputPath('danh-sach-cdcs.xlsx');
  await writeList(file, list);

  await openApp(page);
  await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: 'Đơn vị' }).click();
  await expect(page.getByRole('heading', { name: 'Đơn vị trực thuộc' })).toBeVisible();
  await expect(page.getByTestId('unit-counts')).toHaveText('0 đơn vị: 0 đang hoạt động, 0 ngừng hoạt động');

  // --- First import: map the phone column by hand, preview, apply.
  await page.getByRole('button', { name: 'Nhập danh sách từ Excel/CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nhập danh sách đơn vị từ Excel/CSV' });
  await chooseFile(page, file);
  await expect(dialog.getByText('dòng tiêu đề là dòng 3, 40 dòng dữ liệu')).toBeVisible();
  const mapping = dialog.getByRole('group', { name: 'Ghép cột' });
  await expect(mapping.getByLabel('Mã đơn vị')).toHaveValue('1');
  await expect(mapping.getByLabel('Tên đơn vị')).toHaveValue('2');
  await expect(mapping.getByLabel('Người liên hệ')).toHaveValue('5');
  await expect(mapping.getByLabel('Điện thoại')).toHaveValue('');
  await mapping.getByLabel('Điện thoại').selectOption({ label: 'Cột G: Liên lạc' });
  await shot(page, 'units-import-mapping');
  await dialog.getByRole('button', { name: 'Xem trước' }).click();
  const counts = dialog.getByRole('list', { name: 'Kết quả xem trước' });
  await expect(counts).toContainText('Thêm mới: 40');
  await expect(counts).toContainText('Lỗi: 0');
  await expect(dialog.getByRole('row', { name: /CDCS-0039 \(tự tạo\)/ })).toBeVisible();
  await shot(page, 'units-import-preview');
  await dialog.getByRole('button', { name: 'Nhập 40 đơn vị' }).click();
  await expect(dialog.getByText('Đã nhập xong: thêm mới 40, cập nhật 0, không đổi 0.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Đóng', exact: true }).last().click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('unit-counts')).toHaveText('40 đơn vị: 40 đang hoạt động, 0 ngừng hoạt động');
  const table = page.getByRole('table', { name: 'Danh sách đơn vị trực thuộc' });
  await expect(table.getByRole('row')).toHaveCount(41);
  const phuocMinhSchool = table.getByRole('row', { name: /CĐCS Trường THCS Phước Minh/ });
  await expect(phuocMinhSchool).toContainText('CDCS-0017');
  await expect(table.getByRole('row', { name: /CDCS-0006 / })).toContainText('0912000006');
  await shot(page, 'units-directory');

  // --- The same file again: nothing new, nothing to write.
  await page.getByRole('button', { name: 'Nhập danh sách từ Excel/CSV…' }).click();
  await chooseFile(page, file);
  await mapping.getByLabel('Điện thoại').selectOption({ label: 'Cột G: Liên lạc' });
  await dialog.getByRole('button', { name: 'Xem trước' }).click();
  await expect(counts).toContainText('Không đổi: 40');
  await expect(counts).toContainText('Thêm mới: 0');
  await expect(dialog.getByRole('button', { name: 'Nhập 0 đơn vị' })).toBeDisabled();
  await shot(page, 'units-reimport-unchanged');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // --- Two units with an existing code, changed: updated, not added.
  const changes = testInfo.outputPath('cap-nhat.xlsx');
  await writeList(changes, [
    { ...list[0]!, members: 999 },
    { ...list[1]!, contact: 'Võ Thị Hạnh', phone: '0276 3999 002' },
  ]);
  await page.getByRole('button', { name: 'Nhập danh sách từ Excel/CSV…' }).click();
  await chooseFile(page, changes);
  await mapping.getByLabel('Điện thoại').selectOption({ label: 'Cột G: Liên lạc' });
  await dialog.getByRole('button', { name: 'Xem trước' }).click();
  await expect(counts).toContainText('Cập nhật: 2');
  await expect(counts).toContainText('Thêm mới: 0');
  await dialog.getByRole('button', { name: 'Nhập 2 đơn vị' }).click();
  await expect(dialog.getByText('Đã nhập xong: thêm mới 0, cập nhật 2, không đổi 0.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Đóng', exact: true }).last().click();
  await expect(page.getByTestId('unit-counts')).toHaveText('40 đơn vị: 40 đang hoạt động, 0 ngừng hoạt động');
  await expect(table.getByRole('row', { name: /CDCS-0001 / })).toContainText('999');
  await expect(table.getByRole('row', { name: /CDCS-0002 / })).toContainText('Võ Thị Hạnh');

  // --- Add one by hand, with a message beside the field first.
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  const add = page.getByRole('dialog', { name: 'Thêm đơn vị' });
  await add.getByLabel('Tên đơn vị').fill('CĐCS Bệnh viện Đa khoa huyện');
  await add.getByLabel('Số đoàn viên').fill('nhiều');
  await add.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await expect(add.getByText('Số đoàn viên: phải là số nguyên không âm')).toBeVisible();
  await expect(add.getByLabel('Số đoàn viên')).toBeFocused();
  await add.getByLabel('Số đoàn viên').fill('85');
  await add.getByLabel('Loại hình').selectOption({ label: 'Hành chính sự nghiệp' });
  await add.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await expect(add).toHaveCount(0);
  await expect(page.getByText('Đã thêm: CĐCS Bệnh viện Đa khoa huyện (CDCS-0041)')).toBeVisible();
  await expect(page.getByTestId('unit-counts')).toHaveText('41 đơn vị: 41 đang hoạt động, 0 ngừng hoạt động');

  // --- Search without accents; deactivate one.
  await page.getByLabel('Tìm đơn vị').fill('truong mit');
  await expect(table.getByRole('row')).toHaveCount(6);
  await page.getByLabel('Tìm đơn vị').fill('');
  const chaLa = table.getByRole('row', { name: /CĐCS UBND xã Chà Là/ });
  await chaLa.getByRole('button', { name: 'Ngừng hoạt động' }).click();
  await expect(chaLa.getByRole('button', { name: 'Hoạt động lại' })).toBeVisible();
  await expect(page.getByTestId('unit-counts')).toHaveText('41 đơn vị: 40 đang hoạt động, 1 ngừng hoạt động');

  // --- The selector, a combobox in the context bar: own unit first, then the 40 active ones by
  // name; not the inactive one. Typing filters, accents optional.
  const selector = page.getByRole('group', { name: 'Phạm vi số liệu' }).getByRole('combobox', { name: 'Đơn vị' });
  const unitList = page.getByRole('listbox', { name: 'Đơn vị phù hợp' });
  const matches = unitList.getByRole('option');
  await expect(selector).toHaveValue('LĐLĐ huyện Dương Minh Châu');
  await selector.click();
  await expect(matches).toHaveCount(41);
  await expect(matches.first()).toHaveText('LĐLĐ huyện Dương Minh Châu');
  await expect(matches.nth(1)).toHaveText('CĐCS Bệnh viện Đa khoa huyện');
  await selector.fill('cha la');
  await expect(matches).toHaveCount(4);
  await expect(matches.filter({ hasText: 'Chà Là' })).toHaveCount(4);
  // Esc closes the list and gives back the unit shown; ↓ opens it on that unit, ↓ again moves.
  await selector.press('Escape');
  await expect(matches).toHaveCount(0);
  await expect(selector).toHaveValue('LĐLĐ huyện Dương Minh Châu');
  await selector.press('ArrowDown');
  await expect(unitList.getByRole('option', { selected: true })).toHaveText('LĐLĐ huyện Dương Minh Châu');
  await selector.press('ArrowDown');
  await expect(unitList.getByRole('option', { selected: true })).toHaveText('CĐCS Bệnh viện Đa khoa huyện');
  await selector.press('Escape');
  await expect(matches).toHaveCount(0);

  /** Shows `name`'s figures: part of its name typed in the box, the match clicked. */
  const showUnit = async (typed: string, name: string) => {
    await selector.click();
    await selector.fill(typed);
    await unitList.getByRole('option', { name, exact: true }).click();
    await expect(selector).toHaveValue(name);
    await expect(matches).toHaveCount(0);
  };

  // The checklist files statuses under the selected unit.
  await showUnit('thcs phuoc minh', 'CĐCS Trường THCS Phước Minh');
  await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: 'Kế hoạch' }).click();
  const item = page.getByRole('group', { name: /^IV\.3 / }).getByLabel('Trạng thái');
  await item.selectOption({ label: 'Đã hoàn thành' });
  await expect(item).toHaveValue('xong');
  await showUnit('LĐLĐ', 'LĐLĐ huyện Dương Minh Châu');
  await expect(item).toHaveValue('chua');
  // Back from the checklist, from the keyboard: the box focused selects its text, the name typed
  // replaces it, the highlighted match taken with Enter.
  await item.focus();
  await selector.focus();
  await page.keyboard.type('Truong THCS Phuoc Minh');
  await expect(unitList.getByRole('option', { selected: true })).toHaveText('CĐCS Trường THCS Phước Minh');
  await page.keyboard.press('Enter');
  await expect(selector).toHaveValue('CĐCS Trường THCS Phước Minh');
  await expect(item).toHaveValue('xong');

  // A unit with data cannot be deleted; one without can.
  await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: 'Đơn vị' }).click();
  await expect(phuocMinhSchool.getByRole('button', { name: 'Xóa' })).toHaveCount(0);
  await table.getByRole('row', { name: /Bệnh viện Đa khoa/ }).getByRole('button', { name: 'Xóa' }).click();
  await page.getByRole('dialog', { name: 'Xóa đơn vị' }).getByRole('button', { name: 'Xóa' }).click();
  await expect(page.getByTestId('unit-counts')).toHaveText('40 đơn vị: 39 đang hoạt động, 1 ngừng hoạt động');

  await reloadApp(page);
  await expect(page.getByTestId('unit-counts')).toHaveText('40 đơn vị: 39 đang hoạt động, 1 ngừng hoạt động');
});

test('a file with an error writes nothing and says which row and column', async ({ page }, testInfo) => {
  const file = testInfo.outputPath('loi.xlsx');
  const list = units().slice(0, 3);
  list[1] = { ...list[1]!, members: 'nhiều' as unknown as number };
  await writeList(file, list);
  await openApp(page);
  await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: 'Đơn vị' }).click();
  await page.getByRole('button', { name: 'Nhập danh sách từ Excel/CSV…' }).click();
  await chooseFile(page, file);
  const dialog = page.getByRole('dialog', { name: 'Nhập danh sách đơn vị từ Excel/CSV' });
  await dialog.getByRole('button', { name: 'Xem trước' }).click();
  await expect(dialog.getByText('Dòng 5, cột «Số đoàn viên»: phải là số nguyên không âm')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Nhập 2 đơn vị' })).toBeDisabled();
  await shot(page, 'units-import-error');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('unit-counts')).toHaveText('0 đơn vị: 0 đang hoạt động, 0 ngừng hoạt động');
});
