/**
 * Schema safety: every released schema version has a fixture database made by that
 * version's code (tests/fixtures/db/vN.json, see tools/make-fixtures.ts). The current app must
 * open each one without losing a record, restore a backup made at each version, and take a
 * backup before it upgrades.
 */
import '../fixtures/db/tools/node-blob-env';
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Dexie } from 'dexie';
import { importInto } from 'dexie-export-import';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { activitiesOfPlan, activitiesOfSubmissions, db, DB_NAME } from '@db';
import { CURRENT_SCHEMA_VERSION, envelopeBytes, inspectBackup, restoreBackup, STORES_BY_VERSION } from '@db/backup';
import { backupBeforeUpgrade, onDiskState } from '@db/backup-before-upgrade';
import { ITEM_IDS } from '../fixtures/db/tools/fixture-data';

const FIXTURE_DIR = resolve(import.meta.dirname, '../fixtures/db');
const VERSIONS = Array.from({ length: CURRENT_SCHEMA_VERSION }, (_, i) => i + 1);

interface FixtureFile {
  data: { databaseVersion: number; tables: { name: string; rowCount: number }[] };
}

const fixtureText = (v: number) => readFileSync(resolve(FIXTURE_DIR, `v${v}.json`), 'utf8');
const fixture = (v: number) => JSON.parse(fixtureText(v)) as FixtureFile;
const rowCounts = (v: number) => Object.fromEntries(fixture(v).data.tables.map((t) => [t.name, t.rowCount]));

/** Puts fixture vN on disk as "so-ke-hoach", written at version N as that release did. */
async function installFixture(v: number): Promise<void> {
  db.close();
  await db.delete();
  const old = new Dexie(DB_NAME);
  old.version(v).stores({ ...STORES_BY_VERSION[v] });
  await old.open();
  await importInto(old, new Blob([fixtureText(v)]));
  old.close();
}

/**
 * How an upgrade from vN changes a table's row count: v1 → v2 adds one setting (setupDoneAt,
 * from seededAt); v4 → v5 drops the one imported activity row of the v3/v4 fixtures (it is
 * derived from its submission's report since); v5 → v6 drops the setting selectedPeriodKind.
 */
function upgradeChange(v: number, table: string): number {
  // v5 → v6 drops the setting selectedPeriodKind (the app opens on the period that is due).
  if (table === 'settings') return (v === 1 ? 1 : 0) - (v < 6 ? 1 : 0);
  if (table === 'activities' && (v === 3 || v === 4)) return -1;
  return 0;
}

// Never in a backup: the prepared tables, and what the database records about itself.
const PREPARED = new Set(['logRows', 'logKeys', 'overviewDigests', 'meta']);

/** Fixture vN as that version's backup holds it: without the log's prepared rows (never backed up). */
function backupText(v: number): string {
  const file = JSON.parse(fixtureText(v)) as { data: { tables: { name: string }[]; data: { tableName: string }[] } };
  file.data.tables = file.data.tables.filter((t) => !PREPARED.has(t.name));
  file.data.data = file.data.data.filter((t) => !PREPARED.has(t.tableName));
  return JSON.stringify(file);
}

beforeEach(async () => {
  db.close();
  await db.delete();
});

