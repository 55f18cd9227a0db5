/**
 * Text typed and not yet saved (state/pending-edits.ts) is saved before the window closes: the
 * desktop's close request saves it before writing the automatic backup (so the backup has it),
 * and the renderer's automatic backups never run two at once.
 */
import '../fixtures/db/tools/node-blob-env';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { db, ensureSeeded, setItemStatus } from '@db';
import { BackupReader } from '@db/backup-format';
import { listenForCloseRequests, autoBackupIfDue } from '@features/backup/auto-backup';
import type { Platform } from '@platform';
import { flushPendingEdits, hasPendingEdits, registerPendingEdit } from '@state/pending-edits';

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  await ensureSeeded();
  await db.units.put({ code: 'LDLD-DMC', name: 'LĐLĐ huyện Dương Minh Châu', level: 'district', parentName: '', type: null, members: null, contact: '', phone: '', active: true, createdAt: 'x', updatedAt: 'x' });
});

describe('pending edits', () => {
  it('are saved once each by flushPendingEdits, a failing one not stopping the others', async () => {
    const a = vi.fn(async () => undefined);
    const b = vi.fn(async () => Promise.reject(new Error('đĩa đầy')));
    const doneA = registerPendingEdit(a);
    const doneB = registerPendingEdit(b);
    expect(hasPendingEdits()).toBe(true);
    await flushPendingEdits();
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(1);
    doneA();
    expect(hasPendingEdits()).toBe(true);
    doneB();
    expect(hasPendingEdits()).toBe(false);
  });
});

/** A desktop platform whose automatic backups are kept in memory. */
function fakeDesktop() {
  const written: { name: string; bytes: Uint8Array; reason: string }[] = [];
  let closing: (() => void) | null = null;
  const done = vi.fn(async () => undefined);
  let active = 0;
  let overlap = false;
  const platform = {
    kind: 'desktop',
    autoBackups: {
      write: async (input: { fileName: string; bytes: Uint8Array; reason: string }) => {
        active++;
        if (active > 1) overlap = true;
        await new Promise((r) => setTimeout(r, 20));
        written.push({ name: input.fileName, bytes: input.bytes, reason: input.reason });
        active--;
        return { folder: '/x', files: [] };
      },
      list: async () => ({ folder: '/x', files: [] }),
      onCloseRequest: (listener: () => void) => {
        closing = listener;
        return () => undefined;
      },
      done,
    },
  } as unknown as Platform;
  return { platform, written, done, close: () => closing!(), overlapped: () => overlap };
}

function settingsOf(bytes: Uint8Array): Record<string, unknown> {
  const reader = new BackupReader(bytes, { validate: true });
  reader.start();
  const out: Record<string, unknown> = {};
  for (const b of reader.rows()) if (b.table === 'itemStatuses') for (const r of b.rows) out[String(r['itemId'])] = r['note'];
  return out;
}

describe('the backup on close', () => {
  it('saves the note still being typed first, so it is in the database and in the backup', async () => {
    const fake = fakeDesktop();
    listenForCloseRequests(fake.platform);
    const typed = 'Đang gõ dở, chưa rời ô';
    const unregister = registerPendingEdit(async () => {
      unregister();
      await setItemStatus({ planId: BUILTIN_PLAN.id, unitCode: 'LDLD-DMC', periodKey: '2025-H1', itemId: 'III.1.1', status: 'dang', note: typed, evidence: '' });
    });
    fake.close();
    await vi.waitFor(() => expect(fake.done).toHaveBeenCalled());
    expect(hasPendingEdits()).toBe(false);
    expect(fake.written).toHaveLength(1);
    expect(fake.written[0]!.reason).toBe('quit');
    expect(settingsOf(fake.written[0]!.bytes)['III.1.1']).toBe(typed);
  });

  it('the start-up backup and the one on close never run at once', async () => {
    const fake = fakeDesktop();
    listenForCloseRequests(fake.platform);
    const daily = autoBackupIfDue(fake.platform);
    fake.close();
    await daily;
    await vi.waitFor(() => expect(fake.done).toHaveBeenCalled());
    expect(fake.written.map((w) => w.reason).sort()).toEqual(['daily', 'quit']);
    expect(fake.overlapped()).toBe(false);
  });
});
