/**
 * The pure part of «Báo cáo kết quả» (domain/result-report.ts) on generated data: an empty
 * period, one activity, a district of 40 units of which some have not reported, long texts,
 * every Vietnamese tone mark, NFD input and characters a Word file cannot carry.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { activityIndicatorValues } from '@domain/indicators';
import { formatCount } from '@domain/fields';
import {
  buildResultDocument,
  defaultRecipients,
  documentLines,
  emptyTexts,
  MISSING_TEXT_MARKS,
  reportFacts,
  reportGroups,
  resultReportFileName,
  suggestedTexts,
  type DocBlock,
  type Letterhead,
  type ReportTexts,
  type ResultDocument,
} from '@domain/result-report';
import type { UnitReport } from '@domain/report';
import { districtReport } from '../support/result-report-fixtures';
import { sampleReport } from '../support/exchange-writer-fixtures';

const PLAN = BUILTIN_PLAN.plan;
const GROUPS = reportGroups(PLAN);

function letterhead(over: Partial<Letterhead> = {}): Letterhead {
  return {
    parentBody: 'LĐLĐ huyện Dương Minh Châu',
    issuingBody: 'Công đoàn cơ sở Công ty TNHH May Thành Công',
    number: '12',
    symbol: 'BC-CĐCS',
    place: 'Dương Minh Châu',
    date: '2025-06-05',
    recipients: ['LĐLĐ huyện Dương Minh Châu', 'Lưu: VT'],
    signingFor: 'TM. Ban chấp hành',
    signerTitle: 'Chủ tịch',
    signerName: 'Nguyễn Thị Hồng',
    ...over,
  };
}

function emptyReport(): UnitReport {
  const r = sampleReport(0);
  r.items = r.items.map((it) => ({ ...it, status: null, activityCount: 0 }));
  r.indicators = r.indicators.map((i) => ({ ...i, value: 0, target: null, adjustment: 0, adjustmentReason: '' }));
  return r;
}

const paragraphs = (doc: ResultDocument) => doc.body.filter((b): b is Extract<DocBlock, { kind: 'paragraph' }> => b.kind === 'paragraph');
const text = (b: Extract<DocBlock, { kind: 'paragraph' }>) => b.runs.map((r) => r.text).join('');
const tables = (doc: ResultDocument) => doc.body.filter((b): b is Extract<DocBlock, { kind: 'table' }> => b.kind === 'table');
const headings = (doc: ResultDocument) => doc.body.filter((b): b is Extract<DocBlock, { kind: 'heading' }> => b.kind === 'heading').map((h) => h.text);

describe('reportGroups', () => {
  it('lists the task groups of the built-in plan in order, items under a section forming a group named after it', () => {
    expect(GROUPS.map((g) => [g.id, g.itemIds.length])).toEqual([
      ['III.1', 8],
      ['III.2', 6],
      ['III.3', 3],
      ['III.4', 2],
      ['III.5', 3],
      ['III.6', 3],
      ['IV', 3],
    ]);
    expect(GROUPS[6]!.title).toBe('Tổ chức thực hiện');
    expect(GROUPS[0]!.title.startsWith('Tăng cường tuyên truyền')).toBe(true);
  });
});

describe('an empty period', () => {
  const facts = reportFacts(emptyReport(), GROUPS);
  const doc = buildResultDocument({ facts, texts: emptyTexts(), letterhead: letterhead() });

  it('says that nothing was recorded instead of printing zeros as results', () => {
    expect(facts.activityCount).toBe(0);
    expect(facts.counts.none).toBe(facts.itemCount);
    const body = paragraphs(doc).map(text);
    expect(body[0]).toContain('chưa ghi nhận hoạt động nào; hoàn thành 0/28 nhiệm vụ.');
    expect(body.filter((t) => t === 'Chưa ghi nhận hoạt động nào trong kỳ.')).toHaveLength(GROUPS.length);
    expect(body).toContain('Chưa có số liệu chỉ tiêu trong kỳ.');
    expect(tables(doc)).toHaveLength(0);
  });

  it('prints a visible mark for every text the officer has not written', () => {
    const marked = paragraphs(doc).filter((p) => p.runs.some((r) => r.mark));
    expect(marked.map(text)).toEqual([
      MISSING_TEXT_MARKS.strengths,
      MISSING_TEXT_MARKS.weaknesses,
      MISSING_TEXT_MARKS.causes,
      MISSING_TEXT_MARKS.directions,
      MISSING_TEXT_MARKS.proposals,
    ]);
    expect(MISSING_TEXT_MARKS.strengths).toBe('[Chưa nhập đánh giá]');
  });

  it('keeps the parts in the official order', () => {
    const level1 = doc.body.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b as { text: string }).text);
    expect(level1).toEqual(['I. KẾT QUẢ THỰC HIỆN', 'II. ĐÁNH GIÁ CHUNG', 'III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI', 'IV. KIẾN NGHỊ, ĐỀ XUẤT']);
    expect(headings(doc)).toContain('1. Ưu điểm');
    expect(headings(doc)).toContain('2. Tồn tại, hạn chế');
    expect(headings(doc)).toContain('3. Nguyên nhân');
  });

  it('has no suggestion to make', () => {
    expect(suggestedTexts(facts)).toEqual(emptyTexts());
  });
});

describe('one activity', () => {
  const r = emptyReport();
  const item = GROUPS[1]!.itemIds[3]!;
  r.items = r.items.map((it) => (it.id === item ? { ...it, status: 'xong', activityCount: 1 } : it.id === GROUPS[1]!.itemIds[0] ? { ...it, status: 'chua' } : it));
  r.activities = [
    {
      id: 'a1',
      date: '2025-03-08',
      unitCode: r.unit.code,
      itemIds: [item],
      type: 'dialogue',
      title: 'Đối thoại định kỳ với Ban Giám đốc',
      content: '',
      location: 'Phòng họp công ty',
      participants: 35,
      evidenceDoc: '',
      evidenceFile: '',
      indicators: { 'workplace-dialogues': 1 },
    },
  ];
  r.indicators = r.indicators.map((i) => (i.code === 'workplace-dialogues' ? { ...i, value: 1, target: 2 } : i.code === 'participants' ? { ...i, value: 35 } : i));
  const facts = reportFacts(r, GROUPS);
  const doc = buildResultDocument({ facts, texts: emptyTexts(), letterhead: letterhead() });

  it('counts it in its group only, with its participants, and lists it as notable', () => {
    expect(facts.groups.map((g) => g.activityCount)).toEqual([0, 1, 0, 0, 0, 0, 0]);
    const g = facts.groups[1]!;
    expect(g.participants).toBe(35);
    expect(g.counts).toEqual({ xong: 1, dang: 0, chua: 1, 'khong-ap-dung': 0, none: 4 });
    const body = paragraphs(doc).map(text);
    expect(body).toContain('Đã hoàn thành 1/6 nhiệm vụ; 1 nhiệm vụ chưa thực hiện; 4 nhiệm vụ chưa cập nhật trạng thái.');
    expect(body).toContain('Đã tổ chức 1 hoạt động, thu hút 35 lượt người tham gia.');
    expect(body).toContain('- Ngày 08/03/2025, Đối thoại định kỳ với Ban Giám đốc tại Phòng họp công ty, 35 lượt người tham gia.');
  });

  it('tabulates the indicators that have a value or a target, with the percentage reached', () => {
    const [table] = tables(doc);
    expect(table!.columns.map((c) => c.header)).toEqual(['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả', 'Chỉ tiêu giao', 'Tỷ lệ đạt']);
    expect(table!.rows).toEqual([
      ['1', 'Lượt người tham gia', 'lượt người', '35', '', ''],
      ['2', 'Cuộc đối thoại tại nơi làm việc', 'cuộc', '1', '2', '50%'],
    ]);
  });

  it('suggests the items not started under «Tồn tại, hạn chế»', () => {
    const s = suggestedTexts(facts);
    expect(s.weaknesses.split('\n')[0]).toBe('Còn 1 nhiệm vụ chưa thực hiện:');
    expect(s.weaknesses).toContain('- Chủ động đề xuất và phối hợp chặt chẽ');
    expect(s.strengths).toBe('Đã tổ chức 1 hoạt động thực hiện Kế hoạch số 63/KH-LĐLĐ.\nHoàn thành 1/28 nhiệm vụ của kế hoạch.');
    expect(s.causes).toBe('');
    expect(s.proposals).toBe('');
  });

  it('prints the header, the number, the date, the subject, Nơi nhận and the signature block', () => {
    expect(doc.header).toEqual({
      parentBody: 'LĐLĐ HUYỆN DƯƠNG MINH CHÂU',
      issuingBody: 'CÔNG ĐOÀN CƠ SỞ CÔNG TY TNHH MAY THÀNH CÔNG',
      numberLine: 'Số: 12/BC-CĐCS',
      nationalName: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      motto: 'Độc lập - Tự do - Hạnh phúc',
      placeAndDate: 'Dương Minh Châu, ngày 05 tháng 6 năm 2025',
    });
    expect(doc.documentType).toBe('BÁO CÁO');
    expect(doc.subject).toBe('Kết quả thực hiện Kế hoạch số 63/KH-LĐLĐ 6 tháng đầu năm 2025');
    expect(doc.recipients).toEqual(['- LĐLĐ huyện Dương Minh Châu;', '- Lưu: VT.']);
    expect(doc.signature).toEqual({ signingFor: 'TM. BAN CHẤP HÀNH', title: 'CHỦ TỊCH', name: 'Nguyễn Thị Hồng' });
  });

  it('leaves blanks to fill by hand when the number or the date is not known', () => {
    const d = buildResultDocument({ facts, texts: emptyTexts(), letterhead: letterhead({ number: '', date: '' }) });
    expect(d.header.numberLine).toBe('Số: ……/BC-CĐCS');
    expect(d.header.placeAndDate).toBe('Dương Minh Châu, ngày …… tháng …… năm ………');
  });
});

describe('a district with 40 units, some of which have not reported', () => {
  const missing = new Set([3, 11, 17, 25, 31, 38]);
  const lateAt = '2025-06-25T03:00:00.000Z';
  const report = districtReport({
    units: 40,
    missing,
    activities: (i) => 5 + (i % 7),
    exportedAt: (i) => (i % 5 === 0 ? lateAt : '2025-06-14T02:30:00.000Z'),
    targets: { 'propaganda-sessions': 500 },
  });
  const facts = reportFacts(report, GROUPS);
  const doc = buildResultDocument({ facts, texts: emptyTexts(), letterhead: letterhead() });

  it('counts the reports, and per group sums «Tổng hợp theo nhiệm vụ» to items × reports', () => {
    expect(facts.consolidated).toBe(true);
    expect(facts.reports).toBe(34);
    for (const g of facts.groups) {
      const sum = Object.values(g.counts).reduce((s, x) => s + x, 0);
      expect(sum).toBe(g.itemCount * 34);
      const rows = report.consolidation.items.filter((it) => GROUPS.find((d) => d.id === g.id)!.itemIds.includes(it.id));
      expect(g.counts.xong).toBe(rows.reduce((s, r) => s + r.counts.xong, 0));
    }
  });

  it('counts each activity once per group it serves, with its lượt người', () => {
    for (const [i, g] of facts.groups.entries()) {
      const ids = new Set(GROUPS[i]!.itemIds);
      const acts = report.activities.filter((a) => a.itemIds.some((id) => ids.has(id)));
      expect(g.activityCount).toBe(acts.length);
      expect(g.participants).toBe(acts.reduce((s, a) => s + (activityIndicatorValues(a).participants ?? 0), 0));
      expect(g.notable.length).toBe(Math.min(5, acts.length));
      for (let k = 1; k < g.notable.length; k++) expect(g.notable[k - 1]!.participants).toBeGreaterThanOrEqual(g.notable[k]!.participants);
    }
    expect(facts.activityCount).toBe(report.activities.length);
  });

  it('names the units that have not reported and tabulates every expected unit', () => {
    const c = facts.completeness!;
    expect([c.expected, c.onTime + c.late, c.missing]).toEqual([40, 34, 6]);
    expect(c.late).toBe([...Array(40).keys()].filter((i) => !missing.has(i) && i % 5 === 0).length);
    expect(c.missingNames).toEqual([...missing].map((i) => `CĐCS số ${i}`));
    const sentence = paragraphs(doc).map(text).find((t) => t.startsWith('Số đơn vị phải báo cáo'));
    expect(sentence).toBe(
      `Số đơn vị phải báo cáo: 40 (hạn nộp 20/06/2025); đã nộp đúng hạn: ${c.onTime}; nộp muộn: ${c.late}; chưa nộp: 6 (${c.missingNames.join(', ')}).`,
    );
    const completeness = tables(doc)[1]!;
    expect(completeness.rows).toHaveLength(40);
    expect(completeness.rows.filter((r) => r[2] === 'Chưa nộp').map((r) => r[1])).toEqual(c.missingNames);
    expect(headings(doc)).toContain('9. Tình hình báo cáo của các đơn vị');
  });

  it('prints the totals the consolidation computed, and names the unit of each notable activity', () => {
    const [table] = tables(doc);
    const propaganda = report.indicators.find((i) => i.code === 'propaganda-sessions')!;
    const row = table!.rows.find((r) => r[1] === propaganda.name)!;
    expect(row.slice(3)).toEqual([formatCount(propaganda.value), '500', `${Math.floor((propaganda.value * 100) / 500)}%`]);
    const notable = paragraphs(doc).map(text).filter((t) => t.startsWith('- Ngày'));
    expect(notable.length).toBeGreaterThan(0);
    for (const line of notable) expect(line).toMatch(/^- Ngày \d\d\/\d\d\/\d{4}, CĐCS số \d+: /);
  });

  it('suggests the missing units under «Tồn tại, hạn chế»', () => {
    expect(suggestedTexts(facts).weaknesses).toContain(`Còn 6 đơn vị chưa nộp báo cáo: ${facts.completeness!.missingNames.join(', ')}.`);
  });

  it('is named in ASCII like the workbooks', () => {
    expect(resultReportFileName({ ...report, period: { ...report.period, key: '2026-Y' } })).toBe('BaoCao-KetQua_63-KH-LDLD_LDLD-DMC_Nam-2026.docx');
    expect(resultReportFileName(report)).toBe('BaoCao-KetQua_63-KH-LDLD_LDLD-DMC_6T-2025.docx');
  });
});

/** Every Vietnamese vowel with every tone, both cases, and đ/Đ. */
function everyToneMark(): string {
  const vowels = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
  const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
  const lower = vowels.flatMap((v) => tones.map((t) => (v + t).normalize('NFC'))).join('');
  return `${lower} ${lower.toLocaleUpperCase('vi')} đ Đ`;
}

