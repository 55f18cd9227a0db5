/**
 * Plan texts in the shapes officers paste or choose (tests/fixtures/plans, written for these
 * tests): a PDF copy with page numbers and a running header, «Phần thứ…» parts, a task table
 * copied from Word as tabs and the same kind of table in a real .docx, attribute lines, «CÔNG
 * TÁC …» sections, «a)»/«b)» headings over «+» lines with the number in brackets. Each is
 * checked node by node: id, kind, tracked (T), printed label, text and attributes.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '@domain/plan-parser';
import { trackableItems, walkPlan } from '@domain/plan-tree';
import type { ParsedPlan } from '@domain/plan-types';
import { docxToPlanText } from '@features/plan-import/docx-to-text';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/plans');
const read = (name: string): string => readFileSync(resolve(FIXTURES, name), 'utf8');

/** Every node as "id kind[ T][ [label]] text[ {name: value | …}]", in document order. */
function tree(plan: Pick<ParsedPlan, 'sections'>): string[] {
  const out: string[] = [];
  walkPlan(plan, (n) => {
    const attributes = n.attributes ? ` {${n.attributes.map((a) => `${a.name}: ${a.value}`).join(' | ')}}` : '';
    out.push(`${n.id} ${n.kind}${n.trackable ? ' T' : ''}${n.label ? ` [${n.label}]` : ''} ${n.text}${attributes}`);
  });
  return out;
}

