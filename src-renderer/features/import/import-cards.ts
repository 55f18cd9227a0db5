/**
 * The import batch's cards (one per chosen file) and the pure rules over them: what blocks a
 * file, what the officer still has to decide, what is ready to import, and how a card's choices
 * carry over when its preview is computed again against a database that changed meanwhile.
 * No React, no Dexie here: the store (import-store.ts) and the screen use these.
 */
import { orderBatch, type BatchOrder } from '@domain/import-batch';
import type { ImportPreview } from '@db';
import type { Problem, ReadCounts } from '@exchange/reader';
import type { PickedFile } from './import-files';
import { officerMessage } from '@domain/officer-message';
import { blockerText, isHardBlocker } from '@domain/import-blockers';

export interface Card {
  key: string;
  fileName: string;
  /** Path inside the chosen or dropped folder (= fileName when none). */
  path: string;
  /** Reading or previewing failed as a whole (Vietnamese). */
  failure: string | null;
  problems: Problem[];
  counts: ReadCounts | null;
  /** Reading was cancelled before this file. */
  cancelled: boolean;
  /** The preview under the file's own plan (as read). */
  original: ImportPreview | null;
  /** The preview as it would be applied (under the chosen plan when the file's is unknown). */
  preview: ImportPreview | null;
  /** The plan chosen in "Nhập vào kế hoạch" ('' none); used only when the file's plan is unknown. */
  planChoice: string;
  checked: boolean;
  addUnit: boolean;
  acceptMismatches: boolean;
  keepOlder: boolean;
  /** After applying: what happened (Vietnamese), whether it went well and how it was filed. */
  result: { ok: boolean; text: string; outcome: 'applied' | 'history' | 'unchanged' | 'refused' } | null;
}

export interface Progress {
  phase: 'read' | 'apply';
  done: number;
  total: number;
  /** The file being read or imported now. */
  fileName: string;
}

export const needsPlanChoice = (card: Card): boolean => card.original !== null && !card.original.planKnown;

/** Why a card cannot be imported at all (nothing the officer can tick changes it); '' when it can. */
export function hardBlock(card: Card): string {
  const p = card.preview;
  if (card.failure) return card.failure;
  if (card.cancelled) return 'Đã hủy đọc tệp này.';
  if (!p) return 'Không đọc được tệp.';
  if (card.problems.some((x) => x.severity === 'error')) return 'Tệp có lỗi: sửa tệp rồi chọn lại.';
  // No period, the own unit's file, several units of the file's name (sorted out in «Đơn vị»).
  const hard = p.blocks.find(isHardBlocker);
  if (hard) return blockerText(hard);
  if (p.plan.decision === 'identical') return 'Tệp trùng với bản đã nhập: không có gì thay đổi.';
  return '';
}

/** The decisions this card still needs (Vietnamese), none when it can be imported as it is. */
export function pending(card: Card): string[] {
  const p = card.preview;
  if (!p) return [];
  const out: string[] = [];
  const left = new Set(p.blocks.map((b) => b.code));
  if (needsPlanChoice(card) && !card.planChoice) out.push('chọn kế hoạch để nhập vào');
  if (left.has('unit-unknown') && !card.addUnit) out.push(p.unitMatch.kind === 'name' ? 'xác nhận đơn vị của tệp (ghép hoặc thêm mới)' : 'thêm đơn vị vào danh sách');
  // A plan the officer chose is compared item by item even when every item matches.
  if (p.planKnown && (needsPlanChoice(card) || left.has('plan-mismatch')) && !card.acceptMismatches) out.push('xác nhận khác biệt với kế hoạch');
  if (left.has('older') && !card.keepOlder) out.push('chọn lưu vào lịch sử');
  return out;
}

/** True when the card is checked and everything it needs is ticked. */
export function ready(card: Card): boolean {
  return card.checked && card.preview !== null && !card.result && hardBlock(card) === '' && pending(card).length === 0;
}

/**
 * The checked files in the order they are applied, and which are older copies of another
 * checked file of the same unit and period (kept as history: domain/import-batch.ts).
 */
export function batchOrderOf(cards: readonly Card[]): BatchOrder {
  const chosen = cards.filter((c) => c.checked && c.preview !== null && !c.result && hardBlock(c) === '');
  return orderBatch(chosen.map((c) => ({ key: c.key, scope: c.preview!.plan.scope, exportedAt: c.preview!.report.exportedAt, fileHash: c.preview!.fileHash })));
}

export function errorText(error: unknown): string {
  return officerMessage(error);
}

export function newCard(key: string, f: Pick<PickedFile, 'name' | 'path'>): Card {
  return {
    key,
    fileName: f.name,
    path: f.path,
    failure: null,
    problems: [],
    counts: null,
    cancelled: false,
    original: null,
    preview: null,
    planChoice: '',
    checked: false,
    addUnit: false,
    acceptMismatches: false,
    keepOlder: false,
    result: null,
  };
}

/** The item differences a preview shows, as one comparable string ('' when the plan is unknown). */
function differencesOf(p: ImportPreview | null): string {
  if (!p?.mismatches) return '';
  return p.mismatches.items
    .filter((m) => m.match !== 'matched')
    .map((m) => `${m.match}\u0000${m.itemId}\u0000${m.fileText}\u0000${m.planText}`)
    .join('\u0001');
}

/**
 * A card after its previews were computed again (`original` under the file's own plan,
 * `preview` as it would be applied, `planChoice` the plan it is filed under now, '' when none).
 * The officer's choices are kept where they still mean the same thing, and dropped where the
 * database changed what they answered:
 * - "Thêm đơn vị": dropped once the unit is in the directory (added meanwhile in «Đơn vị»).
 * - "chấp nhận khác biệt": kept only when the plan and the item differences are the same as
 *   when the officer accepted them (an edited plan must be looked at again).
 * - "Lưu vào lịch sử": kept only while the file is still older than the unit's active report.
 * - "Nhập tệp này": unticked when the file is now blocked (e.g. the same file imported
 *   meanwhile: "trùng"); ticked when it was blocked and no longer is, as after reading.
 */
export function recheckedCard(card: Card, original: ImportPreview, preview: ImportPreview, planChoice: string): Card {
  const next: Card = { ...card, original, preview, planChoice };
  next.addUnit = card.addUnit && !preview.unitKnown;
  next.acceptMismatches = card.acceptMismatches && planChoice === card.planChoice && preview.planKnown && differencesOf(preview) === differencesOf(card.preview);
  next.keepOlder = card.keepOlder && preview.plan.decision === 'older';
  const block = hardBlock(next);
  next.checked = block !== '' ? false : hardBlock(card) !== '' ? true : card.checked;
  return next;
}
