/**
 * "Hoạt động" of the consolidated view: every contributor's activities with a unit column,
 * virtualized (@tanstack/react-virtual, as the log does) so thousands of rows stay smooth.
 * Filtered by contributor and by the search box «Tìm hoạt động» (activity-search.ts: the log's
 * accent-insensitive matching); the search is deferred so typing never waits for the list.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { ACTIVITY_TYPE_LABELS } from '@domain/activity';
import { formatDateVn } from '@domain/periods';
import type { ConsolidationResult } from '@domain/consolidate';
import { unitLabels } from '@domain/units';
import { queryWords } from '@domain/vn-text';
import { Highlight } from '@ui/Highlight';
import { filterConsolidatedActivities, queryWordsIn, snippetStart, warmConsolidatedSearchTexts } from './activity-search';
import { formatCount as n } from '@domain/fields';
import { SearchInput } from '@ui/SearchInput';

const ROW_HEIGHT = 34;

export function ActivityList({ result, labelledBy }: { result: ConsolidationResult; labelledBy: string }) {
  const { report, contributors } = result;
  const names = report.consolidation.unitNames;
  const ids = { unit: useId(), search: useId() };
  const [unit, setUnit] = useState('');
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const searching = queryWords(deferredQuery).length > 0;
  const rows = useMemo(
    () => filterConsolidatedActivities(report.activities, result.activityContributors, names, { unit, query: deferredQuery }),
    [report.activities, result.activityContributors, names, unit, deferredQuery],
  );
  // Fold every activity's search text while the browser is idle, a slice at a time, so the first
  // search of a large consolidation does not wait for it (activity-search.ts).
  useEffect(() => {
    let handle = 0;
    const work = (deadline: IdleDeadline) => {
      while (deadline.timeRemaining() > 2) {
        if (warmConsolidatedSearchTexts(report.activities, names, 250)) return;
      }
      handle = requestIdleCallback(work);
    };
    handle = requestIdleCallback(work);
    return () => cancelIdleCallback(handle);
  }, [report.activities, names]);
  const total = report.activities.length;
  const filtered = unit !== '' || searching;
  const labels = useMemo(() => unitLabels(contributors.map((c) => ({ code: c.unitCode, name: c.unitName }))), [contributors]);
  const unitName = unit === '' ? '' : (labels.get(unit) ?? unit);
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
        <label htmlFor={ids.unit}>Đơn vị</label>
        <select id={ids.unit} value={unit} onChange={(e) => setUnit(e.target.value)}>
            <option value="">Tất cả ({n(report.activities.length)})</option>
            {contributors.map((c) => (
              <option key={c.unitCode} value={c.unitCode}>
                {labels.get(c.unitCode) ?? c.unitName} ({n(c.activityCount)})
              </option>
            ))}
        </select>
        <label htmlFor={ids.search}>Tìm hoạt động</label>
        <SearchInput id={ids.search} className="cons-search" value={query} onValue={setQuery} />
        <span className="muted cons-act-count" role="status">
          {filtered ? `${n(rows.length)} / ${n(total)} hoạt động` : `${n(total)} hoạt động`}
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
            <p className="muted cons-empty">
              {searching
                ? `Không có hoạt động nào khớp «${deferredQuery.trim()}»${unit ? ` của ${unitName}` : ''}. Nhấn Esc trong ô tìm để xóa từ khóa.`
                : 'Không có hoạt động nào.'}
            </p>
          ) : (
            <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((v) => {
                const a = report.activities[rows[v.index]!]!;
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
                      {searching ? <Highlight text={name} query={queryWordsIn(name, deferredQuery)} /> : name}
                    </div>
                    <div role="cell" title={a.itemIds.join(', ')}>
                      {a.itemIds.join(', ')}
                    </div>
                    <div role="cell">{ACTIVITY_TYPE_LABELS[a.type] ?? a.type}</div>
                    <div role="cell" title={a.title}>
                      {searching ? <TitleMatch title={a.title} query={deferredQuery} /> : a.title}
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

/** A title with its matching words marked, starting near the first match when that would be cut off. */
function TitleMatch({ title, query }: { title: string; query: string }) {
  const nfc = title.normalize('NFC');
  const words = queryWordsIn(nfc, query);
  const from = snippetStart(nfc, words);
  return from === 0 ? (
    <Highlight text={nfc} query={words} />
  ) : (
    <>
      …<Highlight text={nfc.slice(from)} query={words} />
    </>
  );
}