describe('a PDF copy: lines cut at the page width, page numbers and a running header (ke-hoach-tet-pdf.txt)', () => {
  const text = read('ke-hoach-tet-pdf.txt');
  const plan = parsePlan(text);

  it('drops the furniture, joins what it split, and says so truthfully', () => {
    expect(tree(plan)).toEqual([
      'I section [I] MỤC ĐÍCH, YÊU CẦU',
      'I.1 item Chăm lo thiết thực cho đoàn viên, người lao động, nhất là người có hoàn cảnh khó khăn, để mọi người lao động đều có Tết.',
      'I.2 item Các hoạt động được tổ chức an toàn, tiết kiệm, đúng quy định của pháp luật và của Công ty.',
      'II section [II] NHIỆM VỤ VÀ GIẢI PHÁP',
      'II.1 group [1] Chăm lo Tết cho đoàn viên, người lao động',
      'II.1.1 item T Đề nghị Ban Giám đốc Công ty chi thưởng Tết cho người lao động đúng thời hạn, bình quân không thấp hơn năm 2024.',
      'II.1.2 item T Trao 120 suất quà Tết cho đoàn viên, người lao động có hoàn cảnh đặc biệt khó khăn; phấn đấu 100% đoàn viên có hoàn cảnh khó khăn được thăm hỏi, tặng quà.',
      'II.1.3 item T Tổ chức chương trình “Tết Sum vầy” tại nhà ăn ca, có gian hàng 0 đồng và bốc thăm trúng thưởng cho người lao động ở lại làm việc trong dịp Tết.',
      'II.2 group [2] Tuyên truyền, giáo dục',
      'II.2.1 item T Tuyên truyền kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2025) trên bảng tin và nhóm Zalo của Công đoàn cơ sở.',
      'II.2.2 item Tuyên truyền, vận động người lao động giữ gìn an toàn giao thông, quay lại làm việc đúng thời gian sau Tết.',
      'II.2.2.1 subitem T Phát 500 tờ rơi về an toàn giao thông tại cổng Công ty trước ngày nghỉ Tết; tuyên truyền trên loa phát thanh nội bộ vào giờ nghỉ giữa ca.',
      'II.2.2.2 subitem T Tổ chức học tập truyền thống vẻ vang của giai cấp công nhân và tổ chức Công đoàn Việt Nam.',
      'II.3 group [3] Phát triển đoàn viên',
      'II.3.1 item T Vận động người lao động mới tuyển dụng sau Tết gia nhập tổ chức Công đoàn, phấn đấu kết nạp ít nhất 80 đoàn viên mới trong quý I năm 2025.',
      'III section [III] TỔ CHỨC THỰC HIỆN',
      'III.1 item T Ban Chấp hành Công đoàn cơ sở phân công ủy viên phụ trách từng nội dung, báo cáo kết quả về Liên đoàn Lao động huyện trước ngày 20/02/2025.',
    ]);
    expect(plan.warnings).toEqual([
      'Đã bỏ 4 dòng số trang, đầu trang, chân trang: «2», «Kế hoạch số 03/KH-CĐCS – CĐCS Công ty TN…», «3».',
      'Đã nối đoạn bị ngắt trang: “…người lao động có hoàn cảnh đặc biệt khó” + “khăn; phấn đấu 100% đoàn viên có hoàn cả…”.',
      'Đã nối đoạn bị ngắt trang: “…ẻ vang của giai cấp công nhân và tổ chức” + “Công đoàn Việt Nam.”.',
    ]);
    for (const node of trackableItems(plan)) expect(node.text).not.toMatch(/Kế hoạch số 03|^\d+ /);
  });

  it('reads the header, preamble and closing cut over several lines', () => {
    expect(plan.header).toEqual({
      parentBody: 'LIÊN ĐOÀN LAO ĐỘNG HUYỆN DƯƠNG MINH CHÂU',
      issuingBody: 'CÔNG ĐOÀN CƠ SỞ CÔNG TY TNHH DỆT MAY HOÀNG GIA',
      number: '03/KH-CĐCS',
      placeAndDate: 'Dương Minh Châu, ngày 15 tháng 01 năm 2025',
      documentType: 'KẾ HOẠCH',
      title: 'Chăm lo Tết Nguyên đán Ất Tỵ và hoạt động công đoàn quý I năm 2025',
      implements: ['Kế hoạch số 02/KH-LĐLĐ ngày 06/01/2025'],
      preamble:
        'Thực hiện Kế hoạch số 02/KH-LĐLĐ ngày 06/01/2025 của Ban Thường vụ Liên đoàn Lao động huyện Dương Minh Châu về tổ chức Tết Sum vầy năm 2025, Ban Chấp hành Công đoàn cơ sở xây dựng kế hoạch như sau:',
    });
    expect(plan.closing).toBe(
      'Trên đây là Kế hoạch chăm lo Tết Nguyên đán Ất Tỵ và hoạt động công đoàn quý I năm 2025 của Ban Chấp hành Công đoàn cơ sở Công ty TNHH Dệt may Hoàng Gia./.',
    );
    expect(plan.recipients).toEqual(['LĐLĐ huyện (b/c)', 'Ban Giám đốc Công ty', 'Lưu: VT']);
    expect(plan.signature).toEqual(['TM. BAN CHẤP HÀNH', 'CHỦ TỊCH', 'Trần Thị Mỹ Linh']);
  });

  it('reads page breaks given as form feeds, or as "- 2 -" and "Trang 2 / 3", the same way', () => {
    const pages = (mark: (n: number) => string) =>
      text.replace('\n2\nKế hoạch số 03', `\n${mark(2)}\nKế hoạch số 03`).replace('\n3\nKế hoạch số 03', `\n${mark(3)}\nKế hoạch số 03`);
    for (const variant of [pages((n) => `- ${n} -`), pages((n) => `Trang ${n} / 3`), pages(() => '\f'), pages((n) => `\f${n}`)]) {
      expect(variant).not.toBe(text);
      expect(parsePlan(variant).sections).toEqual(plan.sections);
    }
  });
});

