import { describe, expect, it } from 'vitest';
import {
  currentPeriod,
  DEFAULT_PERIOD_CONFIG,
  formatDateVn,
  nextDay,
  parseDateVn,
  parsePeriodKey,
  PERIOD_PRESETS,
  periodKey,
  periodName,
  periodOf,
  periodRangeVn,
  periodsContaining,
  periodsOf,
  presetOf,
  reportYearOf,
  validatePeriodConfig,
  type PeriodConfig,
} from '@domain/periods';

const ND09 = DEFAULT_PERIOD_CONFIG;
const preset = (id: string): PeriodConfig => {
  const p = PERIOD_PRESETS.find((x) => x.id === id)!;
  return { kinds: ['half', 'quarter', 'year'], halfEnd: p.halfEnd, yearEnd: p.yearEnd };
};
const span = (c: PeriodConfig, key: string) => {
  const p = periodOf(c, parsePeriodKey(key)!);
  return [p.start, p.end];
};

describe('Nghị định 09/2019 (default: 14/6 and 14/12)', () => {
  it('the year 2025 runs 15/12/2024 – 14/12/2025 and its first half to 14/06/2025', () => {
    expect(span(ND09, '2025-Y')).toEqual(['2024-12-15', '2025-12-14']);
    expect(span(ND09, '2025-H1')).toEqual(['2024-12-15', '2025-06-14']);
    expect(periodRangeVn(periodOf(ND09, { kind: 'half', year: 2025 }))).toBe('15/12/2024 – 14/06/2025');
  });

  it('14/12 closes a year and 15/12 opens the next', () => {
    expect(reportYearOf(ND09, '2025-12-14')).toBe(2025);
    expect(reportYearOf(ND09, '2025-12-15')).toBe(2026);
    expect(periodsContaining(ND09, '2025-12-14').map((p) => p.key)).toEqual(['2025-Y']);
    expect(periodsContaining(ND09, '2025-12-15').map((p) => p.key)).toEqual(['2026-H1', '2026-Y']);
  });

  it('a day of the first half is in H1 and in the year; one after 14/6 only in the year', () => {
    expect(periodsContaining(ND09, '2025-06-14').map((p) => p.key)).toEqual(['2025-H1', '2025-Y']);
    expect(periodsContaining(ND09, '2025-06-15').map((p) => p.key)).toEqual(['2025-Y']);
    expect(periodsContaining(ND09, '2025-01-01').map((p) => p.key)).toEqual(['2025-H1', '2025-Y']);
  });

  it('quarters follow the state rule: Q1 = 15/12 → 14/03', () => {
    const c: PeriodConfig = { ...ND09, kinds: ['quarter'] };
    expect(periodsOf(c, 2025).map((p) => [p.key, p.start, p.end])).toEqual([
      ['2025-Q1', '2024-12-15', '2025-03-14'],
      ['2025-Q2', '2025-03-15', '2025-06-14'],
      ['2025-Q3', '2025-06-15', '2025-09-14'],
      ['2025-Q4', '2025-09-15', '2025-12-14'],
    ]);
  });

  it('currentPeriod picks the report year, keeping H1 once its cut-off has passed', () => {
    expect(currentPeriod(ND09, '2025-08-20', 'half').key).toBe('2025-H1');
    expect(currentPeriod(ND09, '2025-08-20', 'year').key).toBe('2025-Y');
    expect(currentPeriod(ND09, '2025-12-20', 'half').key).toBe('2026-H1');
    expect(currentPeriod({ ...ND09, kinds: ['quarter'] }, '2025-08-20', 'quarter').key).toBe('2025-Q3');
    expect(currentPeriod({ ...ND09, kinds: ['quarter'] }, '2025-12-15', 'quarter').key).toBe('2026-Q1');
  });
});

describe('preset 01/01–30/06 and 01/01–31/12', () => {
  const c = preset('calendar');
  it('with yearEnd 31/12 the year starts on 01/01 of the same year', () => {
    expect(span(c, '2025-Y')).toEqual(['2025-01-01', '2025-12-31']);
    expect(span(c, '2025-H1')).toEqual(['2025-01-01', '2025-06-30']);
    expect(reportYearOf(c, '2025-12-31')).toBe(2025);
    expect(reportYearOf(c, '2026-01-01')).toBe(2026);
  });
  it('quarters end on the last day of their month', () => {
    expect(periodsOf({ ...c, kinds: ['quarter'] }, 2025).map((p) => `${p.start}..${p.end}`)).toEqual([
      '2025-01-01..2025-03-31',
      '2025-04-01..2025-06-30',
      '2025-07-01..2025-09-30',
      '2025-10-01..2025-12-31',
    ]);
  });
});

