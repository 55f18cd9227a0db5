import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_TEXT_LIMITS,
  ACTIVITY_TYPE_LABELS,
  ACTIVITY_TYPES,
  activityInputSchema,
  activityMatchesFilter,
  activityRecordSchema,
  activitySearchText,
  applyActivityEdit,
  compareActivities,
  compileActivityFilter,
  createActivity,
  looksLikeDuplicate,
  parseActivityDate,
  parseActivityType,
  restoreActivity,
  softDeleteActivity,
  type Activity,
  type ActivityInput,
} from '@domain/activity';
import { isUuid } from '@domain/ids';
import { fieldErrors } from '@domain/fields';
import { DEFAULT_PERIOD_CONFIG, periodOf } from '@domain/periods';
import { testActivity } from '../support/activity-fixtures';

const NOW = '2025-03-01T08:00:00.000Z';
const act = (over: Partial<Activity> = {}): Activity => testActivity({ createdAt: NOW, updatedAt: NOW, ...over });

const validInput = {
  planId: 'plan-63',
  unitCode: 'cđcs 1',
  date: '14/6/2025',
  itemIds: ['III.2.4'],
  type: 'propaganda',
  title: 'Tuyên truyền Nghị quyết 43-NQ/TW',
};

describe('ACTIVITY_TYPES', () => {
  it('lists the eleven types in order with Vietnamese labels and unique codes', () => {
    expect(ACTIVITY_TYPES.map((t) => t.label)).toEqual([
      'Tuyên truyền',
      'Hội nghị, quán triệt',
      'Tập huấn, bồi dưỡng',
      'Thi đua, khen thưởng',
      'Đối thoại, thương lượng tập thể',
      'Tư vấn pháp luật',
      'Chăm lo, phúc lợi',
      'Phát triển đoàn viên, thành lập CĐCS',
      'Giới thiệu đoàn viên ưu tú cho Đảng',
      'Kiểm tra, giám sát',
      'Khác',
    ]);
    expect(new Set(ACTIVITY_TYPES.map((t) => t.code)).size).toBe(11);
    expect(parseActivityType('doi thoai, thuong luong tap the')).toBe('dialogue');
    expect(parseActivityType('training')).toBe('training');
  });

  it('labels each code, and nothing for a code that names one of Object\'s members', () => {
    expect(ACTIVITY_TYPES.every((t) => ACTIVITY_TYPE_LABELS[t.code] === t.label)).toBe(true);
    const label = (code: string) => (ACTIVITY_TYPE_LABELS as Record<string, string | undefined>)[code];
    for (const code of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) expect(label(code), code).toBeUndefined();
  });
});

describe('parseActivityDate', () => {
  it('accepts ISO and dd/mm/yyyy forms as calendar dates', () => {
    expect(parseActivityDate('2025-06-14')).toEqual({ ok: true, date: '2025-06-14' });
    expect(parseActivityDate(' 1/2/2025 ')).toEqual({ ok: true, date: '2025-02-01' });
    expect(parseActivityDate('15.06.2025')).toEqual({ ok: true, date: '2025-06-15' });
    expect(parseActivityDate('29/02/2024')).toEqual({ ok: true, date: '2024-02-29' });
    expect(parseActivityDate('29/02/2000')).toEqual({ ok: true, date: '2000-02-29' });
  });

  it('rejects days that do not exist, 29/02 outside leap years included', () => {
    expect(parseActivityDate('29/02/2025')).toEqual({
      ok: false,
      message: 'Ngày: không hợp lệ, tháng 02/2025 chỉ có 28 ngày',
    });
    expect(parseActivityDate('29/02/2100').ok).toBe(false);
    expect(parseActivityDate('31/04/2025').ok).toBe(false);
    expect(parseActivityDate('2025-13-01')).toEqual({ ok: false, message: 'Ngày: không hợp lệ, tháng phải từ 1 đến 12' });
    expect(parseActivityDate('14/6/25')).toEqual({ ok: false, message: 'Ngày: không hợp lệ, nhập theo dd/mm/yyyy' });
    expect(parseActivityDate('14/06/2205').ok).toBe(false);
  });
});