describe('«Phần thứ nhất/hai/ba» parts above the sections, «Trang 2/3» headers (ke-hoach-phan-thu.txt)', () => {
  const plan = parsePlan(read('ke-hoach-phan-thu.txt'));

  it('makes each part a level above its sections, drops nothing of the evaluation, and tracks only the tasks', () => {
    expect(tree(plan)).toEqual([
      'P1 part [Phần thứ nhất] ĐÁNH GIÁ KẾT QUẢ HOẠT ĐỘNG CÔNG ĐOÀN NĂM 2024',
      'P1.1 item Năm 2024, Liên đoàn Lao động huyện đã chỉ đạo các công đoàn cơ sở thực hiện tốt chức năng đại diện, chăm lo, bảo vệ quyền và lợi ích hợp pháp của đoàn viên; kết nạp 1.250 đoàn viên, thành lập 06 công đoàn cơ sở, đạt 125% chỉ tiêu được giao.',
      'P1.2 item Tồn tại: một số công đoàn cơ sở khu vực ngoài nhà nước chưa tổ chức đối thoại định kỳ.',
      'P2 part [Phần thứ hai] NHIỆM VỤ TRỌNG TÂM NĂM 2025',
      'P2.I section [I] MỤC TIÊU',
      'P2.I.1 item Phát triển ít nhất 1.000 đoàn viên mới; 100% công đoàn cơ sở doanh nghiệp tổ chức đối thoại định kỳ.',
      'P2.II section [II] NHIỆM VỤ, GIẢI PHÁP',
      'P2.II.1 group [1] Tuyên truyền, giáo dục',
      'P2.II.1.1 item T Tuyên truyền Nghị quyết Đại hội XIII Công đoàn Việt Nam đến 100% công đoàn cơ sở.',
      'P2.II.1.2 item T Tổ chức 10 lớp tập huấn Bộ luật Lao động cho người lao động tại các doanh nghiệp.',
      'P2.II.2 group [2] Đại diện, chăm lo, bảo vệ quyền lợi',
      'P2.II.2.1 item T Phối hợp với Phòng Nội vụ kiểm tra việc thực hiện chế độ, chính sách tại 15 doanh nghiệp.',
      'P2.II.2.2 item T Tổ chức Tháng Công nhân, Tết Sum vầy cho đoàn viên, người lao động.',
      'P3 part [Phần thứ ba] TỔ CHỨC THỰC HIỆN',
      'P3.1 item T [1] Ban Tổ chức - Kiểm tra hướng dẫn các công đoàn cơ sở xây dựng kế hoạch năm 2025.',
      'P3.2 item T [2] Văn phòng tổng hợp, báo cáo kết quả về Liên đoàn Lao động tỉnh định kỳ 6 tháng, năm.',
    ]);
    expect(plan.warnings).toEqual([
      'Đã bỏ 2 dòng số trang, đầu trang, chân trang: «Trang 2/3», «Trang 3/3».',
      'Các đầu mục đánh số trong Phần thứ ba không có nội dung con nên được coi là mục công việc.',
    ]);
    expect(plan.header.title).toBe('Hoạt động công đoàn năm 2025');
    expect(plan.header.preamble).toBeNull();
    expect(plan.signature).toEqual(['TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH', 'Nguyễn Văn Hùng']);
  });
});

