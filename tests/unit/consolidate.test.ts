/**
 * domain/consolidate.ts: hand-checked small cases, then three levels on generated data
 * (3 districts × 5–8 units → the province): the province's counts, indicator totals and
 * activities equal the sums over the districts and over all units; same inputs give the same
 * output; the order of the contributions does not matter.
 */
import { describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES } from '@domain/activity';
import { activityIndicatorValues, STANDARD_INDICATORS } from '@domain/indicators';
import { consolidate, deadlineEnd, isLate, reportsOf, type ConsolidateInput, type Contribution } from '@domain/consolidate';
import {
  STATUS_COUNT_KEYS,
  WORKBOOK_STATUSES,
  type ConsolidatedReport,
  type ReportActivity,
  type StatusCountKey,
  type UnitReport,
  type WorkbookStatus,
} from '@domain/report';
import { fakeUuid, planItems, sampleReport } from '../support/exchange-writer-fixtures';

const PERIOD = { key: '2025-H1', name: '6 tháng đầu năm 2025', start: '2025-01-01', end: '2025-06-30' };
const ITEMS = planItems();
const DEFS = STANDARD_INDICATORS.map((d) => ({ code: d.code, name: d.name, unit: d.unit, target: null }));
const CODES = STANDARD_INDICATORS.map((d) => d.code);

function rng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

function activity(unitCode: string, i: number, itemId: string, indicators: Record<string, number>, participants: number | null = null): ReportActivity {
  return {
    id: fakeUuid(i),
    date: `2025-0${1 + (i % 6)}-${String(1 + (i % 28)).padStart(2, '0')}`,
    unitCode,
    itemIds: [itemId],
    type: ACTIVITY_TYPES[i % ACTIVITY_TYPES.length]!.code,
    title: `Hoạt động ${i} của ${unitCode}`,
    content: '',
    location: '',
    participants,
    evidenceDoc: '',
    evidenceFile: '',
    indicators,
  };
}

/** A unit report whose indicator values are its activities' sums plus an adjustment. */
function unitReport(
  code: string,
  statuses: Record<string, WorkbookStatus | null>,
  activities: ReportActivity[],
  opts: { kind?: 'unit-report' | 'template'; adjust?: Record<string, number>; exportedAt?: string; level?: 'grassroots' | 'district' } = {},
): UnitReport {
  const r = sampleReport(0);
  const sums: Record<string, number> = {};
  for (const a of activities) for (const [c, v] of Object.entries(activityIndicatorValues(a))) sums[c] = (sums[c] ?? 0) + v;
  return {
    ...r,
    kind: opts.kind ?? 'unit-report',
    unit: { code, name: `CĐCS ${code}`, level: opts.level ?? 'grassroots', parentName: '' },
    period: PERIOD,
    exportedAt: opts.exportedAt ?? '2025-06-10T03:00:00.000Z',
    items: ITEMS.map((it) => ({ ...it, status: statuses[it.id] ?? null, note: '', evidence: '', activityCount: 0 })),
    activities,
    indicators: STANDARD_INDICATORS.map((d) => {
      // A negative adjustment never takes a result below 0 (the format's results are ≥ 0).
      const adj = Math.max(opts.adjust?.[d.code] ?? 0, -(sums[d.code] ?? 0));
      return { code: d.code, name: d.name, unit: d.unit, value: (sums[d.code] ?? 0) + adj, target: null, adjustment: adj, adjustmentReason: adj ? 'Bổ sung' : '' };
    }),
  };
}

function input(unitCode: string, level: 'district' | 'province', contributions: Contribution[], extra: Partial<ConsolidateInput> = {}): ConsolidateInput {
  const r = sampleReport(0);
  return {
    unit: { code: unitCode, name: `Đơn vị ${unitCode}`, level, parentName: '' },
    plan: r.plan,
    items: ITEMS,
    period: PERIOD,
    indicators: DEFS,
    expectedUnits: [],
    deadline: '',
    contributions,
    exportedAt: '2025-07-15T01:00:00.000Z',
    exportedBy: '',
    appVersion: 'test',
    ...extra,
  };
}

const [I1, I2, I3] = [ITEMS[0]!.id, ITEMS[1]!.id, ITEMS[2]!.id];

