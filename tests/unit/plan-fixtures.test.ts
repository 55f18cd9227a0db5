import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '@domain/plan-parser';
import { trackableItems } from '@domain/plan-tree';
import type { PlanNode } from '@domain/plan-types';
import { docxToPlanText, htmlToPlanText } from '@features/plan-import/docx-to-text';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/plans');
const read = (name: string): string => readFileSync(resolve(FIXTURES, name), 'utf8');

/** [id, kind, label, text, trackable] for every node, in document order. */
function outline(nodes: readonly PlanNode[]): [string, string, string | null, string, boolean][] {
  return nodes.flatMap((n) => [[n.id, n.kind, n.label, n.text, n.trackable] as const, ...outline(n.children)]) as [
    string,
    string,
    string | null,
    string,
    boolean,
  ][];
}

describe('markdown plan with messy headings (ke-hoach-tuyen-truyen-cdcs.md)', () => {
  const plan = parsePlan(read('ke-hoach-tuyen-truyen-cdcs.md'));

  it('reads the bold header lines as parent and issuing body', () => {
    expect(plan.header).toEqual({
      parentBody: 'LĐLĐ HUYỆN DƯƠNG MINH CHÂU',
      issuingBody: 'CÔNG ĐOÀN CƠ SỞ CÔNG TY TNHH MAY TÂN PHÚ',
      number: '15/KH-CĐCS',
      placeAndDate: 'Dương Minh Châu, ngày 10 tháng 01 năm 2025',
      documentType: 'KẾ HOẠCH',
      title: 'Tuyên truyền, phổ biến pháp luật lao động cho đoàn viên, người lao động năm 2025',
      implements: ['Kế hoạch số 05/KH-LĐLĐ, ngày 06/01/2025'],
      preamble:
        'Căn cứ Kế hoạch số 05/KH-LĐLĐ, ngày 06/01/2025 của Ban Thường vụ Liên đoàn Lao động huyện Dương Minh Châu về công tác tuyên truyền, phổ biến, giáo dục pháp luật năm 2025; Ban Chấp hành Công đoàn cơ sở xây dựng kế hoạch như sau:',
    });
  });

  it('builds the tree from the numbering, not the heading levels', () => {
    expect(outline(plan.sections)).toEqual([
      ['I', 'section', 'I', 'MỤC ĐÍCH, YÊU CẦU', false],
      ['I.1', 'item', null, 'Nâng cao hiểu biết pháp luật lao động của đoàn viên, người lao động; giúp người lao động tự bảo vệ quyền, lợi ích hợp pháp của mình.', false],
      ['I.2', 'item', null, 'Hoạt động tuyên truyền thiết thực, phù hợp với ca làm việc của công nhân.', false],
      ['II', 'section', 'II', 'NỘI DUNG VÀ HÌNH THỨC', false],
      ['II.1', 'group', '1', 'Nội dung tuyên truyền', false],
      ['II.1.1', 'item', null, 'Bộ luật Lao động năm 2019 và các văn bản hướng dẫn thi hành, nhất là quy định về tiền lương, thời giờ làm việc, thời giờ nghỉ ngơi.', true],
      // page-break split joined
      ['II.1.2', 'item', null, 'Luật Công đoàn năm 2024, Luật Bảo hiểm xã hội năm 2024 và Luật Thực hiện dân chủ ở cơ sở năm 2022.', true],
      // lost bullet; an escaped asterisk stays
      ['II.1.3', 'item', null, 'Nội quy lao động, thỏa ước lao động tập thể của Công ty (các điều khoản có dấu *).', true],
      ['II.2', 'group', '2', 'Hình thức tuyên truyền', false],
      ['II.2.1', 'item', null, 'Tổ chức 02 buổi tuyên truyền trực tiếp tại nhà ăn ca vào giữa ca làm việc.', true],
      // Its sub-point is what is tracked: a heading over tracked children is not.
      ['II.2.2', 'item', null, 'Đăng tải tin, bài trên nhóm Zalo của Công đoàn cơ sở và bảng tin Công ty.', false],
      ['II.2.2.1', 'subitem', null, 'Mỗi tháng ít nhất 04 tin, bài.', true],
      ['II.2.3', 'item', null, 'Tổ chức hội thi “Tìm hiểu pháp luật lao động” nhân Tháng Công nhân năm 2025.', true],
      ['III', 'section', 'III', 'TỔ CHỨC THỰC HIỆN', false],
      ['III.1', 'item', null, 'Ban Chấp hành Công đoàn cơ sở phân công đồng chí Phó Chủ tịch phụ trách, chủ động phối hợp với Phòng Nhân sự Công ty bố trí thời gian, địa điểm.', true],
      ['III.2', 'item', null, 'Các tổ công đoàn vận động đoàn viên, người lao động tham gia đầy đủ.', true],
      ['III.3', 'item', null, 'Báo cáo kết quả về Liên đoàn Lao động huyện trước ngày 15/6/2025 và 15/11/2025.', true],
    ]);
  });

  it('separates closing, recipients and signature', () => {
    expect(plan.closing).toMatch(/^Trên đây là Kế hoạch tuyên truyền/);
    expect(plan.recipients).toEqual(['LĐLĐ huyện (b/c)', 'Ban Giám đốc Công ty (p/h)', 'Các tổ công đoàn', 'Lưu: VT']);
    expect(plan.signature).toEqual(['TM. BAN CHẤP HÀNH', 'CHỦ TỊCH', 'Nguyễn Thị Hồng Nhung']);
    expect(plan.warnings).toEqual([
      'Đã nối đoạn bị ngắt trang: “…hội năm 2024 và Luật Thực hiện dân chủ ở” + “cơ sở năm 2022.”.',
    ]);
  });
});