describe('a task table copied from Word as tabs (ke-hoach-thang-cong-nhan-bang.txt)', () => {
  const text = read('ke-hoach-thang-cong-nhan-bang.txt');
  const plan = parsePlan(text);

  it('gives one item per row with its columns as attributes; the header and column-number rows are not items', () => {
    expect(tree(plan)).toEqual([
      'I section [I] MỤC ĐÍCH, YÊU CẦU',
      'I.1 item Tổ chức các hoạt động thiết thực, chăm lo đời sống vật chất, tinh thần cho đoàn viên.',
      'I.2 item Các hoạt động bảo đảm tiết kiệm, không phô trương, hình thức.',
      'II section [II] NỘI DUNG VÀ THỜI GIAN THỰC HIỆN',
      'II.1 group [I] HOẠT ĐỘNG TUYÊN TRUYỀN',
      'II.1.1 item T [1] Treo băng rôn, khẩu hiệu hưởng ứng Tháng Công nhân tại trụ sở cơ quan {Thời gian thực hiện: Từ 25/4/2025 | Bộ phận chủ trì: Ban Tuyên giáo | Phối hợp: Văn phòng Sở}',
      'II.1.2 item T [2] Đăng tin, bài về Tháng Công nhân trên trang thông tin điện tử của Sở {Thời gian thực hiện: Tháng 5/2025 | Bộ phận chủ trì: Ban Tuyên giáo}',
      'II.2 group [II] HOẠT ĐỘNG CHĂM LO',
      'II.2.1 item T [3] Thăm hỏi, tặng quà 15 đoàn viên có hoàn cảnh khó khăn {Thời gian thực hiện: Trước ngày 15/5/2025 | Bộ phận chủ trì: Ban Nữ công | Phối hợp: Các tổ công đoàn}',
      'II.2.2 item T [4] Tổ chức khám sức khỏe định kỳ cho đoàn viên {Thời gian thực hiện: Quý II/2025 | Bộ phận chủ trì: Ban Chấp hành | Phối hợp: Phòng Tổ chức cán bộ}',
      'II.2.3 item T [5] Tổ chức giải cầu lông chào mừng Ngày Quốc tế Lao động 01/5 {Bộ phận chủ trì: Ban Văn thể}',
      'III section [III] TỔ CHỨC THỰC HIỆN',
      'III.1 item T Các tổ công đoàn phổ biến kế hoạch đến đoàn viên; báo cáo kết quả về Ban Chấp hành trước ngày 31/5/2025.',
    ]);
    expect(plan.warnings).toEqual(['Đã bỏ 1 dòng tiêu đề cột của bảng (lặp lại, hoặc số thứ tự cột): «(1) | (2) | (3) | (4) | (5)».']);
    expect(plan.header.number).toBe('11/KH-CĐCS');
    expect(plan.recipients).toEqual(['CĐVC tỉnh (b/c)', 'Lưu: VT']);
    expect(plan.signature).toEqual(['TM. BAN CHẤP HÀNH', 'CHỦ TỊCH', 'Lê Văn Tâm']);
  });

  it('reads the same table typed as markdown ("| STT | Nội dung | … |") and pasted with blank lines', () => {
    const piped = text
      .split('\n')
      .map((line) => (line.startsWith('STT\t') || /^(?:\(1\)|I|II|\d)\t/.test(line) ? `| ${line.split('\t').join(' | ')} |` : line))
      .join('\n')
      .replace(/^(\| STT .*)$/mu, (header) => `${header}\n|${'---|'.repeat(5)}`);
    expect(piped).toContain('| 3 | Thăm hỏi');
    expect(parsePlan(piped).sections).toEqual(plan.sections);
    expect(parsePlan(text.replace(/\n/g, '\n\n')).sections).toEqual(plan.sections);
  });
});

