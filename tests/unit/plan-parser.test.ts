import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '@domain/plan-parser';
import { trackableItems, walkPlan } from '@domain/plan-tree';
import type { ParsedPlan, PlanNode } from '@domain/plan-types';

const SEED_PATH = resolve(import.meta.dirname, '../../resources/plans/ke-hoach-63-KH-LDLD.md');
const seed = readFileSync(SEED_PATH, 'utf8');
const plan = parsePlan(seed);

function items(p: ParsedPlan): PlanNode[] {
  const out: PlanNode[] = [];
  walkPlan(p, (n) => {
    if (n.kind === 'item' || n.kind === 'subitem') out.push(n);
  });
  return out;
}

const SEED_ITEM_IDS = [
  'I.1', 'I.2', 'I.3', 'I.4',
  'II.1',
  'III.1.1', 'III.1.2', 'III.1.3', 'III.1.4', 'III.1.5', 'III.1.6', 'III.1.7', 'III.1.8',
  'III.2.1', 'III.2.2', 'III.2.3', 'III.2.4', 'III.2.5', 'III.2.6',
  'III.3.1', 'III.3.2', 'III.3.3',
  'III.4.1', 'III.4.2',
  'III.5.1', 'III.5.2', 'III.5.3',
  'III.6.1', 'III.6.2', 'III.6.3',
  'IV.1', 'IV.2', 'IV.3',
];