describe('activityInputSchema', () => {
  it('normalizes a valid entry: NFC, trimmed, ISO date, unit code, indicators without zeros', () => {
    const r = activityInputSchema.parse({
      ...validInput,
      title: '  Tuyên truyền   Nghị quyết 43-NQ/TW '.normalize('NFD'),
      content: ' Dòng 1\r\nDòng 2 '.normalize('NFD'),
      itemIds: [' III.2.4', 'III.2.4', 'III.3.1'],
      type: 'Tuyên truyền',
      participants: '1.200',
      evidenceFile: 'C:\\Tai lieu\\Bien ban.pdf',
      indicators: { 'propaganda-sessions': 2, 'new-members': 0, 'Hộ nghèo được hỗ trợ': '3', participants: '' },
    });
    expect(r).toEqual({
      planId: 'plan-63',
      unitCode: 'CDCS-1',
      date: '2025-06-14',
      itemIds: ['III.2.4', 'III.3.1'],
      type: 'propaganda',
      title: 'Tuyên truyền Nghị quyết 43-NQ/TW',
      content: 'Dòng 1\nDòng 2',
      location: '',
      participants: 1200,
      evidenceDoc: '',
      evidenceFile: 'Bien ban.pdf',
      indicators: { 'propaganda-sessions': 2, 'x-ho-ngheo-duoc-ho-tro': 3 },
    } satisfies ActivityInput);
    expect(r.title).toBe(r.title.normalize('NFC'));
  });

  const errorsOf = (input: Record<string, unknown>): Record<string, string> => {
    const r = activityInputSchema.safeParse({ ...validInput, ...input });
    expect(r.success).toBe(false);
    return r.success ? {} : fieldErrors(r.error);
  };

  it('gives one Vietnamese message per rule, naming the field', () => {
    expect(errorsOf({ date: '31/02/2025' }).date).toBe('Ngày: không hợp lệ, tháng 02/2025 chỉ có 28 ngày');
    expect(errorsOf({ date: 'hôm qua' }).date).toBe('Ngày: không hợp lệ, nhập theo dd/mm/yyyy');
    expect(errorsOf({ date: '' }).date).toBe('Ngày: không được để trống');
    expect(errorsOf({ title: '  ' }).title).toBe('Tiêu đề: không được để trống');
    expect(errorsOf({ title: 'a'.repeat(501) }).title).toBe('Tiêu đề: tối đa 500 ký tự');
    expect(errorsOf({ participants: -3 }).participants).toBe('Số lượt người: phải là số nguyên không âm');
    expect(errorsOf({ participants: '2,5' }).participants).toBe('Số lượt người: phải là số nguyên không âm');
    expect(errorsOf({ itemIds: [] }).itemIds).toBe('Nhiệm vụ: chọn ít nhất một nhiệm vụ của kế hoạch');
    expect(errorsOf({ itemIds: ['  '] }).itemIds).toBe('Nhiệm vụ: chọn ít nhất một nhiệm vụ của kế hoạch');
    expect(errorsOf({ itemIds: ['abc'] }).itemIds).toBe('Nhiệm vụ: mã nhiệm vụ không hợp lệ');
    expect(errorsOf({ unitCode: ' ' }).unitCode).toBe('Đơn vị: chưa chọn đơn vị');
    expect(errorsOf({ planId: '' }).planId).toBe('Kế hoạch: chưa chọn kế hoạch');
    expect(errorsOf({ type: '' }).type).toBe('Loại hoạt động: chưa chọn loại hoạt động');
    expect(errorsOf({ type: 'Liên hoan' }).type).toBe('Loại hoạt động: không hợp lệ');
    expect(errorsOf({ location: 'x'.repeat(301) }).location).toBe('Địa điểm: tối đa 300 ký tự');
    expect(errorsOf({ indicators: { 'new-members': -1 } }).indicators).toBe(
      'Chỉ tiêu «Đoàn viên kết nạp mới»: phải là số nguyên không âm',
    );
  });

  it('caps what one activity counts at 1,000,000 (lượt người and every indicator), the limit itself accepted', () => {
    const ok = activityInputSchema.parse({ ...validInput, participants: '1.000.000', indicators: { 'new-members': 1_000_000 } });
    expect(ok.participants).toBe(1_000_000);
    expect(ok.indicators).toEqual({ 'new-members': 1_000_000 });
    for (const v of [1_000_001, '1.000.001', 1e12, 9_007_199_254_740_991]) {
      expect(errorsOf({ participants: v }).participants, String(v)).toBe('Số lượt người: tối đa 1.000.000 cho một hoạt động');
    }
    const r = activityInputSchema.safeParse({ ...validInput, indicators: { participants: 5_000_000, 'Hộ nghèo được hỗ trợ': '1 000 001' } });
    expect(r.success).toBe(false);
    if (!r.success) {
      // Each indicator's own message, under its own path (the form shows it beside that field).
      expect(r.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
        ['indicators.participants', 'Chỉ tiêu «Lượt người tham gia»: tối đa 1.000.000 cho một hoạt động'],
        ['indicators.Hộ nghèo được hỗ trợ', 'Chỉ tiêu «x-ho-ngheo-duoc-ho-tro»: tối đa 1.000.000 cho một hoạt động'],
      ]);
    }
  });

  it('refuses text longer than its field allows (every limit below Excel\'s 32,767 characters per cell), naming field and limit', () => {
    expect(ACTIVITY_TEXT_LIMITS).toEqual({ title: 500, content: 10_000, location: 300, evidenceDoc: 200, evidenceFile: 260 });
    for (const max of Object.values(ACTIVITY_TEXT_LIMITS)) expect(max).toBeLessThan(32_767);
    const at = activityInputSchema.parse({
      ...validInput,
      title: 'T'.repeat(500),
      content: 'Dòng một\n'.repeat(1000).slice(0, 10_000),
      location: 'Đ'.repeat(300),
      evidenceDoc: '1'.repeat(200),
      evidenceFile: 'a'.repeat(256) + '.pdf',
    });
    expect(at.content.length).toBeLessThanOrEqual(10_000);
    expect(errorsOf({ title: 'ê'.repeat(501) }).title).toBe('Tiêu đề: tối đa 500 ký tự');
    expect(errorsOf({ content: 'x'.repeat(40_000) }).content).toBe('Nội dung: tối đa 10.000 ký tự');
    expect(errorsOf({ location: 'x'.repeat(301) }).location).toBe('Địa điểm: tối đa 300 ký tự');
    expect(errorsOf({ evidenceDoc: 'x'.repeat(201) }).evidenceDoc).toBe('Số, ký hiệu văn bản: tối đa 200 ký tự');
    expect(errorsOf({ evidenceFile: 'x'.repeat(261) }).evidenceFile).toBe('Tên tệp minh chứng: tối đa 260 ký tự');
    // Decomposed input is counted once composed (stored NFC): 500 "ế" typed as NFD still fit.
    expect(activityInputSchema.parse({ ...validInput, title: 'ế'.normalize('NFD').repeat(500) }).title).toBe('ế'.repeat(500));
  });

  it('reports every broken field at once, and missing fields too', () => {
    const r = activityInputSchema.safeParse({});
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(Object.keys(fieldErrors(r.error)).sort()).toEqual(['date', 'itemIds', 'planId', 'title', 'type', 'unitCode']);
    }
  });

  it('validates a whole stored record for imported files', () => {
    const record = { ...act(), unitCode: 'CDCS-0001' };
    expect(activityRecordSchema.parse(record)).toEqual(record);
    expect(activityRecordSchema.safeParse({ ...record, id: 'not-a-uuid' }).success).toBe(false);
  });
});

