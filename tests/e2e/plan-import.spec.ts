/**
 * An officer adds a second plan: pastes its text (or chooses a Word file), corrects what the
 * parser could not know in the preview, saves it, and works with its tree on the checklist.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { collectPageErrors, expect, shot, test } from './fixtures';
import { PlanImportDialogPage } from './plan-import-page';

/**
 * Kế hoạch tổ chức Tháng Công nhân năm 2025, as copied from Word (one paragraph per line). Two
 * things a converted document gets wrong that the parser cannot know:
 * - the list of companies after "Khu công nghiệp Chà Là:" was pushed onto the next page as a
 *   paragraph of its own (the first part ends with ":", so it looks complete);
 * - "Hoạt động văn hóa, thể thao:" lost its number and looks like a bullet, while it is a task
 *   group holding the two bullets after it.
 * (The Zalo sentence split across a page break is one the parser joins by itself.)
 */
const SECOND_PLAN = `LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH
LIÊN ĐOÀN LAO ĐỘNG HUYỆN DƯƠNG MINH CHÂU
Số: 21/KH-LĐLĐ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Dương Minh Châu, ngày 10 tháng 3 năm 2025
KẾ HOẠCH
Tổ chức Tháng Công nhân năm 2025
Thực hiện Kế hoạch số 45/KH-LĐLĐ ngày 05/3/2025 của Ban Thường vụ Liên đoàn Lao động tỉnh Tây Ninh về tổ chức Tháng Công nhân năm 2025, Ban Thường vụ Liên đoàn Lao động huyện Dương Minh Châu xây dựng kế hoạch thực hiện như sau:
I. MỤC ĐÍCH, YÊU CẦU
- Phát huy vai trò của tổ chức Công đoàn trong chăm lo, đại diện, bảo vệ quyền và lợi ích hợp pháp, chính đáng của đoàn viên, người lao động.
- Các hoạt động được tổ chức thiết thực, hiệu quả, tránh hình thức, lãng phí.
II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Công tác tuyên truyền
- Treo băng rôn, khẩu hiệu hưởng ứng Tháng Công nhân tại trụ sở cơ quan, doanh nghiệp.
- Tuyên truyền về chủ đề Tháng Công nhân năm 2025 trên trang thông tin điện tử và nhóm Zalo của
các Công đoàn cơ sở.
2. Chăm lo cho đoàn viên, người lao động
- Trao 50 suất quà cho đoàn viên có hoàn cảnh khó khăn, mỗi suất trị giá 500.000 đồng.
- Thăm hỏi, tặng quà công nhân lao động tại các doanh nghiệp trong Khu công nghiệp Chà Là:
Công ty TNHH Giày Tây Ninh và Công ty Cổ phần Cao su Tây Ninh.
- Hoạt động văn hóa, thể thao:
- Tổ chức giải bóng đá mini công nhân lao động huyện Dương Minh Châu năm 2025.
- Tổ chức hội diễn văn nghệ chào mừng Ngày Quốc tế Lao động 01/5.
3. Đối thoại và thương lượng tập thể
- Tổ chức đối thoại giữa người sử dụng lao động với người lao động tại ít nhất 05 doanh nghiệp.
- Hướng dẫn Công đoàn cơ sở thương lượng, ký kết thỏa ước lao động tập thể.
III. TỔ CHỨC THỰC HIỆN
- Ban Tuyên giáo - Nữ công chủ trì, phối hợp các ban tham mưu triển khai kế hoạch.
- Các Công đoàn cơ sở báo cáo kết quả về Liên đoàn Lao động huyện trước ngày 31/5/2025.
Trên đây là Kế hoạch tổ chức Tháng Công nhân năm 2025 của Ban Thường vụ Liên đoàn Lao động huyện Dương Minh Châu.
Nơi nhận:
- LĐLĐ tỉnh (b/c);
- Các CĐCS;
- Lưu VT.
TM. BAN THƯỜNG VỤ
CHỦ TỊCH
Nguyễn Văn An
`;

const MERGED_VISIT =
  'Thăm hỏi, tặng quà công nhân lao động tại các doanh nghiệp trong Khu công nghiệp Chà Là: Công ty TNHH Giày Tây Ninh và Công ty Cổ phần Cao su Tây Ninh.';

