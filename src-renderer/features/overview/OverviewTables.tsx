/**
 * The plain tables behind «Tổng quan»'s charts: the same figures, the table's caption the
 * chart's title (its accessible name), every figure that has something behind it a button
 * that opens it, as on «Tổng hợp».
 */
import type { ReactNode } from 'react';
import type { DrillTarget } from '@domain/consolidation-drill';
import { formatCount } from '@domain/fields';
import { formatDateVn } from '@domain/periods';
import { NumTh } from '@ui/table';
import { COMPLETENESS_STATE_LABELS, type CompletenessState } from '@domain/report';
import { statusLabel } from './chart-options';
import {
  statusesBehind,
  type GridRow,
  type GridRowState,
  type GridSortKey,
  type IndicatorOverview,
  type MonthlyOverview,
  type Overview,
  type ProgressOverview,
  type SortDirection,
  type TaskGroup,
} from './overview-data';

type Open = (target: DrillTarget) => void;

/** A table of the overview, scrolling in its own box when wider than the card. */
function DataTable({ caption, className, children }: { caption: string; className?: string; children: ReactNode }) {
  return (
    <div className={`ov-table-wrap ${className ?? ''}`}>
      <table className="ov-data">
        <caption>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

const percentText = (p: number | null) => (p === null ? '–' : `${p}%`);

/** A figure that opens what stands behind it; 0 (or nothing behind it) is plain text. */
function Figure({ value, text, label, target, onOpen }: { value: number; text?: string; label: string; target: DrillTarget | null; onOpen: Open }) {
  const shown = text ?? formatCount(value);
  if (value === 0 || !target) return <span className="ov-zero">{shown}</span>;
  return (
    <button type="button" className="ov-figure" aria-label={label} title={label} onClick={() => onOpen(target)}>
      {shown}
    </button>
  );
}

export function ProgressTable({ caption, progress, onOpen }: { caption: string; progress: ProgressOverview; onOpen: Open }) {
  const all = progress.groups.flatMap((g) => g.group.itemIds);
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">Nhóm</th>
          <th scope="col">Nội dung nhóm nhiệm vụ</th>
          {progress.keys.map((k) => (
            <th key={k} scope="col" className="num">
              {statusLabel(k)}
            </th>
          ))}
          <NumTh>Tổng</NumTh>
          <NumTh>Hoàn thành</NumTh>
        </tr>
      </thead>
      <tbody>
        {progress.groups.map((g) => (
          <tr key={g.group.id}>
            <th scope="row" className="nowrap">
              {g.group.id}
            </th>
            <td className="ov-group-title">{g.group.title}</td>
            {progress.keys.map((k) => (
              <td key={k} className="num">
                <Figure
                  value={g.counts[k]}
                  label={`Nhóm ${g.group.id} · ${statusLabel(k)}: ${formatCount(g.counts[k])}`}
                  target={{ kind: 'items-status', label: `Nhóm ${g.group.id}`, itemIds: g.group.itemIds, statuses: statusesBehind(progress, k) }}
                  onOpen={onOpen}
                />
              </td>
            ))}
            <td className="num">{formatCount(g.total)}</td>
            <td className="num">{percentText(g.percent)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={2}>
            Toàn kế hoạch
          </th>
          {progress.keys.map((k) => (
            <td key={k} className="num">
              <Figure
                value={progress.overall.counts[k]}
                label={`Toàn kế hoạch · ${statusLabel(k)}: ${formatCount(progress.overall.counts[k])}`}
                target={{ kind: 'items-status', label: 'Toàn kế hoạch', itemIds: all, statuses: statusesBehind(progress, k) }}
                onOpen={onOpen}
              />
            </td>
          ))}
          <td className="num">{formatCount(progress.overall.total)}</td>
          <td className="num">{percentText(progress.overall.percent)}</td>
        </tr>
      </tfoot>
    </DataTable>
  );
}

const STATES: readonly CompletenessState[] = ['da-nop', 'nop-muon', 'chua-nop'];

export function CompletenessTable({ caption, counts, onOpen }: { caption: string; counts: Overview['completeness']; onOpen: Open }) {
  const share = (x: number) => (counts.total > 0 ? `${Math.round((x * 100) / counts.total)}%` : '–');
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">Tình trạng</th>
          <NumTh>Số đơn vị</NumTh>
          <NumTh>Tỷ lệ</NumTh>
        </tr>
      </thead>
      <tbody>
        {STATES.map((s) => (
          <tr key={s}>
            <th scope="row">{COMPLETENESS_STATE_LABELS[s]}</th>
            <td className="num">
              <Figure value={counts[s]} label={`${COMPLETENESS_STATE_LABELS[s]}: ${formatCount(counts[s])} đơn vị`} target={{ kind: 'completeness', state: s }} onOpen={onOpen} />
            </td>
            <td className="num">{share(counts[s])}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Tổng số đơn vị</th>
          <td className="num">{formatCount(counts.total)}</td>
          <td className="num">{counts.total > 0 ? '100%' : '–'}</td>
        </tr>
      </tfoot>
    </DataTable>
  );
}

const STATE_TEXT: Record<GridRowState, string> = {
  ...COMPLETENESS_STATE_LABELS,
  own: 'Số liệu của đơn vị mình',
  other: 'Đã nộp (ngoài danh sách)',
};

export interface GridSort {
  key: GridSortKey;
  dir: SortDirection;
}

function SortHeader({ label, sortKey, sort, onSort, className }: { label: string; sortKey: GridSortKey; sort: GridSort; onSort: (key: GridSortKey) => void; className?: string }) {
  const active = sort.key === sortKey;
  return (
    <th scope="col" className={className} aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button type="button" className="ov-sort" onClick={() => onSort(sortKey)}>
        {label}
        <span aria-hidden="true">{active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}

export function GridTable({
  caption,
  rows,
  groups,
  sort,
  onSort,
  onOpen,
}: {
  caption: string;
  rows: readonly GridRow[];
  groups: readonly TaskGroup[];
  sort: GridSort;
  onSort: (key: GridSortKey) => void;
  onOpen: Open;
}) {
  return (
    <DataTable caption={caption} className="ov-grid-wrap">
      <thead>
        <tr>
          <SortHeader label="Đơn vị" sortKey="name" sort={sort} onSort={onSort} />
          <th scope="col">Tình trạng</th>
          {groups.map((g) => (
            <SortHeader key={g.id} label={g.id} sortKey={g.id} sort={sort} onSort={onSort} className="num" />
          ))}
          <SortHeader label="Chung" sortKey="overall" sort={sort} onSort={onSort} className="num" />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.unitCode} className={r.overall === null ? 'ov-silent' : undefined}>
            <th scope="row">
              {r.unitName}
              <span className="ov-code"> {r.unitCode}</span>
            </th>
            <td>{STATE_TEXT[r.state]}</td>
            {groups.map((g, i) => {
              const cell = r.cells[i];
              return (
                <td key={g.id} className="num">
                  {cell ? (
                    <Figure
                      value={cell.total}
                      text={percentText(cell.percent)}
                      label={`${r.unitName} · Nhóm ${g.id}: ${percentText(cell.percent)}`}
                      target={{ kind: 'unit-items', unitCode: r.unitCode, label: `Nhóm ${g.id}`, itemIds: g.itemIds }}
                      onOpen={onOpen}
                    />
                  ) : (
                    '—'
                  )}
                </td>
              );
            })}
            <td className="num">{r.overall ? percentText(r.overall.percent) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

export function IndicatorTable({ caption, indicators, onOpen }: { caption: string; indicators: IndicatorOverview; onOpen: Open }) {
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">Chỉ tiêu</th>
          <th scope="col">Đơn vị tính</th>
          <NumTh>Kết quả</NumTh>
          <NumTh>Chỉ tiêu giao</NumTh>
          <NumTh>Tỷ lệ đạt</NumTh>
        </tr>
      </thead>
      <tbody>
        {indicators.rows.map((r) => (
          <tr key={r.code}>
            <th scope="row">{r.name}</th>
            <td>{r.unit}</td>
            <td className="num">
              <Figure value={r.value} label={`${r.name}: ${formatCount(r.value)}`} target={{ kind: 'indicator', code: r.code, unitCode: null }} onOpen={onOpen} />
            </td>
            <td className="num">{r.target === null ? 'Chưa đặt' : formatCount(r.target)}</td>
            <td className="num">{percentText(r.percent)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

export function MonthlyTable({ caption, monthly, periodName, onOpen }: { caption: string; monthly: MonthlyOverview; periodName: string; onOpen: Open }) {
  const prev = monthly.previous;
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>
            Tháng
          </th>
          <th scope="col" rowSpan={2}>
            Các ngày trong kỳ
          </th>
          <th scope="colgroup" colSpan={2} className="ov-colgroup">
            {periodName}
          </th>
          {prev && (
            <th scope="colgroup" colSpan={2} className="ov-colgroup">
              {monthly.previousName} (cùng kỳ năm trước)
            </th>
          )}
        </tr>
        <tr>
          <NumTh>Số hoạt động</NumTh>
          <NumTh>Lượt người tham gia</NumTh>
          {prev && (
            <>
              <NumTh>Số hoạt động</NumTh>
              <NumTh>Lượt người tham gia</NumTh>
            </>
          )}
        </tr>
      </thead>
      <tbody>
        {monthly.current.map((m, i) => (
          <tr key={m.bucket.key}>
            <th scope="row" className="nowrap">
              {m.bucket.label}
            </th>
            <td className="nowrap">
              {formatDateVn(m.bucket.start)} – {formatDateVn(m.bucket.end)}
            </td>
            <td className="num">
              <Figure
                value={m.activities}
                label={`Tháng ${m.bucket.label} · Số hoạt động: ${formatCount(m.activities)}`}
                target={{ kind: 'dates', label: `Tháng ${m.bucket.label}`, start: m.bucket.start, end: m.bucket.end }}
                onOpen={onOpen}
              />
            </td>
            <td className="num">{formatCount(m.participants)}</td>
            {prev && (
              <>
                <td className="num">{formatCount(prev[i]?.activities ?? 0)}</td>
                <td className="num">{formatCount(prev[i]?.participants ?? 0)}</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={2}>
            Cả kỳ
          </th>
          <td className="num">{formatCount(monthly.current.reduce((s, m) => s + m.activities, 0))}</td>
          <td className="num">{formatCount(monthly.current.reduce((s, m) => s + m.participants, 0))}</td>
          {prev && (
            <>
              <td className="num">{formatCount(prev.reduce((s, m) => s + m.activities, 0))}</td>
              <td className="num">{formatCount(prev.reduce((s, m) => s + m.participants, 0))}</td>
            </>
          )}
        </tr>
      </tfoot>
    </DataTable>
  );
}
