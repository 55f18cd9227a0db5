/**
 * The import batch of «Nhập dữ liệu», kept while the app runs: the cards (read results, previews,
 * the officer's choices, results after «Nhập»), the skipped files, the message, and the job in
 * progress (reading, importing, re-checking) with its progress and «Hủy». The screen only shows
 * this store and calls the actions below, so switching to «Đơn vị» or «Tổng hợp» and back keeps
 * the 40–100 files chosen and read; nothing is kept across a restart (the file bytes are not
 * kept at all: a preview holds the report read and the file's hash, which is all applying needs).
 *
 * Jobs run here, not in the component, so they go on while another screen is shown:
 * - Reading goes on (several files at once, in workers), previewed in groups in the files' order; its
 *   progress and «Hủy» are on the screen when the officer returns.
 * - Importing (applyBatch) is ONE IndexedDB transaction: it goes on and commits whole, or «Hủy»
 *   (still on this screen) aborts it whole. Until it ends, other screens' reads of the same tables
 *   wait for it (IndexedDB orders them after the transaction), so they show their loading state.
 *   Closing the window mid-import never commits it: the batch is lost whole (db/import-ops.ts).
 * - Re-checking: when the screen is shown again (recheck), every kept preview is computed again
 *   against the database as it is now, since it may have changed meanwhile (a unit added in «Đơn
 *   vị», a plan edited, another file imported…). The files are not read again. When a job is
 *   running, the re-check waits for it and runs right after.
 * One job at a time: the screen's buttons are disabled while one runs, and the actions refuse.
 */
import { create } from 'zustand';
import { applyBatch, inputOf, previewImportAs } from '@db';
import { batchOrderOf, errorText, hardBlock, newCard, ready, recheckedCard, type Card, type Progress } from './import-cards';
import type { PickedFile, SkippedFile } from './import-files';
import { readImportGroups, type ImportWorkerFactory } from './import-read';
import { previewFiles, type FilePreview } from './import-preview';

export interface ImportMessage {
  ok: boolean;
  text: string;
}

export interface ImportBatchState {
  cards: Card[];
  skipped: SkippedFile[];
  /** Reading or importing now (null otherwise). */
  progress: Progress | null;
  /** The kept previews are being computed again against the database. */
  checking: boolean;
  message: ImportMessage | null;
}

const EMPTY: ImportBatchState = { cards: [], skipped: [], progress: null, checking: false, message: null };

export const useImportStore = create<ImportBatchState>()(() => ({ ...EMPTY }));

const { getState: get, setState: set } = useImportStore;

/** The job running now, its cancel, and whether a re-check waits for it to end. */
let job: 'read' | 'apply' | 'check' | null = null;
let controller: AbortController | null = null;
let recheckWanted = false;

function endJob(): void {
  job = null;
  controller = null;
  if (recheckWanted) void recheck();
}

