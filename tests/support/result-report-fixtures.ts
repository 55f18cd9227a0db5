/**
 * A district's consolidated report for the «Báo cáo kết quả» tests and benchmark: `units` CĐCS
 * of which those in `missing` have not reported, each reporting `activities` activities,
 * consolidated by the real consolidate() (domain/consolidate.ts) as «Tổng hợp» does.
 */
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { consolidate } from '@domain/consolidate';
import { planFingerprint } from '@domain/plan-tree';
import type { ConsolidatedReport, UnitReport } from '@domain/report';
import { numberedUnitReport, planItems, sampleReport } from './exchange-writer-fixtures';

export interface DistrictOptions {
  units: number;
  /** Indexes of the units that have not reported. */
  missing: ReadonlySet<number>;
  /** Activities per reporting unit. */
  activities: (i: number) => number;
  /** When unit i handed its report in (ISO instant). */
  exportedAt: (i: number) => string;
  name?: (i: number) => string;
  /** Indicator code → the district's own target. */
  targets?: Record<string, number>;
  deadline?: string;
  /** Unit reports already made, by index (filled on the first call): the benchmark times the consolidation alone. */
  made?: Map<number, UnitReport>;
}

export function districtReport(o: DistrictOptions): ConsolidatedReport {
  const name = o.name ?? ((i: number) => `CĐCS số ${i}`);
  const expected = Array.from({ length: o.units }, (_, i) => ({ code: `CDCS-${1000 + i}`, name: name(i), level: 'grassroots' as const }));
  const base = sampleReport(0);
  return consolidate({
    unit: { code: 'LDLD-DMC', name: 'LĐLĐ huyện Dương Minh Châu', level: 'district', parentName: 'LĐLĐ tỉnh Tây Ninh' },
    plan: { id: BUILTIN_PLAN.id, number: '63/KH-LĐLĐ', title: BUILTIN_PLAN.plan.header.title ?? '', fingerprint: planFingerprint(BUILTIN_PLAN.plan) },
    items: planItems(),
    period: base.period,
    indicators: base.indicators.map((i) => ({ code: i.code, name: i.name, unit: i.unit, target: o.targets?.[i.code] ?? null })),
    expectedUnits: expected,
    deadline: o.deadline ?? '2025-06-20',
    contributions: expected
      .map((u, i) => ({ u, i }))
      .filter(({ i }) => !o.missing.has(i))
      .map(({ u, i }) => {
        let report = o.made?.get(i);
        if (!report) {
          report = numberedUnitReport(i, o.activities(i), o.exportedAt(i));
          report.unit.name = u.name;
          o.made?.set(i, report);
        }
        return { report, submittedAt: report.exportedAt };
      }),
    exportedAt: '2025-06-25T01:00:00.000Z',
    exportedBy: '',
    appVersion: '',
  }).report;
}
