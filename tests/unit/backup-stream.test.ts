/**
 * The backup file in pieces: the byte scanner (domain/json-bytes.ts), the streaming reader
 * (batches, progress, «Hủy», a failure after some batches were written: all roll back), and the
 * written file still read by dexie-export-import (what older builds of the app restore with).
 */
import '../fixtures/db/tools/node-blob-env';
import { Dexie, type Table } from 'dexie';
import { importInto } from 'dexie-export-import';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { INCOMPLETE, isCompleteJsonDocument, NOT_JSON, valueEnd } from '@domain/json-bytes';
import { db, ensureSeeded } from '@db';
import { BACKUP_TABLES, BackupError, createBackup, inspectBackup, MESSAGES, restoreBackup, STORES_BY_VERSION, CURRENT_SCHEMA_VERSION } from '@db/backup';
import { BackupReader } from '@db/backup-format';
import { importFiles, installationA } from '../fixtures/backups/tools/installations';
import { testActivityRecord } from '../support/activity-fixtures';

const enc = (s: string) => new TextEncoder().encode(s);

async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of BACKUP_TABLES) out[t] = await db.table(t).toArray();
  return out;
}

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
});

describe('json-bytes', () => {
  it('finds where a value ends, strings with escaped quotes and brackets inside included', () => {
    const text = '{"a":"x\\"}]","b":[1,{"c":"\\\\"}]} tail';
    expect(valueEnd(enc(text), 0)).toBe(text.indexOf(' tail'));
    expect(valueEnd(enc('"Đoàn viên \\"ưu tú\\""'), 0)).toBe(enc('"Đoàn viên \\"ưu tú\\""').length);
    expect(valueEnd(enc('123,'), 0)).toBe(3);
  });

  it('tells a value cut short from one that is not JSON', () => {
    expect(valueEnd(enc('{"a":[1,2'), 0)).toBe(INCOMPLETE);
    expect(valueEnd(enc('"abc\\"'), 0)).toBe(INCOMPLETE);
    expect(valueEnd(enc('12'), 0)).toBe(INCOMPLETE);
    expect(valueEnd(enc('{"a":[1,2}'), 0)).toBe(NOT_JSON);
    expect(valueEnd(enc(`${'['.repeat(1001)}${']'.repeat(1001)}`), 0)).toBe(NOT_JSON);
  });

  it('knows a complete document from a truncated or interleaved one', () => {
    expect(isCompleteJsonDocument(enc(' {"format":"x","payload":{"a":[1]}}\n'))).toBe(true);
    expect(isCompleteJsonDocument(enc('{"format":"x","payload":{"a":[1]}'))).toBe(false);
    // Two writers through one temporary file: the second's bytes over the first's.
    expect(isCompleteJsonDocument(enc('{"format":"x","pay{"format":"x","payload":{}}load":{}}'))).toBe(false);
    expect(isCompleteJsonDocument(enc('{"a":1} {"b":2}'))).toBe(false);
    expect(isCompleteJsonDocument(enc(''))).toBe(false);
    expect(isCompleteJsonDocument(enc('"chỉ một chuỗi"'))).toBe(false);
    for (const bad of ['{"a":tru}', '{"a":1,}', '{"a" 1}', '[1 2]', '{"a":01}', '{"a":-}', '{"a":1.}', '[1,]', '{,}']) expect(isCompleteJsonDocument(enc(bad)), bad).toBe(false);
    for (const good of ['{"a":[],"b":{},"c":[{}]}', '{"a":-1.5e+3,"b":true,"c":null,"d":false,"e":"\\u0041"}', '[[[]],{}]', '{}', '[]']) {
      expect(isCompleteJsonDocument(enc(good)), good).toBe(true);
      expect(() => JSON.parse(good)).not.toThrow();
    }
  });
});

