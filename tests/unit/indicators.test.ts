import { describe, expect, it } from 'vitest';
import type { Activity } from '@domain/activity';
import {
  activityIndicatorValues,
  duplicateIndicatorCodes,
  indicatorAdjustmentSchema,
  MAX_ACTIVITY_VALUE,
  IndicatorCodeError,
  indicatorExtraSchema,
  IndicatorOverflowError,
  IndicatorValueError,
  mergeIndicatorDefs,
  normalizeIndicatorCode,
  PARTICIPANTS_INDICATOR,
  STANDARD_INDICATORS,
  sumIndicators,
  targetsFor,
  type IndicatorAdjustment,
} from '@domain/indicators';
import { fieldErrors, formatCount, parseInteger } from '@domain/fields';
import { DEFAULT_PERIOD_CONFIG, isoDate, periodOf, PERIOD_PRESETS, type PeriodConfig } from '@domain/periods';
import { testActivity } from '../support/activity-fixtures';

const NOW = '2025-03-01T08:00:00.000Z';
const act = (over: Partial<Activity> = {}): Activity => testActivity({ title: 'Hoạt động', createdAt: NOW, updatedAt: NOW, ...over });
const adj = (over: Partial<IndicatorAdjustment> = {}): IndicatorAdjustment => ({
  planId: 'plan-63',
  unitCode: 'CDCS-0001',
  periodKey: '2025-H1',
  indicatorCode: 'propaganda-sessions',
  delta: 1,
  reason: 'Bổ sung số liệu trước khi dùng phần mềm',
  updatedAt: NOW,
  ...over,
});

const ND09 = DEFAULT_PERIOD_CONFIG;
const CALENDAR: PeriodConfig = { kinds: ['half', 'year'], ...PERIOD_PRESETS.find((p) => p.id === 'calendar')! };
const h1 = (config: PeriodConfig, year = 2025) => periodOf(config, { kind: 'half', year });

describe('standard list', () => {
  it('ships the eleven indicators with stable unique codes, names and units', () => {
    expect(STANDARD_INDICATORS.map((d) => [d.name, d.unit])).toEqual([
      ['Số cuộc tuyên truyền', 'cuộc'],
      ['Lượt người tham gia', 'lượt người'],
      ['Đoàn viên kết nạp mới', 'người'],
      ['CĐCS thành lập mới', 'CĐCS'],
      ['Thỏa ước lao động tập thể ký mới', 'bản'],
      ['Cuộc đối thoại tại nơi làm việc', 'cuộc'],
      ['Lượt tư vấn pháp luật', 'lượt'],
      ['Lớp tập huấn', 'lớp'],
      ['Đoàn viên ưu tú giới thiệu cho Đảng', 'người'],
      ['Đoàn viên được kết nạp Đảng', 'người'],
      ['Tập thể, cá nhân được khen thưởng', 'tập thể/cá nhân'],
    ]);
    expect(new Set(STANDARD_INDICATORS.map((d) => d.code)).size).toBe(11);
    expect(STANDARD_INDICATORS.every((d) => d.builtin && /^[a-z-]+$/.test(d.code) && !d.code.startsWith('x-'))).toBe(true);
    expect(STANDARD_INDICATORS[1]!.code).toBe(PARTICIPANTS_INDICATOR);
  });
});

