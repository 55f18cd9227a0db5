/**
 * Each unit counted once (domain/double-count.ts), read from the database:
 * - `leftOutSubmissions(planId)`: the active unit reports a consolidated report of the same
 *   period already covers, which the activity readers leave out (the log, the indicators, a
 *   unit's report);
 * - `doubleCountNotes(report, scope)`: what the import preview tells the officer.
 *
 * Cheap at a province's scale (thousands of CĐCS files): the consolidated reports of a plan are
 * found by the index [planId+periodKey+state+level] (schema v6) from its keys alone, and only
 * they are read (what each covers is remembered); the unit reports they may cover are found by
 * [unitCode+planId+periodKey] and only those are read.
 */
import {
  codeClashMessage,
  countedElsewhereMessage,
  coveredUnits,
  findDoubleCounts,
  type CoverageEntry,
} from '@domain/double-count';
import { isConsolidated, type UnitReport } from '@domain/report';
import { db } from './db';
import type { SubmissionRecord } from './types';

/** The levels whose reports can be consolidated ones (a CĐCS has nobody reporting to it). */
const UPPER_LEVELS = ['district', 'province'];

interface Body {
  code: string;
  name: string;
  covers: ReadonlyMap<string, string>;
}

/** What each consolidated submission read covers, by id (a stored report changes only by a re-code). */
const bodyCache = new Map<string, Body>();
db.on('ready', () => bodyCache.clear(), true);

/** Forgets what was read (a unit's code changed: the reports were rewritten). */
export function forgetCoverage(): void {
  bodyCache.clear();
}

function bodyOf(s: Pick<SubmissionRecord, 'id' | 'unitCode' | 'unitName' | 'report'>): Body {
  let b = bodyCache.get(s.id);
  if (!b) bodyCache.set(s.id, (b = { code: s.unitCode, name: s.unitName, covers: coveredUnits(s.report) }));
  return b;
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
async function bodyEntries(planId: string, upper: readonly ActiveUpper[]): Promise<CoverageEntry[]> {
  const missing = upper.filter((u) => !bodyCache.has(u.id)).map((u) => u.id);
  if (missing.length > 0) for (const s of await db.submissions.bulkGet(missing)) if (s) bodyOf(s);
  const out: CoverageEntry[] = [];
  for (const u of upper) {
    const b = bodyCache.get(u.id);
    if (b && b.covers.size > 0) out.push({ id: u.id, unitCode: b.code, unitName: b.name, planId, periodKey: u.periodKey, covers: b.covers });
  }
  return out;
}

/** A unit's own report as the rule sees it: its unit's name and the parent its file names. */
function unitEntry(s: Pick<SubmissionRecord, 'id' | 'unitCode' | 'unitName' | 'periodKey' | 'report'>, planId: string): CoverageEntry {
  return { id: s.id, unitCode: s.unitCode, unitName: s.unitName, parentName: s.report.unit.parentName, planId, periodKey: s.periodKey, covers: new Map() };
}

/**
 * Ids of the active unit reports of a plan that a consolidated report of the same period
 * covers (domain/double-count.ts): the readers of activities leave them out. `activeIds`: the
 * plan's active submissions when the caller has them already.
 */
export async function leftOutSubmissions(planId: string, activeIds?: readonly string[]): Promise<Set<string>> {
  const upper = await activeUpper(planId);
  if (upper.length === 0) return new Set();
  const bodies = await bodyEntries(planId, upper);
  if (bodies.length === 0) return new Set();
  const active = new Set(activeIds ?? (await db.submissions.where('[planId+state]').equals([planId, 'active']).primaryKeys()));
  const bodyIds = new Set(bodies.map((b) => b.id));
  const found: string[] = [];
  for (const body of bodies) {
    const keys = [...body.covers.keys()].map((code) => [code, planId, body.periodKey]);
    // Keys first: only the unit reports a body lists are read, to tell one unit from another.
    await db.submissions
      .where('[unitCode+planId+periodKey]')
      .anyOf(keys)
      .eachKey((_key, cursor) => {
        const id = String(cursor.primaryKey);
        if (active.has(id) && !bodyIds.has(id)) found.push(id);
      });
  }
  if (found.length === 0) return new Set();
  const direct = (await db.submissions.bulkGet([...new Set(found)])).filter((s) => s !== undefined).map((s) => unitEntry(s, planId));
  return new Set(findDoubleCounts([...bodies, ...direct]).leftOut.keys());
}

/** The active consolidated reports of a plan and period, as coverage entries. */
export type BodiesOf = (planId: string, periodKey: string) => Promise<CoverageEntry[]>;

const freshBodies: BodiesOf = async (planId, periodKey) => bodyEntries(planId, await activeUpper(planId, periodKey));

/** BodiesOf reading each plan and period once: for the files of one preview batch (one transaction). */
export function sharedBodies(): BodiesOf {
  const read = new Map<string, Promise<CoverageEntry[]>>();
  return (planId, periodKey) => {
    const key = `${planId}\u0000${periodKey}`;
    let entries = read.get(key);
    if (!entries) read.set(key, (entries = freshBodies(planId, periodKey)));
    return entries;
  };
}

/**
 * What the preview says about counting `report` (filed under `unitCode`, plan and period) once:
 * a unit report an active consolidated report already covers, a consolidated report that covers
 * units whose own reports are active, or a code both name for two different units. [] when none.
 */
export async function doubleCountNotes(report: UnitReport, scope: { unitCode: string; planId: string; periodKey: string }, bodiesOf: BodiesOf = freshBodies): Promise<string[]> {
  const { unitCode, planId, periodKey } = scope;
  if (periodKey === '') return [];
  const self = 'xem-truoc';
  let entries: CoverageEntry[];
  if (!isConsolidated(report)) {
    const bodies = (await bodiesOf(planId, periodKey)).filter((b) => b.unitCode !== unitCode && b.covers.has(unitCode));
    if (bodies.length === 0) return [];
    const own = (await db.units.get(unitCode)) ?? null;
    entries = [...bodies, { ...unitEntry({ id: self, unitCode, unitName: own?.name ?? report.unit.name, periodKey, report }, planId), parentCode: own?.parentCode ?? '' }];
  } else {
    const covers = coveredUnits(report);
    if (covers.size === 0) return [];
    const direct = await db.submissions
      .where('[unitCode+planId+periodKey]')
      .anyOf([...covers.keys()].map((code) => [code, planId, periodKey]))
      .and((s) => s.state === 'active' && s.unitCode !== unitCode && !isConsolidated(s.report))
      .toArray();
    if (direct.length === 0) return [];
    const body: CoverageEntry = { id: self, unitCode, unitName: report.unit.name, planId, periodKey, covers };
    entries = [body, ...direct.map((s) => unitEntry(s, planId))];
  }
  const found = findDoubleCounts(entries);
  return [...[...found.leftOut.values()].map(countedElsewhereMessage), ...found.codeClashes.map(codeClashMessage)];
}