describe('a .docx with a real task table (ke-hoach-phat-trien-doan-vien-bang.docx, made by LibreOffice)', () => {
  it('writes each row as one line, a cell of two paragraphs as one text', async () => {
    const text = await docxToPlanText(readFileSync(resolve(FIXTURES, 'ke-hoach-phat-trien-doan-vien-bang.docx')));
    expect(text).toContain('STT\tNội dung\tThời gian\tĐơn vị chủ trì\tKết quả cần đạt\n');
    expect(text).toContain(
      '2\tTuyên truyền, vận động người lao động gia nhập Công đoàn; kết nạp đoàn viên mới tại 03 hợp tác xã.\tQuý II - III/2025\tTổ công đoàn số 2\tKết nạp 60 đoàn viên\n',
    );
    // The header table keeps a line per paragraph: the bodies still read as before.
    expect(text).toContain('LĐLĐ HUYỆN DƯƠNG MINH CHÂU\t**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n');
  });

  it('parses to one item per row, the merged heading rows as groups', async () => {
    const plan = parsePlan(await docxToPlanText(readFileSync(resolve(FIXTURES, 'ke-hoach-phat-trien-doan-vien-bang.docx'))));
    expect(tree(plan)).toEqual([
      'I section [I] MỤC ĐÍCH, YÊU CẦU',
      'I.1 item Tập hợp đông đảo người lao động tham gia tổ chức Công đoàn.',
      'I.2 item Nâng cao chất lượng sinh hoạt của các tổ công đoàn.',
      'II section [II] NHIỆM VỤ CỤ THỂ',
      'II.1 group [I] PHÁT TRIỂN ĐOÀN VIÊN',
      'II.1.1 item T [1] Khảo sát số lao động chưa là đoàn viên tại các hợp tác xã, hộ kinh doanh trên địa bàn xã. {Thời gian: Quý I/2025 | Đơn vị chủ trì: Ban Chấp hành | Kết quả cần đạt: Danh sách lao động chưa vào Công đoàn}',
      'II.1.2 item T [2] Tuyên truyền, vận động người lao động gia nhập Công đoàn; kết nạp đoàn viên mới tại 03 hợp tác xã. {Thời gian: Quý II - III/2025 | Đơn vị chủ trì: Tổ công đoàn số 2 | Kết quả cần đạt: Kết nạp 60 đoàn viên}',
      'II.2 group [II] XÂY DỰNG CÔNG ĐOÀN CƠ SỞ VỮNG MẠNH',
      'II.2.1 item T [3] Sinh hoạt tổ công đoàn định kỳ hằng quý, có nội dung thiết thực. {Thời gian: Hằng quý | Đơn vị chủ trì: Các tổ công đoàn | Kết quả cần đạt: 100% tổ công đoàn sinh hoạt}',
      'II.2.2 item T [4] Tổ chức tự đánh giá, xếp loại Công đoàn cơ sở năm 2025. {Thời gian: Tháng 11/2025 | Đơn vị chủ trì: Ban Chấp hành | Kết quả cần đạt: Đạt hoàn thành tốt nhiệm vụ}',
      'III section [III] TỔ CHỨC THỰC HIỆN',
      'III.1 item T Các tổ công đoàn báo cáo kết quả về Ban Chấp hành trước ngày 25 tháng cuối quý.',
    ]);
    expect(plan.header).toMatchObject({
      parentBody: 'LĐLĐ HUYỆN DƯƠNG MINH CHÂU',
      issuingBody: 'CÔNG ĐOÀN CƠ SỞ XÃ PHƯỚC NINH',
      number: '04/KH-CĐCS',
      placeAndDate: 'Phước Ninh, ngày 20 tháng 01 năm 2025',
      title: 'Phát triển đoàn viên, xây dựng công đoàn cơ sở vững mạnh năm 2025',
    });
    expect(plan.signature).toEqual(['TM. BAN CHẤP HÀNH', 'CHỦ TỊCH', 'Phạm Văn Lộc']);
    expect(plan.warnings).toEqual([]);
  });
});