describe('schema fixtures', () => {
  it('exist for every schema version up to this build, each at its own version', () => {
    for (const v of VERSIONS) {
      expect(existsSync(resolve(FIXTURE_DIR, `v${v}.json`)), `tests/fixtures/db/v${v}.json`).toBe(true);
      expect(fixture(v).data.databaseVersion).toBe(v);
    }
  });

  for (const v of VERSIONS) {
    it(`v${v}: the current app opens it and every record is still there`, async () => {
      await installFixture(v);
      expect(await onDiskState()).toEqual(v === CURRENT_SCHEMA_VERSION ? { kind: 'current', version: v } : { kind: 'older', version: v });
      await db.open();
      expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
      for (const [table, count] of Object.entries(rowCounts(v))) {
        expect(await db.table(table).count(), `${table} after upgrade from v${v}`).toBe(count + upgradeChange(v, table));
      }
      // Spot checks: the built-in plan, a status with its note, a unit's fields, the settings.
      const builtin = await db.plans.get(BUILTIN_PLAN.id);
      expect(builtin?.source).toBe('builtin');
      expect(builtin?.plan.sections.length).toBe(BUILTIN_PLAN.plan.sections.length);
      const st = await db.itemStatuses.get([BUILTIN_PLAN.id, 'LDLD-DMC', '2025-H1', ITEM_IDS[0]!]);
      expect(st).toMatchObject({ status: 'xong', note: 'Đã tổ chức hội nghị đoàn viên, 45 người dự', evidence: 'Báo cáo số 12/BC-LĐLĐ' });
      expect(await db.units.get('CDCS-0001')).toMatchObject({ name: 'CĐCS Trường TH Suối Đá', members: 31, phone: '0276 3851 234' });
      // v1 units lacked directory fields: the upgrade fills them.
      expect(await db.units.get('LDLD-DMC')).toMatchObject({ type: null, members: null, contact: '', phone: '' });
      expect(await db.settings.get('ownUnitCode')).toEqual({ key: 'ownUnitCode', value: 'LDLD-DMC' });
      expect(await db.settings.get('setupDoneAt')).toBeDefined();
      if (v >= 2) {
        expect(await db.activities.get('3f0c2a9e-5b7d-4c1e-9a2f-0d1e2f3a4b5c')).toMatchObject({ title: 'Hội nghị tuyên truyền Tháng Công nhân', participants: 120 });
        expect(await db.activities.get('7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d')).toMatchObject({ deletedAt: '2025-06-01T03:00:00.000Z' });
        expect(await db.indicatorAdjustments.count()).toBe(1);
      }
      if (v >= 3) {
        // The import history and the data it stands for.
        const sub = await db.submissions.get('0d6c5b4a-3928-4716-a5b4-c3d2e1f0a9b8');
        expect(sub).toMatchObject({ unitCode: 'CDCS-0001', periodKey: '2025-Q2', state: 'active' });
        expect(sub?.report.activities).toHaveLength(1);
        // Since v5 they are derived from the submission's report, no longer copied as rows.
        expect(await db.activities.filter((a) => a.submissionId !== undefined).count()).toBe(0);
        expect(sub?.unitCodes).toEqual(['CDCS-0001']);
        const moved = activitiesOfSubmissions([sub!]);
        expect(moved).toHaveLength(1);
        expect(moved[0]).toMatchObject({ submissionId: sub?.id, unitCode: 'CDCS-0001', title: sub?.report.activities[0]?.title });
        if (v < 5) {
          // Exactly the row the v3/v4 import had written: nothing lost by dropping it.
          const file = JSON.parse(fixtureText(v)) as { data: { data: { tableName: string; rows: { submissionId?: string; $types?: unknown }[] }[] } };
          const rows = file.data.data.find((t) => t.tableName === 'activities')!.rows.filter((r) => r.submissionId !== undefined);
          // ($types: dexie-export-import's note of special values, here none that matter.)
          // (searchText is computed when read: a getter, not an own field.)
          expect(moved.map((a) => ({ ...a, searchText: a.searchText }))).toEqual(rows.map(({ $types: _, ...row }) => row));
        }
        // …and the log, the reports and the checklist read them with the logged ones.
        expect((await activitiesOfPlan(BUILTIN_PLAN.id)).map((a) => a.id)).toContain(moved[0]!.id);
      }
      // Since v6 every unit has its kind, its parent's code and its other codes.
      for (const u of await db.units.toArray()) {
        expect(typeof u.kind, u.code).toBe('string');
        expect(typeof u.parentCode, u.code).toBe('string');
        expect(Array.isArray(u.aliases), u.code).toBe(true);
      }
      expect(await db.settings.get('selectedPeriodKind')).toBeUndefined();
      if (v < 6) {
        // Before kinds, an intermediate unit was an LĐLĐ huyện; the directory's units sat under
        // the own unit when they named it as their parent (the fixtures' v2 units do; v1's CĐCS too).
        expect(await db.units.get('LDLD-DMC')).toMatchObject({ kind: 'ldld-huyen', parentCode: '', aliases: [] });
        expect(await db.units.get('CDCS-0001')).toMatchObject({ kind: 'cdcs', parentCode: 'LDLD-DMC', aliases: [] });
      } else {
        expect(await db.units.get('CDCS-0001')).toMatchObject({ kind: 'cdcs', parentCode: 'LDLD-DMC', aliases: ['CDCS-SUOIDA'] });
        expect(await db.units.where('aliases').equals('CDCS-SUOIDA').primaryKeys()).toEqual(['CDCS-0001']);
        expect(await db.units.get('CDN-0001')).toMatchObject({ level: 'district', kind: 'rieng-cong-doan-giao-duc' });
        expect((await db.settings.get('unitKinds'))?.value).toEqual([expect.objectContaining({ name: 'Công đoàn Giáo dục' })]);
      }
      // The new index finds the consolidated-level submissions of a period (none here: a CĐCS's file).
      expect(await db.submissions.where('[planId+periodKey+state+level]').equals([BUILTIN_PLAN.id, '2025-Q2', 'active', 'grassroots']).count()).toBe(v >= 3 ? 1 : 0);
    });

    it(`v${v}: a backup made at that version restores into the current schema, upgraded`, async () => {
      const { bytes } = await envelopeBytes(backupText(v), v, new Date('2025-06-14T01:30:00.000Z'));
      const preview = await inspectBackup(bytes);
      const backedUp = Object.fromEntries(Object.entries(rowCounts(v)).filter(([t]) => !PREPARED.has(t)));
      expect(preview).toMatchObject({ ok: true, schemaVersion: v, needsUpgrade: v < CURRENT_SCHEMA_VERSION, counts: backedUp });
      await db.open();
      await restoreBackup(bytes, 'replace');
      // The log's prepared rows are never restored: they are made again afterwards. Nor is what
      // the database recorded about itself: the restore wrote a new revision, and only that.
      for (const [table, count] of Object.entries(rowCounts(v))) {
        if (table === 'meta') expect((await db.table('meta').toArray()).map((r: { key: string }) => r.key)).toEqual(['revision']);
        else expect(await db.table(table).count(), table).toBe(PREPARED.has(table) ? 0 : count + upgradeChange(v, table));
      }
      if (v >= 3) expect(activitiesOfSubmissions(await db.submissions.toArray())).toHaveLength(1);
      // The v1 → v2 upgrade ran on the backup: fields filled, setup marked done.
      expect(await db.units.get('LDLD-DMC')).toMatchObject({ type: null, contact: '' });
      expect(await db.settings.get('setupDoneAt')).toBeDefined();
    });
  }
});