describe('consolidate: hand-checked', () => {
  const a = unitReport('CDCS-A', { [I1]: 'xong', [I2]: 'dang' }, [
    activity('CDCS-A', 1, I1, { 'propaganda-sessions': 2 }, 40),
    activity('CDCS-A', 2, I1, { 'new-members': 3 }),
  ]);
  const b = unitReport('CDCS-B', { [I1]: 'xong', [I2]: 'chua', [I3]: 'khong-ap-dung' }, [activity('CDCS-B', 3, I2, { 'propaganda-sessions': 1 }, 10)], {
    adjust: { 'new-members': 5 },
    exportedAt: '2025-06-20T17:00:00.000Z', // 00:00 on 21/06 in Vietnam: late for a deadline of 20/06
  });
  const t = unitReport('CDCS-C', { [I1]: 'dang' }, [], { kind: 'template', exportedAt: '2025-01-01T00:00:00.000Z' });
  const contributions: Contribution[] = [
    { report: a, submittedAt: a.exportedAt, submissionId: 's-a' },
    { report: b, submittedAt: b.exportedAt, submissionId: 's-b' },
    { report: t, submittedAt: '2025-06-18T02:00:00.000Z', submissionId: 's-c' },
  ];
  const expectedUnits = ['CDCS-A', 'CDCS-B', 'CDCS-C', 'CDCS-D'].map((code) => ({ code, name: `CĐCS ${code}`, level: 'grassroots' as const }));
  const out = consolidate(input('LDLD-X', 'district', contributions, { expectedUnits, deadline: '2025-06-20' }));
  const c = out.report.consolidation;

  it('status columns: one per unit report, a missing status is «Chưa báo cáo»', () => {
    expect(c.items[0]!.counts).toEqual({ xong: 2, dang: 1, chua: 0, 'khong-ap-dung': 0, none: 0 });
    expect(c.items[1]!.counts).toEqual({ xong: 0, dang: 1, chua: 1, 'khong-ap-dung': 0, none: 1 });
    expect(c.items[2]!.counts).toEqual({ xong: 0, dang: 0, chua: 0, 'khong-ap-dung': 1, none: 2 });
    expect(c.items[3]!.counts.none).toBe(3);
    expect(c.items[0]!.activityCount).toBe(2);
    expect(c.items[1]!.activityCount).toBe(1);
    expect(out.itemShares[I1]!.xong).toEqual([
      { unitCode: 'CDCS-A', count: 1 },
      { unitCode: 'CDCS-B', count: 1 },
    ]);
    expect(out.itemShares[I1]!.dang).toEqual([{ unitCode: 'CDCS-C', count: 1 }]);
  });

  it('unit rows and indicator totals (participants from the activity field; adjustments inside values)', () => {
    expect(c.units.map((u) => [u.unitCode, u.reports, u.activityCount])).toEqual([
      ['CDCS-A', 1, 2],
      ['CDCS-B', 1, 1],
      ['CDCS-C', 1, 0],
    ]);
    expect(c.units[0]!.values).toMatchObject({ 'propaganda-sessions': 2, participants: 40, 'new-members': 3 });
    expect(c.units[1]!.values).toMatchObject({ 'propaganda-sessions': 1, participants: 10, 'new-members': 5 });
    const total = (code: string) => out.report.indicators.find((i) => i.code === code)!;
    expect(total('propaganda-sessions')).toMatchObject({ value: 3, adjustment: 0, target: null });
    expect(total('participants').value).toBe(50);
    expect(total('new-members').value).toBe(8);
    expect(out.report.indicators.map((i) => i.code)).toEqual(CODES);
  });

  it('activities keep their unit, names are filled, ordered by date', () => {
    expect(out.report.activities.map((x) => x.unitCode)).toEqual(['CDCS-A', 'CDCS-A', 'CDCS-B']);
    expect(out.report.activities.map((x) => x.date)).toEqual(['2025-02-02', '2025-03-03', '2025-04-04']);
    expect(out.activityContributors).toEqual(['CDCS-A', 'CDCS-A', 'CDCS-B']);
    expect(c.unitNames).toEqual({ 'CDCS-A': 'CĐCS CDCS-A', 'CDCS-B': 'CĐCS CDCS-B' });
    expect(out.report).toMatchObject({ kind: 'consolidated', formatVersion: 2, unit: { code: 'LDLD-X' } });
    expect(out.report.items[0]).toMatchObject({ id: I1, status: null, activityCount: 2 });
  });

  it('completeness: on time, late (after 00:00 Vietnam of the next day), not submitted', () => {
    expect(c.completeness.map((e) => [e.unitCode, e.state, e.activityCount])).toEqual([
      ['CDCS-A', 'da-nop', 2],
      ['CDCS-B', 'nop-muon', 1],
      ['CDCS-C', 'da-nop', 0],
      ['CDCS-D', 'chua-nop', 0],
    ]);
    expect(c.deadline).toBe('2025-06-20');
    expect(new Date(deadlineEnd('2025-06-20')).toISOString()).toBe('2025-06-20T17:00:00.000Z');
    expect(isLate('2025-06-20T16:59:59.999Z', '2025-06-20')).toBe(false);
    expect(isLate('2025-06-20T17:00:00.000Z', '2025-06-20')).toBe(true);
    expect(isLate('2030-01-01T00:00:00.000Z', '')).toBe(false);
  });

  it('a unit counts its activities plus its adjustment, not the «Kết quả» cells (empty in a hand-filled template)', () => {
    const filled = unitReport('CDCS-T', {}, [activity('CDCS-T', 5, I1, { 'new-members': 4 }, 25)], { kind: 'template', adjust: { 'new-members': 1 } });
    filled.indicators = filled.indicators.map((i) => ({ ...i, value: 0 })); // what the reader gives for blank cells
    const x = consolidate(input('LDLD-X', 'district', [{ report: filled, submittedAt: '2025-06-01T00:00:00.000Z' }]));
    expect(x.contributors[0]!.values).toMatchObject({ 'new-members': 5, participants: 25 });
    expect(x.report.indicators.find((i) => i.code === 'new-members')!.value).toBe(5);
  });

  it('a row dated outside the report’s period (the reader warns) is left out, as the stored sums leave it out', () => {
    const r = unitReport('CDCS-O', {}, [activity('CDCS-O', 1, I1, { 'new-members': 2 }), { ...activity('CDCS-O', 2, I1, { 'new-members': 7 }), date: '2025-07-01' }]);
    const x = consolidate(input('LDLD-X', 'district', [{ report: r, submittedAt: r.exportedAt }]));
    expect(x.report.activities.map((a) => a.date)).toEqual(['2025-02-02']);
    expect(x.contributors[0]!.values['new-members']).toBe(2);
    expect(x.report.consolidation.items[0]!.activityCount).toBe(1);
  });

  it('own data: first row, counted, never in completeness', () => {
    const own = unitReport('LDLD-X', { [I1]: 'chua' }, [activity('LDLD-X', 9, I1, { 'training-classes': 1 })], { level: 'district' });
    const o = consolidate(
      input('LDLD-X', 'district', [...contributions, { report: own, submittedAt: own.exportedAt, own: true }], {
        expectedUnits: [...expectedUnits, { code: 'LDLD-X', name: 'own', level: 'district' }],
        deadline: '2025-06-20',
      }),
    );
    expect(o.contributors[0]).toMatchObject({ unitCode: 'LDLD-X', own: true, reports: 1 });
    expect(o.report.consolidation.items[0]!.counts).toEqual({ xong: 2, dang: 1, chua: 1, 'khong-ap-dung': 0, none: 0 });
    expect(o.report.consolidation.completeness.map((e) => e.unitCode)).not.toContain('LDLD-X');
    expect(o.report.indicators.find((i) => i.code === 'training-classes')!.value).toBe(1);
  });

  it('a row without «Mã dòng» gets a stable id; a known file hash gives the ids the import stores', () => {
    const noId = unitReport('CDCS-E', {}, [{ ...activity('CDCS-E', 4, I1, {}), id: '' }]);
    const x = consolidate(input('LDLD-X', 'district', [{ report: noId, submittedAt: noId.exportedAt }]));
    const y = consolidate(input('LDLD-X', 'district', [{ report: noId, submittedAt: noId.exportedAt }]));
    expect(x.report.activities[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(x.report.activities[0]!.id).toBe(y.report.activities[0]!.id);
    const z = consolidate(input('LDLD-X', 'district', [{ report: noId, submittedAt: noId.exportedAt, fileHash: 'ab'.repeat(32) }]));
    expect(z.report.activities[0]!.id).not.toBe(x.report.activities[0]!.id);
  });

  it('two contributions of one unit are refused', () => {
    expect(() => consolidate(input('LDLD-X', 'district', [contributions[0]!, contributions[0]!]))).toThrow(
      /^Không tổng hợp được: đơn vị .+ có hai báo cáo đang dùng cho cùng kế hoạch và kỳ\. Hãy vào «Nhập dữ liệu» → «Lịch sử nhập» và rút một trong hai\.$/,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Three levels on generated data.

function generatedUnit(code: string, seed: number): UnitReport {
  const rand = rng(seed);
  const statuses: Record<string, WorkbookStatus | null> = {};
  for (const it of ITEMS) {
    const k = rand(6);
    statuses[it.id] = k < 4 ? WORKBOOK_STATUSES[k]! : null;
  }
  const count = rand(25);
  const activities = Array.from({ length: count }, (_, i) => {
    const ind: Record<string, number> = {};
    for (let k = 0; k < 3; k++) {
      const v = rand(30);
      if (v > 0) ind[CODES[rand(CODES.length)]!] = v;
    }
    const a = activity(code, seed * 1000 + i, ITEMS[rand(ITEMS.length)]!.id, ind, rand(3) === 0 ? null : rand(150));
    return i % 9 === 4 ? { ...a, id: '' } : a;
  });
  const adjust = rand(2) === 0 ? { [CODES[rand(CODES.length)]!]: rand(10) - 3 } : {};
  return unitReport(code, statuses, activities, { kind: rand(4) === 0 ? 'template' : 'unit-report', adjust, exportedAt: `2025-06-${String(10 + rand(18)).padStart(2, '0')}T02:00:00.000Z` });
}

const DISTRICTS = ['LDLD-DMC', 'LDLD-TB', 'LDLD-GD'];
const units = new Map<string, UnitReport[]>();
let seed = 1;
for (const [d, district] of DISTRICTS.entries()) {
  units.set(
    district,
    Array.from({ length: 5 + d + (d === 2 ? 1 : 0) }, (_, i) => generatedUnit(`CDCS-${district.slice(5)}-${i + 1}`, seed++)),
  );
}
const allUnits = [...units.values()].flat();
const contributionOf = (r: UnitReport): Contribution => ({ report: r, submittedAt: r.exportedAt, fileHash: r.unit.code.padEnd(64, '0') });

function districtReport(district: string, order: (c: Contribution[]) => Contribution[] = (c) => c): ConsolidatedReport {
  const contributions = order(units.get(district)!.map(contributionOf));
  return consolidate(input(district, 'district', contributions, { exportedAt: '2025-07-05T01:00:00.000Z' })).report;
}

function shuffled<T>(list: T[], s: number): T[] {
  const rand = rng(s);
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rand(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function sumOver(reports: UnitReport[]): { counts: Record<string, Record<StatusCountKey, number>>; values: Record<string, number>; activities: number } {
  const counts: Record<string, Record<StatusCountKey, number>> = {};
  const values: Record<string, number> = {};
  for (const it of ITEMS) counts[it.id] = { xong: 0, dang: 0, chua: 0, 'khong-ap-dung': 0, none: 0 };
  for (const r of reports) {
    for (const it of r.items) counts[it.id]![it.status ?? 'none']++;
    for (const ind of r.indicators) values[ind.code] = (values[ind.code] ?? 0) + ind.value;
  }
  return { counts, values, activities: reports.reduce((s, r) => s + r.activities.length, 0) };
}

function figures(r: ConsolidatedReport) {
  return {
    counts: Object.fromEntries(r.consolidation.items.map((i) => [i.id, i.counts])),
    values: Object.fromEntries(r.indicators.map((i) => [i.code, i.value])),
    activities: r.activities.length,
  };
}

describe('consolidate: three levels on generated data', () => {
  const districts = DISTRICTS.map((d) => districtReport(d));
  const province = consolidate(input('LDLD-TN', 'province', districts.map((r) => ({ report: r, submittedAt: r.exportedAt }))));
  const p = province.report;

  it('each district equals the sums over its units', () => {
    for (const [i, d] of DISTRICTS.entries()) {
      const expected = sumOver(units.get(d)!);
      expect(figures(districts[i]!), d).toEqual(expected);
      expect(reportsOf(districts[i]!)).toBe(units.get(d)!.length);
    }
  });

  it('the province equals the sum of the districts, which equals the sum over all units', () => {
    const all = sumOver(allUnits);
    expect(figures(p)).toEqual(all);
    for (const code of CODES) {
      expect(p.indicators.find((i) => i.code === code)!.value).toBe(districts.reduce((s, d) => s + d.indicators.find((i) => i.code === code)!.value, 0));
    }
    expect(p.activities.length).toBe(districts.reduce((s, d) => s + d.activities.length, 0));
    // Not vacuous: real, varied figures.
    expect(allUnits.length).toBe(5 + 6 + 8);
    expect(Object.values(all.values).filter((v) => v > 0).length).toBeGreaterThan(5);
    for (const k of STATUS_COUNT_KEYS) expect(Object.values(all.counts).some((c) => c[k] > 0), k).toBe(true);
  });

  it('every item’s counts add up to the number of unit reports; rows are the districts with their totals', () => {
    for (const it of p.consolidation.items) expect(STATUS_COUNT_KEYS.reduce((s, k) => s + it.counts[k], 0)).toBe(allUnits.length);
    expect(p.consolidation.units.map((u) => [u.unitCode, u.reports, u.activityCount])).toEqual(
      [...districts]
        .sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'vi'))
        .map((d) => [d.unit.code, units.get(d.unit.code)!.length, d.activities.length]),
    );
    const row = p.consolidation.units.find((u) => u.unitCode === 'LDLD-TB')!;
    const tb = districts[1]!;
    for (const ind of tb.indicators) expect(row.values[ind.code] ?? 0).toBe(ind.value);
  });

  it('activities keep the CĐCS that did them, with names, up to the province', () => {
    const codes = new Set(p.activities.map((a) => a.unitCode));
    for (const code of codes) expect(code.startsWith('CDCS-')).toBe(true);
    for (const code of codes) expect(p.consolidation.unitNames[code]).toBe(`CĐCS ${code}`);
    expect(new Set(p.activities.map((a) => a.id)).size).toBe(p.activities.length);
    const perUnit = new Map<string, number>();
    for (const a of p.activities) perUnit.set(a.unitCode, (perUnit.get(a.unitCode) ?? 0) + 1);
    for (const r of allUnits) expect(perUnit.get(r.unit.code) ?? 0, r.unit.code).toBe(r.activities.length);
    const item = p.consolidation.items.find((i) => i.activityCount > 0)!;
    expect(item.activityCount).toBe(allUnits.reduce((s, r) => s + r.activities.filter((a) => a.itemIds.includes(item.id)).length, 0));
  });

  it('same inputs → same output; the order of contributions does not matter', () => {
    for (const [i, d] of DISTRICTS.entries()) {
      expect(districtReport(d)).toEqual(districts[i]);
      expect(districtReport(d, (c) => shuffled(c, 7 + i))).toEqual(districts[i]);
      expect(districtReport(d, (c) => [...c].reverse())).toEqual(districts[i]);
    }
    const again = consolidate(input('LDLD-TN', 'province', shuffled(districts, 3).map((r) => ({ report: r, submittedAt: r.exportedAt }))));
    expect(again).toEqual(province);
  });
});

describe('three levels through the real workbook', () => {
  it('districts written and read back (exchange writer + reader) consolidate into the same province', async () => {
    const { writeConsolidatedReport } = await import('@exchange/writer-consolidated');
    const { readWorkbook } = await import('@exchange/reader');
    const districts = DISTRICTS.map((d) => districtReport(d));
    const readBack: ConsolidatedReport[] = [];
    for (const d of districts) {
      const fileName = `TongHop_${d.unit.code}.xlsx`;
      const read = await readWorkbook(await writeConsolidatedReport(d), { fileName });
      expect(read.problems.filter((p) => p.severity === 'error'), fileName).toEqual([]);
      expect(read.report?.kind).toBe('consolidated');
      readBack.push(read.report as ConsolidatedReport);
    }
    const fromFiles = consolidate(input('LDLD-TN', 'province', readBack.map((r) => ({ report: r, submittedAt: r.exportedAt })))).report;
    const inMemory = consolidate(input('LDLD-TN', 'province', districts.map((r) => ({ report: r, submittedAt: r.exportedAt })))).report;
    expect(figures(fromFiles)).toEqual(figures(inMemory));
    expect(figures(fromFiles)).toEqual(sumOver(allUnits));
    expect(fromFiles.consolidation.units.map((u) => [u.unitCode, u.reports, u.activityCount, u.values])).toEqual(
      inMemory.consolidation.units.map((u) => [u.unitCode, u.reports, u.activityCount, u.values]),
    );
    expect(fromFiles.consolidation.unitNames).toEqual(inMemory.consolidation.unitNames);
    expect(fromFiles.activities.map((a) => [a.unitCode, a.date, a.title, a.itemIds, a.indicators, a.participants])).toEqual(
      inMemory.activities.map((a) => [a.unitCode, a.date, a.title, a.itemIds, a.indicators, a.participants]),
    );
  }, 120_000);
});