describe('plain text copied from Word (ke-hoach-thang-cong-nhan-word.txt)', () => {
  const text = read('ke-hoach-thang-cong-nhan-word.txt');
  const plan = parsePlan(text);

  it('reads the header lines', () => {
    expect(plan.header.parentBody).toBe('LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH');
    expect(plan.header.issuingBody).toBe('LĐLĐ HUYỆN DƯƠNG MINH CHÂU');
    expect(plan.header.number).toBe('21/KH-LĐLĐ');
    expect(plan.header.placeAndDate).toBe('Dương Minh Châu, ngày 05 tháng 3 năm 2025');
    expect(plan.header.documentType).toBe('KẾ HOẠCH');
    expect(plan.header.title).toBe(
      'Tổ chức các hoạt động Tháng Công nhân và Tháng hành động về an toàn, vệ sinh lao động năm 2025',
    );
    expect(plan.header.implements).toEqual([
      'Kế hoạch số 35/KH-LĐLĐ, ngày 28/02/2025',
      'Hướng dẫn số 12/HD-TLĐ, ngày 20/02/2025',
    ]);
    expect(plan.header.preamble).toMatch(/^Thực hiện Kế hoạch số 35\/KH-LĐLĐ.*xây dựng kế hoạch như sau:$/);
  });

  it('reads single-newline paragraphs and the "1.1.", "+", "a)" sub-levels', () => {
    const expected: [string, string, string | null, string, boolean][] = [
      ['I', 'section', 'I', 'MỤC ĐÍCH, YÊU CẦU', false],
      ['I.1', 'item', null, 'Tổ chức các hoạt động thiết thực chăm lo', false],
      ['I.2', 'item', null, 'Hoạt động an toàn, tiết kiệm, hiệu quả.', false],
      ['II', 'section', 'II', 'NHIỆM VỤ', false],
      ['II.1', 'group', '1', 'Công tác tuyên truyền', false],
      ['II.1.1', 'item', '1.1', 'Treo băng rôn, khẩu hiệu tại trụ sở và cá', true],
      ['II.1.2', 'item', '1.2', 'Tuyên truyền trên Trang thông tin điện tử', true],
      ['II.2', 'group', '2', 'Hoạt động chăm lo cho đoàn viên, người la', false],
      ['II.2.1', 'item', null, 'Tổ chức chương trình “Bữa cơm Công đoàn” ', false],
      ['II.2.1.1', 'subitem', null, 'Công ty TNHH Giày da Hoa Hải: 200 suất;', true],
      ['II.2.1.2', 'subitem', null, 'Công ty Cổ phần Cao su Tân Biên: 150 suất', true],
      ['II.2.2', 'item', null, 'Thăm, tặng quà đoàn viên có hoàn cảnh khó', true],
      ['II.3', 'group', '3', 'Hoạt động an toàn, vệ sinh lao động', false],
      ['II.3.1', 'item', 'a', 'Phối hợp với Phòng Lao động - Thương binh', true],
      ['II.3.2', 'item', 'b', 'Tổ chức tập huấn nghiệp vụ cho an toàn, v', true],
      ['III', 'section', 'III', 'TỔ CHỨC THỰC HIỆN', false],
      // Numbered entries without children in a section: a numbered task list.
      ['III.1', 'item', '1', 'Ban Tuyên giáo - Nữ công chủ trì, tham mư', true],
      ['III.2', 'item', '2', 'Các công đoàn cơ sở căn cứ kế hoạch xây d', true],
    ];
    const got = outline(plan.sections);
    expect(got.map(([id, kind, label, , tr]) => [id, kind, label, tr])).toEqual(
      expected.map(([id, kind, label, , tr]) => [id, kind, label, tr]),
    );
    got.forEach(([id, , , text], i) => expect(`${id} ${text}`).toContain(`${id} ${expected[i]![3]}`));
  });

  it('joins the lower-case continuation line and reads the tab-separated closing table', () => {
    const joined = plan.sections[1]!.children[1]!.children[1]!;
    expect(joined.text).toBe(
      'Thăm, tặng quà đoàn viên có hoàn cảnh khó khăn, bị tai nạn lao động, bệnh nghề nghiệp; mỗi suất quà trị giá 500.000 đồng do Liên đoàn Lao động huyện và công đoàn cơ sở cùng đảm bảo.',
    );
    expect(plan.warnings.filter((w) => w.startsWith('Đã nối'))).toHaveLength(1);
    expect(plan.recipients).toEqual(['TT LĐLĐ tỉnh', 'TT Huyện ủy', 'Các CĐCS', 'Lưu: VT']);
    expect(plan.signature).toEqual(['TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH', 'Trần Văn Bình']);
    expect(plan.closing).toMatch(/^Trên đây là Kế hoạch tổ chức các hoạt động Tháng Công nhân/);
  });

  it('reads the header when Word copied it as a two-column table (tabs)', () => {
    const tabbed = text.replace(
      'LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH\nLĐLĐ HUYỆN DƯƠNG MINH CHÂU\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 21/KH-LĐLĐ\nDương Minh Châu, ngày 05 tháng 3 năm 2025',
      'LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nLĐLĐ HUYỆN DƯƠNG MINH CHÂU\tĐộc lập - Tự do - Hạnh phúc\n----------\t---------------\nSố: 21/KH-LĐLĐ\tDương Minh Châu, ngày 05 tháng 3 năm 2025',
    );
    expect(tabbed).not.toBe(text);
    const p = parsePlan(tabbed);
    expect(p.header).toEqual(plan.header);
    expect(p.sections).toEqual(plan.sections);
  });

  it('gives the same tree when the same text comes with blank lines between paragraphs', () => {
    const p = parsePlan(text.replace(/\n/g, '\n\n'));
    expect(p.sections).toEqual(plan.sections);
    expect(p.recipients).toEqual(plan.recipients);
  });
});

