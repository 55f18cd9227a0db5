/**
 * Screen "Tổng hợp": for the active plan and the period of the context bar,
 * - "Tình hình nộp báo cáo": the deadline (Hạn nộp, stored per plan and period), the counts
 *   đã nộp / nộp muộn / chưa nộp, the table of expected units with a filter, "Xuất tình hình nộp";
 * - "Theo nhiệm vụ", "Chỉ tiêu theo đơn vị", "Hoạt động": the consolidation (domain/consolidate.ts)
 *   of the imported reports and the own unit's data; every figure is a button that opens the
 *   units and activities behind it (DrillDialog);
 * - "Xuất báo cáo tổng hợp": the consolidated workbook for the upper level, written in a worker
 *   with progress and "Hủy", saved like the unit report, with «Nơi ban hành» and «Người xuất»
 *   (ui/issuer.tsx: remembered on this installation, shared with the unit report).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatDateVn, parseDateVn, periodRangeVn } from '@domain/periods';
import { completenessCounts, SUBMITTED_SOURCE_NOTES, type ConsolidationResult, type SubmittedSource } from '@domain/consolidate';
import { getIssuer, loadConsolidation, OperationError, setReportDeadline } from '@db';
import { completenessFileName, consolidatedFileName } from '@exchange/spec';
import { COMPLETENESS_STATE_LABELS, STATUS_COUNT_KEYS, STATUS_COUNT_LABELS, type CompletenessState } from '@domain/report';
import { formatInstantVn } from '@domain/vn-time';
import type { ShellData } from '@app/use-shell-data';
import { platform } from '@platform';
import { useUiStore } from '@state';
import { useConsolidationStore, type CompletenessFilter, type DrillTarget } from '@state/consolidation-store';
import { JobControls } from '@ui/JobControls';
import { isBusy, useWorkbookJob } from '@features/exports';
import { defaultPlace } from '@domain/official-form';
import { IssuerFields, useIssuer } from '@ui/issuer';
import { CountingNotes } from './CountingNotes';
import { DrillDialog } from '@ui/DrillDialog';
import { DateInput } from '@ui/inputs';
import { ActivityList } from './ActivityList';
import { VirtualRows } from './virtual-rows';
import { drillDown } from '@domain/consolidation-drill';
import './consolidation.css';
import { officerMessage } from '@domain/officer-message';
import { formatCount as n } from '@domain/fields';
import { Pending, Problem } from '@ui/notice';
import { NumTh } from '@ui/table';

/** Said after a failed export's reason: what to check before exporting again. */
const FAILURE_HINT = 'Hãy kiểm tra kế hoạch và kỳ ở thanh trên rồi xuất lại.';
const STATES: CompletenessState[] = ['da-nop', 'nop-muon', 'chua-nop'];

export function ConsolidationScreen({ data }: { data: ShellData }) {
  const { activePlan: plan, period } = data;
  const key = `${plan.id}|${period.key}|${period.start}|${period.end}`;
  const loaded = useLiveQuery(
    async () => {
      try {
        return { key, ok: true as const, data: await loadConsolidation({ planId: plan.id, period }) };
      } catch (error) {
        return { key, ok: false as const, message: officerMessage(error) };
      }
    },
    // period is a fresh object per render; its identity is in the key.
    [key],
  );
  const shown = loaded?.key === key ? loaded : undefined;
  const { drill, closeDrill } = useConsolidationStore(useShallow((s) => ({ drill: s.drill, closeDrill: s.closeDrill })));
  useEffect(() => () => closeDrill(), [closeDrill]);
  const result = shown?.ok ? shown.data.result : null;
  const drillData = useMemo(() => (result && drill ? drillDown(result, drill) : null), [result, drill]);

  return (
    <div className="consolidation">
      <div className="cons-title-row">
        <h1 className="screen-title">Tổng hợp</h1>
        <p className="cons-scope">
          {plan.number ? `Kế hoạch ${plan.number}` : plan.title} · <strong>{period.name}</strong>{' '}
          <span className="muted">({periodRangeVn(period)}; đổi kỳ ở thanh trên)</span>
        </p>
      </div>
      {!shown ? (
        <Pending>Đang tổng hợp dữ liệu…</Pending>
      ) : !shown.ok ? (
        <Problem>{shown.message}</Problem>
      ) : (
        <>
          <ExportCard data={data} hasData={shown.data.result.contributors.length > 0} />
          <CompletenessSection data={data} result={shown.data.result} deadline={shown.data.deadline} />
          <CountingNotes result={shown.data.result} />
          {shown.data.result.contributors.length === 0 ? (
            <EmptyState periodName={period.name} />
          ) : (
            <>
              <ItemsSection result={shown.data.result} />
              <IndicatorsSection result={shown.data.result} />
              <ActivitiesSection result={shown.data.result} />
            </>
          )}
        </>
      )}
      {drillData && <DrillDialog drill={drillData} onClose={closeDrill} />}
    </div>
  );
}