describe('plan extras', () => {
  it('normalizes extra codes into the x- namespace, keeping standard codes', () => {
    expect(normalizeIndicatorCode('new-members')).toBe('new-members');
    expect(normalizeIndicatorCode(' Hộ nghèo được hỗ trợ ')).toBe('x-ho-ngheo-duoc-ho-tro');
    expect(normalizeIndicatorCode('Hộ nghèo được hỗ trợ'.normalize('NFD'))).toBe('x-ho-ngheo-duoc-ho-tro');
    expect(normalizeIndicatorCode('X-Mai_Ấm')).toBe('x-mai-am');
    expect(normalizeIndicatorCode('x-mai-am')).toBe('x-mai-am');
    expect(normalizeIndicatorCode('NEW MEMBERS')).toBe('x-new-members');
    expect(normalizeIndicatorCode(' ?! ')).toBe('');
  });

  it('merges the standard list with a plan extension, codes unique', () => {
    const merged = mergeIndicatorDefs(STANDARD_INDICATORS, [
      { name: 'Mái ấm Công đoàn xây mới', unit: 'căn' },
      { code: 'Quỹ', name: 'Quỹ xã hội vận động', unit: 'triệu đồng', builtin: true },
    ]);
    expect(merged).toHaveLength(13);
    expect(merged.slice(11)).toEqual([
      { code: 'x-mai-am-cong-doan-xay-moi', name: 'Mái ấm Công đoàn xây mới', unit: 'căn', builtin: false },
      { code: 'x-quy', name: 'Quỹ xã hội vận động', unit: 'triệu đồng', builtin: false },
    ]);
    expect(() =>
      mergeIndicatorDefs(STANDARD_INDICATORS, [
        { code: 'x-quy', name: 'A', unit: 'a' },
        { code: 'QUY', name: 'B', unit: 'b' },
      ]),
    ).toThrow(IndicatorCodeError);
    expect(duplicateIndicatorCodes([{ name: 'Quỹ', unit: 'a' }, { code: 'x-quy', name: 'B', unit: 'b' }])).toEqual(['x-quy']);
  });

  it('validates an extra with Vietnamese messages', () => {
    expect(indicatorExtraSchema.parse({ name: ' Mái  ấm ', unit: 'căn' })).toEqual({
      code: 'x-mai-am',
      name: 'Mái ấm',
      unit: 'căn',
      builtin: false,
    });
    const r = indicatorExtraSchema.safeParse({ name: ' ', unit: '' });
    expect(r.success).toBe(false);
    if (!r.success) expect(fieldErrors(r.error)).toEqual({ name: 'Tên chỉ tiêu: không được để trống', unit: 'Đơn vị tính: không được để trống' });
  });

  it('finds targets of one plan, unit and period', () => {
    const targets = [
      { planId: 'plan-63', unitCode: 'CDCS-0001', periodKey: '2025-Y', indicatorCode: 'new-members', target: 20 },
      { planId: 'plan-63', unitCode: 'CDCS-0002', periodKey: '2025-Y', indicatorCode: 'new-members', target: 5 },
    ];
    expect(targetsFor(targets, { planId: 'plan-63', unitCode: 'CDCS-0001', periodKey: '2025-Y' })).toEqual({ 'new-members': 20 });
  });
});

describe('adjustments', () => {
  it('requires a reason and a non-zero integer delta, negatives allowed', () => {
    expect(indicatorAdjustmentSchema.parse({ ...adj(), delta: '-3', reason: '  Trùng số liệu  ' })).toMatchObject({
      delta: -3,
      reason: 'Trùng số liệu',
    });
    const errors = (input: object) => {
      const r = indicatorAdjustmentSchema.safeParse({ ...adj(), ...input });
      return r.success ? {} : fieldErrors(r.error);
    };
    expect(errors({ reason: '   ' }).reason).toBe('Lý do điều chỉnh: không được để trống');
    expect(errors({ reason: undefined }).reason).toBe('Lý do điều chỉnh: không được để trống');
    expect(errors({ delta: 1.5 }).delta).toBe('Số điều chỉnh: phải là số nguyên (có thể âm)');
    expect(errors({ delta: 0 }).delta).toBe('Số điều chỉnh: phải khác 0');
  });

  it('caps one adjustment at MAX_ACTIVITY_VALUE (1,000,000) either way; the limit itself is accepted', () => {
    expect(MAX_ACTIVITY_VALUE).toBe(1_000_000);
    const parse = (delta: unknown) => indicatorAdjustmentSchema.safeParse({ ...adj(), delta });
    expect(parse(1_000_000).data?.delta).toBe(1_000_000);
    expect(parse('-1.000.000').data?.delta).toBe(-1_000_000);
    const message = 'Số điều chỉnh: tối đa 1.000.000 (tăng hoặc giảm) cho một lần điều chỉnh';
    for (const delta of [1_000_001, -1_000_001, '2.000.000', 1e12]) {
      const r = parse(delta);
      expect(r.success, String(delta)).toBe(false);
      if (!r.success) expect(fieldErrors(r.error).delta).toBe(message);
    }
  });
});

