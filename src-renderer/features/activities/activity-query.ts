/**
 * The one path the activity list (and the 50,000-activity benchmark) takes from stored records
 * to the rows shown: filter, search, sort. Pure: no React, no Dexie.
 *
 * Speed (≤ 50 ms to filter and to search 50,000):
 * - the filter is compiled once (compileActivityFilter) and searches the folded `searchText`
 *   stored beside each record, so no Unicode folding happens per record at query time;
 * - sorting is the expensive part (Vietnamese collation for titles), and it does not depend on
 *   the filter: the sorted order of a records array is computed once per sort and kept in a
 *   WeakMap keyed by that array (a live query hands over a new array whenever data changes, so
 *   the cache can never go stale), together with each record's rank in that order;
 * - filtering is one pass over the records in their stored order (walking them in sorted order
 *   was 2.5–3× slower in Chromium at 50,000: scattered memory access), collecting the ranks of
 *   the matches; only those ranks are then sorted (a numeric typed-array sort) and mapped back.
 */
import {
  compareActivities,
  compileActivityFilter,
  type Activity,
  type ActivityFilter,
  type ActivityWithSearch,
  type ActivitySortKey,
  type SortDir,
} from '@domain/activity';

export interface ActivitySort {
  key: ActivitySortKey;
  dir: SortDir;
}

export const DEFAULT_ACTIVITY_SORT: ActivitySort = { key: 'date', dir: 'desc' };

export interface QueryOptions {
  /** Name shown for a unit code; sorting by unit follows it (default: the code). */
  unitLabel?: (unitCode: string) => string;
}

interface SortedEntry {
  key: string;
  unitLabel: QueryOptions['unitLabel'];
  /** The records in sorted order. */
  rows: readonly unknown[];
  /** rank[i] = position of records[i] in `rows`. */
  rank: Int32Array;
}

const sortedCache = new WeakMap<readonly object[], SortedEntry[]>();
/** Sort orders kept per records array (date, title, unit, type × direction, at most). */
const MAX_SORTS_PER_ARRAY = 8;

/** `records` in the given order, computed once per records array and sort. */
export function sortedActivities<T extends Activity>(
  records: readonly T[],
  sort: ActivitySort,
  options: QueryOptions = {},
): readonly T[] {
  return sortedEntry(records, sort, options).rows as readonly T[];
}

function sortedEntry<T extends Activity>(records: readonly T[], sort: ActivitySort, options: QueryOptions): SortedEntry {
  const key = `${sort.key}|${sort.dir}`;
  // Only the unit sort reads unit labels, so only there does a different labeller matter.
  const labeller = sort.key === 'unit' ? options.unitLabel : undefined;
  let entries = sortedCache.get(records);
  const hit = entries?.find((e) => e.key === key && e.unitLabel === labeller);
  if (hit) return hit;
  let compare = compareActivities(sort.key, sort.dir, labeller ? { unitLabel: labeller } : {});
  if (labeller) {
    // Look each unit's label up once, not twice per comparison.
    const labels = new Map<string, string>();
    const cached = (code: string): string => {
      let l = labels.get(code);
      if (l === undefined) labels.set(code, (l = labeller(code)));
      return l;
    };
    compare = compareActivities(sort.key, sort.dir, { unitLabel: cached });
  }
  const order = Array.from(records.keys()).sort((a, b) => compare(records[a]!, records[b]!));
  const rows = order.map((i) => records[i]!);
  const rank = new Int32Array(records.length);
  for (let k = 0; k < order.length; k++) rank[order[k]!] = k;
  const entry: SortedEntry = { key, unitLabel: labeller, rows, rank };
  if (!entries) sortedCache.set(records, (entries = []));
  if (entries.length >= MAX_SORTS_PER_ARRAY) entries.shift();
  entries.push(entry);
  return entry;
}

/**
 * The records the list shows: those the filter keeps (live ones, or the trash with
 * `deleted: true`), in the sort's order. Stable: equal keys fall back to date, creation time, id.
 */
export function filterAndSortActivities<T extends ActivityWithSearch>(
  records: readonly T[],
  filter: ActivityFilter,
  sort: ActivitySort = DEFAULT_ACTIVITY_SORT,
  options: QueryOptions = {},
): T[] {
  const keep = compileActivityFilter(filter);
  const { rows, rank } = sortedEntry(records, sort, options);
  const matched = new Int32Array(records.length);
  let count = 0;
  for (let i = 0; i < records.length; i++) {
    if (keep(records[i]!)) matched[count++] = rank[i]!;
  }
  const ranks = matched.subarray(0, count).sort();
  const out = new Array<T>(count);
  for (let k = 0; k < count; k++) out[k] = rows[ranks[k]!] as T;
  return out;
}

