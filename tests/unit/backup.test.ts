import '../fixtures/db/tools/node-blob-env';
import type { Table } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db, ensureSeeded, type ItemStatusRecord } from '@db';
import {
  BACKUP_TABLES,
  BackupError,
  backupFileName,
  createBackup,
  CURRENT_SCHEMA_VERSION,
  envelopeBytes,
  inspectBackup,
  MAX_BACKUP_BYTES,
  MESSAGES,
  restoreBackup,
  STORES_BY_VERSION,
} from '@db/backup';
import { MAX_BACKUP_FILE_BYTES, MAX_OPEN_FILE_BYTES } from '@contract';
import { BACKUP_OPEN_OPTIONS } from '@features/backup/BackupPanel';
import { backupIsOverdue, clampKeep, formatBytes } from '@db/backup-storage';
import { latestLocalBackup, LOCAL_BACKUPS_KEPT, storeLocalBackup } from '@db/backup-local-store';
import { activities, ADJUSTMENTS, pastedPlanRecord, statuses, T2, TARGETS, V2_UNITS } from '../fixtures/db/tools/fixture-data';

type Snapshot = Record<string, unknown[]>;

async function snapshot(): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const t of BACKUP_TABLES) out[t] = await db.table(t).toArray();
  return out;
}

async function fill(): Promise<void> {
  await ensureSeeded();
  await db.plans.put(pastedPlanRecord(T2) as never);
  await db.units.bulkPut(V2_UNITS as never);
  await db.itemStatuses.bulkPut(statuses(T2) as never);
  await db.activities.bulkPut(activities());
  await db.indicatorAdjustments.bulkPut(ADJUSTMENTS);
  await db.indicatorTargets.bulkPut(TARGETS);
}

const decode = (b: Uint8Array) => new TextDecoder().decode(b);
const encode = (s: string) => new TextEncoder().encode(s);

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
});

