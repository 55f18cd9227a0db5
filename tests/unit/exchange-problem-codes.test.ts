import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DETAIL_CODES,
  detailText,
  FILE_CODES,
  fileText,
  problemAt,
  type FileDetail,
  type ProblemDetail,
} from '@exchange/problems';
import { readWorkbook } from '@exchange/reader';

const BAD = join(import.meta.dirname, '../fixtures/workbooks/bad');

/** One example of each problem inside a workbook, and its sentence (after the place). */
const DETAILS: { [C in ProblemDetail['code']]: [Extract<ProblemDetail, { code: C }>, string] } = {
  'date-invalid': [{ code: 'date-invalid', shown: '31/02/2025' }, '«31/02/2025» không phải ngày hợp lệ (nhập theo dd/mm/yyyy)'],
  'date-year': [{ code: 'date-year', shown: '15/03/1890', min: 1990, max: 2100 }, '«15/03/1890» không phải ngày hợp lệ (năm phải từ 1990 đến 2100; nhập theo dd/mm/yyyy)'],
  'count-invalid': [{ code: 'count-invalid', shown: 'mười hai' }, '«mười hai» không phải số nguyên không âm (ví dụ 0, 12, 1.250)'],
  'count-negative': [{ code: 'count-negative', shown: '-5' }, '«-5» là số âm; cần số nguyên không âm'],
  'count-decimal': [{ code: 'count-decimal', shown: '2,5' }, '«2,5» là số thập phân; cần số nguyên không âm'],
  'count-too-big': [{ code: 'count-too-big', shown: '1e20' }, '«1e20» quá lớn; cần số nguyên không âm nhỏ hơn 9.007.199.254.740.991'],
  'item-ids-invalid': [{ code: 'item-ids-invalid', shown: 'III.2.4; 3.1', bad: '3.1' }, '«III.2.4; 3.1» có mã nhiệm vụ không hợp lệ «3.1» (nhập như III.2.4; nhiều mã cách nhau bằng dấu ;)'],
  'label-unknown': [{ code: 'label-unknown', shown: 'Làm rồi', allowed: ['Đã hoàn thành', 'Đang thực hiện'] }, '«Làm rồi» không có trong danh sách (chọn một trong: Đã hoàn thành; Đang thực hiện)'],
  'cell-error-value': [{ code: 'cell-error-value', shown: '#VALUE!' }, '«#VALUE!» là lỗi công thức của bảng tính'],
  'count-comma-thousands': [{ code: 'count-comma-thousands', shown: '1,200', value: '1.200' }, '«1,200» được đọc là 1.200 (dấu phẩy được hiểu là dấu phân cách hàng nghìn, như «1.200»); nếu không phải số này, hãy sửa ô'],
  'formula-value': [{ code: 'formula-value', formula: '«=20+25»', shown: '45' }, 'ô chứa công thức «=20+25»; đọc giá trị đã tính «45»'],
  'formula-no-value': [
    { code: 'formula-no-value', formula: '«=A1»' },
    'ô chứa công thức «=A1» nhưng tệp không lưu giá trị của nó; hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi gửi lại (hoặc ghi giá trị thay cho công thức)',
  ],
  'formulas-more': [{ code: 'formulas-more', count: 3 }, 'còn 3 ô khác chứa công thức; mỗi ô được đọc theo giá trị đã tính'],
  'column-outside-table': [
    { code: 'column-outside-table', column: 'M', rows: '8, 9' },
    'cột M không có tiêu đề (nằm ngoài bảng) nhưng có số liệu ở dòng 8, 9; bộ đọc không dùng các ô này — nếu là số liệu cần gửi, hãy chép vào đúng cột của bảng',
  ],
  'sheet-renamed': [{ code: 'sheet-renamed', sheet: 'Hoạt động' }, 'trang này được nhận là trang «Hoạt động» (theo dòng tiêu đề)'],
  'header-missing': [{ code: 'header-missing', required: '«Mục», «Nội dung»' }, 'không thấy dòng tiêu đề cột (cần các cột «Mục», «Nội dung»)'],
  'column-missing': [{ code: 'column-missing', header: 'Ngày' }, 'thiếu cột «Ngày» (không được xóa hay đổi tên cột này)'],
  'column-unknown': [{ code: 'column-unknown' }, 'cột không thuộc mẫu và không phải chỉ tiêu đã biết; bỏ qua khi đọc'],
  'plan-version-differs': [{ code: 'plan-version-differs' }, 'tệp được lập theo một phiên bản khác của kế hoạch (danh sách nhiệm vụ khác với kế hoạch đang dùng); kiểm tra kỹ trước khi nhập'],
  'plan-other': [{ code: 'plan-other' }, 'tệp thuộc một kế hoạch khác với kế hoạch đang chọn'],
  'items-edited': [{ code: 'items-edited', read: 'statuses' }, 'danh sách hoặc nội dung nhiệm vụ đã bị sửa so với lúc xuất tệp; trạng thái được đọc theo mã nhiệm vụ'],
  'unit-code-missing': [{ code: 'unit-code-missing' }, 'chưa ghi mã đơn vị (ví dụ CDCS-0012)'],
  'unit-level-missing': [{ code: 'unit-level-missing' }, 'chưa ghi cấp đơn vị (CĐCS, LĐLĐ huyện hoặc LĐLĐ tỉnh)'],
  'unit-level-invalid': [{ code: 'unit-level-invalid', shown: 'Xã' }, '«Xã» không phải cấp đơn vị (CĐCS, LĐLĐ huyện hoặc LĐLĐ tỉnh)'],
  'unit-name-missing': [{ code: 'unit-name-missing' }, 'chưa ghi tên đơn vị'],
  'machine-differs': [
    { code: 'machine-differs', shown: 'CDCS-9', used: 'CDCS-0012' },
    '«CDCS-9» khác với phần dữ liệu máy của tệp («CDCS-0012»); ô này do ứng dụng ghi nên bộ đọc dùng «CDCS-0012». Muốn đổi, hãy sửa trong ứng dụng rồi xuất lại tệp',
  ],
  'report-date-invalid': [
    { code: 'report-date-invalid', shown: 'hôm qua', cause: { code: 'date-invalid', shown: 'hôm qua' } },
    '«hôm qua» không phải ngày hợp lệ (nhập theo dd/mm/yyyy); thời điểm nộp sẽ tính là lúc nhập tệp',
  ],
  'deadline-invalid': [{ code: 'deadline-invalid', shown: '32/1/2025', cause: { code: 'date-invalid', shown: '32/1/2025' } }, '«32/1/2025» không phải ngày hợp lệ (nhập theo dd/mm/yyyy)'],
  'row-partial': [{ code: 'row-partial', filled: ['STT', 'Ghi chú'], needs: 'mã chỉ tiêu và số liệu' }, 'dòng này chỉ ghi «STT», «Ghi chú», không có mã chỉ tiêu và số liệu; bỏ qua dòng này'],
  'item-id-missing': [{ code: 'item-id-missing', of: 'figures' }, 'thiếu mã nhiệm vụ (không biết số liệu ghi cho nhiệm vụ nào)'],
  'item-id-invalid': [{ code: 'item-id-invalid', shown: '3.1' }, '«3.1» không phải mã nhiệm vụ (ví dụ III.2.4)'],
  'item-id-duplicate': [{ code: 'item-id-duplicate', id: 'III.1.1', first: 8 }, 'mã nhiệm vụ «III.1.1» đã có ở dòng 8; mỗi nhiệm vụ chỉ ghi một dòng'],
  'item-id-not-in-plan': [{ code: 'item-id-not-in-plan', id: 'III.9.9' }, 'mã nhiệm vụ «III.9.9» không có trong kế hoạch đang dùng; dòng này bị bỏ qua'],
  'indicator-code-missing': [{ code: 'indicator-code-missing' }, 'thiếu mã chỉ tiêu'],
  'indicator-code-duplicate': [{ code: 'indicator-code-duplicate', indicator: 'participants', first: 8 }, 'mã chỉ tiêu «participants» đã có ở dòng 8'],
  'count-over-limit': [
    { code: 'count-over-limit', shown: '2000000', limit: '1.000.000', what: 'cho một hoạt động' },
    '«2000000» lớn hơn mức tối đa 1.000.000 cho một hoạt động (có thể gõ nhầm số)',
  ],
  'result-adjustment-too-big': [
    { code: 'result-adjustment-too-big', result: '0', fromActivities: '1.000.045', limit: '1.000.000', sheet: 'Hoạt động' },
    '«0» khác tổng các hoạt động (1.000.045) quá mức tối đa 1.000.000 cho một lần điều chỉnh (có thể gõ nhầm số); nếu đúng, hãy ghi các hoạt động đã làm ở trang «Hoạt động»',
  ],
  'result-differs': [
    { code: 'result-differs', edited: true, result: '3', fromActivities: '3', typedAdjustment: ' và «Điều chỉnh» -1', used: 'không điều chỉnh' },
    'đã bị sửa sau khi xuất: ghi 3 nhưng các hoạt động cộng lại là 3 và «Điều chỉnh» -1; dùng 3 (không điều chỉnh)',
  ],
  'adjustment-reason-unused': [{ code: 'adjustment-reason-unused' }, 'có lý do điều chỉnh nhưng không có số điều chỉnh; lý do này không được dùng'],
  'activities-deleted': [{ code: 'activities-deleted', written: 5, now: 3 }, 'tệp xuất ra có 5 hoạt động nhưng nay chỉ còn 3; có thể đã có dòng bị xóa'],
  'date-missing': [{ code: 'date-missing' }, 'chưa nhập ngày (nhập theo dd/mm/yyyy)'],
  'item-ids-missing': [{ code: 'item-ids-missing', itemsSheet: 'Tiến độ' }, 'chưa ghi mã nhiệm vụ (ví dụ III.2.4; xem trang «Tiến độ»)'],
  'item-ids-unknown': [{ code: 'item-ids-unknown', ids: ['III.9.9', 'IV.9'], itemsSheet: 'Tiến độ' }, 'mã nhiệm vụ «III.9.9; IV.9» không có trong kế hoạch (xem cột mã ở trang «Tiến độ»)'],
  'type-missing': [{ code: 'type-missing' }, 'chưa chọn loại hoạt động'],
  'title-missing': [{ code: 'title-missing' }, 'chưa ghi tên hoạt động'],
  'text-too-long': [{ code: 'text-too-long', shown: 'Hội nghị', length: '539', max: '500' }, '«Hội nghị» dài 539 ký tự; tối đa 500 ký tự'],
  'activity-unit-differs': [
    { code: 'activity-unit-differs', shown: 'CDCS-0020', unit: 'CDCS-0012' },
    'mã đơn vị «CDCS-0020» khác đơn vị của tệp («CDCS-0012»); hoạt động được tính cho CDCS-0012 — hoạt động của đơn vị khác phải do đơn vị đó báo cáo',
  ],
  'row-id-invalid': [{ code: 'row-id-invalid', shown: 'abc' }, '«abc» không phải mã dòng do ứng dụng ghi; dòng được nhập như hoạt động mới'],
  'row-id-duplicate': [{ code: 'row-id-duplicate', first: 8 }, 'trùng mã dòng với dòng 8 (dòng được sao chép); dòng này được nhập như hoạt động mới'],
  'date-outside-period': [{ code: 'date-outside-period', date: '01/07/2025', start: '15/12/2024', end: '14/06/2025' }, 'ngày 01/07/2025 nằm ngoài kỳ báo cáo (15/12/2024 – 14/06/2025)'],
  'row-id-column-missing': [
    { code: 'row-id-column-missing', header: 'Mã dòng', count: 4 },
    'không còn cột «Mã dòng»; 4 hoạt động được coi là hoạt động mới, không đối chiếu được với các lần nhập trước',
  ],
  'status-sum-differs': [
    { code: 'status-sum-differs', sum: 4, reports: 3, source: 'dòng «Tổng cộng»' },
    'các cột trạng thái cộng lại là 4 nhưng số báo cáo được tổng hợp là 3 (dòng «Tổng cộng»); số liệu đã bị sửa sau khi xuất, hãy đề nghị đơn vị xuất lại báo cáo',
  ],
  'reports-count-differs': [{ code: 'reports-count-differs', reports: 5, sum: 3 }, 'ghi 5 báo cáo nhưng các cột trạng thái cộng lại là 3; số theo từng trạng thái được dùng'],
  'total-row-twice': [{ code: 'total-row-twice', label: 'Tổng cộng' }, 'dòng «Tổng cộng» ghi hai lần; dòng này bị bỏ qua'],
  'total-row-missing': [{ code: 'total-row-missing', label: 'Tổng cộng' }, 'không thấy dòng «Tổng cộng»; tổng được tính lại từ các đơn vị'],
  'total-differs': [
    { code: 'total-differs', label: 'Tổng cộng', declared: 10, sum: 12 },
    'dòng «Tổng cộng» ghi 10 nhưng các đơn vị cộng lại là 12; số liệu đã bị sửa sau khi xuất, hãy đề nghị đơn vị xuất lại báo cáo',
  ],
  'row-unit-code-missing': [{ code: 'row-unit-code-missing' }, 'thiếu mã đơn vị (ví dụ CDCS-0012)'],
  'unit-code-duplicate': [{ code: 'unit-code-duplicate', unit: 'CDCS-0012', first: 9 }, 'mã đơn vị «CDCS-0012» đã có ở dòng 9; mỗi đơn vị chỉ ghi một dòng'],
  'state-missing': [{ code: 'state-missing', options: ['Đã nộp', 'Chưa nộp'] }, 'chưa ghi tình trạng (Đã nộp; Chưa nộp)'],
  'instant-invalid': [{ code: 'instant-invalid', shown: 'sáng nay' }, '«sáng nay» không phải thời điểm (ghi theo dd/mm/yyyy hh:mm, giờ Việt Nam)'],
};