describe('attribute lines under tasks (ke-hoach-thuoc-tinh.txt)', () => {
  const plan = parsePlan(read('ke-hoach-thuoc-tinh.txt'));

  it('keeps «Thời gian thực hiện», «Bộ phận chủ trì», «Phối hợp», «* Chỉ tiêu», «Kết quả cần đạt» on their task, which stays a tracked item', () => {
    expect(tree(plan)).toEqual([
      'I section [I] MỤC ĐÍCH, YÊU CẦU',
      'I.1 item Cụ thể hóa Chương trình công tác năm 2025 của Ban Chấp hành Liên đoàn Lao động huyện.',
      'I.2 item Phân công rõ người, rõ việc, rõ thời gian và kết quả cần đạt.',
      'II section [II] NHIỆM VỤ TRỌNG TÂM',
      'II.1 item T [1] Tổ chức Hội nghị tổng kết hoạt động công đoàn năm 2024, triển khai nhiệm vụ năm 2025. {Thời gian thực hiện: Quý I/2025 | Bộ phận chủ trì: Văn phòng Liên đoàn Lao động huyện | Phối hợp: Các ban chuyên môn}',
      'II.2 item T [2] Phát triển đoàn viên, thành lập công đoàn cơ sở tại doanh nghiệp ngoài nhà nước. {Thời gian thực hiện: Cả năm 2025 | Bộ phận chủ trì: Ban Tổ chức - Kiểm tra | Chỉ tiêu: Kết nạp 300 đoàn viên, thành lập 03 công đoàn cơ sở | Kết quả cần đạt: Hoàn thành 30% chỉ tiêu trong quý I}',
      'II.3 group [3] Chăm lo Tết cho đoàn viên, người lao động',
      'II.3.1 item T Trao 200 suất quà Tết cho đoàn viên có hoàn cảnh khó khăn. {Thời gian: Trước ngày 25/01/2025 | Chủ trì: Ban Chính sách - Pháp luật}',
      'II.3.2 item T Tổ chức chương trình “Chuyến xe mùa xuân” đưa người lao động về quê đón Tết. {Thời gian: Ngày 26/01/2025 | Chỉ tiêu: 02 chuyến xe; 80 người lao động được hỗ trợ vé xe}',
      'III section [III] TỔ CHỨC THỰC HIỆN',
      'III.1 item T Các ban chuyên môn xây dựng kế hoạch chi tiết, báo cáo kết quả về Văn phòng trước ngày 25 tháng cuối quý.',
    ]);
    expect(plan.warnings).toEqual([
      'Đầu mục II.1 “Tổ chức Hội nghị tổng kết hoạt động công…” không có nội dung con nên được coi là mục công việc.',
      'Đầu mục II.2 “Phát triển đoàn viên, thành lập công đoà…” không có nội dung con nên được coi là mục công việc.',
    ]);
  });

  it('never glues an attribute line to an item without final punctuation', () => {
    const p = parsePlan(['I. NHIỆM VỤ', '- Tổ chức hội nghị sơ kết', 'Thời gian: tháng 6/2025', '- Tổ chức tập huấn.', '- Báo cáo kết quả.', '- Tổng kết.'].join('\n'));
    expect(tree(p)).toEqual([
      'I section [I] NHIỆM VỤ',
      'I.1 item T Tổ chức hội nghị sơ kết {Thời gian: tháng 6/2025}',
      'I.2 item T Tổ chức tập huấn.',
      'I.3 item T Báo cáo kết quả.',
      'I.4 item T Tổng kết.',
    ]);
  });
});

describe('«CÔNG TÁC …» sections (ke-hoach-cong-tac.md)', () => {
  const plan = parsePlan(read('ke-hoach-cong-tac.md'));

  it('tracks the tasks of every «CÔNG TÁC …» section: 7 tasks, not only those under TỔ CHỨC THỰC HIỆN', () => {
    expect(tree(plan)).toEqual([
      'I section [I] MỤC ĐÍCH, YÊU CẦU',
      'I.1 item Đẩy mạnh các phong trào thi đua, góp phần hoàn thành nhiệm vụ năm học.',
      'II section [II] CÔNG TÁC TUYÊN TRUYỀN, GIÁO DỤC',
      'II.1 item T Tuyên truyền Nghị quyết Đại hội Công đoàn các cấp đến 100% đoàn viên.',
      'II.2 item T Tổ chức cho đoàn viên học tập chuyên đề về đạo đức nhà giáo.',
      'III section [III] CÔNG TÁC CHĂM LO, BẢO VỆ QUYỀN LỢI ĐOÀN VIÊN',
      'III.1 item T Phối hợp với Ban Giám hiệu tổ chức Hội nghị viên chức đầu năm học.',
      'III.2 item T Thăm hỏi đoàn viên ốm đau, gia đình có việc hiếu, hỷ.',
      'III.3 item T Tổ chức ngày Nhà giáo Việt Nam 20/11 trang trọng, tiết kiệm.',
      'IV section [IV] CÔNG TÁC PHÁT TRIỂN ĐOÀN VIÊN',
      'IV.1 item T Kết nạp 100% giáo viên, nhân viên mới tuyển dụng vào Công đoàn.',
      'V section [V] TỔ CHỨC THỰC HIỆN',
      'V.1 item T Ban Chấp hành phân công ủy viên phụ trách từng nội dung; báo cáo kết quả học kỳ I về Công đoàn Giáo dục huyện.',
    ]);
    expect(trackableItems(plan)).toHaveLength(7);
    expect(plan.warnings).toEqual([]);
    expect(plan.header.issuingBody).toBe('CÔNG ĐOÀN TRƯỜNG TIỂU HỌC BÀU NĂNG');
  });
});

