/**
 * The activity list as an ARIA table whose body is virtualized (@tanstack/react-virtual): only
 * the rows in view (plus a few) are in the DOM, each with a fixed height, so 50,000 activities
 * scroll smoothly. aria-rowcount / aria-rowindex tell assistive technology the full size.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useCallback, useImperativeHandle, useRef, type ReactNode } from 'react';
import { ACTIVITY_TYPE_LABELS, type ActivitySortKey } from '@domain/activity';
import { formatDateVn } from '@domain/periods';
import type { ActivityRecord } from '@db';
import { Highlight } from '@ui/Highlight';
import type { ActivitySort } from './activity-query';

/** Matches .act-row's height in activities.css. */
export const ROW_HEIGHT = 46;

interface Column {
  key: string;
  label: string;
  sort?: ActivitySortKey;
  className: string;
}

const COLUMNS: Column[] = [
  { key: 'date', label: 'Ngày', sort: 'date', className: 'c-date' },
  { key: 'unit', label: 'Đơn vị', sort: 'unit', className: 'c-unit' },
  { key: 'items', label: 'Nhiệm vụ', className: 'c-items' },
  { key: 'type', label: 'Loại', sort: 'type', className: 'c-type' },
  { key: 'title', label: 'Tiêu đề', sort: 'title', className: 'c-title' },
  { key: 'participants', label: 'Số lượt người', className: 'c-num' },
];

export interface TableHandle {
  focus: () => void;
}

interface Props {
  label: string;
  rows: readonly ActivityRecord[];
  unitName: (code: string) => string;
  query: string;
  sort: ActivitySort;
  onSort: (key: ActivitySortKey) => void;
  /** The buttons of one row. */
  actions: (row: ActivityRecord) => ReactNode;
  empty: ReactNode;
  /** Id of the row being edited (marked). */
  currentId?: string | null;
  /** Extra class for the table (e.g. "trash", whose action column is wider). */
  variant?: string;
}

export const ActivityTable = forwardRef<TableHandle, Props>(function ActivityTable(
  { label, rows, unitName, query, sort, onSort, actions, empty, currentId, variant },
  ref,
) {
  const scrollRef = useRef<HTMLDivElement>(null);
  useImperativeHandle(ref, () => ({ focus: () => scrollRef.current?.focus() }), []);
  // The same function while the rows are the same: the virtualizer lays out every row again
  // (80,000 at a province) whenever it changes, e.g. at each key typed in the search.
  const getItemKey = useCallback((i: number) => rows[i]!.id, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey,
  });

  return (
    <div className={variant ? `act-table ${variant}` : 'act-table'} role="table" aria-label={label} aria-rowcount={rows.length + 1}>
      <div role="rowgroup" className="act-thead">
        <div role="row" aria-rowindex={1} className="act-row act-head-row">
          {COLUMNS.map((c) => {
            const sorted = c.sort && sort.key === c.sort;
            return (
              <div
                key={c.key}
                role="columnheader"
                className={c.className}
                aria-sort={c.sort ? (sorted ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none') : undefined}
              >
                {c.sort ? (
                  <button type="button" className="sort-button" onClick={() => onSort(c.sort!)}>
                    {c.label}
                    <span aria-hidden="true" className="sort-mark">
                      {sorted ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                ) : (
                  c.label
                )}
              </div>
            );
          })}
          <div role="columnheader" className="c-actions">
            <span className="visually-hidden">Thao tác</span>
          </div>
        </div>
      </div>
      <div className="act-scroll" ref={scrollRef} tabIndex={-1}>
        {rows.length === 0 ? (
          <div className="act-empty">{empty}</div>
        ) : (
          <div role="rowgroup" className="act-body" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((v) => {
              const r = rows[v.index]!;
              const unit = unitName(r.unitCode);
              return (
                <div
                  key={v.key}
                  role="row"
                  aria-rowindex={v.index + 2}
                  className={`act-row${r.id === currentId ? ' editing' : ''}`}
                  style={{ transform: `translateY(${v.start}px)` }}
                >
                  <div role="cell" className="c-date">
                    {formatDateVn(r.date)}
                  </div>
                  <div role="cell" className="c-unit" title={unit}>
                    {unit}
                  </div>
                  <div role="cell" className="c-items" title={r.itemIds.join(', ')}>
                    {r.itemIds.join(', ')}
                  </div>
                  <div role="cell" className="c-type" title={ACTIVITY_TYPE_LABELS[r.type]}>
                    {ACTIVITY_TYPE_LABELS[r.type]}
                  </div>
                  <div role="cell" className="c-title" title={r.title}>
                    <Highlight text={r.title} query={query} />
                  </div>
                  <div role="cell" className="c-num">
                    {r.participants ?? ''}
                  </div>
                  <div role="cell" className="c-actions">
                    {actions(r)}
                  </div>
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
});