/** One example of each problem of a whole file «a.xlsx», and its whole sentence. */
const FILES: { [C in FileDetail['code']]: [FileDetail & { code: C }, string] } = {
  empty: [{ code: 'empty' }, 'Tệp «a.xlsx» trống (0 byte), không phải bảng tính Excel (.xlsx)'],
  'not-workbook': [{ code: 'not-workbook' }, 'Tệp «a.xlsx» không phải bảng tính Excel (.xlsx)'],
  'word-document': [{ code: 'word-document' }, 'Tệp «a.xlsx» là văn bản Word, không phải bảng tính Excel (.xlsx)'],
  'open-document': [{ code: 'open-document' }, 'Tệp «a.xlsx» là bảng tính OpenDocument (.ods); hãy mở bằng LibreOffice và lưu lại dạng .xlsx (Excel 2007-365)'],
  'old-xls': [{ code: 'old-xls' }, 'Tệp «a.xlsx» là định dạng Excel 97-2003 (.xls); hãy mở bằng Excel/LibreOffice và lưu lại dạng .xlsx'],
  'old-office': [{ code: 'old-office' }, 'Tệp «a.xlsx» là tài liệu Office 97-2003, không phải bảng tính Excel (.xlsx)'],
  password: [{ code: 'password' }, 'Tệp «a.xlsx» được đặt mật khẩu; hãy bỏ mật khẩu rồi gửi lại'],
  truncated: [{ code: 'truncated' }, 'Tệp «a.xlsx» bị hỏng hoặc chưa tải/chép hết (thiếu phần cuối của tệp nén); hãy xin đơn vị gửi lại'],
  corrupt: [{ code: 'corrupt' }, 'Tệp «a.xlsx» bị hỏng (cấu trúc tệp nén không hợp lệ); hãy xin đơn vị gửi lại'],
  'too-large': [{ code: 'too-large', size: 60 * 1024 * 1024, max: 50 * 1024 * 1024 }, 'Tệp «a.xlsx» quá lớn (60 MB; tối đa 50 MB)'],
  'expands-too-much': [{ code: 'expands-too-much', total: 250 * 1024 * 1024, max: 200 * 1024 * 1024 }, 'Tệp «a.xlsx» khi giải nén quá lớn (250 MB; tối đa 200 MB), có thể là tệp độc hại; không đọc'],
  'suspicious-ratio': [{ code: 'suspicious-ratio', entry: 'xl/s.xml' }, 'Tệp «a.xlsx» có phần «xl/s.xml» nén bất thường (tỉ lệ giải nén quá 100 lần), có thể là tệp độc hại; không đọc'],
  'too-many-entries': [{ code: 'too-many-entries', count: 20000 }, 'Tệp «a.xlsx» chứa quá nhiều phần (20000), không phải bảng tính bình thường; không đọc'],
  'missing-part': [{ code: 'missing-part', part: 'xl/workbook.xml' }, 'Tệp «a.xlsx» không phải bảng tính Excel hợp lệ (thiếu phần «xl/workbook.xml»); hãy mở bằng Excel/LibreOffice và lưu lại dạng .xlsx'],
  unreadable: [
    { code: 'unreadable', gist: 'tệp nén bị hỏng', detail: 'bad zip' },
    'Tệp «a.xlsx» không đọc được như bảng tính Excel: tệp nén bị hỏng. Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi chọn lại. [chi tiết kỹ thuật: bad zip]',
  ],
  unexpected: [{ code: 'unexpected', detail: 'boom' }, 'Tệp «a.xlsx»: lỗi không mong đợi khi đọc. Hãy gửi tệp này cho người hỗ trợ. [chi tiết kỹ thuật: boom]'],
  'not-app-workbook': [
    { code: 'not-app-workbook', sheets: ['Thông tin', 'Tiến độ'] },
    'Tệp «a.xlsx» không phải báo cáo hay mẫu nhập liệu của Sổ Kế hoạch Công đoàn (không thấy các trang «Thông tin», «Tiến độ»)',
  ],
  'identity-missing': [
    { code: 'identity-missing', info: 'Thông tin', machine: '_sokh' },
    'Tệp «a.xlsx» thiếu cả trang «Thông tin» lẫn phần dữ liệu máy «_sokh»: không xác định được đơn vị và kỳ báo cáo',
  ],
  'machine-missing': [
    { code: 'machine-missing', machine: '_sokh', info: 'Thông tin' },
    'Tệp «a.xlsx» không còn phần dữ liệu máy (trang ẩn «_sokh», thường do lưu lại bằng chương trình khác); đơn vị và kỳ được đọc từ trang «Thông tin», các hoạt động vẫn nhận theo cột «Mã dòng»',
  ],
  'format-foreign': [{ code: 'format-foreign', sheet: '_sokh', format: 'khac' }, 'Tệp «a.xlsx» có trang «_sokh» nhưng không phải định dạng của Sổ Kế hoạch Công đoàn («khac»)'],
  'version-invalid': [{ code: 'version-invalid', shown: 'x' }, 'Tệp «a.xlsx»: phiên bản định dạng «x» không hợp lệ'],
  'completeness-list': [
    { code: 'completeness-list' },
    'Tệp «a.xlsx» là danh sách tình hình nộp báo cáo, chỉ để xem và in, không nhập được; hãy nhập báo cáo tổng hợp (tệp TongHop_….xlsx) hoặc báo cáo của từng đơn vị',
  ],
  'kind-unknown': [{ code: 'kind-unknown', kind: 'khac' }, 'Tệp «a.xlsx»: loại tệp «khac» không rõ (cần báo cáo đơn vị, báo cáo tổng hợp hoặc mẫu nhập liệu)'],
  'kind-too-old': [
    { code: 'kind-too-old', version: 1, since: 2 },
    'Tệp «a.xlsx» ghi là báo cáo tổng hợp theo định dạng phiên bản 1, nhưng báo cáo tổng hợp chỉ có từ phiên bản 2; tệp đã bị sửa hoặc không do Sổ Kế hoạch Công đoàn tạo ra',
  ],
  'version-newer': [
    { code: 'version-newer', version: 3, max: 2 },
    'Tệp «a.xlsx» được tạo bởi phiên bản mới hơn của ứng dụng (định dạng phiên bản 3; phiên bản này đọc đến 2); hãy cập nhật Sổ Kế hoạch Công đoàn rồi mở lại',
  ],
  'version-unsupported': [{ code: 'version-unsupported', version: 0 }, 'Tệp «a.xlsx»: phiên bản định dạng 0 không được hỗ trợ'],
  'sheet-missing': [{ code: 'sheet-missing', sheet: 'Chỉ tiêu', skipped: 'bỏ qua phần chỉ tiêu' }, 'Tệp «a.xlsx»: không thấy trang «Chỉ tiêu»; bỏ qua phần chỉ tiêu'],
  'file-unopenable': [{ code: 'file-unopenable', why: 'directory', detail: '' }, 'Không mở được tệp «a.xlsx»: đây là thư mục'],
};

