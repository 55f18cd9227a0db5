import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook, type ReadOptions } from '@exchange/reader';
import type { ProblemCode } from '@exchange/problems';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { planFingerprint, walkPlan } from '@domain/plan-tree';
import { GENERATED_BAD_FILES, LIBREOFFICE_BAD_FILES } from '../fixtures/workbooks/tools/bad-files';
import { builtinTemplate } from '../fixtures/workbooks/tools/template-fixture';

const BAD = join(import.meta.dirname, '../fixtures/workbooks/bad');
const TOOLS = join(import.meta.dirname, '../fixtures/workbooks/tools');

// REGENERATE_BAD_FILES=1 rewrites every file; REGENERATE_BAD_FILES=a.xlsx,b.xlsx only those
// (the others stay byte for byte as committed).
beforeAll(async () => {
  const which = process.env.REGENERATE_BAD_FILES;
  if (!which) return;
  const only = which === '1' ? null : new Set(which.split(',').map((s) => s.trim()));
  for (const [name, build] of Object.entries(GENERATED_BAD_FILES)) {
    if (only === null || only.has(name)) writeFileSync(join(BAD, name), await build());
  }
  if (only !== null && !LIBREOFFICE_BAD_FILES.some((f) => only.has(f))) return;
  const dir = mkdtempSync(join(tmpdir(), 'sokh-bad-'));
  const template = join(dir, 'mau.xlsx');
  writeFileSync(template, await builtinTemplate());
  const run = spawnSync('/usr/bin/python3', [join(TOOLS, 'lo_fill_template.py'), 'bad', template, BAD], { encoding: 'utf8', timeout: 100_000 });
  rmSync(dir, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`LibreOffice could not make its bad files: ${run.stderr}`);
}, 120_000);

/** Every item id of the built-in plan, as the importer hands them in (ExpectedPlan.itemIds). */
function planItemIds(): string[] {
  const ids: string[] = [];
  walkPlan(BUILTIN_PLAN.plan, (node) => {
    if (node.kind === 'item') ids.push(node.id);
  });
  return ids;
}

type Expect = {
  report: boolean;
  problems: [severity: 'error' | 'warning', code: ProblemCode, message: string][];
  options?: Partial<ReadOptions>;
  /** Made before the 1,000,000 cap (see CAPPED_LATER), so it also gets that error once. */
  cappedLater?: boolean;
};

const E = 'error' as const;
const W = 'warning' as const;

/**
 * The files generated from the sample report before one activity's values were capped at
 * 1,000,000 carry its old 2^31 "Lượt người tham gia" on row 9 of "Hoạt động"; committed files are
 * never rewritten, so each now also gets this error (besides the messages it was made for).
 */
const CAPPED_LATER = (file: string): [typeof E, ProblemCode, string] => [
  E,
  'count-over-limit',
  `Tệp «${file}», trang «Hoạt động», dòng 9, cột «Lượt người tham gia»: «2147483648» lớn hơn mức tối đa 1.000.000 cho một hoạt động (có thể gõ nhầm số)`,
];