/** What the date order and a filter by period and unit read of an activity. */
export type ActivityHead = Pick<Activity, 'id' | 'date' | 'unitCode' | 'createdAt' | 'deletedAt'>;

/**
 * The first `limit` rows filterAndSortActivities would return, and how many it would return,
 * without sorting every record: for the log's first screen over heads (domain/log-rows.ts
 * LogHead: no text, type or items), so only the date order (the default) with filters by period,
 * unit and trash are answered; null otherwise (the caller waits for the whole records).
 *
 * The order is by date first, so the first rows are among the matches dated up to the date of
 * the `limit`-th: only those are sorted, with the same comparator, which gives the same rows in
 * the same order. That date is found in the same pass that counts the matches, from the `limit`
 * best dates seen so far (a short sorted list: once it is full, most records are dated after
 * its last and cost one comparison).
 */
export function firstActivities<T extends ActivityHead>(
  records: readonly T[],
  filter: ActivityFilter,
  sort: ActivitySort,
  limit: number,
): { count: number; rows: T[] } | null {
  if (sort.key !== 'date' || (filter.query ?? '').trim() !== '' || filter.type || filter.itemId?.trim()) return null;
  // Without a query, type or item the filter reads only a head's fields, and so does the date order.
  const keep = compileActivityFilter({ ...filter, query: '' }) as (a: ActivityHead) => boolean;
  const compare = compareActivities(sort.key, sort.dir) as (a: ActivityHead, b: ActivityHead) => number;
  const desc = sort.dir === 'desc';
  /** True when date `a` comes before date `b` in the order. */
  const before = desc ? (a: string, b: string) => a > b : (a: string, b: string) => a < b;
  const matched = new Int32Array(records.length);
  let count = 0;
  const best: string[] = [];
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    if (!keep(r)) continue;
    matched[count++] = i;
    if (limit <= 0) continue;
    const d = r.date;
    if (best.length === limit && !before(d, best[limit - 1]!)) continue;
    let at = best.length;
    while (at > 0 && before(d, best[at - 1]!)) at--;
    best.splice(at, 0, d);
    if (best.length > limit) best.pop();
  }
  const last = best[best.length - 1];
  const candidates: T[] = [];
  if (last !== undefined) {
    for (let k = 0; k < count; k++) {
      const r = records[matched[k]!]!;
      if (!before(last, r.date)) candidates.push(r);
    }
  }
  candidates.sort(compare);
  return { count, rows: candidates.slice(0, limit) };
}

/** firstActivities' answers kept per records array (a few filters and orders each). */
const firstCache = new WeakMap<readonly object[], Map<string, { count: number; rows: readonly ActivityHead[] } | null>>();
const MAX_FIRSTS_PER_ARRAY = 8;

/** What firstActivities reads of a filter and an order, as one key. */
function firstKey(filter: ActivityFilter, sort: ActivitySort, limit: number): string {
  return JSON.stringify([filter.periodRange ?? null, filter.unitCodes ?? null, filter.deleted === true, filter.query ?? '', filter.type ?? '', filter.itemId ?? '', sort.key, sort.dir, limit]);
}

/**
 * firstActivities over records kept in several arrays (the activities logged here, the imported
 * ones), as if they were one: each array's answer is remembered per array, so a list that stays
 * the same array (db/activity-read.ts keeps the imported ones until a submission is written) is
 * counted and ordered once per filter, not each time the log opens.
 */
export function firstActivitiesOf<T extends ActivityHead>(
  parts: readonly (readonly T[])[],
  filter: ActivityFilter,
  sort: ActivitySort,
  limit: number,
): { count: number; rows: T[] } | null {
  const key = firstKey(filter, sort, limit);
  let count = 0;
  const rows: T[] = [];
  for (const part of parts) {
    let answers = firstCache.get(part);
    let answer = answers?.get(key);
    if (answer === undefined) {
      answer = firstActivities(part, filter, sort, limit);
      if (!answers) firstCache.set(part, (answers = new Map()));
      if (answers.size >= MAX_FIRSTS_PER_ARRAY) answers.delete(answers.keys().next().value!);
      answers.set(key, answer);
    }
    if (answer === null) return null;
    count += answer.count;
    for (const r of answer.rows) rows.push(r as T);
  }
  // The first `limit` of each part hold the first `limit` of them all (the order is total).
  if (parts.length > 1) rows.sort(compareActivities(sort.key, sort.dir) as (a: ActivityHead, b: ActivityHead) => number);
  return { count, rows: rows.slice(0, limit) };
}