describe('formatCount', () => {
  it('writes thousands with dots, as Vietnamese text does', () => {
    expect([0, 7, 999, 1000, 12_345, 1_000_000, -2_500_000, Number.MAX_SAFE_INTEGER].map(formatCount)).toEqual([
      '0',
      '7',
      '999',
      '1.000',
      '12.345',
      '1.000.000',
      '-2.500.000',
      '9.007.199.254.740.991',
    ]);
  });
});

describe('parseInteger', () => {
  it('reads counts as typed or as cells', () => {
    expect(parseInteger('1.200')).toEqual({ ok: true, value: 1200 });
    expect(parseInteger('1 200 000')).toEqual({ ok: true, value: 1_200_000 });
    expect(parseInteger(' 15 ')).toEqual({ ok: true, value: 15 });
    expect(parseInteger('')).toEqual({ ok: true, value: null });
    expect(parseInteger(null)).toEqual({ ok: true, value: null });
    expect(parseInteger('1.5')).toEqual({ ok: false });
    expect(parseInteger('-2')).toEqual({ ok: false });
    expect(parseInteger('-2', true)).toEqual({ ok: true, value: -2 });
    expect(parseInteger(2 ** 53)).toEqual({ ok: false });
    expect(parseInteger('mười')).toEqual({ ok: false });
  });
});

describe('activityIndicatorValues (the participants rule)', () => {
  it('counts participants from the field unless the indicator is set explicitly', () => {
    expect(activityIndicatorValues(act({ participants: 40, indicators: { 'propaganda-sessions': 1 } }))).toEqual({
      'propaganda-sessions': 1,
      participants: 40,
    });
    expect(activityIndicatorValues(act({ participants: 40, indicators: { participants: 35 } }))).toEqual({ participants: 35 });
    expect(activityIndicatorValues(act({ participants: null }))).toEqual({});
    expect(activityIndicatorValues(act({ participants: 0 }))).toEqual({});
  });
});