describe('«a)»/«b)» headings over «+» lines, the number in brackets (ke-hoach-ky-niem-muc-abc.txt)', () => {
  const plan = parsePlan(read('ke-hoach-ky-niem-muc-abc.txt'));

  it('tracks the «+» lines of a heading and the heading only when it has none, with its label kept', () => {
    expect(tree(plan)).toEqual([
      'I section [I] MỤC ĐÍCH, YÊU CẦU',
      'I.1 item Giáo dục truyền thống vẻ vang của tổ chức Công đoàn Việt Nam cho đoàn viên, người lao động.',
      'I.2 item Các hoạt động thiết thực, tiết kiệm, thu hút đông đảo người lao động tham gia.',
      'II section [II] NỘI DUNG HOẠT ĐỘNG',
      'II.1 group [1] Hoạt động tuyên truyền',
      'II.1.1 item [a] Tuyên truyền trực quan',
      'II.1.1.1 subitem T Treo 10 băng rôn, khẩu hiệu tại cổng Công ty và các nông trường.',
      'II.1.1.2 subitem T Đăng 05 tin, bài về lịch sử Công đoàn Việt Nam trên bảng tin của Công đoàn cơ sở.',
      'II.1.2 item [b] Tuyên truyền miệng',
      'II.1.2.1 subitem T Lồng ghép nội dung kỷ niệm vào buổi sinh hoạt tổ công đoàn tháng 7/2024.',
      'II.2 group [2] Hoạt động văn hóa, thể thao',
      'II.2.1 item T [a] Tổ chức giải bóng chuyền nam công nhân lao động vào ngày 21/7/2024.',
      'II.2.2 item [b] Tổ chức hội thi “Nữ công nhân duyên dáng” vào ngày 27/7/2024.',
      'II.2.2.1 subitem T Mỗi nông trường cử 02 thí sinh.',
      'II.2.2.2 subitem T Giải thưởng: 01 giải nhất, 01 giải nhì, 02 giải ba.',
      'III section [III] TỔ CHỨC THỰC HIỆN',
      'III.1 item T Các tổ công đoàn vận động đoàn viên tham gia; báo cáo kết quả về Ban Chấp hành trước ngày 31/7/2024.',
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('finds «(Số: 08/KH-CĐCS, ngày …)» under the title and keeps it out of the title', () => {
    expect(plan.header).toEqual({
      parentBody: 'LIÊN ĐOÀN LAO ĐỘNG HUYỆN DƯƠNG MINH CHÂU',
      issuingBody: 'CÔNG ĐOÀN CƠ SỞ CÔNG TY CỔ PHẦN CAO SU TÂN BIÊN',
      number: '08/KH-CĐCS',
      placeAndDate: 'ngày 05 tháng 7 năm 2024',
      documentType: 'KẾ HOẠCH',
      title: 'Tổ chức các hoạt động kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2024)',
      implements: ['Hướng dẫn số 15/HD-LĐLĐ ngày 01/7/2024'],
      preamble:
        'Căn cứ Hướng dẫn số 15/HD-LĐLĐ ngày 01/7/2024 của Liên đoàn Lao động huyện Dương Minh Châu, Ban Chấp hành Công đoàn cơ sở xây dựng kế hoạch như sau:',
    });
    const inline = parsePlan('KẾ HOẠCH (Số 12/KH-CĐCS)\nTổ chức hội thi\nI. NHIỆM VỤ\n- Tổ chức hội thi.');
    expect(inline.header).toMatchObject({ number: '12/KH-CĐCS', documentType: 'KẾ HOẠCH', title: 'Tổ chức hội thi' });
  });
});

describe('parts written «PHẦN I» or «A.» above Roman sections', () => {
  it('makes «PHẦN I», «PHẦN II» parts when Roman sections follow them (and sections when none do, as before)', () => {
    const p = parsePlan(
      ['KẾ HOẠCH', 'Năm 2025', 'PHẦN I. KẾT QUẢ NĂM 2024', 'Đã kết nạp 300 đoàn viên.', 'PHẦN II. NHIỆM VỤ NĂM 2025', 'I. MỤC TIÊU', '- Kết nạp 350 đoàn viên.', 'II. GIẢI PHÁP', '- Tuyên truyền.', '- Kiểm tra.'].join('\n'),
    );
    expect(tree(p)).toEqual([
      'P1 part [PHẦN I] KẾT QUẢ NĂM 2024',
      'P1.1 item Đã kết nạp 300 đoàn viên.',
      'P2 part [PHẦN II] NHIỆM VỤ NĂM 2025',
      'P2.I section [I] MỤC TIÊU',
      'P2.I.1 item Kết nạp 350 đoàn viên.',
      'P2.II section [II] GIẢI PHÁP',
      'P2.II.1 item T Tuyên truyền.',
      'P2.II.2 item T Kiểm tra.',
    ]);
  });

  it('makes «A. …», «B. …» in capitals parts when Roman sections follow them', () => {
    const p = parsePlan(
      ['KẾ HOẠCH', 'Năm 2025', 'A. ĐÁNH GIÁ NĂM 2024', 'I. CÔNG TÁC TUYÊN TRUYỀN', '- Đã tổ chức 12 buổi.', 'B. PHƯƠNG HƯỚNG NĂM 2025', 'I. CÔNG TÁC TUYÊN TRUYỀN', '- Tổ chức 15 buổi.', 'II. TỔ CHỨC THỰC HIỆN', '- Báo cáo 6 tháng, năm.'].join('\n'),
    );
    expect(tree(p)).toEqual([
      'P1 part [A] ĐÁNH GIÁ NĂM 2024',
      'P1.I section [I] CÔNG TÁC TUYÊN TRUYỀN',
      // Last year's work is reported, not tracked: the part is an evaluation.
      'P1.I.1 item Đã tổ chức 12 buổi.',
      'P2 part [B] PHƯƠNG HƯỚNG NĂM 2025',
      'P2.I section [I] CÔNG TÁC TUYÊN TRUYỀN',
      'P2.I.1 item T Tổ chức 15 buổi.',
      'P2.II section [II] TỔ CHỨC THỰC HIỆN',
      'P2.II.1 item T Báo cáo 6 tháng, năm.',
    ]);
  });
});

describe('hostile input', () => {
  // Each of these once looked ahead through the rest of the text for every line: 10^10 steps.
  it('reads a table with 100,000 blank lines in it, 20,000 capitals and 20,000 "./." lines, within the test’s timeout', { timeout: 60_000 }, () => {
    const text = [
      'I. NHIỆM VỤ',
      'STT\tNội dung\tThời gian',
      ...Array<string>(100_000).fill(''),
      '1\tTổ chức hội nghị.\tQuý I',
      ...Array<string>(20_000).fill('A. KẾT QUẢ'),
      ...Array<string>(20_000).fill('- Xong./.'),
      'II. TỔ CHỨC THỰC HIỆN',
      '- Báo cáo.',
    ].join('\n');
    const p = parsePlan(text);
    expect(tree(p).slice(0, 2)).toEqual(['I section [I] NHIỆM VỤ', 'I.1 item T [1] Tổ chức hội nghị. {Thời gian: Quý I}']);
    expect(p.sections.map((s) => s.id).slice(-1)).toEqual(['II']);
  });
});