test('an officer pastes a second plan, corrects it in the preview and sees its tree', async ({ appPage: page }) => {
  const errors = collectPageErrors(page);
  const importer = new PlanImportDialogPage(page);
  const opener = page.getByRole('button', { name: 'Thêm kế hoạch' });
  await importer.open();

  // Step 1: the text box has focus; "Phân tích" waits for some text.
  await expect(importer.textArea).toBeFocused();
  await expect(importer.button('Phân tích')).toBeDisabled();
  await importer.textArea.fill(SECOND_PLAN);
  await expect(importer.button('Phân tích')).toBeEnabled();
  await shot(page, 'plan-import-1-noi-dung');

  // Step 2: what the parser found.
  await importer.button('Phân tích').click();
  await expect(importer.dialog.getByRole('heading', { name: 'Bước 2: Xem trước và chỉnh sửa' })).toBeVisible();
  await expect(importer.dialog.getByRole('textbox', { name: 'Số', exact: true })).toHaveValue('21/KH-LĐLĐ');
  await expect(importer.dialog.getByRole('textbox', { name: 'Tiêu đề' })).toHaveValue('Tổ chức Tháng Công nhân năm 2025');
  await expect(importer.dialog.getByRole('textbox', { name: 'Nơi và ngày ban hành' })).toHaveValue(
    'Dương Minh Châu, ngày 10 tháng 3 năm 2025',
  );
  await expect(importer.dialog.getByText(/Đã nối đoạn bị ngắt trang/)).toBeVisible();
  await expect(importer.dialog.getByText('3 phần, 3 nhóm, 12 mục theo dõi')).toBeVisible();
  await expect(importer.row('II.2.3')).toContainText('Công ty TNHH Giày Tây Ninh');

  // Correction 1: the companies belong to the visit above them. Rows keep their names while
  // the officer edits (the ids are computed when the plan is saved): nothing renumbers.
  await importer.button('Gộp với dòng dưới II.2.2').click();
  await expect(importer.row('II.2.2')).toContainText(MERGED_VISIT);
  await expect(importer.row('II.2.3')).toHaveCount(0);
  await expect(importer.row('II.2.4')).toContainText('Hoạt động văn hóa, thể thao:');

  // Correction 2: "Hoạt động văn hóa, thể thao:" is a task group, not a bullet.
  await importer.dialog.getByRole('combobox', { name: 'Cấp của II.2.4', exact: true }).selectOption({ label: 'Nhóm nhiệm vụ' });
  await expect(importer.dialog.getByRole('combobox', { name: 'Cấp của II.2.4', exact: true })).toHaveValue('group');
  await expect(importer.dialog.getByRole('checkbox', { name: 'Theo dõi II.2.4', exact: true })).not.toBeChecked();
  await expect(importer.row('II.2.5')).toContainText('Tổ chức giải bóng đá mini');
  await expect(importer.row('II.3')).toContainText('Đối thoại và thương lượng tập thể');
  await expect(importer.dialog.getByText('3 phần, 4 nhóm, 10 mục theo dõi')).toBeVisible();
  await importer.row('II.2.4').scrollIntoViewIfNeeded();
  await shot(page, 'plan-import-2-xem-truoc');

  // The footer stays on screen however long the outline is.
  await expect(importer.button('Lưu kế hoạch')).toBeInViewport();
  await expect(importer.dialog.getByRole('checkbox', { name: 'Đặt làm kế hoạch đang dùng' })).toBeChecked();
  await importer.button('Lưu kế hoạch').click();
  await expect(importer.dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // The checklist now shows the new plan, with the corrected structure and the ids of its
  // positions; the groups keep the numbers the plan printed.
  await expect(page.getByRole('combobox', { name: 'Kế hoạch đang theo dõi' })).toContainText(/21\/KH-LĐLĐ/);
  const culture = page.getByRole('button', { name: 'Hoạt động văn hóa, thể thao:' });
  await expect(culture).toBeVisible();
  const cultureBody = page.locator(`[id="${await culture.getAttribute('aria-controls')}"]`);
  await expect(cultureBody.getByRole('group', { name: /^II\.3\.1 Tổ chức giải bóng đá mini/ })).toBeVisible();
  await expect(cultureBody.getByRole('group', { name: /^II\.3\.2 Tổ chức hội diễn văn nghệ/ })).toBeVisible();
  await expect(page.getByRole('group', { name: `II.2.2 ${MERGED_VISIT}` })).toBeVisible();
  await expect(page.getByRole('button', { name: '3. Đối thoại và thương lượng tập thể' })).toBeVisible();
  await expect(page.getByRole('group', { name: /^II\.4\.1 Tổ chức đối thoại/ })).toBeVisible();
  await culture.scrollIntoViewIfNeeded();
  await shot(page, 'plan-import-3-cay-ke-hoach');

  // A reload shows the same plan: it was stored, not just shown.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Hoạt động văn hóa, thể thao:' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the preview refuses a plan with nothing to track, and Esc asks before discarding', async ({ appPage: page }) => {
  const importer = new PlanImportDialogPage(page);
  await importer.open();
  await importer.textArea.fill('I. MỤC ĐÍCH\n- Nâng cao nhận thức.\nII. YÊU CẦU\n- Thiết thực, hiệu quả.\n');
  await importer.button('Phân tích').click();
  await expect(importer.dialog.getByText('2 phần, 0 nhóm, 0 mục theo dõi')).toBeVisible();
  await importer.button('Lưu kế hoạch').click();
  await expect(importer.dialog.getByRole('alert')).toContainText('chưa có mục nào được đánh dấu “Theo dõi”');

  // Mark one item, then change one text with the editor.
  await importer.dialog.getByRole('checkbox', { name: 'Theo dõi II.1', exact: true }).check();
  await expect(importer.dialog.getByText('2 phần, 0 nhóm, 1 mục theo dõi')).toBeVisible();
  await importer.button('Sửa II.1').click();
  const editor = importer.dialog.getByRole('textbox', { name: 'Nội dung II.1' });
  await expect(editor).toBeFocused();
  await editor.fill('Thiết thực, hiệu quả, tiết kiệm.');
  await shot(page, 'plan-import-2c-sua-dong');
  await importer.button('Xong').click();
  await expect(importer.row('II.1')).toContainText('Thiết thực, hiệu quả, tiết kiệm.');

  // Split at the caret: after "Thiết thực," the rest becomes a row of its own.
  await importer.button('Sửa II.1').click();
  await editor.press('Home');
  for (let i = 0; i < 'Thiết thực,'.length; i++) await editor.press('ArrowRight');
  await importer.button('Tách tại con trỏ II.1').click();
  await expect(importer.row('II.1')).toContainText('Thiết thực,');
  // The second half is a new row, named after the one it came from.
  await expect(importer.row('II.1+')).toContainText('hiệu quả, tiết kiệm.');

  // "Quay lại" keeps the text; analysing the same text again keeps the edits.
  await importer.button('Quay lại').click();
  await expect(importer.textArea).toHaveValue(/I\. MỤC ĐÍCH/);
  await importer.button('Phân tích').click();
  await expect(importer.row('II.1+')).toContainText('hiệu quả, tiết kiệm.');

  // Esc with unsaved edits asks first; keeping them returns to the dialog.
  await page.keyboard.press('Escape');
  const confirm = page.getByRole('alertdialog', { name: 'Đóng mà không lưu?' });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Tiếp tục chỉnh sửa' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(importer.dialog).toBeVisible();

  // Tab never leaves the dialog.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    expect(await importer.dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }

  await page.keyboard.press('Escape');
  await confirm.getByRole('button', { name: 'Bỏ và đóng' }).click();
  await expect(importer.dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Thêm kế hoạch' })).toBeFocused();
});

test('a file that is not a valid Word document gets a message naming it', async ({ appPage: page }) => {
  const importer = new PlanImportDialogPage(page);
  await importer.open();

  await importer.chooseFile({ name: 'ke-hoach-hong.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('không phải tệp zip') });
  await expect(importer.dialog.getByRole('alert')).toHaveText('Không đọc được tệp “ke-hoach-hong.docx”: tệp không phải .docx hợp lệ.');

  await importer.chooseFile({ name: 'bao-cao.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
  await expect(importer.dialog.getByRole('alert')).toContainText('Tệp “bao-cao.pdf” không phải tệp Word .docx');
  await expect(importer.textArea).toHaveValue('');
  await expect(importer.button('Phân tích')).toBeDisabled();
  await shot(page, 'plan-import-1b-tep-khong-hop-le');

  // Nothing typed, nothing to lose: Esc closes at once and focus goes back to the opener.
  await page.keyboard.press('Escape');
  await expect(importer.dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Thêm kế hoạch' })).toBeFocused();
});

const FIXTURES = resolve(process.cwd(), 'tests/fixtures/plans');
const docxFixture = existsSync(FIXTURES) ? readdirSync(FIXTURES).find((f) => f.toLowerCase().endsWith('.docx')) : undefined;

test('an officer chooses a Word file and saves the plan it holds', async ({ appPage: page }) => {
  test.skip(!docxFixture, 'no .docx fixture under tests/fixtures/plans yet');
  const importer = new PlanImportDialogPage(page);
  await importer.open();
  await importer.chooseFile({
    name: docxFixture!,
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: readFileSync(resolve(FIXTURES, docxFixture!)),
  });
  await expect(importer.dialog.getByRole('status').filter({ hasText: `Đã đọc nội dung từ tệp “${docxFixture}”` })).toBeVisible();
  await expect(importer.textArea).not.toHaveValue('');
  await importer.button('Phân tích').click();
  await expect(importer.dialog.getByText(/\d+ phần, \d+ nhóm, [1-9]\d* mục theo dõi/)).toBeVisible();
  await shot(page, 'plan-import-2b-docx-xem-truoc');
  await importer.button('Lưu kế hoạch').click();
  await expect(importer.dialog).toBeHidden();
  await expect(page.getByRole('group').first()).toBeVisible();
});

test('a plan typed with "PHẦN I.", "A." parts and "1-" numbers is saved as a tree an officer can tick', async ({ appPage: page }) => {
  const errors = collectPageErrors(page);
  const importer = new PlanImportDialogPage(page);
  await importer.open();
  await importer.textArea.fill(
    [
      'CÔNG ĐOÀN CƠ SỞ TRƯỜNG THCS PHAN ĐÌNH PHÙNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Số 12/KH-CĐCS\tDương Minh Châu, ngày 5 tháng 3 năm 2025',
      'KẾ HOẠCH',
      'Tổ chức các hoạt động chào mừng ngày Quốc tế Phụ nữ 8/3',
      'và kỷ niệm 50 năm ngày Giải phóng miền Nam',
      'PHẦN I- MỤC ĐÍCH, YÊU CẦU',
      '- Tạo không khí vui tươi, phấn khởi.',
      'PHẦN II- NỘI DUNG',
      'A. Hoạt động chào mừng',
      '1- Tổ chức gặp mặt nữ đoàn viên ngày 8/3.',
      '2- Tổ chức thi cắm hoa.',
      'B. Hoạt động kỷ niệm',
      '1- Tham gia hội diễn văn nghệ của LĐLĐ huyện.',
      'Nơi nhận:\tTM. BAN CHẤP HÀNH',
      '- LĐLĐ huyện;\tCHỦ TỊCH',
      '- Lưu: VT.\tNguyễn Văn A',
    ].join('\r\n'),
  );
  await importer.button('Phân tích').click();
  await expect(importer.dialog.getByRole('textbox', { name: 'Số', exact: true })).toHaveValue('12/KH-CĐCS');
  await expect(importer.dialog.getByRole('textbox', { name: 'Tiêu đề' })).toHaveValue(
    'Tổ chức các hoạt động chào mừng ngày Quốc tế Phụ nữ 8/3 và kỷ niệm 50 năm ngày Giải phóng miền Nam',
  );
  await expect(importer.dialog.getByText('2 phần, 2 nhóm, 3 mục theo dõi')).toBeVisible();
  await expect(importer.row('II.2.1')).toContainText('Tham gia hội diễn văn nghệ');
  await importer.button('Lưu kế hoạch').click();
  await expect(importer.dialog).toBeHidden();

  await expect(page.getByRole('button', { name: 'A. Hoạt động chào mừng' })).toBeVisible();
  // Each task shows the number it was printed with ("2-") beside its id.
  await expect(page.getByRole('group', { name: /^II\.1\.2 2\. Tổ chức thi cắm hoa/ })).toBeVisible();
  await expect(page.getByRole('group', { name: /^II\.2\.1 1\. Tham gia hội diễn văn nghệ/ })).toBeVisible();
  await expect(page.getByText('Nguyễn Văn A')).toHaveCount(0);
  await shot(page, 'plan-import-4-phan-muc-chu');
  await page.reload();
  await expect(page.getByRole('group', { name: /^II\.2\.1 1\. Tham gia hội diễn văn nghệ/ })).toBeVisible();
  expect(errors).toEqual([]);
});