describe('createBackup', () => {
  it('holds every table in our envelope, with counts, versions and a SHA-256 checksum', async () => {
    await fill();
    const now = new Date(2025, 5, 14, 8, 30);
    const backup = await createBackup(now);
    expect(backup.fileName).toBe('SaoLuu_SoKeHoach_2025-06-14_0830.json');
    expect(backup.counts).toEqual({ plans: 2, units: 3, itemStatuses: 6, activities: 2, indicatorAdjustments: 1, indicatorTargets: 1, submissions: 0, settings: 2 });
    const file = JSON.parse(decode(backup.bytes));
    expect(Object.keys(file)).toEqual(['format', 'formatVersion', 'appVersion', 'schemaVersion', 'createdAt', 'counts', 'checksum', 'payload']);
    expect(file.format).toBe('so-ke-hoach-backup');
    expect(file.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(file.checksum.algorithm).toBe('SHA-256');
    expect(file.payload.formatName).toBe('dexie');
    const preview = await inspectBackup(backup.bytes);
    expect(preview).toEqual({ ok: true, createdAt: now.toISOString(), appVersion: file.appVersion, schemaVersion: CURRENT_SCHEMA_VERSION, counts: backup.counts, needsUpgrade: false });
  });

  it('names files by local date and time, ASCII only', () => {
    expect(backupFileName(new Date(2025, 0, 5, 7, 4))).toBe('SaoLuu_SoKeHoach_2025-01-05_0704.json');
    expect(backupFileName(new Date(2025, 11, 31, 23, 59), 'TuDong')).toBe('TuDong_SoKeHoach_2025-12-31_2359.json');
  });

  it('knows the stores of every schema version up to this build', () => {
    for (let v = 1; v <= CURRENT_SCHEMA_VERSION; v++) expect(STORES_BY_VERSION[v], `versions/v${v}.ts`).toBeDefined();
    expect(Object.keys(STORES_BY_VERSION).map(Number).sort()).toEqual(Array.from({ length: CURRENT_SCHEMA_VERSION }, (_, i) => i + 1));
  });
});

describe('restoreBackup: replace', () => {
  it('backup → change everything → restore gives back exactly the database, table by table', async () => {
    await fill();
    const before = await snapshot();
    const backup = await createBackup();
    await db.activities.clear();
    await db.units.delete('CDCS-0001');
    await db.itemStatuses.put({ ...(before.itemStatuses![0] as ItemStatusRecord), note: 'sửa sau khi sao lưu' });
    await db.settings.put({ key: 'ownUnitCode', value: 'KHAC' });
    await db.indicatorTargets.put({ ...TARGETS[0]!, periodKey: '2026-Y' });
    const result = await restoreBackup(backup.bytes, 'replace');
    expect(result.written.activities).toBe(2);
    expect(await snapshot()).toEqual(before);
  });

  it('restores into an empty (fresh) database', async () => {
    await fill();
    const before = await snapshot();
    const backup = await createBackup();
    db.close();
    await db.delete();
    await db.open();
    await restoreBackup(backup.bytes, 'replace');
    expect(await snapshot()).toEqual(before);
  });
});

describe('restoreBackup: merge', () => {
  it('adds new keys, keeps the newer updatedAt on both sides, keeps ours when there is no updatedAt', async () => {
    await fill();
    const backup = await createBackup();
    const [a, b] = activities();
    // A edited here after the backup (newer here): ours stays.
    await db.activities.put({ ...a!, title: 'Sửa sau', updatedAt: '2025-07-01T00:00:00.000Z' });
    // B older here than in the backup: the backup's wins.
    await db.activities.put({ ...b!, title: 'Bản cũ', updatedAt: '2025-01-01T00:00:00.000Z' });
    // A status deleted here: comes back.
    const s0 = statuses(T2)[0]!;
    await db.itemStatuses.delete([s0.planId, s0.unitCode, s0.periodKey, s0.itemId]);
    // Something only here: stays.
    await db.units.put({ ...V2_UNITS[0]!, code: 'CDCS-9999', name: 'CĐCS mới' } as never);
    // A setting changed here: ours stays (settings have no updatedAt).
    await db.settings.put({ key: 'activePlanId', value: 'plan-dan-2025' });
    // A target changed here: ours stays.
    await db.indicatorTargets.put({ ...TARGETS[0]!, target: 99 });

    const result = await restoreBackup(backup.bytes, 'merge');
    expect(await db.activities.get(a!.id)).toMatchObject({ title: 'Sửa sau' });
    expect(await db.activities.get(b!.id)).toEqual(b);
    expect(await db.itemStatuses.get([s0.planId, s0.unitCode, s0.periodKey, s0.itemId])).toEqual(s0);
    expect(await db.units.get('CDCS-9999')).toBeDefined();
    expect(await db.settings.get('activePlanId')).toEqual({ key: 'activePlanId', value: 'plan-dan-2025' });
    expect((await db.indicatorTargets.toArray())[0]!.target).toBe(99);
    expect(result.written).toMatchObject({ activities: 1, itemStatuses: 1, units: 0, settings: 0, indicatorTargets: 0 });
  });
});

describe('refusals leave the database unchanged', () => {
  it('refuses a tampered backup (a record changed) with the checksum message', async () => {
    await fill();
    const backup = await createBackup();
    const text = decode(backup.bytes);
    const tampered = encode(text.replace('Đã tổ chức hội nghị đoàn viên, 45 người dự', 'Đã tổ chức hội nghị đoàn viên, 95 người dự'));
    expect(decode(tampered)).not.toBe(text);
    expect(await inspectBackup(tampered)).toEqual({ ok: false, reason: 'tampered', message: MESSAGES.tampered });
    expect(MESSAGES.tampered).toBe('Tệp sao lưu đã bị thay đổi hoặc hỏng (sai mã kiểm tra); không khôi phục.');
    await db.activities.clear();
    const before = await snapshot();
    await expect(restoreBackup(tampered, 'replace')).rejects.toThrow(MESSAGES.tampered);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses changed header counts or dates, and a truncated file', async () => {
    await fill();
    const backup = await createBackup();
    const file = JSON.parse(decode(backup.bytes));
    for (const change of [
      (f: typeof file) => (f.counts.activities = 99),
      (f: typeof file) => (f.createdAt = '2020-01-01T00:00:00.000Z'),
      (f: typeof file) => (f.checksum.value = '0'.repeat(64)),
      (f: typeof file) => delete f.payload,
    ]) {
      const copy = structuredClone(file);
      change(copy);
      expect(await inspectBackup(encode(JSON.stringify(copy)))).toMatchObject({ ok: false, reason: 'tampered' });
    }
    // Cut short (an interrupted copy): it is our file, damaged, not "some other file".
    for (const end of [backup.bytes.length - 10, Math.floor(backup.bytes.length / 2), 40]) {
      expect(await inspectBackup(backup.bytes.slice(0, end))).toEqual({ ok: false, reason: 'tampered', message: MESSAGES.incomplete });
    }
    expect(await inspectBackup(new Uint8Array())).toEqual({ ok: false, reason: 'not-backup', message: MESSAGES.notBackup });
  });

  it('refuses a backup missing a table of its schema version (re-sealed), so replace never empties a table the preview did not list', async () => {
    await fill();
    const file = JSON.parse(decode((await createBackup()).bytes));
    file.payload.data.tables = file.payload.data.tables.filter((t: { name: string }) => t.name !== 'activities');
    file.payload.data.data = file.payload.data.data.filter((t: { tableName: string }) => t.tableName !== 'activities');
    const { bytes } = await envelopeBytes(JSON.stringify(file.payload), CURRENT_SCHEMA_VERSION, new Date());
    expect(await inspectBackup(bytes)).toEqual({ ok: false, reason: 'invalid', message: MESSAGES.invalid });
    const before = await snapshot();
    await expect(restoreBackup(bytes, 'replace')).rejects.toThrow(MESSAGES.invalid);
    expect(await snapshot()).toEqual(before);
    expect(before.activities).toHaveLength(2);
  });

  it('has one backup limit of 512 MB, shared with the contract and named in the refusal', async () => {
    expect(MAX_BACKUP_BYTES).toBe(512 * 1024 * 1024);
    expect(MAX_BACKUP_BYTES).toBe(MAX_BACKUP_FILE_BYTES);
    expect(MAX_BACKUP_BYTES).toBeGreaterThan(MAX_OPEN_FILE_BYTES);
    expect(MESSAGES.tooLarge).toBe('Tệp quá lớn để là một bản sao lưu (tối đa 512 MB); không khôi phục.');
    // Restore asks the platform for files up to the backup limit, not the 50 MB workbook default.
    expect(BACKUP_OPEN_OPTIONS.maxBytes).toBe(MAX_BACKUP_FILE_BYTES);
    /** A small array that reports `size` bytes: the size is checked before anything is read. */
    const sized = (size: number) => Object.defineProperty(encode('{}'), 'byteLength', { value: size });
    expect(await inspectBackup(sized(MAX_BACKUP_BYTES + 1))).toEqual({ ok: false, reason: 'too-large', message: MESSAGES.tooLarge });
    // Above the old 50 MB but within the limit: judged on its content, not refused for size.
    expect(await inspectBackup(sized(MAX_OPEN_FILE_BYTES + 1))).toMatchObject({ ok: false, reason: 'not-backup' });
  });

  it('refuses what is not our backup', async () => {
    expect(await inspectBackup(encode('{"formatName":"dexie"}'))).toEqual({ ok: false, reason: 'not-backup', message: MESSAGES.notBackup });
    expect(await inspectBackup(new Uint8Array([0x50, 0x4b, 3, 4, 0xff, 0xfe]))).toMatchObject({ ok: false, reason: 'not-backup' });
    expect(await inspectBackup(encode('[]'))).toMatchObject({ ok: false, reason: 'not-backup' });
  });

  it('refuses a backup made by a newer version (schema or format) and says to use a newer version', async () => {
    await fill();
    const exportText = JSON.stringify(JSON.parse(decode((await createBackup()).bytes)).payload);
    const { bytes } = await envelopeBytes(exportText, CURRENT_SCHEMA_VERSION + 1, new Date());
    const refusal = await inspectBackup(bytes);
    expect(refusal).toMatchObject({ ok: false, reason: 'too-new' });
    expect(refusal.ok === false && refusal.message).toContain('Hãy dùng phiên bản mới hơn');
    const before = await snapshot();
    await expect(restoreBackup(bytes, 'replace')).rejects.toBeInstanceOf(BackupError);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a payload whose rows do not match its counts (re-sealed by hand)', async () => {
    await fill();
    const file = JSON.parse(decode((await createBackup()).bytes));
    const acts = file.payload.data.data.find((t: { tableName: string }) => t.tableName === 'activities');
    acts.rows.pop();
    const { bytes } = await envelopeBytes(JSON.stringify(file.payload), CURRENT_SCHEMA_VERSION, new Date());
    // envelopeBytes counts from the table list, which still says 2.
    expect(await inspectBackup(bytes)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  for (const mode of ['replace', 'merge'] as const) {
    it(`a failure in the middle of a ${mode} restore leaves the database exactly as it was`, async () => {
      await fill();
      const backup = await createBackup();
      // Make the database differ from the backup so that a partial restore would show.
      await db.plans.clear();
      await db.units.clear();
      await db.activities.clear();
      await db.settings.put({ key: 'ownUnitCode', value: 'KHAC' });
      const before = await snapshot();
      // activities come after plans and units: their writes must be rolled back.
      // Dexie hands out table objects per access; their class (and prototype) is per database.
      const proto = Object.getPrototypeOf(db.table('activities')) as Table;
      const real = proto.bulkPut;
      let failed = 0;
      const spy = vi.spyOn(proto, 'bulkPut').mockImplementation(function (this: Table, ...args: Parameters<Table['bulkPut']>) {
        if (this.name === 'activities') {
          failed++;
          return Promise.reject(new Error('đĩa đầy (giả lập)')) as never;
        }
        return real.apply(this, args);
      });
      try {
        await expect(restoreBackup(backup.bytes, mode)).rejects.toThrow(/dữ liệu hiện tại được giữ nguyên/);
      } finally {
        spy.mockRestore();
      }
      expect(failed).toBe(1);
      expect(await snapshot()).toEqual(before);
    });
  }
});

describe('storage helpers', () => {
  it('reminds when never backed up or more than 7 days ago', () => {
    const now = new Date('2025-06-14T08:00:00.000Z');
    expect(backupIsOverdue(null, now)).toBe(true);
    expect(backupIsOverdue('garbage', now)).toBe(true);
    expect(backupIsOverdue('2025-06-07T09:00:00.000Z', now)).toBe(false);
    expect(backupIsOverdue('2025-06-07T07:00:00.000Z', now)).toBe(true);
  });

  it('formats sizes in MB and GB with a decimal comma; clamps the kept count to 1–100', () => {
    expect(formatBytes(5.5 * 1024 * 1024)).toBe('5,5 MB');
    expect(formatBytes(300 * 1024 * 1024)).toBe('300 MB');
    expect(formatBytes(2.25 * 1024 * 1024 * 1024)).toMatch(/^2,[23] GB$/);
    expect(clampKeep(0)).toBe(1);
    expect(clampKeep(250)).toBe(100);
    expect(clampKeep('x')).toBe(10);
    expect(clampKeep(7.4)).toBe(7);
  });

  it('keeps the newest local backups in "so-ke-hoach-backups"', async () => {
    for (let i = 1; i <= LOCAL_BACKUPS_KEPT + 2; i++) {
      await storeLocalBackup({ fileName: `b${i}.json`, createdAt: `2025-06-0${i}T00:00:00.000Z`, reason: 'before-upgrade', bytes: new Uint8Array([i]) });
    }
    const latest = await latestLocalBackup();
    expect(latest?.fileName).toBe(`b${LOCAL_BACKUPS_KEPT + 2}.json`);
    expect(latest?.bytes).toEqual(new Uint8Array([LOCAL_BACKUPS_KEPT + 2]));
  });
});