describe('preset Mẫu 02-HĐCĐ: 31/5 and 30/11', () => {
  const c = preset('mau-02-hdcd');
  it('the year runs 01/12 – 30/11 and the half to 31/05', () => {
    expect(span(c, '2025-Y')).toEqual(['2024-12-01', '2025-11-30']);
    expect(span(c, '2025-H1')).toEqual(['2024-12-01', '2025-05-31']);
    expect(periodsContaining(c, '2025-12-01').map((p) => p.key)).toEqual(['2026-H1', '2026-Q1', '2026-Y']);
  });
  it('month-end quarters reach 29/02 in a leap year and 28/02 otherwise', () => {
    expect(span(c, '2024-Q1')).toEqual(['2023-12-01', '2024-02-29']);
    expect(span(c, '2025-Q1')).toEqual(['2024-12-01', '2025-02-28']);
    expect(span(c, '2025-Q2')).toEqual(['2025-03-01', '2025-05-31']);
  });
  it('is recognised as a preset', () => {
    expect(presetOf(c)?.id).toBe('mau-02-hdcd');
    expect(presetOf(ND09)?.id).toBe('nd-09-2019');
    expect(presetOf({ halfEnd: { day: 1, month: 6 }, yearEnd: { day: 1, month: 12 } })).toBeUndefined();
  });
});

describe('leap years', () => {
  it('a 29/02 cut-off falls on 28/02 in common years', () => {
    const c: PeriodConfig = { kinds: ['half', 'year'], halfEnd: { day: 29, month: 2 }, yearEnd: { day: 31, month: 8 } };
    expect(validatePeriodConfig(c)).toEqual([]);
    expect(span(c, '2024-H1')).toEqual(['2023-09-01', '2024-02-29']);
    expect(span(c, '2025-H1')).toEqual(['2024-09-01', '2025-02-28']);
    expect(span(c, '2100-H1')).toEqual(['2099-09-01', '2100-02-28']);
    expect(span(c, '2000-H1')).toEqual(['1999-09-01', '2000-02-29']);
  });
  it('nextDay crosses month, leap day and year', () => {
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2024-02-29')).toBe('2024-03-01');
    expect(nextDay('2025-02-28')).toBe('2025-03-01');
    expect(nextDay('2025-12-31')).toBe('2026-01-01');
  });
});

describe('keys, names and dates', () => {
  it('keys and names', () => {
    expect(periodKey({ kind: 'half', year: 2025 })).toBe('2025-H1');
    expect(periodKey({ kind: 'year', year: 2025 })).toBe('2025-Y');
    expect(periodKey({ kind: 'quarter', year: 2025, quarter: 1 })).toBe('2025-Q1');
    expect(periodName({ kind: 'half', year: 2025 })).toBe('6 tháng đầu năm 2025');
    expect(periodName({ kind: 'year', year: 2025 })).toBe('Năm 2025');
    expect(periodName({ kind: 'quarter', year: 2025, quarter: 1 })).toBe('Quý I năm 2025');
    expect(periodName({ kind: 'quarter', year: 2025, quarter: 4 })).toBe('Quý IV năm 2025');
    expect(parsePeriodKey('2025-Q3')).toEqual({ kind: 'quarter', year: 2025, quarter: 3 });
    expect(parsePeriodKey('2025-Q5')).toBeNull();
  });
  it('dd/mm/yyyy both ways', () => {
    expect(formatDateVn('2025-06-14')).toBe('14/06/2025');
    expect(parseDateVn('14/6/2025')).toBe('2025-06-14');
    expect(parseDateVn('29/02/2024')).toBe('2024-02-29');
    expect(parseDateVn('29/02/2025')).toBeNull();
    expect(parseDateVn('31/04/2025')).toBeNull();
    expect(parseDateVn('2025-06-14')).toBeNull();
    expect(() => formatDateVn('2025-02-30')).toThrow();
  });
});

describe('validatePeriodConfig', () => {
  it('accepts every preset', () => {
    for (const p of PERIOD_PRESETS) {
      expect(validatePeriodConfig({ kinds: ['half', 'year'], halfEnd: p.halfEnd, yearEnd: p.yearEnd })).toEqual([]);
    }
  });
  it('rejects a half cut-off on or after the year cut-off, in Vietnamese', () => {
    const errs = validatePeriodConfig({ kinds: ['half', 'year'], halfEnd: { day: 14, month: 12 }, yearEnd: { day: 14, month: 12 } });
    expect(errs).toEqual([{ field: 'halfEnd', message: 'Ngày chốt 6 tháng (14/12) phải trước ngày chốt năm (14/12).' }]);
  });
  it('rejects impossible days and months and an empty set of kinds', () => {
    const errs = validatePeriodConfig({ kinds: [], halfEnd: { day: 31, month: 6 }, yearEnd: { day: 1, month: 13 } });
    expect(errs.map((e) => e.field)).toEqual(['kinds', 'halfEnd', 'yearEnd']);
    expect(errs[1]!.message).toContain('tháng 6 chỉ có từ ngày 1 đến ngày 30');
  });
});
