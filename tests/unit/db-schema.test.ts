import { beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { db, DB_NAME, SoKeHoachDb } from '../../src-renderer/db';
import { V1_STORES } from '../../src-renderer/db/versions/v1';
import { V2_STORES } from '../../src-renderer/db/versions/v2';
import { V3_STORES } from '../../src-renderer/db/versions/v3';
import { V4_STORES } from '../../src-renderer/db/versions/v4';

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
});

describe('schema', () => {
  it('is the database "so-ke-hoach" at version 4 with its tables and indexes', () => {
    expect(db.name).toBe(DB_NAME);
    expect(db.name).toBe('so-ke-hoach');
    expect(db.verno).toBe(4);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'activities',
      'indicatorAdjustments',
      'indicatorTargets',
      'itemStatuses',
      'plans',
      'settings',
      'submissions',
      'units',
    ]);
    expect(db.submissions.schema.indexes.map((i) => i.name).sort()).toEqual(['[planId+periodKey+state]', '[unitCode+planId+periodKey]', 'fileHash', 'importedAt']);
    expect(db.activities.schema.indexes.map((i) => i.name).sort()).toEqual([
      '[planId+date]',
      '[planId+unitCode]',
      'planId',
      'updatedAt',
    ]);
    expect(db.itemStatuses.schema.primKey.keyPath).toEqual(['planId', 'unitCode', 'periodKey', 'itemId']);
    expect(db.itemStatuses.schema.indexes.map((i) => i.name)).toContain('[planId+unitCode+periodKey]');
    expect(db.units.schema.indexes.map((i) => i.name).sort()).toEqual(['active', 'level', 'name']);
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

  it('version 2 is frozen: its store strings are the shipped ones', () => {
    expect(V2_STORES).toEqual({
      plans: '&id, createdAt',
      units: '&code, level, active, name',
      itemStatuses: '&[planId+unitCode+periodKey+itemId], [planId+unitCode+periodKey]',
      settings: '&key',
      activities: '&id, planId, [planId+unitCode], [planId+date], updatedAt',
      indicatorAdjustments: '&[planId+unitCode+periodKey+indicatorCode], [planId+periodKey]',
      indicatorTargets: '&[planId+unitCode+periodKey+indicatorCode], [planId+periodKey]',
    });
  });

  it('version 3 is frozen: its store strings are the shipped ones', () => {
    expect(V3_STORES).toEqual({
      plans: '&id, createdAt',
      units: '&code, level, active, name',
      itemStatuses: '&[planId+unitCode+periodKey+itemId], [planId+unitCode+periodKey]',
      settings: '&key',
      activities: '&id, planId, [planId+unitCode], [planId+date], updatedAt',
      indicatorAdjustments: '&[planId+unitCode+periodKey+indicatorCode], [planId+periodKey]',
      indicatorTargets: '&[planId+unitCode+periodKey+indicatorCode], [planId+periodKey]',
      submissions: '&id, [unitCode+planId+periodKey], fileHash, importedAt',
    });
  });

  it('version 4 is frozen: its store strings are the shipped ones', () => {
    expect(V4_STORES).toEqual({ ...V3_STORES, submissions: '&id, [unitCode+planId+periodKey], [planId+periodKey+state], fileHash, importedAt' });
  });

  it('the consolidation reads one period\'s active submissions through [planId+periodKey+state]', async () => {
    const base = { fileName: 'a.xlsx', fileHash: 'h', unitName: 'U', level: 'grassroots' as const, planId: 'p', planNumber: '', planFingerprint: '', exportedAt: '', importedAt: '', counts: { items: 0, activities: 0, indicators: 0 }, report: {} as never };
    await db.submissions.bulkAdd([
      { ...base, id: '1', unitCode: 'A', periodKey: '2025-H1', state: 'active' },
      { ...base, id: '2', unitCode: 'A', periodKey: '2025-H1', state: 'superseded' },
      { ...base, id: '3', unitCode: 'B', periodKey: '2025-Y', state: 'active' },
      { ...base, id: '4', unitCode: 'C', periodKey: '2025-H1', state: 'active', planId: 'q' },
    ]);
    const ids = await db.submissions.where('[planId+periodKey+state]').equals(['p', '2025-H1', 'active']).primaryKeys();
    expect(ids).toEqual(['1']);
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

describe('upgrade from version 1', () => {
  it('keeps every record, fills the directory fields of units and keeps the setup done', async () => {
    db.close();
    await db.delete();
    const v1 = new Dexie(DB_NAME);
    v1.version(1).stores(V1_STORES);
    await v1.open();
    const t = '2025-05-01T00:00:00.000Z';
    await v1.table('units').bulkAdd([
      { code: 'LDLD-DMC', name: 'LĐLĐ huyện Dương Minh Châu', level: 'district', parentName: 'LĐLĐ tỉnh Tây Ninh', active: true, createdAt: t, updatedAt: t },
      { code: 'CDCS-0001', name: 'CĐCS Trường TH Suối Đá', level: 'grassroots', parentName: '', type: 'school', members: 31, contact: 'Chị Lan', phone: '0276 3851 234', active: false, createdAt: t, updatedAt: t },
    ]);
    await v1.table('itemStatuses').add({ planId: 'p', unitCode: 'LDLD-DMC', periodKey: '2025-H1', itemId: 'IV.3', status: 'xong', note: 'Đã gửi', evidence: '', updatedAt: t });
    await v1.table('settings').bulkAdd([
      { key: 'seededAt', value: t },
      { key: 'ownUnitCode', value: 'LDLD-DMC' },
    ]);
    v1.close();

    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.units.get('LDLD-DMC')).toMatchObject({ name: 'LĐLĐ huyện Dương Minh Châu', type: null, members: null, contact: '', phone: '' });
    expect(await db.units.get('CDCS-0001')).toMatchObject({ type: 'school', members: 31, contact: 'Chị Lan', phone: '0276 3851 234', active: false });
    expect(await db.itemStatuses.count()).toBe(1);
    expect(await db.settings.get('setupDoneAt')).toEqual({ key: 'setupDoneAt', value: t });
    expect(await db.activities.count()).toBe(0);
  });

  it('does not mark the setup done for a version 1 database that was never seeded', async () => {
    db.close();
    await db.delete();
    const v1 = new Dexie(DB_NAME);
    v1.version(1).stores(V1_STORES);
    await v1.open();
    v1.close();
    await db.open();
    expect(await db.settings.get('setupDoneAt')).toBeUndefined();
  });
});

describe('upgrade from version 2', () => {
  it('keeps every record and starts with an empty import history', async () => {
    db.close();
    await db.delete();
    const v2 = new Dexie(DB_NAME);
    v2.version(2).stores(V2_STORES);
    await v2.open();
    const t = '2025-05-01T00:00:00.000Z';
    await v2.table('units').add({ code: 'CDCS-0001', name: 'CĐCS Trường TH Suối Đá', level: 'grassroots', parentName: '', type: 'school', members: 31, contact: '', phone: '', active: true, createdAt: t, updatedAt: t });
    await v2.table('itemStatuses').add({ planId: 'p', unitCode: 'CDCS-0001', periodKey: '2025-H1', itemId: 'IV.3', status: 'xong', note: '', evidence: '', updatedAt: t });
    await v2.table('activities').add({ id: 'a1', planId: 'p', unitCode: 'CDCS-0001', date: '2025-03-01', itemIds: ['IV.3'], type: 'other', title: 'Hoạt động', content: '', location: '', participants: null, evidenceDoc: '', evidenceFile: '', indicators: {}, createdAt: t, updatedAt: t, deletedAt: null, searchText: 'hoat dong' });
    v2.close();

    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.units.count()).toBe(1);
    expect(await db.itemStatuses.count()).toBe(1);
    expect(await db.activities.get('a1')).toMatchObject({ title: 'Hoạt động' });
    expect((await db.activities.get('a1'))?.submissionId).toBeUndefined();
    expect(await db.submissions.count()).toBe(0);
  });
});