describe('records', () => {
  it('creates, edits, soft-deletes and restores', () => {
    const input = activityInputSchema.parse(validInput);
    const a = createActivity(input, NOW);
    expect(isUuid(a.id)).toBe(true);
    expect(a).toMatchObject({ createdAt: NOW, updatedAt: NOW, deletedAt: null, date: '2025-06-14' });
    const later = '2025-03-02T08:00:00.000Z';
    const edited = applyActivityEdit(a, { ...input, title: 'Khác' }, later);
    expect(edited).toMatchObject({ id: a.id, createdAt: NOW, updatedAt: later, title: 'Khác' });
    const deleted = softDeleteActivity(edited, later);
    expect(deleted.deletedAt).toBe(later);
    expect(restoreActivity(deleted, later).deletedAt).toBeNull();
  });
});

describe('looksLikeDuplicate', () => {
  const existing = [
    act({ title: 'Hội nghị quán triệt Nghị quyết 43' }),
    act({ title: 'Hội nghị quán triệt Nghị quyết 43', unitCode: 'CDCS-0002' }),
    act({ title: 'Hội nghị quán triệt Nghị quyết 43', date: '2025-03-11' }),
    act({ title: 'Hội nghị quán triệt Nghị quyết 43', deletedAt: NOW }),
    act({ title: 'Hội nghị quán triệt Nghị quyết 45' }),
  ];

  it('matches the same unit, date and title across NFD/NFC, case, accents and spaces', () => {
    const nfd = 'Hội nghị quán triệt Nghị quyết 43'.normalize('NFD');
    for (const title of [nfd, 'HỘI NGHỊ QUÁN TRIỆT NGHỊ QUYẾT 43', 'hoi nghi quan triet nghi quyet 43', ' Hội nghị,  quán triệt Nghị quyết 43 ']) {
      const hits = looksLikeDuplicate({ unitCode: 'CDCS-0001', date: '2025-03-10', title }, existing);
      expect(hits.map((h) => h.id)).toEqual([existing[0]!.id]);
    }
  });

  it('ignores other units, other dates, deleted activities, other titles and itself', () => {
    expect(looksLikeDuplicate({ unitCode: 'CDCS-0003', date: '2025-03-10', title: 'Hội nghị quán triệt Nghị quyết 43' }, existing)).toEqual([]);
    expect(looksLikeDuplicate({ unitCode: 'CDCS-0001', date: '2025-03-10', title: 'Hội nghị quán triệt Nghị quyết 4' }, existing)).toEqual([]);
    expect(looksLikeDuplicate({ ...existing[0]! }, existing)).toEqual([]);
  });
});

