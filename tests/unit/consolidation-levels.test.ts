/**
 * Several levels: on generated data, a district's totals are the sums over its units'
 * stored data after each unit's report is applied, and the province's total is the sum of the
 * districts' totals, which equals the sum over every unit. Pure data level (the consolidated
 * workbook comes later).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { ACTIVITY_TYPES } from '@domain/activity';
import { STANDARD_INDICATORS, sumIndicators, type IndicatorAdjustment, type IndicatorSum } from '@domain/indicators';
import { activitiesOfPlan, applySubmission, db, ensureSeeded, previewImport, putSetting, type UnitRecord } from '@db';
import type { ReportActivity, UnitReport } from '@domain/report';
import { fakeUuid, sampleReport } from '../support/exchange-writer-fixtures';

const PLAN = BUILTIN_PLAN.id;
const PERIOD = { key: '2025-H1', name: '6 tháng đầu năm 2025', start: '2025-01-01', end: '2025-06-30' };
const RANGE = { start: PERIOD.start, end: PERIOD.end };
const T = '2025-01-01T00:00:00.000Z';
const CODES = STANDARD_INDICATORS.map((d) => d.code);

/** Deterministic pseudo-random integers (mulberry32). */
function rng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n);
  };
}

const DISTRICTS = ['LDLD-DMC', 'LDLD-TB', 'LDLD-GD'];
const unitsOf = (district: string) => Array.from({ length: 5 }, (_, i) => `CDCS-${district.slice(5)}-${i + 1}`);

function generatedReport(unitCode: string, district: string, seed: number): UnitReport {
  const r = sampleReport(0);
  const rand = rng(seed);
  const itemIds = r.items.map((i) => i.id);
  const count = 5 + rand(20);
  const activities: ReportActivity[] = Array.from({ length: count }, (_, i) => {
    const indicators: Record<string, number> = {};
    for (let k = 0; k < 3; k++) {
      const v = rand(40);
      if (v > 0) indicators[CODES[rand(CODES.length)]!] = v;
    }
    return {
      id: i % 7 === 3 ? '' : fakeUuid(seed * 1000 + i),
      date: `2025-0${1 + rand(6)}-${String(1 + rand(28)).padStart(2, '0')}`,
      unitCode,
      itemIds: [itemIds[rand(itemIds.length)]!],
      type: ACTIVITY_TYPES[rand(ACTIVITY_TYPES.length)]!.code,
      title: `Hoạt động ${i + 1} của ${unitCode}`,
      content: '',
      location: '',
      participants: rand(3) === 0 ? null : rand(200),
      evidenceDoc: '',
      evidenceFile: '',
      indicators,
    };
  });
  const adjustmentCode = CODES[seed % CODES.length]!;
  return {
    ...r,
    unit: { code: unitCode, name: `CĐCS ${unitCode}`, level: 'grassroots', parentName: district },
    period: PERIOD,
    exportedAt: `2025-07-0${1 + (seed % 5)}T02:00:00.000Z`,
    activities,
    indicators: STANDARD_INDICATORS.map((d) => ({
      code: d.code, name: d.name, unit: d.unit, value: 0, target: null,
      adjustment: d.code === adjustmentCode ? (seed % 2 === 0 ? 3 : -1) : 0,
      adjustmentReason: d.code === adjustmentCode ? 'Bổ sung số liệu trước khi dùng ứng dụng' : '',
    })),
  };
}

/** A unit's totals from its own report (what the unit's installation would show). */
function unitTotalsFromReport(r: UnitReport): Record<string, number> {
  const adjustments: IndicatorAdjustment[] = r.indicators
    .filter((i) => i.adjustment !== 0)
    .map((i) => ({ planId: PLAN, unitCode: r.unit.code, periodKey: PERIOD.key, indicatorCode: i.code, delta: i.adjustment, reason: i.adjustmentReason, updatedAt: T }));
  const sums = sumIndicators({
    activities: r.activities.map((a) => ({ ...a, planId: PLAN, deletedAt: null })),
    adjustments,
    unitCode: r.unit.code,
    range: RANGE,
    periodKey: PERIOD.key,
    defs: STANDARD_INDICATORS,
  });
  return totals(sums);
}