const TABLE: Record<string, Expect> = {
  // The file as a whole (guards): refused, no report.
  'khong-phai-bang-tinh.pdf': { report: false, problems: [[E, 'not-workbook', 'Tệp «khong-phai-bang-tinh.pdf» không phải bảng tính Excel (.xlsx)']] },
  'van-ban-doi-ten.xlsx': { report: false, problems: [[E, 'not-workbook', 'Tệp «van-ban-doi-ten.xlsx» không phải bảng tính Excel (.xlsx)']] },
  'tep-rong.xlsx': { report: false, problems: [[E, 'empty', 'Tệp «tep-rong.xlsx» trống (0 byte), không phải bảng tính Excel (.xlsx)']] },
  'excel-97.xls': { report: false, problems: [[E, 'old-xls', 'Tệp «excel-97.xls» là định dạng Excel 97-2003 (.xls); hãy mở bằng Excel/LibreOffice và lưu lại dạng .xlsx']] },
  'mat-khau.xlsx': { report: false, problems: [[E, 'password', 'Tệp «mat-khau.xlsx» được đặt mật khẩu; hãy bỏ mật khẩu rồi gửi lại']] },
  'opendocument.ods': { report: false, problems: [[E, 'open-document', 'Tệp «opendocument.ods» là bảng tính OpenDocument (.ods); hãy mở bằng LibreOffice và lưu lại dạng .xlsx (Excel 2007-365)']] },
  'van-ban-word.xlsx': { report: false, problems: [[E, 'word-document', 'Tệp «van-ban-word.xlsx» là văn bản Word, không phải bảng tính Excel (.xlsx)']] },
  'bi-cat-cut.xlsx': { report: false, problems: [[E, 'truncated', 'Tệp «bi-cat-cut.xlsx» bị hỏng hoặc chưa tải/chép hết (thiếu phần cuối của tệp nén); hãy xin đơn vị gửi lại']] },
  'bom-giai-nen.xlsx': { report: false, problems: [[E, 'expands-too-much', 'Tệp «bom-giai-nen.xlsx» khi giải nén quá lớn (250 MB; tối đa 200 MB), có thể là tệp độc hại; không đọc']] },
  'bom-ti-le.xlsx': { report: false, problems: [[E, 'suspicious-ratio', 'Tệp «bom-ti-le.xlsx» có phần «xl/sharedStrings.xml» nén bất thường (tỉ lệ giải nén quá 100 lần), có thể là tệp độc hại; không đọc']] },
  'bom-noi-doi-kich-thuoc.xlsx': { report: false, problems: [[E, 'expands-too-much', 'Tệp «bom-noi-doi-kich-thuoc.xlsx» có phần «xl/worksheets/sheet1.xml» giải nén ra nhiều hơn kích thước ghi trong tệp, có thể là tệp độc hại; không đọc']] },
  'xml-hong.xlsx': { report: false, problems: [[E, 'unreadable', 'Tệp «xml-hong.xlsx» không đọc được như bảng tính Excel: cấu trúc bên trong bị hỏng hoặc không đúng chuẩn. Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi chọn lại. [chi tiết kỹ thuật: 2:114: undefined entity.]']] },
  'thieu-workbook-xml.xlsx': { report: false, problems: [[E, 'missing-part', 'Tệp «thieu-workbook-xml.xlsx» không phải bảng tính Excel hợp lệ (thiếu phần «xl/workbook.xml»); hãy mở bằng Excel/LibreOffice và lưu lại dạng .xlsx']] },

  // A workbook, but not one this build can read.
  'phien-ban-moi.xlsx': { report: false, problems: [[E, 'version-newer', 'Tệp «phien-ban-moi.xlsx» được tạo bởi phiên bản mới hơn của ứng dụng (định dạng phiên bản 3; phiên bản này đọc đến 2); hãy cập nhật Sổ Kế hoạch Công đoàn rồi mở lại']] },
  'tong-hop-phien-ban-1.xlsx': { report: false, problems: [[E, 'kind-too-old', 'Tệp «tong-hop-phien-ban-1.xlsx» ghi là báo cáo tổng hợp theo định dạng phiên bản 1, nhưng báo cáo tổng hợp chỉ có từ phiên bản 2; tệp đã bị sửa hoặc không do Sổ Kế hoạch Công đoàn tạo ra']] },
  'danh-sach-nop.xlsx': { report: false, problems: [[E, 'completeness-list', 'Tệp «danh-sach-nop.xlsx» là danh sách tình hình nộp báo cáo, chỉ để xem và in, không nhập được; hãy nhập báo cáo tổng hợp (tệp TongHop_….xlsx) hoặc báo cáo của từng đơn vị']] },
  'khong-phai-mau.xlsx': { report: false, problems: [[E, 'not-app-workbook', 'Tệp «khong-phai-mau.xlsx» không phải báo cáo hay mẫu nhập liệu của Sổ Kế hoạch Công đoàn (không thấy các trang «Thông tin», «Tiến độ», «Hoạt động», «Chỉ tiêu»)']] },
  'mat-thong-tin-va-trang-may.xlsx': { report: false, problems: [[E, 'identity-missing', 'Tệp «mat-thong-tin-va-trang-may.xlsx» thiếu cả trang «Thông tin» lẫn phần dữ liệu máy «_sokh»: không xác định được đơn vị và kỳ báo cáo']] },

  // Readable, with problems in places.
  'mat-trang-may.xlsx': { report: true, cappedLater: true, problems: [[W, 'machine-missing', 'Tệp «mat-trang-may.xlsx» không còn phần dữ liệu máy (trang ẩn «_sokh», thường do lưu lại bằng chương trình khác); đơn vị và kỳ được đọc từ trang «Thông tin», các hoạt động vẫn nhận theo cột «Mã dòng»']] },
  'mat-trang-hoat-dong.xlsx': { report: true, problems: [[E, 'sheet-missing', 'Tệp «mat-trang-hoat-dong.xlsx»: không thấy trang «Hoạt động»']] },
  'sai-ke-hoach.xlsx': {
    report: true,
    cappedLater: true,
    options: { expectedPlan: { id: BUILTIN_PLAN.id, fingerprint: planFingerprint(BUILTIN_PLAN.plan) } },
    problems: [[W, 'plan-version-differs', 'Tệp «sai-ke-hoach.xlsx»: tệp được lập theo một phiên bản khác của kế hoạch (danh sách nhiệm vụ khác với kế hoạch đang dùng); kiểm tra kỹ trước khi nhập']],
  },
  'sua-noi-dung-nhiem-vu.xlsx': { report: true, cappedLater: true, problems: [[W, 'items-edited', 'Tệp «sua-noi-dung-nhiem-vu.xlsx», trang «Tiến độ»: danh sách hoặc nội dung nhiệm vụ đã bị sửa so với lúc xuất tệp; trạng thái được đọc theo mã nhiệm vụ']] },
  'thieu-cot.xlsx': {
    report: true,
    problems: [
      [E, 'column-missing', 'Tệp «thieu-cot.xlsx», trang «Hoạt động», dòng 7: thiếu cột «Ngày» (không được xóa hay đổi tên cột này)'],
      [E, 'column-missing', 'Tệp «thieu-cot.xlsx», trang «Hoạt động», dòng 7: thiếu cột «Loại hoạt động» (không được xóa hay đổi tên cột này)'],
    ],
  },
  'ngay-sai.xlsx': { report: true, cappedLater: true, problems: [[E, 'date-invalid', 'Tệp «ngay-sai.xlsx», trang «Hoạt động», dòng 9, cột «Ngày»: «31/02/2025» không phải ngày hợp lệ (nhập theo dd/mm/yyyy)']] },
  'thieu-ngay-ten.xlsx': {
    report: true,
    cappedLater: true,
    problems: [
      [E, 'date-missing', 'Tệp «thieu-ngay-ten.xlsx», trang «Hoạt động», dòng 8, cột «Ngày»: chưa nhập ngày (nhập theo dd/mm/yyyy)'],
      [E, 'title-missing', 'Tệp «thieu-ngay-ten.xlsx», trang «Hoạt động», dòng 8, cột «Tên hoạt động»: chưa ghi tên hoạt động'],
    ],
  },
  'so-am.xlsx': { report: true, cappedLater: true, problems: [[E, 'count-negative', 'Tệp «so-am.xlsx», trang «Hoạt động», dòng 8, cột «Số lượt người»: «-5» là số âm; cần số nguyên không âm']] },
  'so-thap-phan.xlsx': { report: true, cappedLater: true, problems: [[E, 'count-decimal', 'Tệp «so-thap-phan.xlsx», trang «Hoạt động», dòng 8, cột «Số cuộc tuyên truyền»: «2,5» là số thập phân; cần số nguyên không âm']] },
  'cong-thuc.xlsx': {
    report: true,
    problems: [
      [W, 'formula-value', 'Tệp «cong-thuc.xlsx», trang «Hoạt động», dòng 8, cột «Số lượt người»: ô chứa công thức «=20+25»; đọc giá trị đã tính «45»'],
      [E, 'formula-no-value', 'Tệp «cong-thuc.xlsx», trang «Hoạt động», dòng 9, cột «Số, ký hiệu văn bản»: ô chứa công thức «=A1&"/BC"» nhưng tệp không lưu giá trị của nó; hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi gửi lại (hoặc ghi giá trị thay cho công thức)'],
      [W, 'formula-value', 'Tệp «cong-thuc.xlsx», trang «Chỉ tiêu», dòng 8, cột «Kết quả»: ô chứa công thức «=SUM(1,0)»; đọc giá trị đã tính «1»'],
    ],
  },
  'dau-phay-hang-nghin.xlsx': {
    report: true,
    problems: [[W, 'count-comma-thousands', 'Tệp «dau-phay-hang-nghin.xlsx», trang «Hoạt động», dòng 8, cột «Số lượt người»: «1,200» được đọc là 1.200 (dấu phẩy được hiểu là dấu phân cách hàng nghìn, như «1.200»); nếu không phải số này, hãy sửa ô']],
  },
  'chu-trong-o-so.xlsx': { report: true, cappedLater: true, problems: [[E, 'count-invalid', 'Tệp «chu-trong-o-so.xlsx», trang «Hoạt động», dòng 8, cột «Số lượt người»: «mười hai» không phải số nguyên không âm (ví dụ 0, 12, 1.250)']] },
  'trang-thai-la.xlsx': { report: true, cappedLater: true, problems: [[E, 'label-unknown', 'Tệp «trang-thai-la.xlsx», trang «Tiến độ», dòng 9, cột «Trạng thái»: «Làm rồi» không có trong danh sách (chọn một trong: Chưa thực hiện; Đang thực hiện; Đã hoàn thành; Không áp dụng)']] },
  'loai-hoat-dong-la.xlsx': {
    report: true,
    cappedLater: true,
    problems: [
      [E, 'label-unknown', 'Tệp «loai-hoat-dong-la.xlsx», trang «Hoạt động», dòng 8, cột «Loại hoạt động»: «Hội thảo khoa học» không có trong danh sách (chọn một trong: Tuyên truyền; Hội nghị, quán triệt; Tập huấn, bồi dưỡng; Thi đua, khen thưởng; Đối thoại, thương lượng tập thể; Tư vấn pháp luật; Chăm lo, phúc lợi; Phát triển đoàn viên, thành lập CĐCS; Giới thiệu đoàn viên ưu tú cho Đảng; Kiểm tra, giám sát; Khác)'],
    ],
  },
  'nhiem-vu-la.xlsx': { report: true, cappedLater: true, problems: [[E, 'item-ids-unknown', 'Tệp «nhiem-vu-la.xlsx», trang «Hoạt động», dòng 9, cột «Nhiệm vụ»: mã nhiệm vụ «III.9.9» không có trong kế hoạch (xem cột mã ở trang «Tiến độ»)']] },
  // Consolidated reports (version 2).
  'bao-cao-tong-hop.xlsx': {
    report: true,
    cappedLater: true,
    problems: [[E, 'total-differs', 'Tệp «bao-cao-tong-hop.xlsx», trang «Chỉ tiêu theo đơn vị», dòng 11, cột «Lượt người tham gia»: dòng «Tổng cộng» ghi 2147483806 nhưng các đơn vị cộng lại là 2147483836; số liệu đã bị sửa sau khi xuất, hãy đề nghị đơn vị xuất lại báo cáo']],
  },
  'tong-hop-thieu-trang.xlsx': { report: true, cappedLater: true, problems: [[E, 'sheet-missing', 'Tệp «tong-hop-thieu-trang.xlsx»: không thấy trang «Tổng hợp theo nhiệm vụ»']] },
  'tong-hop-so-sai.xlsx': {
    report: true,
    cappedLater: true,
    problems: [
      [E, 'count-decimal', 'Tệp «tong-hop-so-sai.xlsx», trang «Tổng hợp theo nhiệm vụ», dòng 8, cột «Đã hoàn thành»: «1,5» là số thập phân; cần số nguyên không âm'],
      [E, 'count-negative', 'Tệp «tong-hop-so-sai.xlsx», trang «Tổng hợp theo nhiệm vụ», dòng 9, cột «Chưa báo cáo»: «-1» là số âm; cần số nguyên không âm'],
      [E, 'count-invalid', 'Tệp «tong-hop-so-sai.xlsx», trang «Tình hình nộp báo cáo», dòng 10, cột «Số hoạt động»: «hai» không phải số nguyên không âm (ví dụ 0, 12, 1.250)'],
    ],
  },
  'tong-hop-so-bao-cao-lech.xlsx': {
    report: true,
    cappedLater: true,
    problems: [[W, 'reports-count-differs', 'Tệp «tong-hop-so-bao-cao-lech.xlsx», trang «Tổng hợp theo nhiệm vụ», dòng 10, cột «Số báo cáo»: ghi 5 báo cáo nhưng các cột trạng thái cộng lại là 3; số theo từng trạng thái được dùng']],
  },
  'tong-hop-nhiem-vu-la.xlsx': {
    report: true,
    cappedLater: true,
    options: { expectedPlan: { id: BUILTIN_PLAN.id, itemIds: planItemIds() } },
    problems: [[E, 'item-id-not-in-plan', 'Tệp «tong-hop-nhiem-vu-la.xlsx», trang «Tổng hợp theo nhiệm vụ», dòng 12, cột «Mã nhiệm vụ»: mã nhiệm vụ «III.9.9» không có trong kế hoạch đang dùng; dòng này bị bỏ qua']],
  },
  // Sane limits (one activity, one adjustment, text of an activity) and status counts that do
  // not add up to the reports consolidated.
  'qua-muc-mot-hoat-dong.xlsx': {
    report: true,
    problems: [
      [E, 'count-over-limit', 'Tệp «qua-muc-mot-hoat-dong.xlsx», trang «Hoạt động», dòng 8, cột «Số lượt người»: «1000000000000» lớn hơn mức tối đa 1.000.000 cho một hoạt động (có thể gõ nhầm số)'],
      [E, 'count-over-limit', 'Tệp «qua-muc-mot-hoat-dong.xlsx», trang «Hoạt động», dòng 9, cột «Số cuộc tuyên truyền»: «1.000.001» lớn hơn mức tối đa 1.000.000 cho một hoạt động (có thể gõ nhầm số)'],
    ],
  },
  // Made from the sample report when its "Kết quả" cells held 0 (and 3 for the plan's own
  // indicator) whatever its activities added up to: those cells now read as typed by hand.
  'dieu-chinh-qua-muc.xlsx': {
    report: true,
    problems: [
      [E, 'count-over-limit', 'Tệp «dieu-chinh-qua-muc.xlsx», trang «Chỉ tiêu», dòng 8, cột «Điều chỉnh»: «-2000000» lớn hơn mức tối đa 1.000.000 cho một lần điều chỉnh, tăng hay giảm (có thể gõ nhầm số)'],
      [E, 'result-adjustment-too-big', 'Tệp «dieu-chinh-qua-muc.xlsx», trang «Chỉ tiêu», dòng 9, cột «Kết quả»: «0» khác tổng các hoạt động (1.000.045) quá mức tối đa 1.000.000 cho một lần điều chỉnh (có thể gõ nhầm số); nếu đúng, hãy ghi các hoạt động đã làm ở trang «Hoạt động»'],
      [W, 'result-differs', 'Tệp «dieu-chinh-qua-muc.xlsx», trang «Chỉ tiêu», dòng 19, cột «Kết quả»: đã bị sửa sau khi xuất: ghi 3 nhưng các hoạt động cộng lại là 3 và «Điều chỉnh» -1; dùng 3 (không điều chỉnh)'],
    ],
  },
  'chu-qua-dai.xlsx': {
    report: true,
    problems: [
      [E, 'text-too-long', 'Tệp «chu-qua-dai.xlsx», trang «Hoạt động», dòng 8, cột «Nội dung»: «Nội dung rất dài. Nội dung rất dài. Nội dung rất dài. Nội…» dài 10.799 ký tự; tối đa 10.000 ký tự'],
      [E, 'text-too-long', 'Tệp «chu-qua-dai.xlsx», trang «Hoạt động», dòng 9, cột «Tên hoạt động»: «Hội nghị Hội nghị Hội nghị Hội nghị Hội nghị Hội nghị Hội…» dài 539 ký tự; tối đa 500 ký tự'],
    ],
  },
  'tong-hop-trang-thai-lech.xlsx': {
    report: true,
    problems: [[E, 'status-sum-differs', 'Tệp «tong-hop-trang-thai-lech.xlsx», trang «Tổng hợp theo nhiệm vụ», dòng 11, cột «Số báo cáo»: các cột trạng thái cộng lại là 4 nhưng số báo cáo được tổng hợp là 3 (dòng «Tổng cộng», cột «Số báo cáo» ở trang «Chỉ tiêu theo đơn vị»); số liệu đã bị sửa sau khi xuất, hãy đề nghị đơn vị xuất lại báo cáo']],
  },
  'trung-ma-dong.xlsx': { report: true, cappedLater: true, problems: [[W, 'row-id-duplicate', 'Tệp «trung-ma-dong.xlsx», trang «Hoạt động», dòng 10, cột «Mã dòng»: trùng mã dòng với dòng 8 (dòng được sao chép); dòng này được nhập như hoạt động mới']] },
};

