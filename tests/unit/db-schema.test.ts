import { beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { materialize } from '@domain/merge';
import { activitiesInRange, activitiesOfPlan, activitiesOfUnit, db, DB_NAME, SoKeHoachDb, unitCodesWithActivities } from '@db';
import type { UnitReport } from '@domain/report';
import { sampleConsolidated } from '../fixtures/workbooks/tools/sample-consolidated';
import { sampleReport } from '../support/exchange-writer-fixtures';
import { V1_STORES } from '@db/versions/v1';
import { V2_STORES } from '@db/versions/v2';
import { V3_STORES } from '@db/versions/v3';
import { V4_STORES } from '@db/versions/v4';
import { V5_STORES } from '@db/versions/v5';
import { V6_STORES } from '@db/versions/v6';
import { V7_STORES } from '@db/versions/v7';
import { V8_STORES } from '@db/versions/v8';
import { V9_STORES } from '@db/versions/v9';

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
});

describe('schema', () => {
  it('is the database "so-ke-hoach" at version 9 with its tables and indexes', () => {
    expect(db.name).toBe(DB_NAME);
    expect(db.name).toBe('so-ke-hoach');
    expect(db.verno).toBe(9);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'activities',
      'indicatorAdjustments',
      'indicatorTargets',
      'itemStatuses',
      'logKeys',
      'logRows',
      'meta',
      'overviewDigests',
      'plans',
      'settings',
      'submissions',
      'units',
    ]);
    expect(db.submissions.schema.indexes.map((i) => i.name).sort()).toEqual([
      '[planId+periodKey+state+level]',
      '[planId+periodKey+state]',
      '[planId+state]',
      '[unitCode+planId+periodKey]',
      'fileHash',
      'importedAt',
      'unitCodes',
    ]);
    expect(db.submissions.schema.idxByName['unitCodes']?.multi).toBe(true);
    expect(db.activities.schema.indexes.map((i) => i.name).sort()).toEqual([
      '[planId+date]',
      '[planId+unitCode]',
      'planId',
      'updatedAt',
    ]);
    expect(db.itemStatuses.schema.primKey.keyPath).toEqual(['planId', 'unitCode', 'periodKey', 'itemId']);
    expect(db.itemStatuses.schema.indexes.map((i) => i.name)).toContain('[planId+unitCode+periodKey]');
    expect(db.units.schema.indexes.map((i) => i.name).sort()).toEqual(['active', 'aliases', 'level', 'name', 'parentCode']);
    expect(db.units.schema.idxByName['aliases']?.multi).toBe(true);
    expect(db.plans.schema.indexes.map((i) => i.name)).toEqual(['createdAt']);
    expect(db.logRows.schema.primKey.keyPath).toEqual(['submissionId', 'page']);
    expect(db.logRows.schema.indexes.map((i) => i.name)).toEqual(['submissionId']);
    expect(db.logKeys.schema.primKey.keyPath).toBe('submissionId');
    expect(db.logKeys.schema.indexes.map((i) => i.name)).toEqual(['planId']);
    expect(db.overviewDigests.schema.primKey.keyPath).toBe('submissionId');
    expect(db.overviewDigests.schema.indexes.map((i) => i.name)).toEqual(['[planId+periodKey]']);
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

  it('version 5 adds two indexes to submissions and changes nothing else', () => {
    expect(V5_STORES).toEqual({ ...V4_STORES, submissions: '&id, [unitCode+planId+periodKey], [planId+periodKey+state], [planId+state], *unitCodes, fileHash, importedAt' });
  });

  it('version 6 indexes units by parent and other codes, and submissions by level within a period', () => {
    expect(V6_STORES).toEqual({
      ...V5_STORES,
      units: '&code, level, active, name, parentCode, *aliases',
      submissions:
        '&id, [unitCode+planId+periodKey], [planId+periodKey+state], [planId+periodKey+state+level], [planId+state], *unitCodes, fileHash, importedAt',
    });
  });

  it('version 7 adds the log\'s prepared rows (in pages) and keys (one record per submission), and changes nothing else', () => {
    expect(V7_STORES).toEqual({ ...V6_STORES, logRows: '&[submissionId+page], submissionId', logKeys: '&submissionId, planId' });
  });

  it('version 8 adds the overview\'s digests (one record per submission), and changes nothing else', () => {
    expect(V8_STORES).toEqual({ ...V7_STORES, overviewDigests: '&submissionId, [planId+periodKey]' });
  });

  it('version 9 adds what the database records about itself (key → value), and changes nothing else', () => {
    expect(V9_STORES).toEqual({ ...V8_STORES, meta: 'key' });
  });

  it('the consolidation reads one period\'s active submissions through [planId+periodKey+state]', async () => {
    const base = { fileName: 'a.xlsx', fileHash: 'h', unitName: 'U', level: 'grassroots' as const, planId: 'p', planNumber: '', planFingerprint: '', exportedAt: '', importedAt: '', counts: { items: 0, activities: 0, indicators: 0 }, unitCodes: [], report: {} as never };
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
    expect(db.verno).toBe(9);
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
    expect(db.verno).toBe(9);
    expect(await db.units.count()).toBe(1);
    expect(await db.itemStatuses.count()).toBe(1);
    expect(await db.activities.get('a1')).toMatchObject({ title: 'Hoạt động' });
    expect((await db.activities.get('a1'))?.submissionId).toBeUndefined();
    expect(await db.submissions.count()).toBe(0);
  });
});