function EmptyState({ periodName }: { periodName: string }) {
  const go = useUiStore((s) => s.go);
  return (
    <section className="settings-card cons-empty-card" aria-label="Chưa có dữ liệu tổng hợp">
      <p>
        Chưa có báo cáo nào của đơn vị cấp dưới cho kỳ <strong>{periodName}</strong>, và đơn vị mình chưa ghi số liệu nào trong kỳ này.
      </p>
      <p>Hãy vào «Nhập dữ liệu» để nhập tệp báo cáo (hoặc mẫu nhập liệu đã điền) của các đơn vị; số liệu tổng hợp sẽ hiện ở đây.</p>
      <button type="button" className="primary" onClick={() => go('import')}>
        Mở «Nhập dữ liệu»
      </button>
    </section>
  );
}

/** A figure that opens what stands behind it; 0 is plain text (nothing to open). */
function Figure({ value, label, target }: { value: number; label: string; target: DrillTarget }) {
  const openDrill = useConsolidationStore((s) => s.openDrill);
  if (value === 0) return <span className="cons-zero">0</span>;
  return (
    <button type="button" className="cons-figure" aria-label={label} title={label} onClick={() => openDrill(target)}>
      {n(value)}
    </button>
  );
}

// ---------------------------------------------------------------------------------------------
// Tình hình nộp báo cáo.

/** «Thời điểm nộp»: a typed report date shows as a date; a fallback to the import time says so. */
function SubmittedAt({ at, source }: { at: string; source: SubmittedSource | undefined }) {
  if (!at) return null;
  const shown = source === 'report-date' ? formatInstantVn(at).slice(0, 10) : formatInstantVn(at);
  if (!source || source === 'exported') return <>{shown}</>;
  return (
    <>
      {shown}
      <span className="cons-submitted-note">{SUBMITTED_SOURCE_NOTES[source]}</span>
    </>
  );
}

