/**
 * Rows of a table inside its own scrolling box, drawn only near the view once there are many
 * (a province's 2,000 units): the rows above and below are stood in for by one empty row each,
 * so the table keeps its semantics, its sticky header and column, and its scroll height. With
 * few rows every row is drawn (nothing to gain, and find-in-page sees them all).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ReactNode } from 'react';

/** From this many rows on, only those near the view are drawn. */
export const VIRTUAL_ROWS_FROM = 100;

/**
 * `row(index, measure)` draws row `index`; pass `measure` as its <tr>'s ref (with
 * data-index={index}) so rows of another height than `rowHeight` are placed right.
 */
export function VirtualRows({
  count,
  scrollElement,
  rowHeight,
  columns,
  row,
}: {
  count: number;
  /** The table's scrolling box, kept in state by the caller (a ref callback), so that its arrival draws the rows. */
  scrollElement: HTMLElement | null;
  rowHeight: number;
  columns: number;
  row: (index: number, measure?: (el: Element | null) => void) => ReactNode;
}) {
  const virtual = count >= VIRTUAL_ROWS_FROM;
  // eslint-disable-next-line react-hooks/incompatible-library -- nothing derived from the virtualizer is memoized here
  const virtualizer = useVirtualizer({
    count: virtual ? count : 0,
    getScrollElement: () => scrollElement,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  if (!virtual) return <>{Array.from({ length: count }, (_, i) => row(i))}</>;
  const items = virtualizer.getVirtualItems();
  const above = items[0]?.start ?? 0;
  const below = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <>
      {above > 0 && <tr aria-hidden="true" className="virtual-gap" style={{ height: above }}><td colSpan={columns} /></tr>}
      {items.map((v) => row(v.index, virtualizer.measureElement))}
      {below > 0 && <tr aria-hidden="true" className="virtual-gap" style={{ height: below }}><td colSpan={columns} /></tr>}
    </>
  );
}
