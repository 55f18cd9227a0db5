/**
 * domain/overview-digest.ts: «Tổng quan» built from the reports' digests equals «Tổng quan» built
 * from the full consolidation, deep equality of every figure, over many generated sets: unit
 * reports and templates (statuses missing or null, activities outside their period, «lượt người»
 * from the field or from the indicator, adjustments up and down, indicators the consolidating
 * body has not defined), lower bodies' consolidated reports (covering units that also sent their
 * own report, two bodies covering one unit, items they do not list), the own data, late and on
 * time, both scopes, the same period a year earlier; the digests stored and read back as text.
 */
import { describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES } from '@domain/activity';
import { consolidate, type ConsolidateInput, type Contribution } from '@domain/consolidate';
import { STANDARD_INDICATORS } from '@domain/indicators';
import { consolidateDigests, overviewDigestOf, packOverviewDigest, unpackOverviewDigest, type DigestContribution } from '@domain/overview-digest';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { WORKBOOK_STATUSES, type ReportActivity, type ReportPeriod, type UnitReport } from '@domain/report';
import { buildOverview, buildTalliedOverview, taskGroupsOf, type OverviewScope } from '@features/overview/overview-data';
import { fakeUuid, planItems, sampleReport } from '../support/exchange-writer-fixtures';

const ITEMS = planItems();
const GROUPS = taskGroupsOf(BUILTIN_PLAN.plan);
const CODES = [...STANDARD_INDICATORS.map((d) => d.code), 'extra-a', 'extra-b'];
const NOW: ReportPeriod = { key: '2025-H1', name: '6 tháng đầu năm 2025', start: '2025-01-01', end: '2025-06-30' };
const BEFORE: ReportPeriod = { key: '2024-H1', name: '6 tháng đầu năm 2024', start: '2024-01-01', end: '2024-06-30' };

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

const pad = (n: number) => String(n).padStart(2, '0');

function named(code: string, other: boolean): { name: string; unit: string } {
  const std = STANDARD_INDICATORS.find((d) => d.code === code);
  return std && !other ? { name: std.name, unit: std.unit } : { name: `Chỉ tiêu ${code}`, unit: 'lượt' };
}

function generatedUnit(rand: (n: number) => number, code: string, period: ReportPeriod, n: number): UnitReport {
  const year = Number(period.start.slice(0, 4));
  const activities: ReportActivity[] = Array.from({ length: rand(12) }, (_, i) => {
    const indicators: Record<string, number> = {};
    for (let k = rand(3); k > 0; k--) indicators[CODES[rand(CODES.length)]!] = rand(40);
    // Some before the period, some after it (month 7 … 8), one in December of the year before.
    const month = rand(10) === 0 ? 7 + rand(2) : 1 + rand(6);
    const date = rand(15) === 0 ? `${year - 1}-12-${pad(1 + rand(28))}` : `${year}-${pad(month)}-${pad(1 + rand(28))}`;
    return {
      id: rand(8) === 0 ? '' : fakeUuid(n * 100 + i),
      date,
      unitCode: code,
      itemIds: [ITEMS[rand(ITEMS.length)]!.id],
      type: ACTIVITY_TYPES[rand(ACTIVITY_TYPES.length)]!.code,
      title: `Hoạt động ${i}`,
      content: '',
      location: '',
      participants: rand(3) === 0 ? null : rand(200),
      evidenceDoc: '',
      evidenceFile: '',
      indicators,
    };
  });
  const r = sampleReport(0);
  const kind = rand(4) === 0 ? 'template' : 'unit-report';
  return {
    ...r,
    kind,
    unit: { code, name: `Trường học ${code}`, level: 'grassroots', parentName: '' },
    period,
    exportedAt: `${period.end.slice(0, 7)}-${pad(20 + rand(10))}T0${rand(10)}:00:00.000Z`,
    ...(kind === 'template' && rand(2) === 0 ? { reportDate: `${period.end.slice(0, 7)}-${pad(20 + rand(10))}` } : {}),
    items: ITEMS.filter(() => rand(10) !== 0).map((it) => ({ ...it, status: rand(5) === 0 ? null : WORKBOOK_STATUSES[rand(4)]!, note: 'ghi chú', evidence: '', activityCount: 0 })),
    activities,
    // Standard indicators under their own names mostly (stored without them), sometimes another.
    indicators: CODES.filter(() => rand(5) !== 0).map((c) => ({ code: c, ...named(c, rand(4) === 0), value: 0, target: null, adjustment: rand(3) === 0 ? rand(21) - 5 : 0, adjustmentReason: '' })),
  };
}