describe('parsePlan on the seed (Kế hoạch 63/KH-LĐLĐ)', () => {
  it('reads the header; the seed has no issuing or parent body', () => {
    expect(plan.header.issuingBody).toBeNull();
    expect(plan.header.parentBody).toBeNull();
    expect(plan.header.number).toBe('63/KH-LĐLĐ');
    expect(plan.header.placeAndDate).toBe('Huyện DMC, ngày tháng 8 năm 2024');
    expect(plan.header.documentType).toBe('KẾ HOẠCH');
    expect(plan.header.title).toMatch(/^Thực hiện Chương trình hành động số 01-CTHĐ\/ĐĐTLĐ của Đảng đoàn/);
    expect(plan.header.title).toMatch(/xây dựng đất nước ta ngày càng phồn vinh, hạnh phúc”$/);
    expect(plan.header.title).not.toContain('*');
    expect(plan.header.preamble).toMatch(/^Thực hiện Kế hoạch số 107\/KH-LĐLĐ, ngày 14\/8\/2024/);
    expect(plan.header.preamble).toMatch(/xây dựng kế hoạch thực hiện như sau:$/);
    expect(plan.header.implements).toEqual([
      'Chương trình hành động số 01-CTHĐ/ĐĐTLĐ',
      'Chương trình hành động số 233-CTr/TU',
      'Nghị quyết số 43-NQ/TW, ngày 24/11/2023',
      'Kế hoạch số 107/KH-LĐLĐ, ngày 14/8/2024',
    ]);
  });

  it('finds sections I–IV whatever their heading level and bold', () => {
    expect(plan.sections.map((s) => [s.id, s.kind, s.label, s.text, s.trackable])).toEqual([
      ['I', 'section', 'I', 'MỤC ĐÍCH, YÊU CẦU', false],
      ['II', 'section', 'II', 'MỤC TIÊU', false],
      ['III', 'section', 'III', 'NHIỆM VỤ VÀ GIẢI PHÁP', false],
      ['IV', 'section', 'IV', 'TỔ CHỨC THỰC HIỆN', false],
    ]);
  });

  it('finds task groups III.1–III.6 with their titles', () => {
    const groups = plan.sections[2]!.children;
    expect(groups.every((g) => g.kind === 'group' && !g.trackable)).toBe(true);
    expect(groups.map((g) => [g.id, g.label, g.text.split(' ').slice(0, 6).join(' ')])).toEqual([
      ['III.1', '1', 'Tăng cường tuyên truyền, giáo dục'],
      ['III.2', '2', 'Tham gia xây dựng, hoàn thiện'],
      ['III.3', '3', 'Tham gia đào tạo, bồi dưỡng'],
      ['III.4', '4', 'Đổi mới tổ chức và hoạt'],
      ['III.5', '5', 'Phát huy vai trò nòng cốt'],
      ['III.6', '6', 'Nâng cao chất lượng và đẩy'],
    ]);
    expect(groups[1]!.text).toBe(
      'Tham gia xây dựng, hoàn thiện chính sách, pháp luật bảo đảm quyền, lợi ích hợp pháp, chính đáng của CNLĐ; phát triển đa dạng, hiệu quả các hoạt động chăm lo đời sống vật chất, tinh thần cho đoàn viên, CNLĐ',
    );
    expect(groups[0]!.text.endsWith('tự tôn dân tộc cho công nhân lao động')).toBe(true);
  });

  it('lists all 33 items in order, with position ids', () => {
    const all = items(plan);
    expect(all).toHaveLength(33);
    expect(all.map((n) => n.id)).toEqual(SEED_ITEM_IDS);
    expect(all.every((n) => n.kind === 'item' && n.label === null && n.children.length === 0)).toBe(true);
  });

  it('makes the items of III and IV trackable, and only those', () => {
    const tracked = trackableItems(plan).map((n) => n.id);
    expect(tracked).toEqual(SEED_ITEM_IDS.filter((id) => id.startsWith('III.') || id.startsWith('IV.')));
    expect(tracked).toHaveLength(28);
  });

  it('keeps the reporting duty as IV.3, trackable', () => {
    const iv3 = plan.sections[3]!.children[2]!;
    expect(iv3).toEqual({
      id: 'IV.3',
      kind: 'item',
      label: null,
      text: 'Báo cáo kết quả thực hiện về Liên đoàn Lao động tỉnh (qua Ban Tuyên giáo - Nữ công) định kỳ 6 tháng, năm theo quy định.',
      trackable: true,
      children: [],
    });
  });

  it('makes the paragraph that lost its bullet an item of its own in III.1', () => {
    const item = plan.sections[2]!.children[0]!.children[3]!;
    expect(item.id).toBe('III.1.4');
    expect(item.text).toMatch(/^Các Công đoàn cơ sở thực hiện tốt chức năng giám sát việc thực hiện Luật Thực hiện dân chủ ở cơ sở;/);
    expect(item.text).toMatch(/sự gắn kết giữa người lao động với tổ chức công đoàn\.$/);
    expect(item.trackable).toBe(true);
  });

  it('takes II. MỤC TIÊU as the paragraph item II.1, not trackable', () => {
    const ii1 = plan.sections[1]!.children[0]!;
    expect(ii1.id).toBe('II.1');
    expect(ii1.kind).toBe('item');
    expect(ii1.trackable).toBe(false);
    expect(ii1.text).toMatch(/^Đổi mới mạnh mẽ tổ chức và hoạt động Công đoàn;/);
  });

  it('joins both page-break splits with one space and says so', () => {
    const i3 = plan.sections[0]!.children[2]!;
    expect(i3.text).toContain('Tổng Liên đoàn Lao động Việt Nam, Nghị quyết Đại hội X Công đoàn tỉnh');
    expect(i3.text.endsWith('Nghị quyết Đại hội X Công đoàn huyện Dương Minh Châu.')).toBe(true);
    const iii51 = plan.sections[2]!.children[4]!.children[0]!;
    expect(iii51.text).toContain('Chủ động tham mưu với Đảng lãnh đạo công tác phát triển, nâng cao hiệu quả hoạt động');
    expect(plan.warnings).toHaveLength(2);
    expect(plan.warnings[0]).toMatch(/^Đã nối đoạn bị ngắt trang: .*Lao động Việt” \+ “Nam, Nghị quyết/);
    expect(plan.warnings[1]).toMatch(/^Đã nối đoạn bị ngắt trang: .*công tác phát” \+ “triển, nâng cao/);
  });

  it('keeps the closing, recipients and signature out of the items', () => {
    expect(plan.closing).toMatch(/^Trên đây là Kế hoạch thực hiện Chương trình hành động số 01-CTHĐ\/ĐĐTLĐ/);
    expect(plan.closing).toMatch(/của Ban Thường vụ Liên đoàn Lao động huyện\.\/\.$/);
    expect(plan.closing).not.toContain('*');
    expect(plan.recipients).toEqual([
      'TT LĐLĐ tỉnh',
      'Ban TG-NC LĐLĐ tỉnh',
      'TT Huyện ủy',
      'Ban Dân vận Huyện ủy',
      'Ban Tuyên giáo Huyện ủy',
      'Các công đoàn cơ sở',
      'Website LĐLĐ huyện',
      'Lưu: VP',
    ]);
    expect(plan.signature).toEqual(['TM. BAN THƯỜNG VỤ', 'PHÓ CHỦ TỊCH']);
    const texts = items(plan).map((n) => n.text);
    for (const t of texts) {
      expect(t).not.toMatch(/^(Trên đây là|Nơi nhận|TT LĐLĐ tỉnh|TM\. BAN|PHÓ CHỦ TỊCH|Lưu)/);
      expect(t).not.toMatch(/[*#]/);
    }
  });

  it('stores NFC text with typographic quotes kept', () => {
    walkPlan(plan, (n) => {
      expect(n.text).toBe(n.text.normalize('NFC'));
    });
    expect(plan.sections[2]!.children[0]!.children[1]!.text).toContain(
      '“Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”',
    );
  });

  // The expected texts are derived from the seed by a separate, deliberately naive route: split on
  // blank lines, keep the body between the first section heading and "Trên đây là", drop headings,
  // strip "- " and asterisks, and glue a paragraph that does not end a sentence to the next.
  it('keeps every item word for word', () => {
    const paragraphs = seed.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    const start = paragraphs.findIndex((p) => /^#+\s*I\./.test(p));
    const end = paragraphs.findIndex((p) => p.startsWith('Trên đây là'));
    const expected: string[] = [];
    let open = false;
    for (const p of paragraphs.slice(start, end)) {
      if (p.startsWith('#')) {
        open = false;
        continue;
      }
      const text = p.replace(/^- /, '').replace(/\*/g, '').replace(/\s+/g, ' ').trim();
      if (open) expected[expected.length - 1] += ` ${text}`;
      else expected.push(text);
      open = !/[.;:!?”…]$/.test(text);
    }
    expect(expected).toHaveLength(33);
    expect(items(plan).map((n) => n.text)).toEqual(expected);
  });
});

describe('parsePlan on other input', () => {
  it('parses the seed in NFD to the identical NFC tree', () => {
    const nfd = seed.normalize('NFD');
    expect(nfd).not.toBe(seed);
    expect(parsePlan(nfd)).toEqual(plan);
  });

  it('parses the seed with Windows line endings to the identical tree', () => {
    expect(parsePlan(seed.replace(/\n/g, '\r\n'))).toEqual(plan);
  });

  it('gives an empty plan with warnings for empty or garbage input, never throwing', () => {
    for (const input of ['', '   \n\n\t', 'asdf qwer zxcv', '#### **', '- - -\n***\n___', '\u0000\uffff\ud800', '1.\n\n2.\n']) {
      const p = parsePlan(input);
      expect(p.warnings.length).toBeGreaterThan(0);
      expect(items(p)).toEqual([]);
      expect(trackableItems(p)).toEqual([]);
    }
    expect(parsePlan('').sections).toEqual([]);
    expect(parsePlan(undefined as unknown as string).warnings).toEqual(['Văn bản trống.']);
    expect(parsePlan(null as unknown as string).sections).toEqual([]);
  });

  it('survives random and huge input', () => {
    let seedState = 42;
    const rnd = (): number => {
      seedState = (seedState * 1103515245 + 12345) & 0x7fffffff;
      return seedState / 0x7fffffff;
    };
    const alphabet = 'aăâbcdđeêghiklmnoôơpqrstuưvxyIVX0123456789 .,;:-*+#_\\()“”\n\n\t';
    for (let round = 0; round < 50; round++) {
      let s = '';
      const len = Math.floor(rnd() * 2000);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      expect(() => parsePlan(s)).not.toThrow();
    }
    const huge = seed.repeat(40) + '*'.repeat(100_000) + '_'.repeat(100_000) + '- '.repeat(50_000);
    // No backtracking blow-up: a pathological text parses within the test's own timeout.
    const p = parsePlan(huge);
    // The first copy's closing ends the plan; the rest is reported, not appended to the signature.
    expect(p.sections).toHaveLength(4);
    expect(items(p)).toHaveLength(33);
    expect(p.signature).toEqual(['TM. BAN THƯỜNG VỤ', 'PHÓ CHỦ TỊCH']);
    expect(p.warnings.some((w) => w.startsWith('Bỏ qua'))).toBe(true);
  });

  it('trusts numbering over heading levels and strips markdown', () => {
    const p = parsePlan(
      [
        '# I. MỤC ĐÍCH',
        '',
        '###### - not a bullet but text',
        '',
        '##### **II. NHIỆM VỤ**',
        '',
        '# **1.** Nhóm một',
        '',
        '- ***Tổ chức*** hội nghị `quán triệt` [Nghị quyết](https://example.org) \\*đặc biệt\\*.',
        '',
        'III. TỔ CHỨC THỰC HIỆN',
        '',
        '• Báo cáo __kết quả__ định kỳ.  ',
      ].join('\n'),
    );
    expect(p.sections.map((s) => s.text)).toEqual(['MỤC ĐÍCH', 'NHIỆM VỤ', 'TỔ CHỨC THỰC HIỆN']);
    expect(p.sections[1]!.children[0]!.text).toBe('Nhóm một');
    expect(p.sections[1]!.children[0]!.children[0]!.text).toBe(
      'Tổ chức hội nghị quán triệt Nghị quyết *đặc biệt*.',
    );
    expect(p.sections[2]!.children[0]!.text).toBe('Báo cáo kết quả định kỳ.');
    expect(trackableItems(p).map((n) => n.id)).toEqual(['II.1.1', 'III.1']);
  });

  it('does not take "V/v …" (về việc) for section V', () => {
    const p = parsePlan('Số: 5/KH-CĐ\nV/v tổ chức hội nghị\nI. NHIỆM VỤ\n- Tổ chức hội nghị.');
    expect(p.sections.map((s) => s.label)).toEqual(['I']);
    expect(p.header.number).toBe('5/KH-CĐ');
  });

  it('falls back to the numerals III and IV when no section title says what is tracked', () => {
    const p = parsePlan('I. A\n- một.\nII. B\n- hai.\nIII. C\n- ba.\nIV. D\n- bốn.\nV. E\n- năm.');
    expect(trackableItems(p).map((n) => n.id)).toEqual(['III.1', 'IV.1']);
  });

  it('takes arabic numbers as sections when the plan has no Roman numerals', () => {
    const p = parsePlan('KẾ HOẠCH\nThi đua năm 2025\n1. MỤC ĐÍCH\n- Động viên đoàn viên.\n2. NHIỆM VỤ\n- Phát động thi đua.\n- Khen thưởng.');
    expect(p.sections.map((s) => [s.id, s.label, s.text])).toEqual([
      ['I', '1', 'MỤC ĐÍCH'],
      ['II', '2', 'NHIỆM VỤ'],
    ]);
    expect(trackableItems(p).map((n) => n.text)).toEqual(['Phát động thi đua.', 'Khen thưởng.']);
    expect(p.warnings[0]).toMatch(/La Mã/);
  });

  it('does not join a lost bullet starting with a capital after an item without final punctuation in a loosely punctuated text', () => {
    const p = parsePlan('II. NHIỆM VỤ\n- Tổ chức hội nghị\nTuyên truyền trên loa phát thanh\n- Tập huấn cán bộ');
    expect(items(p).map((n) => n.text)).toEqual([
      'Tổ chức hội nghị',
      'Tuyên truyền trên loa phát thanh',
      'Tập huấn cán bộ',
    ]);
    expect(p.warnings).toEqual([]);
  });
});

describe('plans in other shapes (QA cases)', () => {
  const outline = (p: ParsedPlan): string[] => {
    const out: string[] = [];
    walkPlan(p, (n) => {
      out.push(`${n.id} ${n.kind}${n.trackable ? ' T' : ''} ${n.text}`);
    });
    return out;
  };

  it('reads a Word-table header with CRLF and tabs, a two-line title, and a childless "1)" beside one with bullets', () => {
    const text = [
      'LIÊN ĐOÀN LAO ĐỘNG HUYỆN DƯƠNG MINH CHÂU\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'CÔNG ĐOÀN CƠ SỞ TRƯỜNG THCS PHAN ĐÌNH PHÙNG\tĐộc lập - Tự do - Hạnh phúc',
      'Số: 12/KH-CĐCS\tDương Minh Châu, ngày 5 tháng 3 năm 2025',
      'KẾ HOẠCH',
      'Tổ chức các hoạt động chào mừng ngày Quốc tế Phụ nữ 8/3',
      'và kỷ niệm 50 năm ngày Giải phóng miền Nam',
      'Thực hiện Kế hoạch số 20/KH-LĐLĐ ngày 1/3/2025 của LĐLĐ huyện, Ban Chấp hành CĐCS xây dựng kế hoạch như sau:',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '●\tTạo không khí vui tươi, phấn khởi.',
      'II. NỘI DUNG',
      '1) Tổ chức gặp mặt nữ đoàn viên ngày 8/3.',
      '2) Tổ chức thi cắm hoa.',
      '◦\tMỗi tổ chuyên môn một đội.',
      '3) Tổng kết, trao giải.',
      'III. TỔ CHỨC THỰC HIỆN',
      '- Báo cáo kết quả về LĐLĐ huyện trước ngày 20/3/2025.',
      'Nơi nhận:\tTM. BAN CHẤP HÀNH',
      '- LĐLĐ huyện;\tCHỦ TỊCH',
      '- Lưu: VT.',
      '\tNguyễn Văn A',
    ].join('\r\n');
    const p = parsePlan(text);
    expect(p.header.number).toBe('12/KH-CĐCS');
    expect(p.header.placeAndDate).toBe('Dương Minh Châu, ngày 5 tháng 3 năm 2025');
    expect(p.header.title).toBe(
      'Tổ chức các hoạt động chào mừng ngày Quốc tế Phụ nữ 8/3 và kỷ niệm 50 năm ngày Giải phóng miền Nam',
    );
    expect(p.header.preamble).toMatch(/^Thực hiện Kế hoạch số 20/);
    expect(outline(p)).toEqual([
      'I section MỤC ĐÍCH, YÊU CẦU',
      'I.1 item Tạo không khí vui tươi, phấn khởi.',
      'II section NỘI DUNG',
      // A task of its own, trackable, not an empty group nobody can tick off.
      'II.1 item T Tổ chức gặp mặt nữ đoàn viên ngày 8/3.',
      'II.2 group Tổ chức thi cắm hoa.',
      'II.2.1 item T Mỗi tổ chuyên môn một đội.',
      // After a group, an item would belong to that group in the preview's outline: stays a group.
      'II.3 group Tổng kết, trao giải.',
      'III section TỔ CHỨC THỰC HIỆN',
      'III.1 item T Báo cáo kết quả về LĐLĐ huyện trước ngày 20/3/2025.',
    ]);
    expect(p.recipients).toEqual(['LĐLĐ huyện', 'Lưu: VT']);
    expect(p.signature).toEqual(['TM. BAN CHẤP HÀNH', 'CHỦ TỊCH', 'Nguyễn Văn A']);
  });

  it('reads numerals typed with a dash: "I- MỤC ĐÍCH", "1- Tuyên truyền", "III-" with the title below', () => {
    const p = parsePlan(
      [
        'KẾ HOẠCH',
        'Về công tác nữ công năm 2025',
        'I- MỤC ĐÍCH',
        '- Nâng cao nhận thức.',
        'II- NHIỆM VỤ',
        '1- Tuyên truyền',
        '-\tTreo băng rôn.',
        '2 - Chăm lo',
        '-\tThăm hỏi đoàn viên.',
        '5 - 10 đoàn viên mỗi đợt được thăm hỏi.',
        'III-',
        'TỔ CHỨC THỰC HIỆN',
        '- Báo cáo kết quả.',
        'Nơi nhận:',
        '- Như trên;',
        'TM. BAN THƯỜNG VỤ',
        'CHỦ TỊCH',
        'Nguyễn Văn A',
      ].join('\n'),
    );
    expect(p.header.preamble).toBeNull();
    expect(outline(p)).toEqual([
      'I section MỤC ĐÍCH',
      'I.1 item Nâng cao nhận thức.',
      'II section NHIỆM VỤ',
      'II.1 group Tuyên truyền',
      'II.1.1 item T Treo băng rôn.',
      'II.2 group Chăm lo',
      'II.2.1 item T Thăm hỏi đoàn viên.',
      'II.2.2 item T 5 - 10 đoàn viên mỗi đợt được thăm hỏi.',
      'III section TỔ CHỨC THỰC HIỆN',
      'III.1 item T Báo cáo kết quả.',
    ]);
    expect(p.signature).toEqual(['TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH', 'Nguyễn Văn A']);
  });

  it('reads "Số 15/KH-LĐLĐ" typed without the colon, and an "H." place line is not a part', () => {
    const p = parsePlan(
      [
        'LĐLĐ HUYỆN DƯƠNG MINH CHÂU',
        'Số 15/KH-LĐLĐ',
        'H. Dương Minh Châu, ngày 05 tháng 3 năm 2025',
        'KẾ HOẠCH',
        'Tổ chức hội thi',
        'I. MỤC ĐÍCH',
        '- Một.',
        'II. NHIỆM VỤ',
        '- Tuyên truyền.',
      ].join('\n'),
    );
    expect(p.header.number).toBe('15/KH-LĐLĐ');
    expect(p.header.placeAndDate).toBe('H. Dương Minh Châu, ngày 05 tháng 3 năm 2025');
    expect(p.header.issuingBody).toBe('LĐLĐ HUYỆN DƯƠNG MINH CHÂU');
    expect(p.warnings).toEqual([]);
  });

  it('never makes a task of a signature typed "T/M …" or "TM …" without the dot, in sentence case, or after "./."', () => {
    const body = ['KẾ HOẠCH', 'Tên', 'I. MỤC ĐÍCH', '- Một.', 'II. NHIỆM VỤ', '- Tuyên truyền.', '- Báo cáo kết quả.'];
    const tasks = (closing: string[], last = '- Báo cáo kết quả.') =>
      trackableItems(parsePlan([...body.slice(0, -1), last, ...closing].join('\n'))).map((n) => `${n.id} ${n.text}`);
    const expected = ['II.1 Tuyên truyền.', 'II.2 Báo cáo kết quả.'];
    expect(tasks(['T/M BAN CHẤP HÀNH', 'CHỦ TỊCH', 'Nguyễn Văn A'])).toEqual(expected);
    expect(tasks(['TM BAN THƯỜNG VỤ', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn A'])).toEqual(expected);
    expect(tasks(['TM. Ban Thường vụ', 'Phó Chủ tịch', 'Nguyễn Văn A'])).toEqual(expected);
    expect(tasks(['Nguyễn Văn A'], '- Báo cáo kết quả./.')).toEqual(['II.1 Tuyên truyền.', 'II.2 Báo cáo kết quả./.']);
    expect(parsePlan([...body, 'T/M BAN CHẤP HÀNH', 'CHỦ TỊCH', 'Nguyễn Văn A'].join('\n')).signature).toEqual([
      'T/M BAN CHẤP HÀNH',
      'CHỦ TỊCH',
      'Nguyễn Văn A',
    ]);
    // A stray "./." with sections after it does not end the plan.
    const stray = parsePlan(['I. MỤC ĐÍCH', '- Một./.', 'II. NHIỆM VỤ', '- Hai.'].join('\n'));
    expect(stray.sections.map((s) => s.id)).toEqual(['I', 'II']);
  });

  it('joins bullets cut before a capital in text copied from a PDF (lines cut mid-sentence)', () => {
    const p = parsePlan(
      [
        'KẾ HOẠCH',
        'Tên',
        'I. MỤC ĐÍCH',
        '- Nâng cao nhận thức của đoàn viên.',
        '- Tổ chức thiết thực.',
        'II. NHIỆM VỤ',
        '- Tổ chức tuyên truyền Nghị quyết số 43-NQ/TW đến cán bộ, đoàn viên của',
        'Liên đoàn Lao động huyện và các công đoàn cơ sở.',
        '- Phối hợp với Ban Tuyên giáo Huyện ủy tổ chức hội nghị cho cán bộ chủ chốt',
        'Công đoàn các cấp trong huyện.',
        '- Báo cáo kết quả về LĐLĐ tỉnh.',
      ].join('\n'),
    );
    expect(trackableItems(p).map((n) => n.text)).toEqual([
      'Tổ chức tuyên truyền Nghị quyết số 43-NQ/TW đến cán bộ, đoàn viên của Liên đoàn Lao động huyện và các công đoàn cơ sở.',
      'Phối hợp với Ban Tuyên giáo Huyện ủy tổ chức hội nghị cho cán bộ chủ chốt Công đoàn các cấp trong huyện.',
      'Báo cáo kết quả về LĐLĐ tỉnh.',
    ]);
    // A list that habitually omits the final punctuation keeps a capitalised line as an item.
    const bare = parsePlan(['I. NHIỆM VỤ', '- Tuyên truyền', 'Kiểm tra', '- Báo cáo', '- Tổng kết'].join('\n'));
    expect(trackableItems(bare).map((n) => n.text)).toEqual(['Tuyên truyền', 'Kiểm tra', 'Báo cáo', 'Tổng kết']);
  });

  it('reads "PHẦN I." sections and "A." / "B." parts holding numbered tasks', () => {
    const p = parsePlan(
      [
        'KẾ HOẠCH',
        'Hoạt động năm 2025',
        '',
        'PHẦN I. MỤC ĐÍCH YÊU CẦU',
        '',
        'Nâng cao chất lượng hoạt động.',
        '',
        'PHẦN II- NHIỆM VỤ',
        '',
        'A. Công tác tuyên truyền',
        '',
        '1. Tuyên truyền Nghị quyết.',
        '',
        '- Qua trang thông tin điện tử.',
        '',
        '2. Tổ chức hội nghị.',
        '',
        'B. Công tác thi đua',
        '',
        '1. Phát động thi đua.',
        '',
        'Trên đây là kế hoạch.',
        '',
        'Nơi nhận:',
        '- Như trên;',
        '- Lưu VT.',
        '',
        'TM. BAN CHẤP HÀNH',
        'CHỦ TỊCH',
        'Nguyễn Văn A',
      ].join('\n'),
    );
    expect(outline(p)).toEqual([
      'I section MỤC ĐÍCH YÊU CẦU',
      'I.1 item Nâng cao chất lượng hoạt động.',
      'II section NHIỆM VỤ',
      'II.1 group Công tác tuyên truyền',
      // A task with a sub-point: the sub-point is tracked, not both (nothing counted twice).
      'II.1.1 item Tuyên truyền Nghị quyết.',
      'II.1.1.1 subitem T Qua trang thông tin điện tử.',
      'II.1.2 item T Tổ chức hội nghị.',
      'II.2 group Công tác thi đua',
      'II.2.1 item T Phát động thi đua.',
    ]);
    expect(p.closing).toBe('Trên đây là kế hoạch.');
    expect(p.signature).toEqual(['TM. BAN CHẤP HÀNH', 'CHỦ TỊCH', 'Nguyễn Văn A']);
  });
});
