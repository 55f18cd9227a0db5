/**
 * The period the app opens on (defaultPeriod): the shortest configured period containing today,
 * checked on both sides of every cut-off of Nghị định 09/2019 and of the other presets; where an
 * activity saved outside the shown period went (periodForDate); whether a period has ended.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PERIOD_CONFIG,
  defaultPeriod,
  isInPeriod,
  PERIOD_PRESETS,
  periodForDate,
  periodOf,
  periodPhase,
  type PeriodConfig,
} from '@domain/periods';

const ND09 = DEFAULT_PERIOD_CONFIG;
const preset = (id: string, kinds: PeriodConfig['kinds'] = ['half', 'year']): PeriodConfig => {
  const p = PERIOD_PRESETS.find((x) => x.id === id)!;
  return { kinds, halfEnd: p.halfEnd, yearEnd: p.yearEnd };
};
const opens = (c: PeriodConfig, today: string) => {
  const p = defaultPeriod(c, today);
  return `${p.key} ${p.start}…${p.end}`;
};

describe('defaultPeriod under Nghị định 09/2019 (15/12 → 14/06, 15/12 → 14/12)', () => {
  it('opens on the 6 months while they run, and on the year once they have ended', () => {
    expect(opens(ND09, '2026-06-14')).toBe('2026-H1 2025-12-15…2026-06-14');
    expect(opens(ND09, '2026-06-15')).toBe('2026-Y 2025-12-15…2026-12-14');
    // The case of the report: 04/12 belongs to the year, not to the 6 months that ended on 14/06.
    expect(opens(ND09, '2026-12-04')).toBe('2026-Y 2025-12-15…2026-12-14');
    expect(opens(ND09, '2026-12-14')).toBe('2026-Y 2025-12-15…2026-12-14');
    // 15/12 starts the next report year: its 6 months are the shortest period containing it.
    expect(opens(ND09, '2026-12-15')).toBe('2027-H1 2026-12-15…2027-06-14');
    expect(opens(ND09, '2026-12-31')).toBe('2027-H1 2026-12-15…2027-06-14');
    expect(opens(ND09, '2027-01-01')).toBe('2027-H1 2026-12-15…2027-06-14');
  });

  it('with quarters configured, opens on the quarter, on both sides of each quarter cut-off', () => {
    const c: PeriodConfig = { ...ND09, kinds: ['half', 'quarter', 'year'] };
    expect(opens(c, '2026-03-14')).toBe('2026-Q1 2025-12-15…2026-03-14');
    expect(opens(c, '2026-03-15')).toBe('2026-Q2 2026-03-15…2026-06-14');
    expect(opens(c, '2026-06-14')).toBe('2026-Q2 2026-03-15…2026-06-14');
    expect(opens(c, '2026-06-15')).toBe('2026-Q3 2026-06-15…2026-09-14');
    expect(opens(c, '2026-09-15')).toBe('2026-Q4 2026-09-15…2026-12-14');
    expect(opens(c, '2026-12-15')).toBe('2027-Q1 2026-12-15…2027-03-14');
  });

  it('a plan reporting only the year opens on the year; one with the 6 months only, on the current report year\'s', () => {
    expect(opens({ ...ND09, kinds: ['year'] }, '2026-03-01')).toBe('2026-Y 2025-12-15…2026-12-14');
    // No 6-month period contains 04/12: the one of the current report year (its report is due).
    expect(opens({ ...ND09, kinds: ['half'] }, '2026-12-04')).toBe('2026-H1 2025-12-15…2026-06-14');
  });
});

describe('defaultPeriod under the other presets', () => {
  it('01/01–30/06 and 01/01–31/12: the calendar halves and year', () => {
    const c = preset('calendar');
    expect(opens(c, '2026-06-30')).toBe('2026-H1 2026-01-01…2026-06-30');
    expect(opens(c, '2026-07-01')).toBe('2026-Y 2026-01-01…2026-12-31');
    expect(opens(c, '2026-12-31')).toBe('2026-Y 2026-01-01…2026-12-31');
    expect(opens(c, '2027-01-01')).toBe('2027-H1 2027-01-01…2027-06-30');
  });

  it('Mẫu 02-HĐCĐ (31/5 and 30/11): on both sides of 31/05 and of 30/11', () => {
    const c = preset('mau-02-hdcd');
    expect(opens(c, '2026-05-31')).toBe('2026-H1 2025-12-01…2026-05-31');
    expect(opens(c, '2026-06-01')).toBe('2026-Y 2025-12-01…2026-11-30');
    expect(opens(c, '2026-11-30')).toBe('2026-Y 2025-12-01…2026-11-30');
    expect(opens(c, '2026-12-01')).toBe('2027-H1 2026-12-01…2027-05-31');
  });
});

describe('periodForDate and periodPhase', () => {
  it('an activity of 04/12/2026 goes to the year 2026 (the kind being looked at when it contains it)', () => {
    expect(periodForDate(ND09, '2026-12-04', 'half')?.key).toBe('2026-Y');
    expect(periodForDate(ND09, '2026-03-04', 'year')?.key).toBe('2026-Y');
    expect(periodForDate(ND09, '2026-03-04', 'half')?.key).toBe('2026-H1');
    expect(periodForDate(ND09, '2026-03-04')?.key).toBe('2026-H1');
    // With the 6-month report only, the second half of the year is in no period.
    expect(periodForDate({ ...ND09, kinds: ['half'] }, '2026-12-04', 'half')).toBeNull();
  });

  it('tells an ended period, the running one and one not started, ends included', () => {
    const h1 = periodOf(ND09, { kind: 'half', year: 2026 });
    expect(periodPhase(h1, '2025-12-14')).toBe('upcoming');
    expect(periodPhase(h1, '2025-12-15')).toBe('current');
    expect(periodPhase(h1, '2026-06-14')).toBe('current');
    expect(periodPhase(h1, '2026-06-15')).toBe('ended');
    expect(isInPeriod(h1, '2026-06-14')).toBe(true);
    expect(isInPeriod(h1, '2026-06-15')).toBe(false);
  });
});
