/**
 * Figures remembered under the database's revision, so that what is costly to compute from a
 * province's 2,000 reports (the overview at start) is computed once per change of the data, not
 * once per start:
 *
 *   const overview = await remembered(`overview|${key}`, OVERVIEW_TABLES(), () => compute());
 *
 * remembered() reads the database's revision stamp (db/revision.ts: it changes in every
 * transaction that writes anything) and the remembered entry in one read transaction with
 * everything `compute` reads; the entry answers only when it was made under the same stamp and
 * by the same build. Otherwise `compute` runs in that same transaction (so its figures belong to
 * the stamp read) and the entry is written afterwards, outside it.
 *
 * What is remembered must depend on nothing but the stored data and the key: not on the clock.
 * Upgrades write no stamp: an entry never outlives the build that made it.
 */
import { Dexie, type Table } from 'dexie';
import { db } from './db';
import { REVISION_KEY } from './revision';

const ENTRY_PREFIX = 'remembered|';

/** Set for every build of the renderer (electron.vite.config.ts); absent in tests and benches. */
declare const __RENDERER_BUILD__: string | undefined;
const BUILD = typeof __RENDERER_BUILD__ === 'string' ? __RENDERER_BUILD__ : 'dev';

interface Entry {
  revision: string | null;
  build: string;
  value: unknown;
}

/** The database's current revision stamp (null before its first write under schema v9). */
export async function currentRevision(): Promise<string | null> {
  const r = await db.meta.get(REVISION_KEY);
  return typeof r?.value === 'string' ? r.value : null;
}

export interface Remembered<T> {
  value: T;
  /** The revision the value belongs to: the same revision, the same figures. */
  revision: string | null;
}

/**
 * `compute()`'s value for `key` as of the stored data: remembered when nothing has been written
 * since it was computed, else computed (inside one read transaction over `tables` and `meta`:
 * `compute` may open nested transactions over those tables) and remembered. Works inside
 * liveQuery: the entry is written after the query's transaction, outside its zone.
 */
export async function remembered<T>(key: string, tables: readonly Table[], compute: () => Promise<T>): Promise<Remembered<T>> {
  const entryKey = ENTRY_PREFIX + key;
  let fresh: Entry | null = null;
  const result = await db.transaction('r', [db.meta, ...tables], async (): Promise<Remembered<T>> => {
    const [revision, entry] = await Promise.all([currentRevision(), db.meta.get(entryKey)]);
    const e = entry?.value as Entry | undefined;
    if (e && e.revision === revision && e.build === BUILD) return { value: e.value as T, revision };
    const value = await compute();
    fresh = { revision, build: BUILD, value };
    return { value, revision };
  });
  if (fresh) {
    const entry: Entry = fresh;
    // Not awaited, and outside any liveQuery zone (a write there throws): a lost entry is only
    // computed again next time.
    setTimeout(() => {
      Dexie.ignoreTransaction(() => db.meta.put({ key: entryKey, value: entry })).catch((error: unknown) => {
        if ((error as Error | undefined)?.name !== 'DatabaseClosedError') console.warn('[remembered]', error);
      });
    }, 0);
  }
  return result;
}
