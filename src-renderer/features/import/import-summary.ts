/**
 * What the import screen says about the batch as a whole: the one-line summary above the cards
 * and the filters of the list («Lỗi», «Chờ xác nhận», «Mới», «Trùng») with their counts. Pure:
 * cards in, words and counts out.
 */
import { hardBlock, pending, type Card } from './import-cards';

/** Each card's place in the summary (one each). */
type SummaryState = 'unread' | 'reading' | 'same' | 'failed' | 'waiting' | 'warned' | 'ready';

function summaryState(c: Card): SummaryState {
  if (c.cancelled) return 'unread';
  if (!c.preview && !c.failure && c.counts === null) return 'reading';
  if (c.preview?.plan.decision === 'identical' && !c.failure && !c.problems.some((x) => x.severity === 'error')) return 'same';
  if (hardBlock(c)) return 'failed';
  if (pending(c).length > 0) return 'waiting';
  if (c.problems.length > 0) return 'warned';
  return 'ready';
}

/**
 * "17 tệp: 12 sẵn sàng, 2 có cảnh báo, 3 lỗi" (and files waiting for a decision, duplicates, files
 * still being read, skipped ones). A file whose decisions are all taken (unit added, differences
 * accepted…) counts as ready; "có cảnh báo" is for files the reader had warnings about.
 * After «Nhập»: "17 tệp: 14 đã nhập, 3 lỗi" — what was imported, then only the states still held.
 */
export function summaryText(cards: readonly Card[], skipped: number): string {
  const tail = skipped > 0 ? `; ${skipped} tệp bị bỏ qua` : '';
  if (cards.some((c) => c.result)) {
    const count = (f: (c: Card) => boolean) => cards.filter(f).length;
    const rest = summaryParts(cards.filter((c) => !c.result)).filter((x) => !x.startsWith('0 '));
    const parts = [`${count((c) => c.result?.outcome === 'applied')} đã nhập`];
    const others: [number, string][] = [
      [count((c) => c.result?.outcome === 'history'), 'lưu vào lịch sử'],
      [count((c) => c.result?.outcome === 'unchanged'), 'trùng, không thay đổi'],
      [count((c) => c.result?.outcome === 'refused'), 'không nhập được'],
    ];
    for (const [k, text] of others) if (k > 0) parts.push(`${k} ${text}`);
    parts.push(...rest);
    return `${cards.length} tệp: ${parts.join(', ')}${tail}.`;
  }
  return `${cards.length} tệp: ${summaryParts(cards).join(', ')}${tail}.`;
}

function summaryParts(cards: readonly Card[]): string[] {
  const n: Record<SummaryState, number> = { unread: 0, reading: 0, same: 0, failed: 0, waiting: 0, warned: 0, ready: 0 };
  for (const c of cards) n[summaryState(c)]++;
  const parts = [`${n.ready} sẵn sàng`, `${n.warned} có cảnh báo`, `${n.failed} lỗi`];
  if (n.waiting > 0) parts.push(`${n.waiting} chờ xác nhận`);
  if (n.same > 0) parts.push(`${n.same} trùng`);
  if (n.reading > 0) parts.push(`${n.reading} đang chờ đọc`);
  if (n.unread > 0) parts.push(`${n.unread} chưa đọc (đã hủy)`);
  return parts;
}

/** The list's filters, in the order shown. 'all' shows every card. */
export const CARD_FILTERS = ['all', 'error', 'waiting', 'new', 'same'] as const;
export type CardFilter = (typeof CARD_FILTERS)[number];

export const FILTER_LABEL: Record<CardFilter, string> = {
  all: 'Tất cả',
  error: 'Lỗi',
  waiting: 'Chờ xác nhận',
  new: 'Mới',
  same: 'Trùng',
};

/**
 * Whether a card is shown under a filter. The filters may overlap: a new unit's file still
 * waiting for the unit to be added is both «Mới» and «Chờ xác nhận». After «Nhập», a refused
 * file counts as «Lỗi» and a duplicate one as «Trùng».
 */
export function inFilter(c: Card, filter: CardFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'error':
      return c.result ? c.result.outcome === 'refused' : summaryState(c) === 'failed';
    case 'waiting':
      return !c.result && summaryState(c) === 'waiting';
    case 'new':
      return !c.result && c.preview?.plan.decision === 'new' && hardBlock(c) === '';
    case 'same':
      return c.result ? c.result.outcome === 'unchanged' : summaryState(c) === 'same';
  }
}

/** How many cards each filter shows. */
export function filterCounts(cards: readonly Card[]): Record<CardFilter, number> {
  const out = Object.fromEntries(CARD_FILTERS.map((f) => [f, 0])) as Record<CardFilter, number>;
  for (const c of cards) for (const f of CARD_FILTERS) if (inFilter(c, f)) out[f]++;
  return out;
}