describe('text as officers type it', () => {
  const facts = reportFacts(sampleReport(8), GROUPS);

  it('keeps every tone mark, NFC, whether typed composed or decomposed', () => {
    const marks = everyToneMark();
    expect(marks.length).toBe(12 * 6 * 2 + 1 + 4);
    const texts: ReportTexts = { ...emptyTexts(), strengths: marks.normalize('NFD'), causes: `Nguyên nhân: ${marks}` };
    const doc = buildResultDocument({
      facts,
      texts,
      letterhead: letterhead({ issuingBody: 'Công đoàn cơ sở Trường Tiểu học Đồng Khởi'.normalize('NFD'), signerName: 'Trịnh Thị Ngọc Hưởng'.normalize('NFD') }),
    });
    const lines = documentLines(doc);
    expect(lines).toContain(marks);
    expect(lines).toContain(`Nguyên nhân: ${marks}`);
    expect(doc.header.issuingBody).toBe('CÔNG ĐOÀN CƠ SỞ TRƯỜNG TIỂU HỌC ĐỒNG KHỞI');
    expect(doc.signature.name).toBe('Trịnh Thị Ngọc Hưởng');
    for (const l of lines) expect(l).toBe(l.normalize('NFC'));
  });

  it('keeps a long text whole, one paragraph per line, and drops characters Word cannot open', () => {
    const long = Array.from({ length: 400 }, (_, i) => `Đoạn ${i + 1}: đoàn viên, người lao động được tuyên truyền, phổ biến pháp luật về lao động.`).join('\n');
    expect(long.length).toBeGreaterThan(32_767);
    const texts: ReportTexts = { ...emptyTexts(), directions: `${long}\n\n\u0007Hết\u0000.\r\nDòng cuối` };
    const doc = buildResultDocument({ facts, texts, letterhead: letterhead() });
    const after = doc.body.findIndex((b) => b.kind === 'heading' && b.text.startsWith('III.'));
    const next = doc.body.findIndex((b, i) => i > after && b.kind === 'heading');
    const part = doc.body.slice(after + 1, next).map((b) => text(b as Extract<DocBlock, { kind: 'paragraph' }>));
    expect(part).toHaveLength(402);
    expect(part[399]).toBe('Đoạn 400: đoàn viên, người lao động được tuyên truyền, phổ biến pháp luật về lao động.');
    expect(part.slice(400)).toEqual(['Hết.', 'Dòng cuối']);
  });

  it('keeps long names in the header and in the tables', () => {
    const r = sampleReport(3);
    r.unit.name = `Công đoàn cơ sở ${'Công ty Trách nhiệm hữu hạn Một thành viên '.repeat(4)}Tây Ninh`;
    const doc = buildResultDocument({ facts: reportFacts(r, GROUPS), texts: emptyTexts(), letterhead: letterhead({ issuingBody: r.unit.name }) });
    expect(doc.header.issuingBody).toBe(r.unit.name.replace(/\s+/g, ' ').toLocaleUpperCase('vi'));
    expect(paragraphs(doc).map(text)[0]).toContain(r.unit.name.trim());
  });
});

describe('Nơi nhận by default', () => {
  it('sends a CĐCS report to its parent body and files a copy', () => {
    expect(defaultRecipients({ level: 'grassroots', parentName: 'LĐLĐ huyện Dương Minh Châu' }, PLAN.recipients)).toEqual([
      'LĐLĐ huyện Dương Minh Châu',
      'Lưu: VT',
    ]);
  });

  it('gives a district the parent body and the plan’s own recipients, the plan’s filing line last', () => {
    expect(defaultRecipients({ level: 'district', parentName: 'LĐLĐ tỉnh Tây Ninh' }, PLAN.recipients)).toEqual([
      'LĐLĐ tỉnh Tây Ninh',
      'TT LĐLĐ tỉnh',
      'Ban TG-NC LĐLĐ tỉnh',
      'TT Huyện ủy',
      'Ban Dân vận Huyện ủy',
      'Ban Tuyên giáo Huyện ủy',
      'Các công đoàn cơ sở',
      'Website LĐLĐ huyện',
      'Lưu: VP',
    ]);
  });
});