const totals = (sums: Record<string, IndicatorSum>): Record<string, number> => Object.fromEntries(Object.entries(sums).map(([c, s]) => [c, s.total]));

function add(into: Record<string, number>, more: Record<string, number>): Record<string, number> {
  for (const [code, v] of Object.entries(more)) into[code] = (into[code] ?? 0) + v;
  return into;
}

/** A district's totals: sumIndicators over what the database stores for its units. */
async function storedTotals(unitCodes: readonly string[]): Promise<Record<string, number>> {
  const codes = new Set(unitCodes);
  const activities = (await activitiesOfPlan(PLAN)).filter((a) => codes.has(a.unitCode) && a.submissionId);
  const adjustments = (await db.indicatorAdjustments.where('[planId+periodKey]').equals([PLAN, PERIOD.key]).toArray()).filter((a) => codes.has(a.unitCode));
  return totals(sumIndicators({ activities, adjustments, planId: PLAN, range: RANGE, periodKey: PERIOD.key, defs: STANDARD_INDICATORS }));
}

const reports = new Map<string, UnitReport>();

beforeAll(async () => {
  db.close();
  await db.delete();
  await db.open();
  await ensureSeeded();
  const unit = (code: string, name: string, level: UnitRecord['level'], parentName: string): UnitRecord => ({
    code, name, level, parentName, type: null, members: null, contact: '', phone: '', active: true, createdAt: T, updatedAt: T,
  });
  await db.units.add(unit('LDLD-TN', 'LĐLĐ tỉnh Tây Ninh', 'province', ''));
  await putSetting('ownUnitCode', 'LDLD-TN');
  let seed = 1;
  for (const district of DISTRICTS) {
    for (const code of unitsOf(district)) {
      await db.units.add(unit(code, `CĐCS ${code}`, 'grassroots', district));
      reports.set(code, generatedReport(code, district, seed++));
    }
  }
  for (const r of reports.values()) {
    const bytes = new TextEncoder().encode(JSON.stringify(r));
    const result = await applySubmission(await previewImport(r, bytes, `${r.unit.code}.xlsx`));
    expect(result.outcome).toBe('applied');
  }
});

describe('totals across three levels (3 districts × 5 units)', () => {
  it('each unit: its stored data sums to the totals of its own report', async () => {
    for (const [code, r] of reports) expect(await storedTotals([code]), code).toEqual(unitTotalsFromReport(r));
  });

  it('each district = the sum of its units; the province = the sum of the districts = the sum over all units', async () => {
    const districtTotals: Record<string, number>[] = [];
    for (const district of DISTRICTS) {
      const fromUnits = unitsOf(district).reduce((acc, code) => add(acc, unitTotalsFromReport(reports.get(code)!)), {} as Record<string, number>);
      const stored = await storedTotals(unitsOf(district));
      expect(stored, district).toEqual(fromUnits);
      districtTotals.push(stored);
    }
    const province = districtTotals.reduce((acc, d) => add(acc, d), {} as Record<string, number>);
    const allUnits = [...reports.values()].reduce((acc, r) => add(acc, unitTotalsFromReport(r)), {} as Record<string, number>);
    expect(province).toEqual(allUnits);
    expect(await storedTotals([...reports.keys()])).toEqual(province);
    // Not a vacuous check: real, varied figures.
    expect(Object.values(province).filter((v) => v > 0).length).toBeGreaterThan(5);
    expect(province['participants']).toBeGreaterThan(1000);
  });

  it('re-importing every file changes no total', async () => {
    const before = await storedTotals([...reports.keys()]);
    for (const r of reports.values()) {
      const bytes = new TextEncoder().encode(JSON.stringify(r));
      expect((await applySubmission(await previewImport(r, bytes, 'lai.xlsx'))).outcome).toBe('unchanged');
    }
    expect(await storedTotals([...reports.keys()])).toEqual(before);
  });
});