describe('Word file made by LibreOffice (ke-hoach-nam-hoc-truong.docx)', () => {
  it('converts to plan text keeping list numbers, bullets, bold and the header table', async () => {
    const bytes = readFileSync(resolve(FIXTURES, 'ke-hoach-nam-hoc-truong.docx'));
    const text = await docxToPlanText(new Uint8Array(bytes));
    expect(text).toContain('LĐLĐ HUYỆN DƯƠNG MINH CHÂU\t**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**');
    expect(text).toContain('## II. NHIỆM VỤ VÀ GIẢI PHÁP');
    expect(text).toContain('1. **Chăm lo đời sống, bảo vệ quyền lợi của đoàn viên**');
    // Word continues the numbering after the interrupting paragraph; mammoth restarts its <ol>.
    expect(text).toContain('2. **Phong trào thi đua**');
    expect(text).toContain('- Tham gia Hội thi giáo viên dạy giỏi cấp huyện.');
    // The same from an ArrayBuffer, as the browser passes it.
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    expect(await docxToPlanText(ab)).toBe(text);
  });

  it('parses to the expected tree', async () => {
    const bytes = readFileSync(resolve(FIXTURES, 'ke-hoach-nam-hoc-truong.docx'));
    const plan = parsePlan(await docxToPlanText(bytes));
    expect(plan.header).toEqual({
      parentBody: 'LĐLĐ HUYỆN DƯƠNG MINH CHÂU',
      issuingBody: 'CÔNG ĐOÀN TRƯỜNG THCS PHAN BỘI CHÂU',
      number: '08/KH-CĐ',
      placeAndDate: 'Phước Minh, ngày 20 tháng 9 năm 2024',
      documentType: 'KẾ HOẠCH',
      title: 'Hoạt động Công đoàn năm học 2024 - 2025',
      implements: ['Hướng dẫn số 25/HD-LĐLĐ, ngày 05/9/2024'],
      preamble:
        'Căn cứ Hướng dẫn số 25/HD-LĐLĐ, ngày 05/9/2024 của Liên đoàn Lao động huyện Dương Minh Châu về nhiệm vụ công tác công đoàn khối giáo dục năm học 2024 - 2025, Ban Chấp hành Công đoàn trường xây dựng kế hoạch như sau:',
    });
    expect(outline(plan.sections)).toEqual([
      ['I', 'section', 'I', 'MỤC ĐÍCH, YÊU CẦU', false],
      ['I.1', 'item', null, 'Chăm lo, bảo vệ quyền, lợi ích hợp pháp, chính đáng của đoàn viên.', false],
      ['I.2', 'item', null, 'Phối hợp với chuyên môn hoàn thành tốt nhiệm vụ năm học.', false],
      ['II', 'section', 'II', 'NHIỆM VỤ VÀ GIẢI PHÁP', false],
      ['II.1', 'group', '1', 'Chăm lo đời sống, bảo vệ quyền lợi của đoàn viên', false],
      ['II.1.1', 'item', null, 'Phối hợp với Ban Giám hiệu tổ chức Hội nghị cán bộ, công chức, viên chức đầu năm học.', true],
      ['II.1.2', 'item', null, 'Thăm hỏi đoàn viên ốm đau, gia đình có việc hiếu, hỷ theo quy chế.', true],
      ['II.1.3', 'item', null, 'Vận động đoàn viên tham gia quỹ “Mái ấm Công đoàn” năm 2024.', true],
      ['II.2', 'group', '2', 'Phong trào thi đua', false],
      ['II.2.1', 'item', null, 'Tổ chức phong trào thi đua “Giỏi việc trường, đảm việc nhà”.', true],
      ['II.2.2', 'item', null, 'Tham gia Hội thi giáo viên dạy giỏi cấp huyện.', true],
      ['III', 'section', 'III', 'TỔ CHỨC THỰC HIỆN', false],
      ['III.1', 'item', null, 'Ban Chấp hành Công đoàn phân công nhiệm vụ cho từng ủy viên.', true],
      ['III.2', 'item', null, 'Báo cáo kết quả về Liên đoàn Lao động huyện định kỳ 6 tháng, năm.', true],
    ]);
    expect(plan.closing).toBe(
      'Trên đây là Kế hoạch hoạt động Công đoàn năm học 2024 - 2025 của Công đoàn trường THCS Phan Bội Châu./.',
    );
    expect(plan.recipients).toEqual(['LĐLĐ huyện', 'Ban Giám hiệu', 'Lưu: VT']);
    expect(plan.signature).toEqual(['TM. BAN CHẤP HÀNH', 'CHỦ TỊCH', 'Lê Thị Thu Hà']);
    expect(plan.warnings).toEqual([]);
    expect(trackableItems(plan)).toHaveLength(7);
  });

  it('rejects bytes that are not a Word file', async () => {
    await expect(docxToPlanText(new Uint8Array([1, 2, 3]))).rejects.toThrow();
  });
});