describe('an upgrade takes an automatic backup first', () => {
  it('exports the old database as it was, before the app database is opened', async () => {
    await installFixture(1);
    const store = vi.fn(async () => undefined);
    const result = await backupBeforeUpgrade(store, DB_NAME, new Date(2025, 5, 14, 8, 30));
    expect(result.kind).toBe('older');
    expect(store).toHaveBeenCalledTimes(1);
    const file = (store.mock.calls[0] as unknown as [{ bytes: Uint8Array; fileName: string }])[0];
    expect(file.fileName).toBe('TruocNangCap_v1_SoKeHoach_2025-06-14_0830.json');
    expect(await inspectBackup(file.bytes)).toMatchObject({ ok: true, schemaVersion: 1, counts: rowCounts(1) });
    // Nothing was upgraded by taking the backup.
    expect(await onDiskState()).toEqual({ kind: 'older', version: 1 });
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('does nothing for a current database or a missing one (and does not create it)', async () => {
    const store = vi.fn(async () => undefined);
    expect(await backupBeforeUpgrade(store)).toEqual({ kind: 'absent' });
    expect(await Dexie.exists(DB_NAME)).toBe(false);
    await db.open();
    db.close();
    expect(await backupBeforeUpgrade(store)).toEqual({ kind: 'current', version: CURRENT_SCHEMA_VERSION });
    expect(store).not.toHaveBeenCalled();
  });

  it('refuses to upgrade when the backup cannot be stored', async () => {
    await installFixture(1);
    await expect(backupBeforeUpgrade(async () => Promise.reject(new Error('EACCES')))).rejects.toThrow(/chưa nâng cấp/);
    expect(await onDiskState()).toEqual({ kind: 'older', version: 1 });
  });

  async function makeNewer(name: string): Promise<void> {
    await new Promise<void>((ok, fail) => {
      const req = indexedDB.open(name, 999);
      req.onupgradeneeded = () => req.result.createObjectStore('future').put('giữ nguyên', 'k');
      req.onsuccess = () => {
        req.result.close();
        ok();
      };
      req.onerror = () => fail(req.error);
    });
  }
  function nativeVersion(name: string): Promise<number> {
    return new Promise<number>((ok) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => {
        const v = req.result.version;
        req.result.close();
        ok(v);
      };
    });
  }

  it('leaves a database made by a newer version untouched (the caller must not open it)', async () => {
    await makeNewer(DB_NAME);
    const store = vi.fn(async () => undefined);
    expect(await backupBeforeUpgrade(store)).toEqual({ kind: 'newer', version: 99.9 });
    expect(await onDiskState()).toMatchObject({ kind: 'newer' });
    expect(store).not.toHaveBeenCalled();
    expect(await nativeVersion(DB_NAME)).toBe(999);
  });

  it('reads the version from the list of databases, and by opening where that list is missing', async () => {
    const states = async () => [await onDiskState(), await onDiskState('so-ke-hoach-khong-co')];
    await installFixture(3);
    const listed = await states();
    expect(listed).toEqual([{ kind: 'older', version: 3 }, { kind: 'absent' }]);
    const list = vi.spyOn(indexedDB, 'databases');
    await onDiskState();
    expect(list).toHaveBeenCalled();
    list.mockRestore();
    const saved = indexedDB.databases;
    Object.defineProperty(indexedDB, 'databases', { value: undefined, configurable: true, writable: true });
    try {
      expect(await states()).toEqual(listed);
    } finally {
      Object.defineProperty(indexedDB, 'databases', { value: saved, configurable: true, writable: true });
    }
    expect(await Dexie.exists('so-ke-hoach-khong-co')).toBe(false);
  });

  it('why the check comes first: Dexie 4 itself would open a newer database and patch our tables into it', async () => {
    const name = 'so-ke-hoach-newer-demo';
    await makeNewer(name);
    const { SoKeHoachDb } = await import('@db');
    const other = new SoKeHoachDb(name);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await other.open();
    other.close();
    expect(await nativeVersion(name)).toBe(1000);
    await Dexie.delete(name);
  });
});
