/**
 * "Hoạt động" of the consolidated view: every contributor's activities with a unit column,
 * virtualized (@tanstack/react-virtual, as the log does) so thousands of rows stay smooth.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { ACTIVITY_TYPE_LABELS } from '@domain/activity';
import { formatDateVn } from '@domain/periods';
import type { ConsolidationResult } from '@domain/consolidate';

const ROW_HEIGHT = 34;
const n = (x: number) => x.toLocaleString('vi-VN');

export function ActivityList({ result, labelledBy }: { result: ConsolidationResult; labelledBy: string }) {
  const { report, contributors } = result;
  const names = report.consolidation.unitNames;
  const [unit, setUnit] = useState('');
  const rows = useMemo(
    () => report.activities.map((a, i) => ({ a, i, by: result.activityContributors[i]! })).filter((r) => unit === '' || r.by === unit),
    [report.activities, result.activityContributors, unit],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- nothing derived from the virtualizer is memoized here
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  return (
    <>
      <div className="cons-toolbar">
        <label>
          Đơn vị{' '}
          <select value={unit} onChange={(e) => setUnit(e.target.value)}>
            <option value="">Tất cả ({n(report.activities.length)})</option>
            {contributors.map((c) => (
              <option key={c.unitCode} value={c.unitCode}>
                {c.unitName} ({n(c.activityCount)})
              </option>
            ))}
          </select>
        </label>
        <span className="muted" role="status">
          {n(rows.length)} hoạt động
        </span>
      </div>
      <div className="cons-acts" role="table" aria-labelledby={labelledBy} aria-rowcount={rows.length + 1}>
        <div role="row" aria-rowindex={1} className="cons-act-row cons-act-head">
          <div role="columnheader">STT</div>
          <div role="columnheader">Ngày</div>
          <div role="columnheader">Mã đơn vị</div>
          <div role="columnheader">Tên đơn vị</div>
          <div role="columnheader">Nhiệm vụ</div>
          <div role="columnheader">Loại hoạt động</div>
          <div role="columnheader">Tên hoạt động</div>
          <div role="columnheader" className="num" title="Số lượt người tham gia">
            Lượt người
          </div>
        </div>
        <div className="cons-act-scroll" ref={scrollRef} tabIndex={0}>
          {rows.length === 0 ? (
            <p className="muted cons-empty">Không có hoạt động nào.</p>
          ) : (
            <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((v) => {
                const { a } = rows[v.index]!;
                const name = names[a.unitCode] ?? a.unitCode;
                return (
                  <div
                    key={v.key}
                    role="row"
                    aria-rowindex={v.index + 2}
                    className="cons-act-row"
                    style={{ transform: `translateY(${v.start}px)` }}
                  >
                    <div role="cell">{v.index + 1}</div>
                    <div role="cell">{formatDateVn(a.date)}</div>
                    <div role="cell" title={a.unitCode}>
                      {a.unitCode}
                    </div>
                    <div role="cell" title={name}>
                      {name}
                    </div>
                    <div role="cell" title={a.itemIds.join(', ')}>
                      {a.itemIds.join(', ')}
                    </div>
                    <div role="cell">{ACTIVITY_TYPE_LABELS[a.type] ?? a.type}</div>
                    <div role="cell" title={a.title}>
                      {a.title}
                    </div>
                    <div role="cell" className="num">
                      {a.participants ?? ''}
                    </div>
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </div>
    </>
  );
}
