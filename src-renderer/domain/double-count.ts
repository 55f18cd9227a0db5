/**
 * Each unit is counted once. A body that imports a lower body's consolidated report (a
 * district's, a công đoàn ngành's) AND the report of one of that body's CĐCS directly holds the
 * CĐCS's data twice: in the consolidated report and in its own file. The rule:
 *
 *   A unit's own report (kind 'unit-report' or 'template') of a plan and period is LEFT OUT
 *   when a consolidated report of the same plan and period, from another body, already covers
 *   that unit (lists its code among its units or its activities, for the same unit: named
 *   alike, or placed under that body in the directory): the CĐCS counts through the body it
 *   reported to. A code listed for a differently named unit is a clash of codes given by two
 *   upper levels, not the same unit: both are counted and the officer is told (codeClashes). The direct file stays in the import history and still shows the unit as
 *   having reported; it is not added again (consolidation, exports, activity log, indicators).
 *
 * Why that way round: a consolidated report's per-item status counts are sums over its units,
 * so the unit cannot be taken out of them; its own file can simply not be added.
 * Two consolidated reports covering the same unit cannot be separated either: that overlap is
 * reported (for the officer to withdraw one), and both are counted.
 *
 * Pure module: db/ and the consolidation call it with what they hold.
 */
import { isConsolidated, type UnitReport } from './report';
import { unitNameKey } from './units';

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
  /** The unit's parent as this installation's directory records it ('' or absent: unknown). */
  parentCode?: string;
  /** The unit's parent as its own report names it ('' or absent: unknown). */
  parentName?: string;
  planId: string;
  periodKey: string;
  /** The units a consolidated report covers (coveredUnits); empty for a unit's own report. */
  covers: ReadonlyMap<string, string>;
}

/**
 * Is the unit of a report (its own) the one a consolidated report lists under the same code?
 * Codes are given by each upper level, so two units far apart may share one: it is the same
 * unit when the directory or its own report places it under that body, or when both name it
 * alike (unitNameKey).
 */
function sameUnit(e: CoverageEntry, body: CoverageEntry): boolean {
  if (e.parentCode && e.parentCode === body.unitCode) return true;
  if (e.parentName && body.unitName && unitNameKey(e.parentName) === unitNameKey(body.unitName)) return true;
  return unitNameKey(body.covers.get(e.unitCode) ?? '') === unitNameKey(e.unitName);
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

/** A code a consolidated report lists for another unit than the one whose own report has it. */
export interface CodeClash {
  unitCode: string;
  /** The name of the unit whose own report it is. */
  unitName: string;
  byCode: string;
  byName: string;
  /** The name the consolidated report gives that code. */
  otherName: string;
}

export interface DoubleCounts {
  /** Unit reports left out, by id. */
  leftOut: Map<string, CountedElsewhere>;
  /** Units two consolidated reports both cover (counted twice: the officer must decide). */
  coveredTwice: CoveredTwice[];
  /** One code, two units: both are counted (nothing is left out), the officer is told. */
  codeClashes: CodeClash[];
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
  const codeClashes: CodeClash[] = [];
  for (const e of entries) {
    const bodies = consolidatedByScope.get(scopeKey(e)) ?? [];
    if (e.covers.size > 0) continue;
    const listing = bodies.filter((c) => c.id !== e.id && c.unitCode !== e.unitCode && c.covers.has(e.unitCode));
    const by = listing.find((c) => sameUnit(e, c));
    if (by) leftOut.set(e.id, { id: e.id, unitCode: e.unitCode, unitName: e.unitName, byId: by.id, byCode: by.unitCode, byName: by.unitName });
    else {
      for (const c of listing) {
        codeClashes.push({ unitCode: e.unitCode, unitName: e.unitName, byCode: c.unitCode, byName: c.unitName, otherName: c.covers.get(e.unitCode) ?? '' });
      }
    }
  }
  for (const list of consolidatedByScope.values()) {
    // By code and name: two bodies listing one code for differently named units list two units.
    const seen = new Map<string, CoveredTwice>();
    for (const c of list) {
      for (const [code, name] of c.covers) {
        const key = `${code}\u0000${unitNameKey(name)}`;
        const hit = seen.get(key);
        if (hit) {
          hit.byIds.push(c.id);
          hit.byNames.push(c.unitName);
        } else seen.set(key, { unitCode: code, unitName: name, byIds: [c.id], byNames: [c.unitName] });
      }
    }
    for (const t of seen.values()) if (t.byIds.length > 1) coveredTwice.push(t);
  }
  return { leftOut, coveredTwice, codeClashes };
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

/** One code, two units: said so both can be counted and the officer can re-code one. */
export function codeClashMessage(c: CodeClash): string {
  return (
    `Mã ${c.unitCode} là mã của ${c.unitName} nhưng báo cáo tổng hợp của ${c.byName} dùng mã này cho «${c.otherName}»: ` +
    'hai đơn vị khác nhau cùng mã, cả hai đều được tính. Nên đổi mã một đơn vị ở «Đơn vị» (mã cũ vẫn được nhận ra).'
  );
}
