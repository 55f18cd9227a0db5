/**
 * The import batch store (features/import/import-store.ts): the batch lives outside the screen,
 * so reading, choosing, re-checking and importing work with no component at all (as when the
 * officer is on another screen). Real Dexie over fake-indexeddb; the workbook reader is replaced
 * by a fake worker that hands back the report objects (the reader has its own tests).
 */
import { sha256Hex } from '@domain/hash';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  applySubmission,
  db,
  deleteUnit,
  ensureSeeded,
  previewImport,
  putSetting,
  withdrawSubmission,
  type UnitRecord,
} from '@db';
import type { ReadResult } from '@exchange/reader';
import type { UnitReport } from '@domain/report';
import { hardBlock, newCard, pending, ready, recheckedCard, type Card } from '@features/import/import-cards';
import type { ImportReadRequest, ImportReadResponse } from '@features/import/import-read';
import {
  addAllUnits,
  applyReady,
  cancelJob,
  clearBatch,
  readFiles,
  recheck,
  updateCard,
  useImportStore,
} from '@features/import/import-store';
import { numberedUnitReport } from '../support/exchange-writer-fixtures';

const T = '2025-01-01T00:00:00.000Z';

function unit(code: string, name: string, level: UnitRecord['level']): UnitRecord {
  return { code, name, level, parentName: '', type: null, members: null, contact: '', phone: '', active: true, createdAt: T, updatedAt: T };
}

const bytesOf = (r: UnitReport): Uint8Array => new TextEncoder().encode(JSON.stringify(r));

/** A worker that answers with the report registered under the file's name, after `delayMs[name]` (1 ms by default). */
function fakeWorker(reports: Map<string, UnitReport>, delayMs: Record<string, number> = {}): () => Worker {
  return () => {
    const w = {
      onmessage: null as ((e: MessageEvent<ImportReadResponse>) => void) | null,
      onerror: null,
      terminated: false,
      postMessage(m: ImportReadRequest) {
        setTimeout(async () => {
          // The real worker hashes the bytes it read; so does this one.
          const fileHash = await sha256Hex(m.bytes);
          if (w.terminated) return;
          const report = reports.get(m.name)!;
          const result = {
            report,
            problems: [],
            counts: { items: report.items.length, itemsWithStatus: 0, activities: report.activities.length, newActivities: 0 },
            activityRows: [],
            sheetNames: {},
          } as unknown as ReadResult;
          w.onmessage?.({ data: { id: m.id, ok: true, result, fileHash } } as MessageEvent<ImportReadResponse>);
        }, delayMs[m.name] ?? 1);
      },
      terminate() {
        w.terminated = true;
      },
    };
    return w as unknown as Worker;
  };
}

async function choose(reports: UnitReport[], delayMs: Record<string, number> = {}): Promise<void> {
  const byName = new Map(reports.map((r) => [`${r.unit.code}.xlsx`, r]));
  const files = reports.map((r) => ({ name: `${r.unit.code}.xlsx`, path: `Bao cao/${r.unit.code}.xlsx`, bytes: bytesOf(r) }));
  await readFiles({ files, skipped: [] }, fakeWorker(byName, delayMs));
}

const cards = (): Card[] => useImportStore.getState().cards;
const cardOf = (code: string): Card => cards().find((c) => c.fileName === `${code}.xlsx`)!;

beforeEach(async () => {
  clearBatch();
  db.close();
  await db.delete();
  await db.open();
  await ensureSeeded();
  await db.units.bulkAdd([unit('LDLD-DMC', 'LĐLĐ huyện Dương Minh Châu', 'district'), unit('CDCS-1001', 'CĐCS số 1', 'grassroots')]);
  await putSetting('ownUnitCode', 'LDLD-DMC');
  vi.restoreAllMocks();
});