/** Reads `picked` in a pool of workers and previews each file: the cards replace the previous batch. */
export async function readFiles(picked: { files: PickedFile[]; skipped: SkippedFile[] }, makeWorker?: ImportWorkerFactory): Promise<void> {
  if (job) return;
  const { files } = picked;
  if (files.length === 0) {
    set({ ...EMPTY, skipped: picked.skipped, message: picked.skipped.length > 0 ? { ok: false, text: 'Không có tệp .xlsx nào để đọc.' } : null });
    return;
  }
  job = 'read';
  controller = new AbortController();
  const { signal } = controller;
  const batch = Date.now();
  const fresh: Card[] = files.map((f, i) => newCard(`${batch}-${i}`, f));
  set({ cards: [...fresh], skipped: picked.skipped, message: null, progress: { phase: 'read', done: 0, total: files.length, fileName: files[0]!.name } });
  try {
    const read = await readImportGroups(
      files,
      async (first, outcomes) => {
        // What was read, then one preview batch for the group's reports.
        const cards = outcomes.map((outcome, k): Card => {
          const card: Card = { ...fresh[first + k]! };
          if (!outcome.ok) card.failure = outcome.message;
          else {
            card.problems = outcome.result.problems;
            card.counts = outcome.result.counts;
            // The reader's errors say why; they are listed with the others.
            if (!outcome.result.report && !card.problems.some((p) => p.severity === 'error')) card.failure = `Không đọc được tệp «${card.fileName}».`;
          }
          return card;
        });
        const toPreview = outcomes.flatMap((o, k) => (o.ok && o.result.report ? [{ k, input: { report: o.result.report, fileHash: o.fileHash, fileName: cards[k]!.fileName } }] : []));
        const previews = await previewFiles(toPreview.map((x) => x.input));
        toPreview.forEach(({ k }, j) => {
          const p = previews[j]!;
          const card = cards[k]!;
          if (!p.ok) card.failure = `Không xem trước được tệp «${card.fileName}»: ${p.message}`;
          else {
            card.original = p.original;
            card.preview = p.preview;
            // The plan offered first in "Nhập vào kế hoạch": the officer still has to confirm.
            card.planChoice = p.planChoice;
          }
        });
        cards.forEach((card, k) => {
          card.checked = hardBlock(card) === '';
          fresh[first + k] = card;
        });
        const done = first + outcomes.length;
        set({ cards: [...fresh], progress: { phase: 'read', done, total: files.length, fileName: files[done]?.name ?? '' } });
      },
      { ...(makeWorker ? { makeWorker } : {}), signal },
    );
    if (read < files.length) {
      for (let i = read; i < files.length; i++) fresh[i] = { ...fresh[i]!, cancelled: true };
      set({
        cards: [...fresh],
        message: { ok: false, text: `Đã hủy đọc: đọc xong ${read}/${files.length} tệp, các tệp còn lại không được đọc. Chưa ghi gì vào dữ liệu.` },
      });
    }
  } finally {
    set({ progress: null });
    endJob();
  }
}

/** Applies the ready cards in ONE transaction (applyBatch); the cards show each file's result. */
export async function applyReady(): Promise<void> {
  if (job) return;
  // Files of one unit and period: the newest export first, the older ones kept as history.
  const batch = batchOrderOf(get().cards);
  const readyByKey = new Map(get().cards.filter(ready).map((c) => [c.key, c]));
  const list = batch.order.filter((k) => readyByKey.has(k)).map((k) => readyByKey.get(k)!);
  if (list.length === 0) return;
  job = 'apply';
  controller = new AbortController();
  const { signal } = controller;
  set({ message: null, progress: { phase: 'apply', done: 0, total: list.length, fileName: list[0]!.fileName } });
  try {
    const out = await applyBatch(
      list.map((c) => ({
        preview: c.preview!,
        options: { addUnit: c.addUnit, acceptMismatches: c.acceptMismatches, allowOlderAsHistory: c.keepOlder || batch.olderThan.has(c.key) },
      })),
      { signal, onProgress: (p) => set({ progress: { phase: 'apply', ...p } }) },
    );
    if (out.status === 'cancelled') {
      set({ message: { ok: false, text: 'Đã hủy nhập: chưa tệp nào được ghi, dữ liệu giữ nguyên như trước.' } });
      return;
    }
    let applied = 0;
    let history = 0;
    let unchanged = 0;
    let refused = 0;
    const results = new Map<string, Card['result']>();
    for (const f of out.files) {
      const card = list[f.index]!;
      if (!f.ok) {
        refused++;
        results.set(card.key, { ok: false, text: `Không nhập được: ${f.message}`, outcome: 'refused' });
      } else if (f.result.outcome === 'unchanged') {
        unchanged++;
        results.set(card.key, { ok: true, text: 'Trùng bản đã nhập: không thay đổi gì.', outcome: 'unchanged' });
      } else if (f.result.outcome === 'history') {
        history++;
        results.set(card.key, { ok: true, text: 'Đã lưu vào lịch sử (không ghi đè dữ liệu mới hơn).', outcome: 'history' });
      } else {
        applied++;
        results.set(card.key, { ok: true, text: f.result.superseded ? 'Đã nhập, thay thế bản nộp trước.' : 'Đã nhập.', outcome: 'applied' });
      }
    }
    const parts = [`Đã nhập ${applied} tệp`];
    if (history > 0) parts.push(`${history} tệp lưu vào lịch sử`);
    if (unchanged > 0) parts.push(`${unchanged} tệp trùng, không thay đổi`);
    if (refused > 0) parts.push(`${refused} tệp không nhập được`);
    set((s) => ({
      cards: s.cards.map((c) => (results.has(c.key) ? { ...c, result: results.get(c.key)!, checked: false } : c)),
      message: { ok: refused === 0, text: `${parts.join('; ')}.` },
    }));
  } catch (error) {
    set({ message: { ok: false, text: `Không nhập được (dữ liệu giữ nguyên như trước, chưa tệp nào được ghi): ${errorText(error)}` } });
  } finally {
    set({ progress: null });
    endJob();
  }
}