describe('sumIndicators', () => {
  it('sums a unit’s activities in the period plus its adjustments, negative and multiple', () => {
    const activities = [
      act({ indicators: { 'propaganda-sessions': 2, 'new-members': 3 }, participants: 50 }),
      act({ indicators: { 'propaganda-sessions': 1 }, participants: 20, date: '2025-01-05' }),
    ];
    const adjustments = [
      adj({ delta: 4, reason: 'Số liệu tháng 1 chưa nhập', updatedAt: '2025-06-10T00:00:00Z' }),
      adj({ delta: -1, reason: 'Trùng một cuộc', updatedAt: '2025-06-01T00:00:00Z' }),
      adj({ indicatorCode: 'new-members', delta: -3, reason: 'Kết nạp ở đơn vị khác' }),
      adj({ indicatorCode: 'legal-advice', delta: 7, reason: 'Tư vấn qua điện thoại' }),
    ];
    const sums = sumIndicators({ activities, adjustments, unitCode: 'CDCS-0001', range: h1(ND09), periodKey: '2025-H1' });
    expect(sums).toEqual({
      'propaganda-sessions': { fromActivities: 3, adjustment: 3, total: 6, reasons: ['Trùng một cuộc', 'Số liệu tháng 1 chưa nhập'] },
      'new-members': { fromActivities: 3, adjustment: -3, total: 0, reasons: ['Kết nạp ở đơn vị khác'] },
      participants: { fromActivities: 70, adjustment: 0, total: 70, reasons: [] },
      'legal-advice': { fromActivities: 0, adjustment: 7, total: 7, reasons: ['Tư vấn qua điện thoại'] },
    });
  });

  it('excludes other units, other periods, other plans and deleted activities', () => {
    const activities = [
      act({ indicators: { 'new-members': 1 } }),
      act({ indicators: { 'new-members': 10 }, unitCode: 'CDCS-0002' }),
      act({ indicators: { 'new-members': 100 }, date: '2025-07-01' }),
      act({ indicators: { 'new-members': 1000 }, deletedAt: NOW }),
      act({ indicators: { 'new-members': 10000 }, planId: 'plan-other' }),
    ];
    const adjustments = [
      adj({ indicatorCode: 'new-members', delta: 2 }),
      adj({ indicatorCode: 'new-members', delta: 20, unitCode: 'CDCS-0002' }),
      adj({ indicatorCode: 'new-members', delta: 200, periodKey: '2025-Y' }),
      adj({ indicatorCode: 'new-members', delta: 2000, periodKey: '2024-H1' }),
      adj({ indicatorCode: 'new-members', delta: 20000, planId: 'plan-other' }),
    ];
    const base = { activities, adjustments, range: h1(ND09), periodKey: '2025-H1', planId: 'plan-63' };
    expect(sumIndicators({ ...base, unitCode: 'CDCS-0001' })['new-members']).toMatchObject({ fromActivities: 1, adjustment: 2, total: 3 });
    // Every unit (consolidated).
    expect(sumIndicators(base)['new-members']).toMatchObject({ fromActivities: 11, adjustment: 22, total: 33 });
    // No plan filter: the caller's list decides.
    expect(sumIndicators({ ...base, planId: undefined, unitCode: 'CDCS-0001' })['new-members']!.total).toBe(1 + 10000 + 2 + 20000);
  });

  it('lists every def with zeros when defs are given', () => {
    const sums = sumIndicators({ activities: [], adjustments: [], range: h1(ND09), periodKey: '2025-H1', defs: STANDARD_INDICATORS });
    expect(Object.keys(sums)).toEqual(STANDARD_INDICATORS.map((d) => d.code));
    expect(sums['new-members']).toEqual({ fromActivities: 0, adjustment: 0, total: 0, reasons: [] });
  });

  it('cuts the 6-month period at 14/06 under the state rule and at 30/06 under 01/01–30/06', () => {
    const activities = [
      act({ date: '2024-12-14', indicators: { 'training-classes': 1 } }),
      act({ date: '2024-12-15', indicators: { 'training-classes': 10 } }),
      act({ date: '2025-01-01', indicators: { 'training-classes': 100 } }),
      act({ date: '2025-06-14', indicators: { 'training-classes': 1000 } }),
      act({ date: '2025-06-15', indicators: { 'training-classes': 10000 } }),
      act({ date: '2025-06-30', indicators: { 'training-classes': 100000 } }),
      act({ date: '2025-07-01', indicators: { 'training-classes': 1000000 } }),
    ];
    const total = (config: PeriodConfig) =>
      sumIndicators({ activities, adjustments: [], range: h1(config), periodKey: '2025-H1' })['training-classes']!.total;
    expect(h1(ND09)).toMatchObject({ start: '2024-12-15', end: '2025-06-14' });
    expect(total(ND09)).toBe(10 + 100 + 1000);
    expect(h1(CALENDAR)).toMatchObject({ start: '2025-01-01', end: '2025-06-30' });
    expect(total(CALENDAR)).toBe(100 + 1000 + 10000 + 100000);
  });

  it('throws instead of losing precision beyond MAX_SAFE_INTEGER, and on non-integers', () => {
    const big = Number.MAX_SAFE_INTEGER - 5;
    const range = h1(ND09);
    const sum = (activities: Activity[], adjustments: IndicatorAdjustment[] = []) =>
      sumIndicators({ activities, adjustments, range, periodKey: '2025-H1' });
    expect(sum([act({ indicators: { commendations: big } }), act({ indicators: { commendations: 5 } })]).commendations!.total).toBe(
      Number.MAX_SAFE_INTEGER,
    );
    expect(() => sum([act({ indicators: { commendations: big } }), act({ indicators: { commendations: 6 } })])).toThrow(
      IndicatorOverflowError,
    );
    expect(() => sum([act({ indicators: { commendations: big } })], [adj({ indicatorCode: 'commendations', delta: 10 })])).toThrow(
      /vượt quá giới hạn/,
    );
    expect(() => sum([act({ indicators: { commendations: 1.5 } })])).toThrow(IndicatorValueError);
  });

  it('agrees with a naive recomputation over a few hundred generated activities', () => {
    // Deterministic PRNG (mulberry32) so a failure can be replayed.
    let state = 0x5eed;
    const rand = () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const units = ['CDCS-0001', 'CDCS-0002', 'CDCS-0003'];
    const codes = [...STANDARD_INDICATORS.map((d) => d.code), 'x-mai-am'];
    const periodKeys = ['2025-H1', '2025-Y', '2024-Y'];
    const randomDate = () => isoDate(pick([2024, 2025, 2026]), 1 + Math.floor(rand() * 12), 1 + Math.floor(rand() * 28));

    for (let round = 0; round < 5; round++) {
      const activities: Activity[] = [];
      for (let i = 0; i < 300; i++) {
        const indicators: Record<string, number> = {};
        for (const code of codes) if (rand() < 0.3) indicators[code] = 1 + Math.floor(rand() * 50);
        activities.push(
          act({
            unitCode: pick(units),
            date: rand() < 0.1 ? pick(['2024-12-14', '2024-12-15', '2025-06-14', '2025-06-15', '2025-12-14', '2025-12-15']) : randomDate(),
            indicators,
            participants: rand() < 0.5 ? Math.floor(rand() * 200) : null,
            deletedAt: rand() < 0.1 ? NOW : null,
          }),
        );
      }
      const adjustments: IndicatorAdjustment[] = [];
      for (let i = 0; i < 40; i++) {
        adjustments.push(
          adj({ unitCode: pick(units), periodKey: pick(periodKeys), indicatorCode: pick(codes), delta: Math.floor(rand() * 41) - 20 || 1, reason: `Lý do ${i}` }),
        );
      }
      const config = round % 2 === 0 ? ND09 : CALENDAR;
      for (const [periodKey, period] of [
        ['2025-H1', h1(config)],
        ['2025-Y', periodOf(config, { kind: 'year', year: 2025 })],
      ] as const) {
        for (const unitCode of [...units, undefined]) {
          const got = sumIndicators({ activities, adjustments, unitCode, range: period, periodKey });
          // Naive: loop per code over everything.
          for (const code of codes) {
            let fromActivities = 0;
            for (const a of activities) {
              if (a.deletedAt || (unitCode && a.unitCode !== unitCode) || a.date < period.start || a.date > period.end) continue;
              if (code === 'participants') fromActivities += 'participants' in a.indicators ? a.indicators.participants! : (a.participants ?? 0);
              else fromActivities += a.indicators[code] ?? 0;
            }
            const own = adjustments.filter((x) => x.periodKey === periodKey && x.indicatorCode === code && (!unitCode || x.unitCode === unitCode));
            const adjustment = own.reduce((s, x) => s + x.delta, 0);
            const entry = got[code];
            if (entry === undefined) {
              expect([fromActivities, own.length]).toEqual([0, 0]);
            } else {
              expect({ code, fromActivities: entry.fromActivities, adjustment: entry.adjustment, total: entry.total, n: entry.reasons.length }).toEqual({
                code,
                fromActivities,
                adjustment,
                total: fromActivities + adjustment,
                n: own.length,
              });
            }
          }
        }
      }
    }
  });
});
