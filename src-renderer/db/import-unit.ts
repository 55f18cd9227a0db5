/**
 * The unit of an imported file, against the directory (domain/unit-match.ts): the import
 * preview and the import use these, inside their own transactions (tables: units, settings).
 *
 * A file whose code is an alias of a directory unit is filed under that unit's own code: its
 * report is re-coded (recodeReport) before anything compares or stores it, so its statuses,
 * activities and history join the unit's.
 */
import { matchUnit, parentCodeFor, recodeReport, type UnitMatch } from '@domain/unit-match';
import { DEFAULT_KIND_OF_LEVEL, parseUnitKind, type UnitLevel } from '@domain/units';
import type { UnitReport } from '@domain/report';
import { db } from './db';
import { getSetting } from './settings-ops';
import { EMPTY_UNIT_DETAILS } from './unit-ops';
import type { UnitRecord } from './types';

export interface ResolvedUnit {
  /** The report as it will be filed (re-coded to the unit's code for an alias). */
  report: UnitReport;
  match: UnitMatch<UnitRecord>;
}

/**
 * Matches each file's unit against the directory and files an alias under its unit's code, for
 * every file of a batch with one read of each kind: the codes and aliases looked up together,
 * and the whole directory read once, only when some code is unknown (to look for the name).
 */
export async function resolveImportUnits(fileReports: readonly UnitReport[]): Promise<ResolvedUnit[]> {
  const codes = [...new Set(fileReports.map((r) => r.unit.code).filter((c) => c !== ''))];
  const [found, aliased, ownCode] = await Promise.all([
    db.units.bulkGet(codes),
    codes.length === 0 ? [] : db.units.where('aliases').anyOf(codes).toArray(),
    getSetting('ownUnitCode'),
  ]);
  const byCode = new Map<string, UnitRecord>();
  for (const u of found) if (u) byCode.set(u.code, u);
  // Of the units holding an alias, the first by code: what a lookup of that one alias finds first.
  const wanted = new Set(codes);
  const byAlias = new Map<string, UnitRecord>();
  for (const u of aliased) {
    for (const a of u.aliases ?? []) {
      const seen = byAlias.get(a);
      if (wanted.has(a) && (!seen || u.code < seen.code)) byAlias.set(a, u);
    }
  }
  const unresolved = fileReports.some((r) => r.unit.code === '' || (!byCode.has(r.unit.code) && !byAlias.has(r.unit.code)));
  const directory = unresolved ? await db.units.toArray() : [];
  return fileReports.map((fileReport) => {
    const code = fileReport.unit.code;
    const known = code === '' ? undefined : (byCode.get(code) ?? byAlias.get(code));
    const match = matchUnit(fileReport.unit, known ? [known] : directory, ownCode ? { ownCode } : {});
    const report = match.kind === 'alias' ? recodeReport(fileReport, new Map([[fileReport.unit.code, match.unit.code]])) : fileReport;
    return { report, match };
  });
}

/** The units a unit added from its file can be placed under: the bodies above the CĐCS, and the own unit. */
export interface ParentUnits {
  /** Bodies above the CĐCS: few, even in a province's directory of thousands. */
  units: UnitRecord[];
  own: UnitRecord | null;
}

export async function parentUnits(): Promise<ParentUnits> {
  const [units, ownCode] = await Promise.all([db.units.where('level').anyOf(['district', 'province']).toArray(), getSetting('ownUnitCode')]);
  const own = (ownCode ? (units.find((u) => u.code === ownCode) ?? (await db.units.get(ownCode))) : undefined) ?? null;
  return { units, own };
}

/**
 * The directory record of a unit added from its file: the file's identity, placed under the body
 * it names. `parents`: parentUnits(), read once for a batch (which adds the bodies it files).
 */
export function unitRecordUnder(report: UnitReport, t: string, { units, own }: ParentUnits): UnitRecord {
  return {
    code: report.unit.code,
    name: report.unit.name,
    level: report.unit.level,
    // The kind the file names («Cấp đơn vị»), when it is one of the built-in ones.
    kind: kindNamed(report.unit.levelName ?? '', report.unit.level),
    parentName: report.unit.parentName,
    parentCode: parentCodeFor(report.unit.parentName, units, own),
    aliases: [],
    ...EMPTY_UNIT_DETAILS,
    active: true,
    createdAt: t,
    updatedAt: t,
  };
}

/** The built-in kind a file names for its unit («LĐLĐ huyện»), when of the unit's level; else the level's default. */
function kindNamed(levelName: string, level: UnitLevel): string {
  const kind = parseUnitKind(levelName);
  return kind && kind.level === level ? kind.id : DEFAULT_KIND_OF_LEVEL[level];
}