function baseInput(code: string, period: ReportPeriod, level: 'district' | 'province', contributions: Contribution[]): ConsolidateInput {
  const r = sampleReport(0);
  return {
    unit: { code, name: `Đơn vị ${code}`, level, parentName: '' },
    plan: r.plan,
    items: ITEMS,
    period,
    indicators: STANDARD_INDICATORS.map((d, i) => ({ code: d.code, name: d.name, unit: d.unit, target: i % 2 === 0 ? 100 * (i + 1) : null })),
    expectedUnits: [],
    deadline: '',
    contributions,
    exportedAt: '2025-07-15T01:00:00.000Z',
    exportedBy: '',
    appVersion: 'test',
  };
}

/** A province's contributions for a period: units, lower bodies' consolidations (overlapping), own data. */
function generatedSet(seed: number, period: ReportPeriod): { input: ConsolidateInput; expected: string[] } {
  const rand = rng(seed);
  let n = seed * 1000;
  const contributions: Contribution[] = [];
  const at = (r: UnitReport): Contribution => ({ report: r, submittedAt: r.exportedAt, fileHash: r.unit.code.padEnd(64, '0'), submissionId: `s-${r.unit.code}` });
  const direct = Array.from({ length: rand(8) }, (_, i) => generatedUnit(rand, `CDCS-${i}`, period, n++));
  contributions.push(...direct.map(at));
  const bodies = rand(4);
  for (let b = 0; b < bodies; b++) {
    // A lower body's units: some are also among the province's direct reports (counted once), some its own.
    const members = [...direct.filter(() => rand(3) === 0), ...Array.from({ length: 1 + rand(4) }, (_, i) => generatedUnit(rand, `CDCS-D${b}-${i}`, period, n++))];
    const body = consolidate({ ...baseInput(`LDLD-${b}`, period, 'district', members.map(at)), exportedAt: `${period.end.slice(0, 7)}-2${rand(10)}T01:00:00.000Z` }).report;
    // Items a body's report does not list: its reports count as «Chưa báo cáo».
    if (rand(3) === 0) body.consolidation.items = body.consolidation.items.filter(() => rand(4) !== 0);
    // A hand-made report: rows left out (its activities still name those units, by unitNames or by code).
    if (rand(3) === 0) body.consolidation.units = body.consolidation.units.filter(() => rand(2) === 0);
    if (rand(3) === 0) body.consolidation.unitNames = {};
    contributions.push(at(body));
  }
  if (rand(3) > 0) {
    const own = generatedUnit(rand, 'TINH', period, n++);
    contributions.push({ report: { ...own, unit: { ...own.unit, level: 'province' } }, submittedAt: own.exportedAt, own: true });
  }
  const expected = [...direct.map((r) => r.unit.code), ...Array.from({ length: bodies }, (_, b) => `LDLD-${b}`), 'CDCS-SILENT'].filter(() => rand(6) !== 0);
  const input = baseInput('TINH', period, 'province', contributions);
  input.expectedUnits = expected.map((code) => ({ code, name: `Đơn vị ${code}`, level: code.startsWith('LDLD') ? 'district' : 'grassroots' }));
  input.deadline = rand(3) === 0 ? '' : `${period.end.slice(0, 7)}-${pad(22 + rand(6))}`;
  // A body whose plan leaves a standard indicator out: the reports' own names for it are shown.
  input.indicators = input.indicators.filter(() => rand(4) !== 0);
  return { input, expected };
}

