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

/** Matches the file's unit against the directory and files an alias under its unit's code. */
export async function resolveImportUnit(fileReport: UnitReport): Promise<ResolvedUnit> {
  const code = fileReport.unit.code;
  const [byCode, byAlias, ownCode] = await Promise.all([
    code === '' ? undefined : db.units.get(code),
    code === '' ? undefined : db.units.where('aliases').equals(code).first(),
    getSetting('ownUnitCode'),
  ]);
  // The whole directory is read only for a code it does not know (to look for the name).
  const units = byCode ? [byCode] : byAlias ? [byAlias] : await db.units.toArray();
  const match = matchUnit(fileReport.unit, units, ownCode ? { ownCode } : {});
  const report = match.kind === 'alias' ? recodeReport(fileReport, new Map([[fileReport.unit.code, match.unit.code]])) : fileReport;
  return { report, match };
}

/** The directory record of a unit added from its file: the file's identity, placed under the body it names. */
export async function unitRecordFromFile(report: UnitReport, t: string): Promise<UnitRecord> {
  // Parents are bodies above the CĐCS: few, even in a province's directory of thousands.
  const [units, ownCode] = await Promise.all([db.units.where('level').anyOf(['district', 'province']).toArray(), getSetting('ownUnitCode')]);
  const own = (ownCode ? (units.find((u) => u.code === ownCode) ?? (await db.units.get(ownCode))) : undefined) ?? null;
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