describe('one sentence per problem code', () => {
  it('every code has its example here', () => {
    expect(Object.keys(DETAILS).sort()).toEqual([...DETAIL_CODES].sort());
    expect(Object.keys(FILES).sort()).toEqual([...FILE_CODES].sort());
  });

  for (const [code, [detail, sentence]] of Object.entries(DETAILS)) {
    it(code, () => {
      expect(detailText(detail)).toBe(sentence);
      const p = problemAt('error', { file: 'a.xlsx', sheet: 'Hoạt động', row: 9, column: 'Ngày' }, detail);
      expect(p).toMatchObject({ code, file: 'a.xlsx', sheet: 'Hoạt động', row: 9, column: 'Ngày' });
      expect(p.message).toBe(`Tệp «a.xlsx», trang «Hoạt động», dòng 9, cột «Ngày»: ${sentence}`);
    });
  }

  for (const [code, [detail, sentence]] of Object.entries(FILES)) {
    it(code, () => expect(fileText('a.xlsx', detail)).toBe(sentence));
  }
});

describe('problems carry their code and place', () => {
  const read = async (name: string) => (await readWorkbook(new Uint8Array(readFileSync(join(BAD, name))), { fileName: name })).problems;

  it('a bad cell: its sheet, row, column and what it holds', async () => {
    expect((await read('ngay-sai.xlsx'))[0]).toMatchObject({ severity: 'error', code: 'date-invalid', sheet: 'Hoạt động', row: 9, column: 'Ngày', value: '31/02/2025' });
    expect((await read('trang-thai-la.xlsx'))[0]).toMatchObject({ code: 'label-unknown', sheet: 'Tiến độ', row: 9, column: 'Trạng thái', value: 'Làm rồi' });
    expect((await read('dau-phay-hang-nghin.xlsx'))[0]).toMatchObject({ severity: 'warning', code: 'count-comma-thousands', row: 8, column: 'Số lượt người', value: '1,200' });
    const sums = await read('tong-hop-so-sai.xlsx');
    expect(sums.filter((p) => p.code !== 'count-over-limit').map((p) => [p.code, p.sheet, p.row, p.column, p.value])).toEqual([
      ['count-decimal', 'Tổng hợp theo nhiệm vụ', 8, 'Đã hoàn thành', '1,5'],
      ['count-negative', 'Tổng hợp theo nhiệm vụ', 9, 'Chưa báo cáo', '-1'],
      ['count-invalid', 'Tình hình nộp báo cáo', 10, 'Số hoạt động', 'hai'],
    ]);
  });

  it('a quoted value is the cell as the message shows it (one line, at most 60 characters)', async () => {
    const [content] = await read('chu-qua-dai.xlsx');
    expect(content).toMatchObject({ code: 'text-too-long', row: 8, column: 'Nội dung' });
    expect(content!.value).toBe('Nội dung rất dài. Nội dung rất dài. Nội dung rất dài. Nội…');
  });

  it('a row or a sheet without a cell: no value', async () => {
    const [twice] = (await read('trung-ma-dong.xlsx')).filter((p) => p.code === 'row-id-duplicate');
    expect(twice).toMatchObject({ severity: 'warning', sheet: 'Hoạt động', row: 10, column: 'Mã dòng' });
    expect(twice!.value).toBeUndefined();
    expect((await read('mat-trang-hoat-dong.xlsx'))[0]).toEqual({
      severity: 'error',
      code: 'sheet-missing',
      file: 'mat-trang-hoat-dong.xlsx',
      sheet: 'Hoạt động',
      message: 'Tệp «mat-trang-hoat-dong.xlsx»: không thấy trang «Hoạt động»',
    });
  });

  it('a file refused as a whole: the guard’s code', async () => {
    expect((await read('mat-khau.xlsx')).map((p) => p.code)).toEqual(['password']);
    expect((await read('bom-noi-doi-kich-thuoc.xlsx')).map((p) => p.code)).toEqual(['expands-too-much']);
    expect((await read('xml-hong.xlsx')).map((p) => p.code)).toEqual(['unreadable']);
  });
});