const viaDigests = (input: ConsolidateInput) =>
  consolidateDigests({
    ...input,
    // As stored and read back: the digest's text.
    contributions: input.contributions.map(({ report, ...c }): DigestContribution => ({ ...c, digest: unpackOverviewDigest(packOverviewDigest(overviewDigestOf(report)))! })),
  });

function bothWays(scope: OverviewScope, now: ConsolidateInput, before: ConsolidateInput) {
  const full = buildOverview({ scope, groups: GROUPS, period: NOW, result: consolidate(now), previous: { period: BEFORE, result: consolidate(before) } });
  const [d, b] = [viaDigests(now), viaDigests(before)];
  const digested = buildTalliedOverview({ scope, groups: GROUPS, period: NOW, result: d.result, activities: d.activities, previous: { period: BEFORE, activities: b.activities } });
  return { full, digested };
}

describe('«Tổng quan» from digests equals «Tổng quan» from the full consolidation', () => {
  it('over 150 generated provinces, both scopes, with the same period a year earlier', () => {
    let overlaps = 0;
    let late = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const now = generatedSet(seed, NOW).input;
      const before = generatedSet(seed + 10_000, BEFORE).input;
      let full;
      try {
        full = consolidate(now);
      } catch (error) {
        // Two bodies filing one unit code twice is refused alike both ways.
        expect(() => viaDigests(now)).toThrow((error as Error).message);
        continue;
      }
      overlaps += full.countedElsewhere.length + full.coveredTwice.length;
      late += full.report.consolidation.completeness.filter((c) => c.state === 'nop-muon').length;
      for (const scope of ['consolidated', 'unit'] as const) {
        const { full: a, digested: b } = bothWays(scope, now, before);
        expect(b, `seed ${seed}, ${scope}`).toEqual(a);
      }
    }
    // The generated sets do exercise what they are meant to.
    expect(overlaps).toBeGreaterThan(20);
    expect(late).toBeGreaterThan(20);
  });

  it('a set with no activity at all, and one with nothing but the own data', () => {
    const empty = generatedSet(3, NOW).input;
    empty.contributions = empty.contributions.map((c) => ({ ...c, report: { ...c.report, activities: [] } }));
    const { full, digested } = bothWays('consolidated', empty, { ...empty, period: BEFORE, contributions: [] });
    expect(digested).toEqual(full);
    expect(full.activityCount).toBe(0);
    expect(full.monthly.previous).toBeNull();
    let seed = 1;
    while (!generatedSet(seed, NOW).input.contributions.some((c) => c.own && c.report.activities.length > 0)) seed++;
    const own = generatedSet(seed, NOW).input;
    own.contributions = own.contributions.filter((c) => c.own);
    expect(own.contributions).toHaveLength(1);
    const two = bothWays('unit', own, own);
    expect(two.digested).toEqual(two.full);
    expect(two.full.activityCount).toBeGreaterThan(0);
  });

  it('a digest is small beside its report, and one of another version is not read', () => {
    const report = generatedUnit(rng(9), 'CDCS-X', NOW, 1);
    const big = { ...report, activities: Array.from({ length: 40 }, (_, i) => ({ ...report.activities[i % Math.max(1, report.activities.length)]!, id: fakeUuid(i), date: '2025-03-03', content: 'Nội dung '.repeat(20) })) };
    const text = packOverviewDigest(overviewDigestOf(big));
    expect(text.length).toBeLessThan(JSON.stringify(big).length / 10);
    expect(unpackOverviewDigest(text)).not.toBeNull();
    expect(unpackOverviewDigest(text.replace(/^\[1,/, '[0,'))).toBeNull();
    expect(unpackOverviewDigest(text.replace(/^\[1,("[a-z-]+"),(\d+),\[/, '[1,$1,$2,{'))).toBeNull();
    expect(unpackOverviewDigest('{')).toBeNull();
    expect(unpackOverviewDigest('{"version":1}')).toBeNull();
  });
});
