import { beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { db, DB_NAME, SoKeHoachDb } from '../../src-renderer/db';
import { V1_STORES } from '../../src-renderer/db/versions/v1';

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
});

describe('schema', () => {
  it('is the database "so-ke-hoach" at version 1 with its four tables and indexes', () => {
    expect(db.name).toBe(DB_NAME);
    expect(db.name).toBe('so-ke-hoach');
    expect(db.verno).toBe(1);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['itemStatuses', 'plans', 'settings', 'units']);
    expect(db.itemStatuses.schema.primKey.keyPath).toEqual(['planId', 'unitCode', 'periodKey', 'itemId']);
    expect(db.itemStatuses.schema.indexes.map((i) => i.name)).toContain('[planId+unitCode+periodKey]');
    expect(db.units.schema.indexes.map((i) => i.name).sort()).toEqual(['active', 'level']);
    expect(db.plans.schema.indexes.map((i) => i.name)).toEqual(['createdAt']);
  });

  it('version 1 is frozen: its store strings are the shipped ones', () => {
    // Changing a shipped version corrupts existing installations; add versions/v2.ts instead.
    expect(V1_STORES).toEqual({
      plans: '&id, createdAt',
      units: '&code, level, active',
      itemStatuses: '&[planId+unitCode+periodKey+itemId], [planId+unitCode+periodKey]',
      settings: '&key',
    });
  });

  it('a second connection (another window) reads what the first wrote', async () => {
    await db.settings.put({ key: 'activePlanId', value: 'x' });
    const other = new SoKeHoachDb();
    try {
      expect(await other.settings.get('activePlanId')).toEqual({ key: 'activePlanId', value: 'x' });
    } finally {
      other.close();
    }
    expect(await Dexie.exists(DB_NAME)).toBe(true);
  });
});