function CompletenessSection({ data, result, deadline }: { data: ShellData; result: ConsolidationResult; deadline: string }) {
  const ids = { title: useId(), deadline: useId(), hint: useId(), error: useId(), filter: useId() };
  const entries = result.report.consolidation.completeness;
  const counts = completenessCounts(entries);
  const { filter, setFilter } = useConsolidationStore(useShallow((s) => ({ filter: s.filter, setFilter: s.setFilter })));
  const rows = filter === 'all' ? entries : entries.filter((e) => e.state === filter);
  const contributors = new Set(result.contributors.map((c) => c.unitCode));
  const job = useWorkbookJob();
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);

  return (
    <section className="settings-card cons-section" aria-labelledby={ids.title}>
      <h2 id={ids.title}>Tình hình nộp báo cáo</h2>
      <div className="cons-completeness-head">
        <DeadlineField key={`${data.activePlan.id}|${data.period.key}`} planId={data.activePlan.id} periodKey={data.period.key} stored={deadline} />
        <div className="cons-counts" aria-label="Số đơn vị theo tình trạng">
          {STATES.map((s) => (
            <button
              key={s}
              type="button"
              className={`cons-count cons-state-${s}`}
              aria-pressed={filter === s}
              onClick={() => setFilter(filter === s ? 'all' : s)}
            >
              {COMPLETENESS_STATE_LABELS[s]} <strong>{n(counts[s])}</strong>
            </button>
          ))}
          <span className="muted">trên tổng số {n(counts.total)} đơn vị</span>
        </div>
      </div>
      <div className="cons-toolbar" hidden={entries.length === 0}>
        <label htmlFor={ids.filter}>Lọc theo tình trạng</label>
        <select id={ids.filter} value={filter} onChange={(e) => setFilter(e.target.value as CompletenessFilter)}>
          <option value="all">Tất cả ({n(counts.total)})</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {COMPLETENESS_STATE_LABELS[s]} ({n(counts[s])})
            </option>
          ))}
        </select>
      </div>
      {entries.length === 0 ? (
        <p className="muted">
          Danh sách đơn vị chưa có đơn vị cấp dưới nào đang hoạt động. Thêm đơn vị ở màn hình «Đơn vị» (hoặc khi nhập tệp báo cáo).
        </p>
      ) : (
        <div className="cons-table-wrap cons-completeness-wrap" ref={setScrollElement}>
          <table className="cons-table">
            <thead>
              <tr>
                <NumTh>STT</NumTh>
                <th scope="col">Mã đơn vị</th>
                <th scope="col">Tên đơn vị</th>
                <th scope="col">Tình trạng</th>
                <th scope="col">Thời điểm nộp</th>
                <NumTh>Số hoạt động</NumTh>
              </tr>
            </thead>
            <tbody>
              <VirtualRows
                count={rows.length}
                scrollElement={scrollElement}
                rowHeight={33}
                columns={6}
                row={(i, measure) => {
                  const e = rows[i]!;
                  return (
                <tr key={e.unitCode} ref={measure} data-index={i}>
                  <td className="num">{i + 1}</td>
                  <td className="nowrap">{e.unitCode}</td>
                  <td>{e.unitName}</td>
                  <td className={`cons-state-${e.state}`}>{COMPLETENESS_STATE_LABELS[e.state]}</td>
                  <td className="nowrap">
                    <SubmittedAt at={e.submittedAt} source={result.submittedSources[e.unitCode]} />
                  </td>
                  <td className="num">
                    {contributors.has(e.unitCode) ? (
                      <Figure value={e.activityCount} label={`${e.unitName} · Số hoạt động: ${n(e.activityCount)}`} target={{ kind: 'unit', unitCode: e.unitCode }} />
                    ) : (
                      ''
                    )}
                  </td>
                </tr>
                  );
                }}
              />
              {rows.length === 0 && (
                <tr>
                  <td colSpan={6} className="muted">
                    Không có đơn vị nào ở tình trạng này.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
      <JobControls
        state={job.state}
        className="cons-job"
        action="Xuất tình hình nộp"
        progressLabel="Tiến độ xuất tình hình nộp"
        disabled={entries.length === 0}
        onStart={() =>
          void job.start(async () => {
            // Printed with the place and the officer of the last export (ui/issuer.tsx).
            const issuer = await getIssuer();
            const fresh = await loadConsolidation({ planId: data.activePlan.id, period: data.period, exportedBy: issuer.exportedBy, appVersion: await platform.getVersion().catch(() => '') });
            const report = fresh.result.report;
            const place = issuer.place || defaultPlace(data.ownUnit, data.ownUnit);
            return { job: { type: 'completeness', report, options: { place } }, fileName: completenessFileName(report) };
          }, FAILURE_HINT)
        }
        onCancel={job.cancel}
      />
    </section>
  );
}

function DeadlineField({ planId, periodKey, stored }: { planId: string; periodKey: string; stored: string }) {
  const ids = { field: useId(), hint: useId(), error: useId() };
  const shownStored = stored ? formatDateVn(stored) : '';
  const [text, setText] = useState(shownStored);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');
  // The stored deadline changed (saved here or in another window): show it.
  const [prevStored, setPrevStored] = useState(shownStored);
  if (prevStored !== shownStored) {
    setPrevStored(shownStored);
    setText(shownStored);
  }

  const save = async () => {
    const value = text.trim();
    if (value === shownStored) return;
    const iso = value === '' ? '' : parseDateVn(value);
    if (iso === null) {
      setError(`Hạn nộp: «${value}» không phải là ngày. Gõ theo dạng ngày/tháng/năm, ví dụ 20/06/2025; để trống nếu không có hạn.`);
      setSaved('');
      return;
    }
    try {
      await setReportDeadline(planId, periodKey, iso);
      setError('');
      setSaved(iso === '' ? 'Đã bỏ hạn nộp.' : `Đã lưu hạn nộp ${formatDateVn(iso)}.`);
    } catch (e) {
      setError(e instanceof OperationError ? e.message : `Không lưu được hạn nộp. ${officerMessage(e)}`);
    }
  };

  return (
    <div className="cons-deadline">
      <div className="cons-deadline-row">
        <label htmlFor={ids.field}>Hạn nộp</label>
        <DateInput
          id={ids.field}
          value={text}
          maxLength={10}
          aria-describedby={error ? `${ids.hint} ${ids.error}` : ids.hint}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setSaved('');
          }}
          onBlur={() => void save()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void save();
            }
          }}
        />
      </div>
      <span id={ids.hint} className="hint">
        Hết ngày này (giờ Việt Nam) mới nộp là nộp muộn. Để trống: không tính muộn.
      </span>
      <span role="status" className="saved">
        {saved}
      </span>
      {error && (
        <p id={ids.error} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Theo nhiệm vụ.

function ItemsSection({ result }: { result: ConsolidationResult }) {
  const title = useId();
  const items = result.report.consolidation.items;
  const reports = result.contributors.reduce((s, c) => s + c.reports, 0);
  return (
    <section className="settings-card cons-section" aria-labelledby={title}>
      <h2 id={title}>Theo nhiệm vụ</h2>
      <p className="hint">
        Mỗi ô là số đơn vị (báo cáo) ở trạng thái đó; tổng {n(reports)} báo cáo được tổng hợp. Bấm vào một số để xem các đơn vị và hoạt động.
      </p>
      <div className="cons-table-wrap cons-scroll">
        <table className="cons-table cons-items">
          <thead>
            <tr>
              <th scope="col">Mã</th>
              <th scope="col">Nội dung nhiệm vụ</th>
              {STATUS_COUNT_KEYS.map((k) => (
                <th key={k} scope="col" className="num">
                  {STATUS_COUNT_LABELS[k]}
                </th>
              ))}
              <NumTh>Số hoạt động</NumTh>
            </tr>
          </thead>
          <tbody>
            {items.map((it, index) => {
              const group = it.groupTitle !== '' && it.groupTitle !== items[index - 1]?.groupTitle ? it.groupTitle : null;
              return [
                group !== null && (
                  <tr key={`g-${it.id}`} className="cons-group-row">
                    <th scope="rowgroup" colSpan={8}>
                      {group}
                    </th>
                  </tr>
                ),
                <tr key={it.id}>
                  <th scope="row" className="nowrap cons-item-id">
                    {it.id}
                  </th>
                  <td className="cons-item-text" title={it.text}>
                    <span className="clamp">{it.text}</span>
                  </td>
                  {STATUS_COUNT_KEYS.map((k) => (
                    <td key={k} className="num">
                      <Figure
                        value={it.counts[k]}
                        label={`${it.id} · ${STATUS_COUNT_LABELS[k]}: ${n(it.counts[k])} đơn vị`}
                        target={{ kind: 'item-status', itemId: it.id, status: k }}
                      />
                    </td>
                  ))}
                  <td className="num">
                    <Figure value={it.activityCount} label={`${it.id} · Số hoạt động: ${n(it.activityCount)}`} target={{ kind: 'item-activities', itemId: it.id }} />
                  </td>
                </tr>,
              ];
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// Chỉ tiêu theo đơn vị.

function IndicatorsSection({ result }: { result: ConsolidationResult }) {
  const title = useId();
  const { report, contributors } = result;
  const indicators = report.indicators;
  const hasTarget = indicators.some((i) => i.target !== null);
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);
  return (
    <section className="settings-card cons-section" aria-labelledby={title}>
      <h2 id={title}>Chỉ tiêu theo đơn vị</h2>
      {/* Wider than the screen with many indicators: it scrolls sideways (also with the arrow keys once
          focused), the unit column staying on the left. */}
      <div className="cons-table-wrap cons-scroll cons-indicators-wrap" role="region" aria-label="Bảng số liệu từng đơn vị, cuộn ngang để xem hết" tabIndex={0} ref={setScrollElement}>
        <table className="cons-table cons-indicators" aria-labelledby={title}>
          <thead>
            <tr>
              <th scope="col" className="cons-unit-col">
                Đơn vị
              </th>
              <NumTh>Số báo cáo</NumTh>
              <NumTh>Số hoạt động</NumTh>
              {indicators.map((i) => (
                <th key={i.code} scope="col" className="num cons-ind-head" title={i.unit ? `${i.name} (${i.unit})` : i.name}>
                  {i.name || i.code}
                  {i.unit && <span className="cons-ind-unit"> ({i.unit})</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <VirtualRows
              count={contributors.length}
              scrollElement={scrollElement}
              rowHeight={44}
              columns={3 + indicators.length}
              row={(index, measure) => {
                const c = contributors[index]!;
                return (
              <tr key={c.unitCode} ref={measure} data-index={index}>
                <th scope="row" className="cons-unit-col">
                  {c.unitName}
                  <span className="cons-unit-code">
                    {c.unitCode}
                    {c.own ? ' · số liệu của đơn vị mình' : c.kind === 'consolidated' ? ' · báo cáo tổng hợp' : c.kind === 'template' ? ' · mẫu nhập liệu' : ''}
                  </span>
                </th>
                <td className="num">{n(c.reports)}</td>
                <td className="num">
                  <Figure value={c.activityCount} label={`${c.unitName} · Số hoạt động: ${n(c.activityCount)}`} target={{ kind: 'unit', unitCode: c.unitCode }} />
                </td>
                {indicators.map((i) => (
                  <td key={i.code} className="num">
                    <Figure
                      value={c.values[i.code] ?? 0}
                      label={`${c.unitName} · ${i.name || i.code}: ${n(c.values[i.code] ?? 0)}`}
                      target={{ kind: 'indicator', code: i.code, unitCode: c.unitCode }}
                    />
                  </td>
                ))}
              </tr>
                );
              }}
            />
          </tbody>
          <tfoot>
            <tr className="cons-total-row">
              <th scope="row" className="cons-unit-col">
                Tổng cộng
              </th>
              <td className="num">{n(contributors.reduce((s, c) => s + c.reports, 0))}</td>
              <td className="num">{n(report.activities.length)}</td>
              {indicators.map((i) => (
                <td key={i.code} className="num">
                  <Figure value={i.value} label={`Tổng cộng · ${i.name || i.code}: ${n(i.value)}`} target={{ kind: 'indicator', code: i.code, unitCode: null }} />
                </td>
              ))}
            </tr>
            {hasTarget && (
              <tr>
                <th scope="row" className="cons-unit-col">
                  Chỉ tiêu giao
                </th>
                <td />
                <td />
                {indicators.map((i) => (
                  <td key={i.code} className="num">
                    {i.target === null ? '' : n(i.target)}
                  </td>
                ))}
              </tr>
            )}
          </tfoot>
        </table>
      </div>
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// Hoạt động.

function ActivitiesSection({ result }: { result: ConsolidationResult }) {
  const title = useId();
  return (
    <section className="settings-card cons-section" aria-labelledby={title}>
      <h2 id={title}>Hoạt động</h2>
      <ActivityList result={result} labelledBy={title} />
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// Xuất báo cáo tổng hợp.

function ExportCard({ data, hasData }: { data: ShellData; hasData: boolean }) {
  const title = useId();
  const job = useWorkbookJob();
  const [fileName, setFileName] = useState('');
  const issuer = useIssuer(defaultPlace(data.ownUnit, data.ownUnit));
  return (
    <section className="settings-card cons-export" aria-labelledby={title}>
      <div>
        <h2 id={title} className="cons-export-title">
          Báo cáo tổng hợp gửi cấp trên
        </h2>
        <p className="hint">
          Một tệp Excel gồm Thông tin, Tổng hợp theo nhiệm vụ, Chỉ tiêu theo đơn vị, Hoạt động và Tình hình nộp báo cáo; cấp trên nhập được
          bằng ứng dụng.
          {fileName && (
            <>
              {' '}
              Tên tệp: <code>{fileName}</code>
            </>
          )}
        </p>
        <div className="form-grid cons-issuer">
          <IssuerFields issuer={issuer} disabled={isBusy(job.state)} />
        </div>
      </div>
      <JobControls
        state={job.state}
        className="cons-job"
        action="Xuất báo cáo tổng hợp"
        progressLabel="Tiến độ xuất báo cáo tổng hợp"
        disabled={!hasData}
        onStart={() =>
          void job.start(async () => {
            await issuer.remember();
            const fresh = await loadConsolidation({
              planId: data.activePlan.id,
              period: data.period,
              exportedBy: issuer.exportedBy.trim(),
              appVersion: await platform.getVersion().catch(() => ''),
            });
            const report = fresh.result.report;
            const name = consolidatedFileName(report);
            setFileName(name);
            return { job: { type: 'consolidated', report, options: { place: issuer.place.trim() } }, fileName: name };
          }, FAILURE_HINT)
        }
        onCancel={job.cancel}
      />
    </section>
  );
}

