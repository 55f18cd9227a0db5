/**
 * The database's revision: a random stamp in table `meta` (schema v9) that changes in every
 * transaction that writes any other table, written in that same transaction by
 * revisionMiddleware (registered in schema.ts). Every write through the app's connection gets
 * one, whichever function makes it (imports, restores, edits, settings), so no writer has to
 * remember to invalidate anything (db/remembered.ts reads it). Upgrades (versionchange
 * transactions) are not stamped.
 */
import type { DBCore, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';

export const META_TABLE = 'meta';
export const REVISION_KEY = 'revision';

function freshStamp(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Dexie DBCore middleware: a readwrite transaction over any table but `meta` also holds `meta`,
 * and its first write puts a fresh revision stamp there. Level 10, above Dexie's own hooks,
 * cache and observability, so that live queries reading the stamp see it change.
 */
export const revisionMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'revision',
  level: 10,
  create(down) {
    // Transactions this middleware opened (not an upgrade's), and whether each has its stamp.
    const open = new WeakMap<DBCoreTransaction, { stamped: boolean }>();
    return {
      ...down,
      transaction(stores, mode, options) {
        const writes = mode === 'readwrite' && stores.some((s) => s !== META_TABLE);
        const trans = down.transaction(writes && !stores.includes(META_TABLE) ? [...stores, META_TABLE] : stores, mode, options);
        if (writes) open.set(trans, { stamped: false });
        return trans;
      },
      table(name) {
        const table = down.table(name);
        if (name === META_TABLE) return table;
        const stamped: DBCoreTable = {
          ...table,
          mutate(req) {
            const state = open.get(req.trans);
            if (!state || state.stamped) return table.mutate(req);
            state.stamped = true;
            // Looked up here, not before: during an upgrade the table may not exist yet.
            const meta = down.table(META_TABLE);
            return Promise.all([table.mutate(req), meta.mutate({ type: 'put', trans: req.trans, values: [{ key: REVISION_KEY, value: freshStamp() }] })]).then(([res]) => res);
          },
        };
        return stamped;
      },
    };
  },
};