describe('htmlToPlanText', () => {
  it('numbers auto-numbered lists: capitals as Roman sections, nested lists below them', () => {
    const list =
      '<ol><li>MỤC ĐÍCH</li><li>NHIỆM VỤ<ol><li>Tuyên truyền<ol><li>Treo băng rôn.</li></ol><ul><li>Một.</li><li>Hai<ul><li>Con.</li></ul></li></ul></li></ol></li></ol>';
    const html =
      list +
      '<p>A &amp; B &lt;3&gt; &#7889;<br />dòng hai</p>';
    expect(htmlToPlanText(html)).toBe(
      ['I. MỤC ĐÍCH', 'II. NHIỆM VỤ', '1. Tuyên truyền', '1.1. Treo băng rôn.', '- Một.', '- Hai', '+ Con.', 'A & B <3> ố  \ndòng hai'].join(
        '\n\n',
      ) + '\n',
    );
    const plan = parsePlan(htmlToPlanText(list));
    expect(outline(plan.sections).map(([id, kind, label]) => `${id} ${kind} ${label ?? ''}`.trim())).toEqual([
      'I section I',
      'II section II',
      'II.1 group 1',
      'II.1.1 item 1.1',
      'II.1.1.1 subitem',
      'II.1.1.2 subitem',
      'II.1.1.3 subitem',
    ]);
  });
});
