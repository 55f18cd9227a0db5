/**
 * Each unit counted once (domain/double-count.ts), read from the database:
 * - `leftOutSubmissions(planId)`: the active unit reports a consolidated report of the same
 *   period already covers, which the activity readers leave out (the log, the indicators, a
 *   unit's report);
 * - `doubleCountNotes(report, scope)`: what the import preview tells the officer.
 *
 * Cheap at a province's scale (thousands of CĐCS files): the consolidated reports of a plan are
 * found by the index [planId+periodKey+state+level] (schema v6) from its keys alone, and only
 * they are read; the unit reports they cover are found by [unitCode+planId+periodKey].
 */
import { countedElsewhereMessage, coveredUnits, findDoubleCounts, type CoverageEntry } from '@domain/double-count';
import { isConsolidated, type UnitReport } from '../exchange/spec';
import { db } from './db';
import type { SubmissionRecord } from './types';

/** The levels whose reports can be consolidated ones (a CĐCS has nobody reporting to it). */
const UPPER_LEVELS = ['district', 'province'];

/** Covered units of each consolidated submission read, by id (a stored report never changes but by a re-code). */
const coverCache = new Map<string, ReadonlyMap<string, string>>();
db.on('ready', () => coverCache.clear(), true);

/** Forgets what was read (a unit's code changed: the reports were rewritten). */
export function forgetCoverage(): void {
  coverCache.clear();
}

function coverOf(s: Pick<SubmissionRecord, 'id' | 'report'>): ReadonlyMap<string, string> {
  let c = coverCache.get(s.id);
  if (!c) coverCache.set(s.id, (c = coveredUnits(s.report)));
  return c;
}

interface ActiveUpper {
  id: string;
  periodKey: string;
}

/** The active submissions of the levels above the CĐCS for a plan (one period when given), from index keys. */
async function activeUpper(planId: string, periodKey?: string): Promise<ActiveUpper[]> {
  const out: ActiveUpper[] = [];
  const index = db.submissions.where('[planId+periodKey+state+level]');
  const range =
    periodKey === undefined
      ? // Every part after the plan is a string (period key, state, level).
        index.between([planId, '', '', ''], [planId, '\uffff', '\uffff', '\uffff'], true, true)
      : index.anyOf(UPPER_LEVELS.map((l) => [planId, periodKey, 'active', l]));
  await range.eachKey((key, cursor) => {
    const [, k, state, level] = key as [string, string, string, string];
    if (state === 'active' && UPPER_LEVELS.includes(level)) out.push({ id: String(cursor.primaryKey), periodKey: k });
  });
  return out;
}

/** Coverage entries of the active consolidated reports among `upper` (reading only those not read yet). */
async function consolidatedEntries(planId: string, upper: readonly ActiveUpper[]): Promise<CoverageEntry[]> {
  const missing = upper.filter((u) => !coverCache.has(u.id)).map((u) => u.id);
  const read = new Map<string, SubmissionRecord>();
  if (missing.length > 0) for (const s of await db.submissions.bulkGet(missing)) if (s) read.set(s.id, s);
  const out: CoverageEntry[] = [];
  for (const u of upper) {
    const s = read.get(u.id);
    const covers = s ? coverOf(s) : coverCache.get(u.id);
    if (!covers || covers.size === 0) continue;
    out.push({ id: u.id, unitCode: '', unitName: '', planId, periodKey: u.periodKey, covers });
  }
  return out;
}

/**
 * Ids of the active unit reports of a plan that a consolidated report of the same period
 * covers (domain/double-count.ts): the readers of activities leave them out. `activeIds`: the
 * plan's active submissions when the caller has them already.
 */
export async function leftOutSubmissions(planId: string, activeIds?: readonly string[]): Promise<Set<string>> {
  const upper = await activeUpper(planId);
  if (upper.length === 0) return new Set();
  const bodies = await consolidatedEntries(planId, upper);
  if (bodies.length === 0) return new Set();
  const active = new Set(activeIds ?? (await db.submissions.where('[planId+state]').equals([planId, 'active']).primaryKeys()));
  const bodyIds = new Set(bodies.map((b) => b.id));
  const direct: CoverageEntry[] = [];
  for (const body of bodies) {
    const keys = [...body.covers.keys()].map((code) => [code, planId, body.periodKey]);
    // Keys only: the unit reports themselves are never read here.
    await db.submissions
      .where('[unitCode+planId+periodKey]')
      .anyOf(keys)
      .eachKey((key, cursor) => {
        const id = String(cursor.primaryKey);
        if (!active.has(id) || bodyIds.has(id)) return;
        const [code, , periodKey] = key as [string, string, string];
        direct.push({ id, unitCode: code, unitName: code, planId, periodKey, covers: new Map() });
      });
  }
  // The bodies' own codes are not read (nor needed): each gets one no unit report has.
  const entries = [...bodies.map((b) => ({ ...b, unitCode: `\u0000${b.id}` })), ...direct];
  return new Set(findDoubleCounts(entries).leftOut.keys());
}

/**
 * What the preview says about counting `report` (filed under `unitCode`, plan and period) once:
 * a unit report some active consolidated report already covers, or a consolidated report that
 * covers units whose own reports are active. [] when neither.
 */
export async function doubleCountNotes(report: UnitReport, scope: { unitCode: string; planId: string; periodKey: string }): Promise<string[]> {
  if (scope.periodKey === '') return [];
  const { unitCode, planId, periodKey } = scope;
  if (!isConsolidated(report)) {
    const upper = await activeUpper(planId, periodKey);
    if (upper.length === 0) return [];
    const bodies = (await db.submissions.bulkGet(upper.map((u) => u.id))).filter((s): s is SubmissionRecord => s !== undefined && s.unitCode !== unitCode);
    const by = bodies.find((s) => coverOf(s).has(unitCode));
    return by ? [countedElsewhereMessage({ unitCode, unitName: report.unit.name, byCode: by.unitCode, byName: by.unitName })] : [];
  }
  const covers = coveredUnits(report);
  if (covers.size === 0) return [];
  const direct = await db.submissions
    .where('[unitCode+planId+periodKey]')
    .anyOf([...covers.keys()].map((code) => [code, planId, periodKey]))
    .and((s) => s.state === 'active' && s.unitCode !== unitCode && !isConsolidated(s.report))
    .toArray();
  return direct.map((s) => countedElsewhereMessage({ unitCode: s.unitCode, unitName: s.unitName, byCode: unitCode, byName: report.unit.name }));
}
