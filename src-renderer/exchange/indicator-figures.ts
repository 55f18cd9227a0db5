/**
 * What a report says about each indicator, in the three figures the officer and IT staff compare:
 * what its activities add up to, the adjustment, and the resulting value (= the two together).
 * The import preview and the command line's `--json` show these; the reader has already made
 * every typed «Kết quả» the value (domain/indicators.ts resolveTypedResult).
 *
 * Pure module (no ExcelJS): the main chunk may import it.
 */
import { activitySums } from '@domain/indicators';
import { isConsolidated, type UnitReport } from '@domain/report';

export interface IndicatorFigure {
  code: string;
  name: string;
  unit: string;
  /** What the report's activities add up to (a unit report: those dated in its period). */
  activities: number;
  /**
   * value − activities: a unit's adjustment (its «Điều chỉnh», and what a typed «Kết quả» adds);
   * for a consolidated report, its units' adjustments together.
   */
  adjustment: number;
  adjustmentReason: string;
  /** The total the report gives: what every level above counts. */
  value: number;
  target: number | null;
}

/** Every indicator the report lists, in its order, then any other code its activities carry. */
export function indicatorFigures(report: UnitReport): IndicatorFigure[] {
  const consolidated = isConsolidated(report);
  const { start, end } = report.period;
  const sums = activitySums(report.activities, !consolidated && start !== '' && end !== '' ? { start, end } : undefined);
  const out: IndicatorFigure[] = report.indicators.map((i) => {
    const activities = sums[i.code] ?? 0;
    return {
      code: i.code,
      name: i.name,
      unit: i.unit,
      activities,
      adjustment: consolidated ? i.value - activities : i.adjustment,
      adjustmentReason: consolidated ? '' : i.adjustmentReason,
      value: consolidated ? i.value : activities + i.adjustment,
      target: i.target,
    };
  });
  const listed = new Set(report.indicators.map((i) => i.code));
  for (const code of Object.keys(sums).sort()) {
    if (listed.has(code)) continue;
    out.push({ code, name: code, unit: '', activities: sums[code]!, adjustment: 0, adjustmentReason: '', value: sums[code]!, target: null });
  }
  return out;
}