describe('filter and search', () => {
  const list = [
    act({ title: 'Tuyên truyền Bộ luật Lao động', location: 'Nhà văn hóa ấp Đá Hàng', unitCode: 'CDCS-0001', date: '2024-12-15' }),
    act({ title: 'Đối thoại tại nơi làm việc', type: 'dialogue', unitCode: 'CDCS-0002', itemIds: ['III.3.2'], date: '2025-06-14' }),
    act({ title: 'Tập huấn cán bộ', type: 'training', content: 'Kỹ năng đàm phán thỏa ước', unitCode: 'CDCS-0003', itemIds: ['III.2.4', 'IV.1'], date: '2025-06-15' }),
    act({ title: 'Tuyên truyền đã xóa', deletedAt: NOW }),
    act({ title: 'Tư vấn pháp luật', type: 'legal-advice', evidenceDoc: '12/BC-LĐLĐ', evidenceFile: 'bien-ban-dmc.pdf', unitCode: 'CDCS-0002', itemIds: ['III.20.1'] }),
  ];
  const titles = (f: Parameters<typeof compileActivityFilter>[0]) => list.filter(compileActivityFilter(f)).map((a) => a.title);

  it('searches without accents, đ folded to d, over title, content, location and evidence', () => {
    expect(titles({ query: 'tuyen truyen' })).toEqual(['Tuyên truyền Bộ luật Lao động']);
    expect(titles({ query: 'doi thoai' })).toEqual(['Đối thoại tại nơi làm việc']);
    expect(titles({ query: 'dam phan' })).toEqual(['Tập huấn cán bộ']);
    expect(titles({ query: 'da hang' })).toEqual(['Tuyên truyền Bộ luật Lao động']);
    expect(titles({ query: 'ldld' })).toEqual(['Tư vấn pháp luật']);
    expect(titles({ query: 'DMC.PDF' })).toEqual(['Tư vấn pháp luật']);
    expect(titles({ query: 'TUYÊN TRUYỀN'.normalize('NFD') })).toEqual(['Tuyên truyền Bộ luật Lao động']);
    expect(titles({ query: 'tuyen hop dong' })).toEqual([]);
  });

  it('uses the precomputed search text when the record carries it', () => {
    const a = { ...list[0]!, searchText: activitySearchText(list[0]!) };
    expect(a.searchText).toBe(a.searchText.normalize('NFC'));
    expect(activityMatchesFilter(a, { query: 'bo luat' })).toBe(true);
    expect(activityMatchesFilter({ ...a, searchText: 'khac' }, { query: 'bo luat' })).toBe(false);
  });

  it('filters by period range (inclusive), units, item with its sub-items, type and trash', () => {
    const h1 = periodOf(DEFAULT_PERIOD_CONFIG, { kind: 'half', year: 2025 });
    expect(titles({ periodRange: h1 })).toEqual([
      'Tuyên truyền Bộ luật Lao động',
      'Đối thoại tại nơi làm việc',
      'Tư vấn pháp luật',
    ]);
    expect(titles({ unitCodes: ['cdcs 0002'] })).toEqual(['Đối thoại tại nơi làm việc', 'Tư vấn pháp luật']);
    expect(titles({ unitCodes: [] })).toHaveLength(4);
    expect(titles({ itemId: 'III.2' })).toEqual(['Tập huấn cán bộ']);
    expect(titles({ itemId: 'III' })).toHaveLength(4);
    expect(titles({ itemId: 'III.2.4' })).toEqual(['Tập huấn cán bộ']);
    expect(titles({ type: 'dialogue' })).toEqual(['Đối thoại tại nơi làm việc']);
    expect(titles({ deleted: true })).toEqual(['Tuyên truyền đã xóa']);
    expect(titles({ unitCodes: ['CDCS-0002'], periodRange: h1, query: 'tu van' })).toEqual(['Tư vấn pháp luật']);
  });

  it('filters 50,000 activities with stored search text (speed: npm run bench:activities)', () => {
    const big: Activity[] = [];
    for (let i = 0; i < 50_000; i++) {
      const a = act({ title: i % 97 === 0 ? 'Hội nghị quán triệt đặc biệt' : `Hoạt động số ${i}`, unitCode: `CDCS-${i % 40}` });
      big.push(Object.assign(a, { searchText: activitySearchText(a) }));
    }
    const pred = compileActivityFilter({ query: 'quan triet dac biet', unitCodes: ['CDCS-0', 'CDCS-1'] });
    const plain = (a: Activity) => a.title === 'Hội nghị quán triệt đặc biệt' && ['CDCS-0', 'CDCS-1'].includes(a.unitCode);
    const hits = big.filter(pred);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits).toEqual(big.filter(plain));
  });
});