/** «Hủy»: stops the reading (the rest is not read) or the import (nothing of it is stored). */
export function cancelJob(): void {
  controller?.abort();
}

/**
 * Computes every kept preview again against the database as it is now (the screen calls it when
 * it is shown again), without reading the files again; waits for a running job. Cards already
 * imported (with a result), failed or not read are left as they are.
 */
export async function recheck(): Promise<void> {
  if (job) {
    recheckWanted = true;
    return;
  }
  recheckWanted = false;
  const targets = get().cards.filter((c) => c.original !== null && c.result === null);
  if (targets.length === 0) return;
  job = 'check';
  set({ checking: true });
  try {
    // The same as previewImport(report, bytes, fileName): the file's own plan is the default
    // scope, and the hash of the bytes is kept in the preview; then filed under the plan chosen.
    const previews = await previewFiles(
      targets.map((c) => inputOf(c.original!, c.original!.report.plan.id)),
      (i, original) => (original.planKnown ? '' : targets[i]!.planChoice),
    );
    const fresh = new Map(targets.map((card, i) => [card.key, recheckedOf(card, previews[i]!)]));
    // Controls are disabled while checking, so no choice changed meanwhile; a batch cleared or
    // replaced meanwhile has other keys and is left alone.
    set((s) => ({ cards: s.cards.map((c) => fresh.get(c.key) ?? c) }));
  } finally {
    set({ checking: false });
    endJob();
  }
}

function recheckedOf(card: Card, p: FilePreview): Card {
  if (!p.ok) return { ...card, checked: false, failure: `Không kiểm tra lại được tệp «${card.fileName}» với dữ liệu hiện tại: ${p.message}` };
  // The chosen plan was deleted meanwhile: the officer chooses again.
  if (p.planChoice !== '' && !p.preview.planKnown) return recheckedCard(card, p.original, p.original, '');
  return recheckedCard(card, p.original, p.preview, p.planChoice);
}

/** What the officer ticks on a card. */
export type CardChoice = Partial<Pick<Card, 'checked' | 'addUnit' | 'acceptMismatches' | 'keepOlder'>>;

/** One card's choice (a checkbox). */
export function updateCard(key: string, change: CardChoice): void {
  set((s) => ({ cards: s.cards.map((c) => (c.key === key ? { ...c, ...change } : c)) }));
}

/** "Nhập vào kế hoạch": previews the card again under `planId` ('' back to none). */
export async function choosePlan(key: string, planId: string): Promise<void> {
  const card = get().cards.find((c) => c.key === key);
  if (!card?.original) return;
  const update = (change: Partial<Card>) => set((s) => ({ cards: s.cards.map((c) => (c.key === key ? { ...c, ...change } : c)) }));
  if (planId === '') {
    update({ planChoice: '', preview: card.original, acceptMismatches: false });
    return;
  }
  try {
    const preview = await previewImportAs(card.original, planId);
    update({ planChoice: planId, preview, acceptMismatches: false, keepOlder: false });
  } catch (error) {
    update({ failure: `Không xem trước được tệp «${card.fileName}»: ${errorText(error)}` });
  }
}

/** "Thêm cả … đơn vị chưa có vào danh sách". */
export function addAllUnits(keys: readonly string[]): void {
  const wanted = new Set(keys);
  set((s) => ({ cards: s.cards.map((c) => (wanted.has(c.key) ? { ...c, addUnit: true } : c)) }));
}

export function setImportMessage(message: ImportMessage | null): void {
  set({ message });
}

/** «Xóa danh sách»: empties the batch (refused while a job runs). */
export function clearBatch(): void {
  if (job) return;
  set({ ...EMPTY });
}
