/**
 * Each unit is counted once. A body that imports a lower body's consolidated report (a
 * district's, a công đoàn ngành's) AND the report of one of that body's CĐCS directly holds the
 * CĐCS's data twice: in the consolidated report and in its own file. The rule:
 *
 *   A unit's own report (kind 'unit-report' or 'template') of a plan and period is LEFT OUT
 *   when a consolidated report of the same plan and period, from another body, already covers
 *   that unit (lists it among its units or its activities): the CĐCS counts through the body it
 *   reported to. The direct file stays in the import history and still shows the unit as
 *   having reported; it is not added again (consolidation, exports, activity log, indicators).
 *
 * Why that way round: a consolidated report's per-item status counts are sums over its units,
 * so the unit cannot be taken out of them; its own file can simply not be added.
 * Two consolidated reports covering the same unit cannot be separated either: that overlap is
 * reported (for the officer to withdraw one), and both are counted.
 *
 * Pure module: db/ and the consolidation call it with what they hold.
 */
import { isConsolidated, type UnitReport } from '../exchange/spec';

/**
 * The units a consolidated report stands for besides its own body: the units of its «Chỉ tiêu
 * theo đơn vị» rows and of its activities, code → name. Empty for a unit's own report.
 */
export function coveredUnits(report: UnitReport): Map<string, string> {
  const out = new Map<string, string>();
  if (!isConsolidated(report)) return out;
  const self = report.unit.code;
  for (const row of report.consolidation.units) if (row.unitCode !== '' && row.unitCode !== self) out.set(row.unitCode, row.unitName || row.unitCode);
  for (const a of report.activities) {
    if (a.unitCode !== '' && a.unitCode !== self && !out.has(a.unitCode)) out.set(a.unitCode, report.consolidation.unitNames[a.unitCode] ?? a.unitCode);
  }
  return out;
}

/** One report as the rule sees it. */
export interface CoverageEntry {
  /** The submission id (or any key unique among the entries). */
  id: string;
  unitCode: string;
  unitName: string;
  planId: string;
  periodKey: string;
  /** The units a consolidated report covers (coveredUnits); empty for a unit's own report. */
  covers: ReadonlyMap<string, string>;
}

export interface CountedElsewhere {
  /** The unit's own report, left out. */
  id: string;
  unitCode: string;
  unitName: string;
  /** The consolidated report that counts it. */
  byId: string;
  byCode: string;
  byName: string;
}

export interface CoveredTwice {
  unitCode: string;
  unitName: string;
  /** The consolidated reports that both cover it (ids), in the order given. */
  byIds: string[];
  byNames: string[];
}

export interface DoubleCounts {
  /** Unit reports left out, by id. */
  leftOut: Map<string, CountedElsewhere>;
  /** Units two consolidated reports both cover (counted twice: the officer must decide). */
  coveredTwice: CoveredTwice[];
}

const scopeKey = (e: Pick<CoverageEntry, 'planId' | 'periodKey'>) => `${e.planId}\u0000${e.periodKey}`;

/** Applies the rule to the ACTIVE reports held (any plans and periods: each scope on its own). */
export function findDoubleCounts(entries: readonly CoverageEntry[]): DoubleCounts {
  const consolidatedByScope = new Map<string, CoverageEntry[]>();
  for (const e of entries) {
    if (e.covers.size === 0) continue;
    const k = scopeKey(e);
    consolidatedByScope.set(k, [...(consolidatedByScope.get(k) ?? []), e]);
  }
  const leftOut = new Map<string, CountedElsewhere>();
  const coveredTwice: CoveredTwice[] = [];
  for (const e of entries) {
    const bodies = consolidatedByScope.get(scopeKey(e)) ?? [];
    if (e.covers.size === 0) {
      const by = bodies.find((c) => c.id !== e.id && c.unitCode !== e.unitCode && c.covers.has(e.unitCode));
      if (by) leftOut.set(e.id, { id: e.id, unitCode: e.unitCode, unitName: e.unitName, byId: by.id, byCode: by.unitCode, byName: by.unitName });
    }
  }
  for (const list of consolidatedByScope.values()) {
    const seen = new Map<string, CoveredTwice>();
    for (const c of list) {
      for (const [code, name] of c.covers) {
        const hit = seen.get(code);
        if (hit) {
          hit.byIds.push(c.id);
          hit.byNames.push(c.unitName);
        } else seen.set(code, { unitCode: code, unitName: name, byIds: [c.id], byNames: [c.unitName] });
      }
    }
    for (const t of seen.values()) if (t.byIds.length > 1) coveredTwice.push(t);
  }
  return { leftOut, coveredTwice };
}

/** «CĐCS … (CDCS-0003) đã có trong báo cáo tổng hợp của …»: why a unit's own file is not added. */
export function countedElsewhereMessage(c: Pick<CountedElsewhere, 'unitCode' | 'unitName' | 'byCode' | 'byName'>): string {
  return (
    `${c.unitName} (${c.unitCode}) đã có trong báo cáo tổng hợp của ${c.byName} (${c.byCode}): ` +
    'số liệu của đơn vị chỉ được tính một lần, theo báo cáo tổng hợp; tệp đơn vị nộp trực tiếp được giữ trong lịch sử nhập nhưng không cộng thêm.'
  );
}

/** Why two consolidated reports are both counted for one unit. */
export function coveredTwiceMessage(t: CoveredTwice): string {
  return (
    `${t.unitName} (${t.unitCode}) có trong báo cáo tổng hợp của ${t.byNames.join(' và ')}: số liệu của đơn vị bị tính ${t.byIds.length} lần. ` +
    'Hãy liên hệ các đơn vị này và rút một bản nộp trong «Lịch sử nhập».'
  );
}
