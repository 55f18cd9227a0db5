import { beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { activitiesInRange, activitiesOfPlan, activitiesOfUnit, db, DB_NAME, SoKeHoachDb, unitCodesWithActivities } from '../../src-renderer/db';
import { V1_STORES } from '../../src-renderer/db/versions/v1';
import { V2_STORES } from '../../src-renderer/db/versions/v2';
import { V3_STORES } from '../../src-renderer/db/versions/v3';
import { V4_STORES } from '../../src-renderer/db/versions/v4';
import { V5_STORES } from '../../src-renderer/db/versions/v5';

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
});

describe('schema', () => {
  it('is the database "so-ke-hoach" at version 5 with its tables and indexes', () => {
    expect(db.name).toBe(DB_NAME);
    expect(db.name).toBe('so-ke-hoach');
    expect(db.verno).toBe(5);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'activities',
      'importedActivities',
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
    expect(db.importedActivities.schema.primKey.keyPath).toBe('submissionId');
    expect(db.importedActivities.schema.indexes.map((i) => [i.name, i.multi ?? false]).sort()).toEqual([
      ['planId', false],
      ['unitCodes', true],
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

  it('version 5 adds importedActivities and changes nothing else', () => {
    expect(V5_STORES).toEqual({ ...V4_STORES, importedActivities: '&submissionId, planId, *unitCodes' });
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
    expect(db.verno).toBe(5);
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
    expect(db.verno).toBe(5);
    expect(await db.units.count()).toBe(1);
    expect(await db.itemStatuses.count()).toBe(1);
    expect(await db.activities.get('a1')).toMatchObject({ title: 'Hoạt động' });
    expect((await db.activities.get('a1'))?.submissionId).toBeUndefined();
    expect(await db.submissions.count()).toBe(0);
  });
});

describe('upgrade from version 4', () => {
  it("moves each submission's activities into one importedActivities record; logged ones stay", async () => {
    db.close();
    await db.delete();
    const v4 = new Dexie(DB_NAME);
    v4.version(4).stores(V4_STORES);
    await v4.open();
    const t = '2025-05-01T00:00:00.000Z';
    const act = (id: string, unitCode: string, submissionId?: string) => ({
      id, planId: 'p', unitCode, date: '2025-03-01', itemIds: ['IV.3'], type: 'other', title: `Hoạt động ${id}`, content: '', location: '', participants: null,
      evidenceDoc: '', evidenceFile: '', indicators: {}, createdAt: t, updatedAt: t, deletedAt: null, searchText: 'hoat dong', ...(submissionId ? { submissionId, sourceId: id } : {}),
    });
    const sub = (id: string, unitCode: string, state: string) => ({ id, unitCode, planId: 'p', periodKey: '2025-H1', state, importedAt: t, fileHash: id, report: {} });
    await v4.table('submissions').bulkAdd([sub('s-unit', 'CDCS-0001', 'active'), sub('s-district', 'LDLD-X', 'active'), sub('s-old', 'CDCS-0001', 'superseded')]);
    await v4.table('activities').bulkAdd([
      act('own-1', 'LDLD-DMC'),
      act('u-1', 'CDCS-0001', 's-unit'),
      act('u-2', 'CDCS-0001', 's-unit'),
      // A district's consolidated report: its activities keep their CĐCS.
      act('d-1', 'CDCS-0101', 's-district'),
      act('d-2', 'CDCS-0102', 's-district'),
      // Its submission is gone (only a hand-edited backup could hold this): it stays a plain row.
      act('orphan', 'CDCS-0009', 's-missing'),
    ]);
    v4.close();

    await db.open();
    expect(db.verno).toBe(5);
    expect((await db.activities.toCollection().primaryKeys()).sort()).toEqual(['orphan', 'own-1']);
    expect(await db.importedActivities.count()).toBe(2);
    const unit = await db.importedActivities.get('s-unit');
    expect(unit).toMatchObject({ planId: 'p', unitCode: 'CDCS-0001', periodKey: '2025-H1', unitCodes: ['CDCS-0001'] });
    expect(unit?.activities.map((a) => a.id)).toEqual(['u-1', 'u-2']);
    expect((await db.importedActivities.get('s-district'))?.unitCodes).toEqual(['LDLD-X', 'CDCS-0101', 'CDCS-0102']);
    // Every reader sees the same activities as before the upgrade.
    expect((await activitiesOfPlan('p')).map((a) => a.id).sort()).toEqual(['d-1', 'd-2', 'orphan', 'own-1', 'u-1', 'u-2']);
    expect((await activitiesOfUnit('p', 'CDCS-0102')).map((a) => a.id)).toEqual(['d-2']);
    expect((await activitiesInRange('p', '2025-01-01', '2025-06-30')).length).toBe(6);
    expect(await unitCodesWithActivities()).toEqual(new Set(['LDLD-DMC', 'CDCS-0001', 'CDCS-0009', 'LDLD-X', 'CDCS-0101', 'CDCS-0102']));
  });
});
