/**
 * Rules about a unit's report as a whole (what one submitted file stands for).
 */
import { isConsolidated, type UnitReport } from '../exchange/spec';

/**
 * The unit codes a submission files data under: the sender's own, and for a consolidated
 * report every CĐCS its activities came from (so a unit can be found, and kept from deletion,
 * by any report that carries its data).
 */
export function submissionUnitCodes(unitCode: string, report: UnitReport): string[] {
  const codes = new Set([unitCode]);
  if (isConsolidated(report)) for (const a of report.activities) if (a.unitCode) codes.add(a.unitCode);
  return [...codes];
}