describe('streaming restore', () => {
  async function bigInstallation(): Promise<Uint8Array> {
    await installationA();
    return (await createBackup()).bytes;
  }

  it('reads a backup in batches of about the size asked, every record once, hashed as a whole', async () => {
    const bytes = await bigInstallation();
    const reader = new BackupReader(bytes, { validate: true, batchBytes: 4096 });
    const header = reader.start();
    const seen: Record<string, number> = {};
    let batches = 0;
    let last = 0;
    for (const b of reader.rows()) {
      batches++;
      expect(b.first).toBe(seen[b.table] ?? 0);
      seen[b.table] = (seen[b.table] ?? 0) + b.rows.length;
      expect(reader.position).toBeGreaterThan(last);
      last = reader.position;
    }
    expect(batches).toBeGreaterThan(10);
    for (const [t, n] of Object.entries(header.counts)) expect(seen[t] ?? 0, t).toBe(n);
    expect(reader.position).toBe(bytes.length);
  });

  it('reports progress up to the whole file while inspecting and restoring', async () => {
    const bytes = await bigInstallation();
    const seen: number[] = [];
    await restoreBackup(bytes, 'replace', { onProgress: (p) => seen.push(p.done / p.total) });
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    const inspected: number[] = [];
    await inspectBackup(bytes, { onProgress: (p) => inspected.push(p.done) });
    expect(inspected.at(-1)).toBe(bytes.length);
  });

  for (const mode of ['replace', 'merge'] as const) {
    it(`«Hủy» during a ${mode} restore rolls every batch already written back`, async () => {
      const bytes = await bigInstallation();
      db.close();
      await db.delete();
      await db.open();
      await ensureSeeded();
      const before = await snapshot();
      const controller = new AbortController();
      let calls = 0;
      const error = await restoreBackup(bytes, mode, {
        signal: controller.signal,
        onProgress: () => {
          if (++calls === 2) controller.abort();
        },
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackupError);
      expect((error as BackupError).reason).toBe('cancelled');
      expect((error as BackupError).message).toBe(MESSAGES.cancelled);
      expect(calls).toBeGreaterThanOrEqual(2);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('a changed byte near the end is found only there: the batches written before it are rolled back', async () => {
    const bytes = await bigInstallation();
    const text = new TextDecoder().decode(bytes);
    // The last table written is settings: change its last value, keep the JSON valid.
    const at = text.lastIndexOf('"LDLD-DMC"');
    const tampered = enc(`${text.slice(0, at)}"LDLD-DMX"${text.slice(at + '"LDLD-DMC"'.length)}`);
    db.close();
    await db.delete();
    await db.open();
    await ensureSeeded();
    const before = await snapshot();
    const put = vi.spyOn(Object.getPrototypeOf(db.table('submissions')) as Table, 'bulkPut');
    await expect(restoreBackup(tampered, 'replace')).rejects.toThrow(MESSAGES.tampered);
    expect(put.mock.calls.length).toBeGreaterThan(1);
    put.mockRestore();
    expect(await snapshot()).toEqual(before);
  });
});

describe('writing', () => {
  it('tables of thousands of records are written whole, page after page', async () => {
    await ensureSeeded();
    const rows = Array.from({ length: 6200 }, (_, i) => testActivityRecord({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
    await db.activities.bulkPut(rows);
    const backup = await createBackup();
    expect(backup.counts.activities).toBe(6200);
    const before = await snapshot();
    db.close();
    await db.delete();
    await db.open();
    await restoreBackup(backup.bytes, 'replace');
    expect(await snapshot()).toEqual(before);
  });
});

describe('compatibility', () => {
  it('a backup re-indented by hand (the same values) still restores; changed and re-indented it is refused', async () => {
    await installationA();
    const backup = await createBackup();
    const before = await snapshot();
    const pretty = enc(JSON.stringify(JSON.parse(new TextDecoder().decode(backup.bytes)), null, 2));
    expect(pretty.length).toBeGreaterThan(backup.bytes.length);
    expect(await inspectBackup(pretty)).toMatchObject({ ok: true });
    db.close();
    await db.delete();
    await db.open();
    await restoreBackup(pretty, 'replace');
    expect(await snapshot()).toEqual(before);
    const changed = enc(new TextDecoder().decode(pretty).replace('"CDCS-1005"', '"CDCS-1009"'));
    expect(await inspectBackup(changed)).toEqual({ ok: false, reason: 'tampered', message: MESSAGES.tampered });
  });

  it('a backup written now is still read by dexie-export-import (how older builds restore)', async () => {
    await installationA();
    await importFiles(['U6']);
    const backup = await createBackup();
    const file = JSON.parse(new TextDecoder().decode(backup.bytes)) as { payload: unknown };
    const old = new Dexie('so-ke-hoach-ancien');
    old.version(CURRENT_SCHEMA_VERSION).stores({ ...STORES_BY_VERSION[CURRENT_SCHEMA_VERSION] });
    await old.open();
    await importInto(old, new Blob([JSON.stringify(file.payload)]), { acceptNameDiff: true });
    for (const t of BACKUP_TABLES) expect(await old.table(t).toArray(), t).toEqual(await db.table(t).toArray());
    old.close();
    await Dexie.delete('so-ke-hoach-ancien');
  });
});
