/**
 * Which unit of the directory a file comes from: the one rule the import preview, the import
 * itself and the tests share.
 *
 * Pure module. A unit's code is its identity (domain/units.ts), so the code decides first:
 * 1. 'code': a directory unit has the file's code (normalized);
 * 2. 'alias': a directory unit lists the file's code among its other codes (a CĐCS that set
 *    itself up by hand before it was linked, a re-coded unit);
 * 3. otherwise the name: units of the file's level whose name has the same key (unitNameKey:
 *    accents, case, «CĐCS»/«Công đoàn cơ sở» and other usual abbreviations ignored). One such
 *    unit → 'name', a PROPOSAL only: the officer confirms it («Đây là đơn vị …?») and the file's
 *    code becomes an alias, never silently. Several → the parent named in the file picks the
 *    one under the same parent; still several → 'ambiguous', refused with a message;
 * 4. none → 'unknown' (the officer may add it as a new unit).
 * The installation's own unit is never a candidate (its data is entered here, not imported).
 */
import { isConsolidated, type UnitReport } from './report';
import { normalizeUnitCode, unitNameKey, type Unit, type UnitLevel } from './units';

/** What the matcher needs of a directory unit (db UnitRecord satisfies it). */
export type MatchableUnit = Pick<Unit, 'code' | 'name' | 'level' | 'parentName' | 'active' | 'aliases'>;

/** The unit as the file names it. */
export interface FileUnit {
  code: string;
  name: string;
  level: UnitLevel;
  /** The body above as the file names it ('' when it does not). */
  parentName: string;
}

export type UnitMatch<U extends MatchableUnit = MatchableUnit> =
  | { kind: 'code'; unit: U }
  | { kind: 'alias'; unit: U }
  /** A proposal: `parentAgrees` is false when the file names another parent than the unit's. */
  | { kind: 'name'; unit: U; parentAgrees: boolean }
  | { kind: 'ambiguous'; candidates: U[]; message: string }
  | { kind: 'unknown' };

export interface MatchOptions {
  /** The installation's own unit: never matched by name or alias. */
  ownCode?: string;
}

/** The directory unit a file's unit is (see the module comment). */
export function matchUnit<U extends MatchableUnit>(file: FileUnit, directory: Iterable<U>, options: MatchOptions = {}): UnitMatch<U> {
  const code = normalizeUnitCode(file.code);
  const units = [...directory];
  const byCode = code === '' ? undefined : units.find((u) => u.code === code);
  if (byCode) return { kind: 'code', unit: byCode };
  const others = units.filter((u) => u.code !== options.ownCode);
  const byAlias = code === '' ? undefined : others.find((u) => (u.aliases ?? []).some((a) => normalizeUnitCode(a) === code));
  if (byAlias) return { kind: 'alias', unit: byAlias };

  const key = unitNameKey(file.name);
  if (key === '') return { kind: 'unknown' };
  const named = others.filter((u) => u.level === file.level && unitNameKey(u.name) === key);
  if (named.length === 0) return { kind: 'unknown' };
  const parentKey = unitNameKey(file.parentName);
  const agrees = (u: U) => parentKey === '' || unitNameKey(u.parentName) === '' || unitNameKey(u.parentName) === parentKey;
  if (named.length === 1) return { kind: 'name', unit: named[0]!, parentAgrees: agrees(named[0]!) };
  // Several of that name: the parent named in the file decides, when it names one of them only.
  const underParent = parentKey === '' ? [] : named.filter((u) => unitNameKey(u.parentName) === parentKey);
  if (underParent.length === 1) return { kind: 'name', unit: underParent[0]!, parentAgrees: true };
  const candidates = underParent.length > 1 ? underParent : named;
  return { kind: 'ambiguous', candidates, message: ambiguousMessage(file, code, candidates) };
}

function ambiguousMessage(file: FileUnit, code: string, candidates: readonly MatchableUnit[]): string {
  const list = candidates.map((u) => `${u.code}${u.parentName ? ` thuộc ${u.parentName}` : ''}`).join('; ');
  return (
    `Danh sách có ${candidates.length} đơn vị cùng tên «${file.name}» (${list}): ứng dụng không tự chọn được. ` +
    `Mở «Đơn vị», ghi mã ${code || '(trống)'} vào ô «Mã khác» của đúng đơn vị, rồi xem trước lại tệp.`
  );
}

/** True when the match names a directory unit without asking (code or alias). */
export function isSettledMatch(m: UnitMatch): m is Extract<UnitMatch, { kind: 'code' | 'alias' }> {
  return m.kind === 'code' || m.kind === 'alias';
}

/** «Đây là đơn vị CDCS-0003 CĐCS UBND xã Bàu Năng?»: the proposal of a 'name' match. */
export function matchQuestion(unit: Pick<Unit, 'code' | 'name'>): string {
  return `Đây là đơn vị ${unit.code} ${unit.name}?`;
}

/**
 * A report with unit codes replaced (`codes`: old → new): its unit, its activities' units, and
 * for a consolidated report its rows, completeness and names. Used when a file's code is an
 * alias of a directory unit (the data is filed under the unit's own code) and when a unit is
 * re-coded (what was filed under the old code moves with it). Returns the same object when
 * nothing changes.
 */
export function recodeReport(report: UnitReport, codes: ReadonlyMap<string, string>): UnitReport {
  const to = (c: string) => codes.get(c) ?? c;
  const touches =
    codes.has(report.unit.code) ||
    report.activities.some((a) => codes.has(a.unitCode)) ||
    (isConsolidated(report) &&
      (report.consolidation.units.some((u) => codes.has(u.unitCode)) || report.consolidation.completeness.some((e) => codes.has(e.unitCode))));
  if (!touches) return report;
  const out: UnitReport = {
    ...report,
    unit: { ...report.unit, code: to(report.unit.code) },
    activities: report.activities.map((a) => (codes.has(a.unitCode) ? { ...a, unitCode: to(a.unitCode) } : a)),
  };
  if (isConsolidated(report)) {
    const c = report.consolidation;
    out.consolidation = {
      ...c,
      units: c.units.map((u) => (codes.has(u.unitCode) ? { ...u, unitCode: to(u.unitCode) } : u)),
      completeness: c.completeness.map((e) => (codes.has(e.unitCode) ? { ...e, unitCode: to(e.unitCode) } : e)),
      unitNames: Object.fromEntries(Object.entries(c.unitNames).map(([code, name]) => [to(code), name])),
    };
  }
  return out;
}

/**
 * The code of the unit a file names as its parent, for a unit added from that file: a directory
 * unit of that name (unitNameKey; only when exactly one), else the own unit when the name is
 * its own or when the file names no parent (the file was sent here), else '' (outside).
 */
export function parentCodeFor(
  parentName: string,
  directory: Iterable<Pick<Unit, 'code' | 'name' | 'level'>>,
  own: Pick<Unit, 'code' | 'name'> | null,
): string {
  const key = unitNameKey(parentName);
  if (key === '') return own?.code ?? '';
  if (own && unitNameKey(own.name) === key) return own.code;
  const named = [...directory].filter((u) => u.level !== 'grassroots' && u.code !== own?.code && unitNameKey(u.name) === key);
  return named.length === 1 ? named[0]!.code : '';
}