describe('what the flagged cells read as', () => {
  const read = async (name: string) => (await readWorkbook(new Uint8Array(readFileSync(join(BAD, name))), { fileName: name })).report!;
  const value = (r: Awaited<ReturnType<typeof read>>, code: string) => r.indicators.find((i) => i.code === code)!.value;
  it('cong-thuc.xlsx: each formula as the value saved with it', async () => {
    const r = await read('cong-thuc.xlsx');
    expect(r.activities.map((a) => [a.participants, a.evidenceDoc])).toEqual([
      [45, '12/BC-CĐCS'],
      [null, ''],
    ]);
    expect(value(r, 'propaganda-sessions')).toBe(1);
  });
  it('dau-phay-hang-nghin.xlsx: «1,200» as 1200', async () => {
    const r = await read('dau-phay-hang-nghin.xlsx');
    expect(r.activities[0]!.participants).toBe(1200);
    expect(value(r, 'participants')).toBe(1_001_200);
  });
});

describe('bad files: each gets exactly its messages', () => {
  it('has a table row for every file under bad/ and a file for every row', () => {
    expect(readdirSync(BAD).filter((f) => f !== 'README.md').sort()).toEqual(Object.keys(TABLE).sort());
    expect(Object.keys(TABLE).length).toBeGreaterThanOrEqual(35);
  });

  for (const [name, want] of Object.entries(TABLE)) {
    it(name, async () => {
      const bytes = new Uint8Array(readFileSync(join(BAD, name)));
      const r = await readWorkbook(bytes, { fileName: name, ...want.options });
      let got = r.problems.map((p) => [p.severity, p.code, p.message]);
      if (want.cappedLater) {
        const cap = CAPPED_LATER(name);
        const same = (p: string[]) => p.every((x, i) => x === cap[i]);
        expect(got.filter(same)).toHaveLength(1);
        got = got.filter((p) => !same(p));
      }
      expect(got).toEqual(want.problems);
      expect(r.report !== null).toBe(want.report);
    });
  }
});