describe('compareActivities', () => {
  const a = act({ title: 'Bình', date: '2025-01-02', unitCode: 'B', type: 'other' });
  const b = act({ title: 'Đào', date: '2025-01-01', unitCode: 'A', type: 'training' });
  const c = act({ title: 'Dung', date: '2025-01-03', unitCode: 'C', type: 'propaganda' });
  const d = act({ title: 'An', date: '2025-01-03', unitCode: 'C', type: 'propaganda', createdAt: '2025-03-02T00:00:00.000Z' });
  const e = act({ title: 'Hoạt động 10', date: '2025-01-01', unitCode: 'A', type: 'other' });
  const f = act({ title: 'Hoạt động 9', date: '2025-01-01', unitCode: 'A', type: 'other' });
  const sorted = (key: Parameters<typeof compareActivities>[0], dir: 'asc' | 'desc', opts = {}) =>
    [a, b, c, d, e, f].sort(compareActivities(key, dir, opts)).map((x) => x.title);

  it('sorts by date, ties by creation time', () => {
    expect(sorted('date', 'asc')).toEqual(['Đào', 'Hoạt động 10', 'Hoạt động 9', 'Bình', 'Dung', 'An']);
    // Same date and creation time: by id, whatever the direction.
    expect(sorted('date', 'desc')).toEqual(['An', 'Dung', 'Bình', 'Đào', 'Hoạt động 10', 'Hoạt động 9']);
  });

  it('sorts titles with Vietnamese collation (D before Đ) and numbers numerically', () => {
    expect(sorted('title', 'asc')).toEqual(['An', 'Bình', 'Dung', 'Đào', 'Hoạt động 9', 'Hoạt động 10']);
    expect(sorted('title', 'desc')[0]).toBe('Hoạt động 10');
  });

  it('sorts types in the list order and units by their names', () => {
    expect(sorted('type', 'asc').slice(0, 3)).toEqual(['An', 'Dung', 'Đào']);
    const names: Record<string, string> = { A: 'Trường Tiểu học', B: 'Công ty Ánh Dương', C: 'Công ty An Phú' };
    expect(sorted('unit', 'asc', { unitLabel: (code: string) => names[code]! })).toEqual([
      'An',
      'Dung',
      'Bình',
      'Đào',
      'Hoạt động 10',
      'Hoạt động 9',
    ]);
  });
});
