/**
 * Screen "Chỉ tiêu": every indicator of the active plan (standard + the plan's own)
 * for the selected unit and period: from activities, adjustment (with its reason), total,
 * target and % đạt. District and province installations can switch to the figures of every
 * unit ("Toàn đơn vị trực thuộc"). Each figure from activities opens the activities behind it.
 *
 * Figures come from ONE live query, `indicatorSummary` (db/indicator-ops.ts), which is the only
 * place sums are computed; this screen only lays them out and writes through the named
 * operations.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { Fragment, useId, useRef, useState } from 'react';
import { db, indicatorSummary, OperationError, removePlanIndicator, type IndicatorRow } from '@db';
import { formatDateVn, periodRangeVn } from '@domain/periods';
import type { ShellData } from '@app/use-shell-data';
import { formatDelta, formatSignedCount } from '@domain/fields';
import { AddIndicatorForm, AdjustmentForm, TargetForm } from './IndicatorForms';
import './indicators.css';
import { Problem } from '@ui/notice';
import { NumTh } from '@ui/table';

/** Activities listed under a figure before "… và N hoạt động khác". */
const LISTED_ACTIVITIES = 30;

type Open = { code: string; what: 'activities' | 'adjust' | 'target' } | null;

export function IndicatorsScreen({ data }: { data: ShellData }) {
  const { activePlan: plan, ownUnit, selectedUnit: unit, period } = data;
  const canConsolidate = ownUnit.level !== 'grassroots';
  const [allUnits, setAllUnits] = useState(false);
  const consolidated = canConsolidate && allUnits;
  const unitCode = consolidated ? null : unit.code;
  const toggleId = useId();
  const [open, setOpen] = useState<Open>(null);
  const [adding, setAdding] = useState(false);
  const [removeError, setRemoveError] = useState<{ code: string; message: string } | null>(null);
  const root = useRef<HTMLDivElement>(null);

  const queryKey = `${plan.id}|${unitCode ?? '*'}|${period.key}|${period.start}|${period.end}`;
  const loaded = useLiveQuery(
    async () => ({ key: queryKey, summary: await indicatorSummary(plan.id, unitCode, period) }),
    // period is a fresh object per render; its identity is in the key.
    [queryKey],
  );
  const summary = loaded?.key === queryKey ? loaded.summary : undefined;
  const unitNames = useLiveQuery(async () => new Map((await db.units.toArray()).map((u) => [u.code, u.name])), []);
  const unitName = (code: string) => unitNames?.get(code) ?? code;

  /** Focus back on the button that opened a form (found by its data-opener key). */
  const refocus = (key: string) =>
    requestAnimationFrame(() => root.current?.querySelector<HTMLElement>(`[data-opener="${CSS.escape(key)}"]`)?.focus());
  const close = (focusKey: string) => {
    setOpen(null);
    refocus(focusKey);
  };
  const toggle = (code: string, what: NonNullable<Open>['what']) =>
    setOpen((o) => (o && o.code === code && o.what === what ? null : { code, what }));

  const scopeLabel = consolidated ? `Toàn đơn vị trực thuộc ${ownUnit.name}` : unit.name;
  const whereOf = (code: string) => ({
    planId: plan.id,
    unitCode: unitCode ?? summary?.targetUnitCode ?? ownUnit.code,
    periodKey: period.key,
    indicatorCode: code,
  });

  async function remove(row: IndicatorRow) {
    setRemoveError(null);
    try {
      await removePlanIndicator(plan.id, row.def.code);
    } catch (error) {
      setRemoveError({
        code: row.def.code,
        message: error instanceof OperationError ? error.message : 'Không xóa được. Hãy thử lại.',
      });
    }
  }

  return (
    <div className="indicators" ref={root}>
      <div className="ind-heading">
        <h1 className="screen-title">Chỉ tiêu</h1>
        {canConsolidate && (
          <label className="checkbox ind-toggle" htmlFor={toggleId}>
            <input
              id={toggleId}
              type="checkbox"
              checked={allUnits}
              onChange={(e) => {
                setAllUnits(e.target.checked);
                setOpen(null);
              }}
            />
            Toàn đơn vị trực thuộc
          </label>
        )}
      </div>
      <p className="ind-scope" data-testid="indicator-scope">
        <strong>{scopeLabel}</strong> – {period.name} ({periodRangeVn(period)})
        {summary && <span className="muted ind-count"> · {formatSignedCount(summary.activityCount)} hoạt động trong kỳ</span>}
      </p>
      {consolidated && summary && (
        <p className="hint ind-note">
          Tổng của mọi đơn vị. Chỉ tiêu phấn đấu là chỉ tiêu của {unitName(summary.targetUnitCode ?? ownUnit.code)}. Điều chỉnh
          được nhập cho từng đơn vị: bỏ chọn “Toàn đơn vị trực thuộc” để điều chỉnh.
        </p>
      )}

      {summary === undefined ? (
        <p role="status">Đang tính số liệu…</p>
      ) : (
        <table className="ind-table">
          <caption className="visually-hidden">
            Chỉ tiêu của {scopeLabel}, {period.name}
          </caption>
          <colgroup>
            <col />
            <col className="w-unit" />
            <col className="w-num" />
            <col />
            <col className="w-total" />
            <col className="w-target" />
            <col className="w-pct" />
            <col className="w-actions" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col" className="col-name">
                Tên chỉ tiêu
              </th>
              <th scope="col" className="col-unit">
                Đơn vị tính
              </th>
              <NumTh>Từ hoạt động</NumTh>
              <th scope="col" className="col-adj">
                Điều chỉnh
              </th>
              <NumTh>Tổng</NumTh>
              <th scope="col" className="num col-target">
                Chỉ tiêu phấn đấu
              </th>
              <th scope="col" className="col-pct">
                % đạt
              </th>
              <th scope="col" className="col-actions">
                <span className="visually-hidden">Thao tác</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.rows.map((row) => {
              const code = row.def.code;
              const isOpen = (what: NonNullable<Open>['what']) => open?.code === code && open.what === what;
              const detailId = `ind-detail-${code}`;
              return (
                <Fragment key={code}>
                  <tr className={row.listed ? undefined : 'unlisted'} data-indicator={code}>
                    <th scope="row" className="col-name">
                      {row.def.name}
                      {!row.def.builtin && row.listed && <span className="ind-badge">riêng của kế hoạch</span>}
                      {!row.listed && <span className="ind-badge warn">không còn trong danh sách</span>}
                      {!row.def.builtin && row.listed && (
                        <button
                          type="button"
                          className="link-button danger ind-remove"
                          aria-label={`Xóa chỉ tiêu: ${row.def.name}`}
                          onClick={() => void remove(row)}
                        >
                          Xóa
                        </button>
                      )}
                    </th>
                    <td className="col-unit">{row.def.unit}</td>
                    <td className="num">
                      {row.activities.length > 0 ? (
                        <button
                          type="button"
                          className="link-button ind-figure"
                          data-opener={`${code}|activities`}
                          aria-expanded={isOpen('activities')}
                          aria-controls={isOpen('activities') ? detailId : undefined}
                          aria-label={`${formatSignedCount(row.fromActivities)} từ ${row.activities.length} hoạt động: xem danh sách`}
                          onClick={() => toggle(code, 'activities')}
                        >
                          {formatSignedCount(row.fromActivities)}
                        </button>
                      ) : (
                        <span className="zero">{formatSignedCount(row.fromActivities)}</span>
                      )}
                    </td>
                    <td className="col-adj">
                      {row.adjustment !== 0 || row.adjustments.length > 0 ? (
                        <>
                          <span className="ind-delta">{formatDelta(row.adjustment)}</span>
                          {row.adjustments.map((a) => (
                            <span key={a.unitCode} className="ind-reason">
                              {consolidated ? `${unitName(a.unitCode)}: ` : 'Lý do: '}
                              {a.reason}
                            </span>
                          ))}
                        </>
                      ) : (
                        <span className="zero">–</span>
                      )}
                    </td>
                    <td className="num total">{formatSignedCount(row.total)}</td>
                    <td className="num">{row.target === null ? <span className="zero">–</span> : formatSignedCount(row.target)}</td>
                    <td className="col-pct">
                      {row.percent === null ? (
                        <span className="zero">–</span>
                      ) : (
                        <span className="ind-pct">
                          <span className="ind-pct-bar" aria-hidden="true">
                            <span
                              className={row.percent >= 100 ? 'ind-pct-fill done' : 'ind-pct-fill'}
                              style={{ width: `${Math.min(100, Math.max(0, row.percent))}%` }}
                            />
                          </span>
                          <span className="ind-pct-text">{row.percent}%</span>
                        </span>
                      )}
                    </td>
                    <td className="col-actions">
                      {row.listed && (
                        <>
                          <button
                            type="button"
                            data-opener={`${code}|adjust`}
                            disabled={consolidated}
                            title={consolidated ? 'Điều chỉnh cho từng đơn vị' : undefined}
                            aria-expanded={isOpen('adjust')}
                            aria-label={`Điều chỉnh: ${row.def.name}`}
                            onClick={() => toggle(code, 'adjust')}
                          >
                            Điều chỉnh
                          </button>
                          <button
                            type="button"
                            data-opener={`${code}|target`}
                            aria-expanded={isOpen('target')}
                            aria-label={`Đặt chỉ tiêu: ${row.def.name}`}
                            onClick={() => toggle(code, 'target')}
                          >
                            Đặt chỉ tiêu
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                  {removeError?.code === code && (
                    <tr className="ind-detail">
                      <td colSpan={8}>
                        <Problem>{removeError.message}</Problem>
                      </td>
                    </tr>
                  )}
                  {isOpen('activities') && (
                    <tr className="ind-detail" id={detailId}>
                      <td colSpan={8}>
                        <ContributingList row={row} unitName={unitName} showUnit={consolidated} />
                      </td>
                    </tr>
                  )}
                  {isOpen('adjust') && (
                    <tr className="ind-detail">
                      <td colSpan={8}>
                        <AdjustmentForm where={whereOf(code)} row={row} onDone={() => close(`${code}|adjust`)} />
                      </td>
                    </tr>
                  )}
                  {isOpen('target') && (
                    <tr className="ind-detail">
                      <td colSpan={8}>
                        <TargetForm where={whereOf(code)} row={row} onDone={() => close(`${code}|target`)} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}

      <div className="ind-add">
        {adding ? (
          <AddIndicatorForm
            planId={plan.id}
            onDone={() => {
              setAdding(false);
              refocus('add');
            }}
          />
        ) : (
          <button type="button" data-opener={'add'} onClick={() => setAdding(true)}>
            Thêm chỉ tiêu
          </button>
        )}
        <span className="hint">Chỉ tiêu riêng của kế hoạch “{plan.number || plan.title}”, thêm vào sau danh sách chuẩn.</span>
      </div>
    </div>
  );
}

function ContributingList({
  row,
  unitName,
  showUnit,
}: {
  row: IndicatorRow;
  unitName: (code: string) => string;
  showUnit: boolean;
}) {
  const shown = row.activities.slice(0, LISTED_ACTIVITIES);
  const more = row.activities.length - shown.length;
  return (
    <div className="ind-activities" role="region" aria-label={`Hoạt động tính vào: ${row.def.name}`}>
      <table>
        <thead>
          <tr>
            <th scope="col">Ngày</th>
            {showUnit && <th scope="col">Đơn vị</th>}
            <th scope="col">Hoạt động</th>
            <NumTh>Số liệu</NumTh>
          </tr>
        </thead>
        <tbody>
          {shown.map((a) => (
            <tr key={a.id}>
              <td className="date">{formatDateVn(a.date)}</td>
              {showUnit && <td>{unitName(a.unitCode)}</td>}
              <td>{a.title}</td>
              <td className="num">{formatSignedCount(a.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 && <p className="hint">… và {formatSignedCount(more)} hoạt động khác (xem đủ trong Nhật ký, lọc theo kỳ và đơn vị).</p>}
    </div>
  );
}