describe('upgrade from version 4', () => {
  it("drops the activity rows an import wrote (its report holds them) and indexes each submission's unit codes", async () => {
    db.close();
    await db.delete();
    const v4 = new Dexie(DB_NAME);
    v4.version(4).stores(V4_STORES);
    await v4.open();
    const t = '2025-06-20T00:00:00.000Z';
    const plan = BUILTIN_PLAN.id;
    const unitReport = { ...sampleReport(2), unit: { code: 'CDCS-0001', name: 'CĐCS A', level: 'grassroots' as const, parentName: '' } };
    const sub = (id: string, unitCode: string, state: string, report: UnitReport) => ({ id, unitCode, planId: plan, periodKey: report.period.key, state, importedAt: t, fileHash: id.padEnd(64, '0'), exportedAt: report.exportedAt, report });
    // A district's consolidated workbook, imported at a province: its activities keep their CĐCS.
    const district = { ...sampleConsolidated(), unit: { code: 'LDLD-X', name: 'LĐLĐ huyện X', level: 'district' as const, parentName: '' } };
    const contributors = [...new Set(district.activities.map((a) => a.unitCode))];
    expect(contributors.length).toBeGreaterThan(1);
    const subs = [sub('s-unit', 'CDCS-0001', 'active', unitReport), sub('s-district', 'LDLD-X', 'active', district), sub('s-old', 'CDCS-0001', 'superseded', unitReport)];
    await v4.table('submissions').bulkAdd(subs);
    // What the v4 import wrote: one row per activity of each active submission.
    const rows = subs
      .filter((s) => s.state === 'active')
      .flatMap((s) => materialize(s.report, s.fileHash, { unitCode: s.unitCode, planId: plan, periodKey: s.periodKey }, t).activities.map((a) => ({ ...a, submissionId: s.id })));
    expect(rows).toHaveLength(2 + district.activities.length);
    const own = { ...rows[0]!, id: 'own-1', unitCode: 'LDLD-DMC', title: 'Ghi tại đây' };
    delete (own as { submissionId?: string }).submissionId;
    // Its submission is gone (only a hand-edited backup could hold this): it stays a plain row.
    const orphan = { ...rows[0]!, id: 'orphan', submissionId: 's-missing' };
    await v4.table('activities').bulkAdd([...rows, own, orphan]);
    v4.close();

    await db.open();
    expect(db.verno).toBe(9);
    expect((await db.activities.toCollection().primaryKeys()).sort()).toEqual(['orphan', 'own-1']);
    expect((await db.submissions.get('s-unit'))?.unitCodes).toEqual(['CDCS-0001']);
    expect((await db.submissions.get('s-district'))?.unitCodes).toEqual(['LDLD-X', ...contributors]);
    // Every reader sees the same activities as before the upgrade, derived from the reports.
    const ids = (list: readonly { id: string }[]) => list.map((a) => a.id).sort();
    expect(ids(await activitiesOfPlan(plan))).toEqual(ids([...rows, own, orphan]));
    // The same records (searchText is computed when read: a getter, not an own field).
    expect((await activitiesOfPlan(plan)).map((a) => ({ ...a, searchText: a.searchText }))).toEqual(expect.arrayContaining(rows));
    const one = contributors[1]!;
    expect(ids(await activitiesOfUnit(plan, one))).toEqual(ids(rows.filter((a) => a.unitCode === one)));
    expect(ids(await activitiesOfUnit(plan, one)).length).toBeGreaterThan(0);
    expect(ids(await activitiesInRange(plan, '1990-01-01', '2100-12-31'))).toEqual(ids([...rows, own, orphan]));
    expect(await unitCodesWithActivities()).toEqual(new Set(['LDLD-DMC', 'CDCS-0001', 'LDLD-X', ...contributors, orphan.unitCode]));
  });
});
