/**
 * The cards of the import batch under their filters («Tất cả», «Lỗi», «Chờ xác nhận», «Mới»,
 * «Trùng», each with its count). A batch of a few dozen files is drawn whole; a province's
 * (hundreds to thousands of files) is virtualized by rows of cards (@tanstack/react-virtual, on
 * the page's scroll), so only the rows in view exist and the list stays smooth.
 */
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { PlanRecord } from '@db';
import { formatCount } from '@domain/fields';
import type { BatchOrder } from '@domain/import-batch';
import type { Card } from './import-cards';
import { CARD_FILTERS, FILTER_LABEL, filterCounts, inFilter, type CardFilter } from './import-summary';
import { PreviewCard, type CardProps } from './PreviewCard';
import { choosePlan, updateCard } from './import-store';

/** From this many cards on, the list is virtualized. */
export const VIRTUAL_FROM = 40;

/** The cards' grid (import.css .import-cards): columns of at least 360 px, 8 px apart. */
const CARD_MIN_WIDTH = 360;
const CARD_GAP = 8;
/** A card's height before it is measured (a new unit's report, no problems). */
const ESTIMATED_ROW = 330;

interface ListProps {
  cards: readonly Card[];
  batch: BatchOrder;
  batchNotes: ReadonlyMap<string, string[]>;
  busy: boolean;
  plans: readonly PlanRecord[];
}

export function PreviewList({ cards, batch, batchNotes, busy, plans }: ListProps) {
  const [filter, setFilter] = useState<CardFilter>('all');
  const counts = useMemo(() => filterCounts(cards), [cards]);
  const shown = useMemo(() => (filter === 'all' ? cards : cards.filter((c) => inFilter(c, filter))), [cards, filter]);
  const nameOf = useMemo(() => new Map(cards.map((c) => [c.key, c.fileName])), [cards]);
  const cardProps = (c: Card): CardProps => {
    const newer = batch.olderThan.get(c.key);
    return {
      card: c,
      newerInBatch: newer ? (nameOf.get(newer) ?? null) : null,
      busy,
      plans,
      batchNotes: batchNotes.get(c.key)?.join('\n') ?? '',
      onChange: updateCard,
      onChoosePlan: choosePlan,
    };
  };
  return (
    <section className="import-list" aria-label="Danh sách tệp">
      <div className="import-filters" role="group" aria-label="Lọc theo tình trạng">
        {CARD_FILTERS.map((f) => (
          <button key={f} type="button" className="import-filter" aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {FILTER_LABEL[f]} <span className="import-filter-count">({formatCount(counts[f])})</span>
          </button>
        ))}
      </div>
      {shown.length === 0 ? (
        <p className="muted">Không có tệp nào ở mục «{FILTER_LABEL[filter]}».</p>
      ) : cards.length < VIRTUAL_FROM ? (
        <ul className="import-cards" aria-label="Tệp đã chọn">
          {shown.map((c) => (
            <PreviewCard key={c.key} {...cardProps(c)} />
          ))}
        </ul>
      ) : (
        <VirtualCards cards={shown} cardProps={cardProps} />
      )}
    </section>
  );
}

/** The cards in rows of as many columns as fit, only the rows near the view drawn. */
function VirtualCards({ cards, cardProps }: { cards: readonly Card[]; cardProps: (c: Card) => CardProps }) {
  const listRef = useRef<HTMLDivElement>(null);
  const [columns, setColumns] = useState(1);
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el) return;
    const measure = () => {
      setColumns(Math.max(1, Math.floor((el.clientWidth + CARD_GAP) / (CARD_MIN_WIDTH + CARD_GAP))));
      // Where the list starts on the page moves with what is above it (progress, messages, summary).
      setOffset(Math.round(el.getBoundingClientRect().top + window.scrollY));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    observer.observe(el.closest('.import-screen') ?? document.body);
    return () => observer.disconnect();
  }, []);
  const rows = Math.ceil(cards.length / columns);
  const virtualizer = useWindowVirtualizer({
    count: rows,
    estimateSize: () => ESTIMATED_ROW,
    overscan: 2,
    gap: CARD_GAP,
    scrollMargin: offset,
  });
  // Another filter or width: the rows hold other cards, their heights are measured again.
  useEffect(() => virtualizer.measure(), [cards, columns, virtualizer]);
  return (
    <div ref={listRef} className="import-virtual" role="list" aria-label="Tệp đã chọn">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            data-index={row.index}
            ref={virtualizer.measureElement}
            role="none"
            className="import-cards import-virtual-row"
            style={{ transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)` }}
          >
            {cards.slice(row.index * columns, row.index * columns + columns).map((c) => (
              <PreviewCard key={c.key} {...cardProps(c)} as="div" />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