describe('import batch store', () => {
  it('keeps the batch without a screen; a unit added meanwhile is known after the re-check, other choices stay; then import', async () => {
    await choose([numberedUnitReport(2, 3), numberedUnitReport(1, 2)]);
    expect(cards().map((c) => c.fileName)).toEqual(['CDCS-1002.xlsx', 'CDCS-1001.xlsx']);
    expect(useImportStore.getState().progress).toBeNull();
    expect(pending(cardOf('CDCS-1002'))).toEqual(['thêm đơn vị vào danh sách']);
    expect(ready(cardOf('CDCS-1001'))).toBe(true);
    // The officer unticks file 1, then adds unit 1002 in «Đơn vị» (another screen).
    updateCard(cardOf('CDCS-1001').key, { checked: false });
    await db.units.add(unit('CDCS-1002', 'CĐCS số 2', 'grassroots'));
    // Before the re-check the kept preview still says the unit is unknown.
    expect(cardOf('CDCS-1002').preview!.unitKnown).toBe(false);

    await recheck();
    expect(useImportStore.getState().checking).toBe(false);
    const c2 = cardOf('CDCS-1002');
    expect(c2.preview!.unitKnown).toBe(true);
    expect(c2.preview!.blockers).toEqual([]);
    expect(ready(c2)).toBe(true);
    expect(cardOf('CDCS-1001').checked).toBe(false);

    await applyReady();
    expect(useImportStore.getState().message).toEqual({ ok: true, text: 'Đã nhập 1 tệp.' });
    expect(cardOf('CDCS-1002').result).toEqual({ ok: true, text: 'Đã nhập.', outcome: 'applied' });
    expect(cardOf('CDCS-1001').result).toBeNull();
    expect((await db.submissions.toArray()).map((s) => s.unitCode)).toEqual(['CDCS-1002']);

    // A re-check leaves an imported card as it is (its result stays on screen).
    const done = cardOf('CDCS-1002');
    await recheck();
    expect(cardOf('CDCS-1002')).toBe(done);
  });

  it('a re-check unticks a file imported meanwhile (now «trùng») and asks again for a unit deleted meanwhile', async () => {
    const r1 = numberedUnitReport(1, 2);
    await choose([r1, numberedUnitReport(3, 1)]);
    addAllUnits([cardOf('CDCS-1003').key]);
    expect(ready(cardOf('CDCS-1001'))).toBe(true);
    expect(ready(cardOf('CDCS-1003'))).toBe(true);
    // Meanwhile the same file of unit 1001 is imported (e.g. from a second batch); unit 1003 is not affected.
    const imported = await applySubmission(await previewImport(r1, bytesOf(r1), 'CDCS-1001.xlsx'));
    await recheck();
    expect(cardOf('CDCS-1001').preview!.plan.decision).toBe('identical');
    expect(hardBlock(cardOf('CDCS-1001'))).toBe('Tệp trùng với bản đã nhập: không có gì thay đổi.');
    expect(cardOf('CDCS-1001').checked).toBe(false);
    expect(cardOf('CDCS-1003').addUnit).toBe(true);
    expect(ready(cardOf('CDCS-1003'))).toBe(true);

    // The submission withdrawn and unit 1001 deleted: the file is new again and needs its unit.
    await withdrawSubmission(imported.submission!.id);
    await deleteUnit('CDCS-1001');
    await recheck();
    const c1 = cardOf('CDCS-1001');
    expect(c1.preview!.plan.decision).toBe('new');
    expect(c1.checked).toBe(true);
    expect(pending(c1)).toEqual(['thêm đơn vị vào danh sách']);
  });

  it('a re-check asked while reading waits for the reading and runs right after it', async () => {
    // The second file read well after the first one's group is handed over (import-read.ts PREVIEW_GROUP waits 100 ms at most).
    const reading = choose([numberedUnitReport(2, 1), numberedUnitReport(4, 1)], { 'CDCS-1004.xlsx': 1_000 });
    await vi.waitFor(() => expect(cardOf('CDCS-1002').preview).not.toBeNull());
    expect(useImportStore.getState().progress).toMatchObject({ phase: 'read', done: 1, total: 2, fileName: 'CDCS-1004.xlsx' });
    await db.units.add(unit('CDCS-1002', 'CĐCS số 2', 'grassroots'));
    // The screen shown again while the second file is still being read.
    await recheck();
    expect(cardOf('CDCS-1002').preview!.unitKnown).toBe(false);
    await reading;
    await vi.waitFor(() => expect(cardOf('CDCS-1002').preview!.unitKnown).toBe(true));
    await vi.waitFor(() => expect(useImportStore.getState().checking).toBe(false));
    expect(cardOf('CDCS-1004').preview!.unitKnown).toBe(false);
  });

  it('«Hủy» while importing stores nothing and keeps the batch; «Xóa danh sách» waits for no job and empties it', async () => {
    await choose([numberedUnitReport(1, 40), numberedUnitReport(5, 40)]);
    addAllUnits([cardOf('CDCS-1005').key]);
    const importing = applyReady();
    expect(useImportStore.getState().progress).toMatchObject({ phase: 'apply', total: 2 });
    // Refused while the import runs.
    clearBatch();
    expect(cards()).toHaveLength(2);
    cancelJob();
    await importing;
    expect(useImportStore.getState().message).toEqual({ ok: false, text: 'Đã hủy nhập: chưa tệp nào được ghi, dữ liệu giữ nguyên như trước.' });
    expect(await db.submissions.count()).toBe(0);
    expect(cards().every((c) => c.result === null && ready(c))).toBe(true);
    clearBatch();
    expect(useImportStore.getState()).toMatchObject({ cards: [], skipped: [], progress: null, checking: false, message: null });
  });

  it('accepted differences with the plan stay accepted only while the differences are the same', async () => {
    const r = numberedUnitReport(1, 1);
    r.items[1]!.text = 'Nhiệm vụ đơn vị sửa lời văn';
    const p = await previewImport(r, bytesOf(r), 'a.xlsx');
    const card: Card = { ...newCard('k', { name: 'a.xlsx', path: 'a.xlsx' }), original: p, preview: p, checked: true, acceptMismatches: true };
    expect(pending(card)).toEqual([]);
    // The same differences: still accepted.
    expect(recheckedCard(card, p, p, '').acceptMismatches).toBe(true);
    // Another item differs now (e.g. the plan was edited): the officer looks again.
    const r2 = structuredClone(r);
    r2.items[2]!.text = 'Một nhiệm vụ khác cũng khác';
    const p2 = await previewImport(r2, bytesOf(r), 'a.xlsx');
    const again = recheckedCard(card, p2, p2, '');
    expect(again.acceptMismatches).toBe(false);
    expect(pending(again)).toEqual(['xác nhận khác biệt với kế hoạch']);
  });
});
