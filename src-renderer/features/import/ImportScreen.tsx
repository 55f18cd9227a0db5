/**
 * "Nhập dữ liệu": choose files or a folder, or drop files or folders on the window;
 * read each workbook in a worker and show a dry-run preview per file (unit reports, hand-filled
 * templates and consolidated reports alike); the officer resolves what needs a decision (add an
 * unknown unit, choose the plan for a file whose plan is unknown, accept item differences, keep
 * an older export as history) and applies the checked files in ONE transaction (applyBatch),
 * with progress per file and "Hủy" that leaves the database as it was. Then the import history
 * of the active plan with withdrawal. The batch and its jobs live in import-store.ts: they stay
 * while the officer looks at another screen and are checked against the database on return.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useEffect, useId, useMemo, useRef, useState, type CSSProperties, type DragEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { listSubmissions, withdrawSubmission, type ImportPreview, type PlanRecord, type SubmissionRecord } from '../../db';
import type { ItemMatch } from '@domain/merge';
import { SUBMITTED_SOURCE_NOTES } from '@domain/consolidate';
import { formatDateVn } from '@domain/periods';
import { formatCount } from '@domain/fields';
import { indicatorFigures } from '@exchange/indicator-figures';
import { isConsolidated, type UnitReport } from '@domain/report';
import { formatInstantVn } from '@domain/vn-time';
import type { ShellData } from '../../app/use-shell-data';
import { platform } from '../../platform';
import { batchOrderOf, errorText, hardBlock, needsPlanChoice, pending, ready, type Card } from './import-cards';
import { collect, dropEntries, filesOfEntries, fromFileList } from './import-files';
import {
  addAllUnits,
  applyReady,
  cancelJob,
  choosePlan,
  clearBatch,
  readFiles,
  recheck,
  setImportMessage,
  updateCard,
  useImportStore,
  type CardChoice,
} from './import-store';
import { batchCountingNotes } from './counting-notes';
import { UnitMatchBox } from './UnitMatchBox';
import './import.css';

/** Long item texts in the plan-mismatch list: four lines, the whole text on hover. */
const FOUR_LINES = { '--clamp-lines': 4 } as CSSProperties;

const DECISION_TEXT: Record<ImportPreview['plan']['decision'], string> = {
  new: 'Mới',
  supersedes: 'Thay thế bản nộp trước',
  identical: 'Trùng, không thay đổi',
  older: 'Cũ hơn bản đã nộp — không ghi đè',
};

const STATE_TEXT: Record<SubmissionRecord['state'], string> = {
  active: 'Đang dùng',
  superseded: 'Đã bị thay thế',
  withdrawn: 'Đã rút',
};

const MATCH_TEXT: Record<Exclude<ItemMatch, 'matched'>, string> = {
  'missing-in-plan': 'Không có trong kế hoạch',
  'missing-in-file': 'Không có trong tệp',
  'text-changed': 'Nội dung khác',
};

/** Problems shown before "Xem thêm"; mismatched items likewise. */
const SHOWN_PROBLEMS = 3;
const SHOWN_MISMATCHES = 5;

/**
 * "17 tệp: 12 sẵn sàng, 2 có cảnh báo, 3 lỗi" (and files waiting for a decision, duplicates, files
 * still being read, skipped ones). A file whose decisions are all taken (unit added, differences
 * accepted…) counts as ready; "có cảnh báo" is for files the reader had warnings about.
 * After «Nhập»: "17 tệp: 14 đã nhập, 3 lỗi" — what was imported, then only the states still held.
 */
function summaryText(cards: readonly Card[], skipped: number): string {
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
  let readyN = 0;
  let warned = 0;
  let failed = 0;
  let waiting = 0;
  let same = 0;
  let reading = 0;
  let unread = 0;
  for (const c of cards) {
    if (c.cancelled) unread++;
    else if (!c.preview && !c.failure && c.counts === null) reading++;
    else if (c.preview?.plan.decision === 'identical' && !c.failure && !c.problems.some((x) => x.severity === 'error')) same++;
    else if (hardBlock(c)) failed++;
    else if (pending(c).length > 0) waiting++;
    else if (c.problems.length > 0) warned++;
    else readyN++;
  }
  const parts = [`${readyN} sẵn sàng`, `${warned} có cảnh báo`, `${failed} lỗi`];
  if (waiting > 0) parts.push(`${waiting} chờ xác nhận`);
  if (same > 0) parts.push(`${same} trùng`);
  if (reading > 0) parts.push(`${reading} đang chờ đọc`);
  if (unread > 0) parts.push(`${unread} chưa đọc (đã hủy)`);
  return parts;
}

export function ImportScreen({ data }: { data: ShellData }) {
  // The batch lives in the store (import-store.ts), so it outlasts this screen being shown.
  const { cards, skipped, progress, checking, message } = useImportStore(
    useShallow((s) => ({ cards: s.cards, skipped: s.skipped, progress: s.progress, checking: s.checking, message: s.message })),
  );
  const [dragging, setDragging] = useState(false);
  const folderInput = useRef<HTMLInputElement | null>(null);
  // Reading, importing or re-checking: choices and buttons wait (one job at a time).
  const busy = progress !== null || checking;
  const titleId = useId();
  // Two files of one unit and period: the older one goes to history (domain/import-batch.ts).
  const batch = useMemo(() => batchOrderOf(cards), [cards]);
  const newerInBatch = (key: string): string | null => {
    const newer = batch.olderThan.get(key);
    return newer ? (cards.find((c) => c.key === newer)?.fileName ?? null) : null;
  };

  // Shown again (another screen was open): the kept previews are checked against the database
  // as it is now; a job still running (reading, importing) is left to finish first.
  useEffect(() => {
    void recheck();
  }, []);

  async function choose(): Promise<void> {
    try {
      const files = await platform.openFiles({ multiple: true, filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
      await readFiles({ files: files.map((f) => ({ ...f, path: f.name })), skipped: [] });
    } catch (error) {
      setImportMessage({ ok: false, text: errorText(error) });
    }
  }

  async function onFolderChosen(list: FileList | null): Promise<void> {
    if (!list || list.length === 0) return;
    try {
      await readFiles(await collect(fromFileList(list)));
    } catch (error) {
      setImportMessage({ ok: false, text: `Không đọc được thư mục đã chọn: ${errorText(error)}` });
    } finally {
      if (folderInput.current) folderInput.current.value = '';
    }
  }

  async function onDrop(e: DragEvent<HTMLDivElement>): Promise<void> {
    e.preventDefault();
    setDragging(false);
    if (busy) return;
    // Entries must be taken before the first await: the drop's items are emptied afterwards.
    const entries = dropEntries(e.dataTransfer);
    const plain = Array.from(e.dataTransfer.files);
    try {
      const found = entries ? await filesOfEntries(entries) : fromFileList(plain);
      await readFiles(await collect(found));
    } catch (error) {
      setImportMessage({ ok: false, text: `Không đọc được tệp thả vào: ${errorText(error)}` });
    }
  }

  const toApply = cards.filter(ready);
  const batchNotes = useMemo(() => batchCountingNotes(cards), [cards]);
  // A file whose unit may be one already listed under another code is never added in bulk: its card asks.
  const unitsToAdd = cards.filter((c) => c.preview && !c.preview.unitKnown && c.preview.unitMatch.kind === 'unknown' && !c.addUnit && !c.result && hardBlock(c) === '');

  const current = progress ? Math.min(progress.done + 1, progress.total) : 0;
  // The card stays on top (sticky) only while something is still to do: reading, importing, or a
  // file that can still be imported. Afterwards it scrolls away and leaves the history in view.
  const sticky = busy || cards.some((c) => !c.result && !c.cancelled && hardBlock(c) === '');

  return (
    <div
      className={`import-screen${dragging ? ' import-dragging' : ''}`}
      onDragOver={(e) => {
        if (!Array.from(e.dataTransfer.types).includes('Files')) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={(e) => void onDrop(e)}
    >
      <h1 className="screen-title">Nhập dữ liệu</h1>
      <section className={`settings-card import-card${sticky ? ' import-card-sticky' : ''}`} aria-labelledby={titleId}>
        <h2 id={titleId}>Nhập báo cáo của đơn vị</h2>
        {/* Only before a choice: with cards below, this card stays on top (sticky) and should be short. */}
        {cards.length === 0 && (
          <p className="hint">
            Chọn một hoặc nhiều tệp báo cáo (.xlsx) của các đơn vị, báo cáo tổng hợp của cấp dưới, hoặc cả một thư mục; cũng có thể
            kéo thả tệp hay thư mục vào màn hình này. Ứng dụng đọc thử từng tệp và chưa ghi gì cho đến khi bấm «Nhập».
          </p>
        )}
        <div className="button-row">
          <button type="button" className="primary" disabled={busy} onClick={() => void choose()}>
            Chọn tệp báo cáo…
          </button>
          <button type="button" disabled={busy} onClick={() => folderInput.current?.click()}>
            Chọn thư mục…
          </button>
          <input
            ref={(el) => {
              folderInput.current = el;
              if (el) el.webkitdirectory = true;
            }}
            type="file"
            multiple
            hidden
            tabIndex={-1}
            aria-hidden="true"
            onChange={(e) => void onFolderChosen(e.target.files)}
          />
          {cards.length > 0 && (
            <button type="button" className="primary" disabled={busy || toApply.length === 0} onClick={() => void applyReady()}>
              Nhập {toApply.length} tệp
            </button>
          )}
          {unitsToAdd.length > 1 && (
            <button
              type="button"
              disabled={busy}
              onClick={() => addAllUnits(unitsToAdd.map((c) => c.key))}
            >
              Thêm cả {unitsToAdd.length} đơn vị chưa có vào danh sách
            </button>
          )}
          {(cards.length > 0 || skipped.length > 0) && (
            <button type="button" disabled={busy} onClick={clearBatch}>
              Xóa danh sách
            </button>
          )}
        </div>
        {progress && (
          <div className="import-progress" role="group" aria-label="Tiến độ">
            <progress
              max={progress.total}
              value={progress.done}
              aria-label={progress.phase === 'read' ? 'Đang đọc tệp' : 'Đang nhập'}
              aria-valuetext={`${progress.done}/${progress.total} tệp`}
            />
            <span className="import-progress-text">
              {progress.phase === 'read' ? 'Đang đọc tệp' : 'Đang nhập tệp'} {current}/{progress.total}
              {progress.fileName && <span className="muted"> — {progress.fileName}</span>}
            </span>
            <button type="button" onClick={cancelJob}>
              Hủy
            </button>
          </div>
        )}
        <div role="status" className="import-message">
          {message && <p className={`job-message ${message.ok ? 'ok' : 'error'}`}>{message.text}</p>}
          {checking && <p className="muted">Đang kiểm tra lại các tệp đã đọc với dữ liệu hiện tại…</p>}
        </div>
        {(cards.length > 0 || skipped.length > 0) && <p className="import-summary">{summaryText(cards, skipped.length)}</p>}
        {skipped.length > 0 && (
          <details className="import-skipped">
            <summary>Tệp bị bỏ qua ({skipped.length})</summary>
            <ul aria-label="Tệp bị bỏ qua">
              {skipped.map((s) => (
                <li key={s.path}>
                  {s.path} — {s.reason}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>

      {cards.length > 0 && (
        <ul className="import-cards" aria-label="Tệp đã chọn">
          {cards.map((c) => (
            <PreviewCard key={c.key} card={c} newerInBatch={newerInBatch(c.key)} busy={busy} plans={data.plans} batchNotes={batchNotes.get(c.key)?.join('\n') ?? ''} onChange={updateCard} onChoosePlan={choosePlan} />
          ))}
        </ul>
      )}

      <History planId={data.activePlan.id} />
    </div>
  );
}

function kindText(report: UnitReport): string {
  if (isConsolidated(report)) {
    const reports = report.consolidation.units.reduce((n, u) => n + u.reports, 0);
    return `Báo cáo tổng hợp — ${report.consolidation.units.length} đơn vị, ${reports} báo cáo`;
  }
  return report.kind === 'template' ? 'Mẫu báo cáo điền tay' : 'Báo cáo của đơn vị';
}

interface CardProps {
  card: Card;
  /** The newer file of the same unit and period chosen in this batch (this one then goes to history). */
  newerInBatch: string | null;
  busy: boolean;
  /**
   * Counting a unit once, against the other files of the batch (counting-notes.ts), one per
   * line: a string, so that a card whose notes did not change is not drawn again.
   */
  batchNotes: string;
  plans: readonly PlanRecord[];
  onChange: (key: string, change: CardChoice) => void;
  onChoosePlan: (key: string, planId: string) => Promise<void>;
}

const PreviewCard = memo(function PreviewCard({ card, newerInBatch, busy, plans, batchNotes, onChange: change, onChoosePlan }: CardProps) {
  const onChange = (c: CardChoice) => change(card.key, c);
  const p = card.preview;
  const block = hardBlock(card);
  const errors = card.problems.filter((x) => x.severity === 'error');
  const warnings = card.problems.filter((x) => x.severity === 'warning');
  const mismatched = p?.mismatches?.items.filter((m) => m.match !== 'matched') ?? [];
  const reading = !p && !card.failure && !card.cancelled && card.counts === null;
  const headingId = useId();
  const planSelectId = useId();
  const locked = busy || !!card.result;
  const problems: { key: string; cls: string; text: string }[] = [
    ...(card.failure ? [{ key: 'f', cls: 'import-problem-error', text: card.failure }] : []),
    ...(card.cancelled ? [{ key: 'c', cls: 'import-problem-warning', text: 'Đã hủy đọc tệp này.' }] : []),
    ...errors.map((x, i) => ({ key: `e${i}`, cls: 'import-problem-error', text: `Lỗi: ${x.message}` })),
    // What the officer can resolve below is a warning; what stops the file is an error.
    // A blocker the controls below resolve (unknown unit, plan, differences, older) is said by them.
    ...(block ? (p?.blockers ?? []) : []).map((b, i) => ({ key: `b${i}`, cls: 'import-problem-error', text: b })),
    ...warnings.map((x, i) => ({ key: `w${i}`, cls: 'import-problem-warning', text: `Cảnh báo: ${x.message}` })),
    ...[...new Set([...(p?.countingNotes ?? []), ...(batchNotes ? batchNotes.split('\n') : [])])].map((text, i) => ({ key: `n${i}`, cls: 'import-problem-warning', text })),
  ];
  const shown = problems.slice(0, SHOWN_PROBLEMS);
  const more = problems.slice(SHOWN_PROBLEMS);
  const planChosen = needsPlanChoice(card) && card.planChoice !== '';
  const consolidated = p !== null && isConsolidated(p.report);
  return (
    <li
      className={`settings-card import-file${block ? ' import-file-blocked' : ''}${card.result ? ' import-file-done' : ''}${
        p && !block && mismatched.length > 0 ? ' import-file-wide' : ''
      }`}
      aria-labelledby={headingId}
    >
      <h3 id={headingId} className="import-file-name">
        {card.fileName}
      </h3>
      {card.path !== card.fileName && <p className="muted import-file-path">{card.path}</p>}
      {reading && <p className="muted">Đang chờ đọc…</p>}
      {p && (
        <dl className="import-facts">
          <dt>Loại tệp</dt>
          <dd className={consolidated ? 'import-kind-consolidated' : undefined}>{kindText(p.report)}</dd>
          <dt>{consolidated ? 'Đơn vị tổng hợp' : 'Đơn vị'}</dt>
          <dd>
            {p.report.unit.name} <span className="muted">({p.report.unit.code})</span>
          </dd>
          <dt>Kế hoạch, kỳ</dt>
          <dd>
            {p.report.plan.number || '(không số)'} · {p.report.period.name || '(chưa ghi kỳ)'}
          </dd>
          <dt>Kết quả</dt>
          <dd>
            {newerInBatch && !card.result ? (
              <>
                <strong className="import-decision import-decision-older">Cũ hơn một tệp khác trong lô — sẽ được lưu vào lịch sử</strong>
                <span className="muted"> — cùng đơn vị và kỳ với tệp «{newerInBatch}» xuất sau: tệp đó được dùng, tệp này chỉ lưu vào lịch sử nhập.</span>
              </>
            ) : (
              <>
                <strong className={`import-decision import-decision-${p.plan.decision}`}>{DECISION_TEXT[p.plan.decision]}</strong>
                <span className="muted"> — {p.plan.reason}</span>
              </>
            )}
          </dd>
          {p.report.kind === 'template' && (
            <>
              <dt>Thời điểm nộp</dt>
              <dd>{templateSubmittedText(p.report)}</dd>
            </>
          )}
          <dt>Hoạt động</dt>
          <dd>{diffText(p.plan.activityDiff)}</dd>
          {!consolidated && (
            <>
              <dt>Tiến độ</dt>
              <dd>{diffText(p.plan.statusDiff)}</dd>
              {/* An older file changes nothing: its figures would only mislead. */}
              {p.plan.decision !== 'older' && (
                <>
                  <dt>Chỉ tiêu</dt>
                  <dd>
                    <IndicatorFigures report={p.report} />
                  </dd>
                </>
              )}
            </>
          )}
        </dl>
      )}
      {problems.length > 0 && (
        <div className="import-problems-wrap">
          <ul className="import-problems" aria-label={`Vấn đề của tệp ${card.fileName}`}>
            {shown.map((x) => (
              <li key={x.key} className={x.cls}>
                {x.text}
              </li>
            ))}
          </ul>
          {more.length > 0 && (
            <details className="import-more">
              <summary>Xem thêm {more.length} vấn đề</summary>
              <ul className="import-problems">
                {more.map((x) => (
                  <li key={x.key} className={x.cls}>
                    {x.text}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
      {p && !block && needsPlanChoice(card) && (
        <div className="import-plan-choice">
          <label htmlFor={planSelectId}>Nhập vào kế hoạch</label>
          <select id={planSelectId} value={card.planChoice} disabled={locked} onChange={(e) => void onChoosePlan(card.key, e.target.value)}>
            <option value="">— Chọn kế hoạch —</option>
            {plans.map((pl) => (
              <option key={pl.id} value={pl.id}>
                {pl.number || '(không số)'} — {pl.title}
                {pl.id === card.original?.suggestedPlanId ? ' (gợi ý)' : ''}
              </option>
            ))}
          </select>
        </div>
      )}
      {p && !block && <UnitMatchBox preview={p} locked={locked} addUnit={card.addUnit} onAddUnit={(addUnit) => onChange({ addUnit })} />}
      {p && !block && !p.unitKnown && p.unitMatch.kind === 'unknown' && (
        <label className="import-check">
          <input type="checkbox" checked={card.addUnit} disabled={locked} onChange={(e) => onChange({ addUnit: e.target.checked })} />
          Thêm {consolidated ? 'đơn vị cấp dưới' : 'đơn vị'} {p.report.unit.name} ({p.report.unit.code}) vào danh sách
        </label>
      )}
      {p && !block && p.planKnown && (mismatched.length > 0 || planChosen) && (
        <div className="import-mismatches">
          {mismatched.length > 0 ? (
            <MismatchTable items={mismatched} fileName={card.fileName} />
          ) : (
            <p>Mọi nhiệm vụ trong tệp khớp với kế hoạch đã chọn.</p>
          )}
          <label className="import-check">
            <input type="checkbox" checked={card.acceptMismatches} disabled={locked} onChange={(e) => onChange({ acceptMismatches: e.target.checked })} />
            {mismatched.length > 0 ? 'Đã kiểm tra, chấp nhận khác biệt' : 'Xác nhận nhập vào kế hoạch đã chọn'}
          </label>
        </div>
      )}
      {p && !block && p.plan.decision === 'older' && (
        <label className="import-check">
          <input type="checkbox" checked={card.keepOlder} disabled={locked} onChange={(e) => onChange({ keepOlder: e.target.checked })} />
          Lưu vào lịch sử (không ghi đè dữ liệu mới hơn)
        </label>
      )}
      <label className="import-check import-check-main">
        <input type="checkbox" checked={card.checked && !block} disabled={locked || !!block} onChange={(e) => onChange({ checked: e.target.checked })} />
        Nhập tệp này
      </label>
      {card.result && <p className={`job-message ${card.result.ok ? 'ok' : 'error'}`}>{card.result.text}</p>}
    </li>
  );
});

function MismatchTable({ items, fileName }: { items: { itemId: string; match: ItemMatch; fileText: string; planText: string }[]; fileName: string }) {
  const row = (m: (typeof items)[number]) => (
    <tr key={`${m.match}-${m.itemId}`}>
      <td className="import-mismatch-id">{m.itemId}</td>
      <td className="import-mismatch-kind">{MATCH_TEXT[m.match as Exclude<ItemMatch, 'matched'>]}</td>
      <td>
        <div className="clamp" style={FOUR_LINES} title={m.fileText}>
          {m.fileText || '—'}
        </div>
      </td>
      <td>
        <div className="clamp" style={FOUR_LINES} title={m.planText}>
          {m.planText || '—'}
        </div>
      </td>
    </tr>
  );
  const head = (
    <thead>
      <tr>
        <th scope="col" className="import-mismatch-id">
          Mã
        </th>
        <th scope="col" className="import-mismatch-kind">
          Khác biệt
        </th>
        <th scope="col">Trong tệp</th>
        <th scope="col">Trong kế hoạch</th>
      </tr>
    </thead>
  );
  return (
    <>
      <p>Nhiệm vụ khác với kế hoạch: {items.length}</p>
      <table className="import-table import-mismatch-table" aria-label={`Nhiệm vụ khác với kế hoạch của tệp ${fileName}`}>
        {head}
        <tbody>{items.slice(0, SHOWN_MISMATCHES).map(row)}</tbody>
      </table>
      {items.length > SHOWN_MISMATCHES && (
        <details className="import-more">
          <summary>Xem thêm {items.length - SHOWN_MISMATCHES} nhiệm vụ khác</summary>
          <table className="import-table import-mismatch-table">
            {head}
            <tbody>{items.slice(SHOWN_MISMATCHES).map(row)}</tbody>
          </table>
        </details>
      )}
    </>
  );
}

/** A hand-filled template counts as handed in on the date it names, else when it is imported: said plainly. */
function templateSubmittedText(report: UnitReport): string {
  return report.reportDate
    ? `${formatDateVn(report.reportDate)} (${SUBMITTED_SOURCE_NOTES['report-date']})`
    : `lúc nhập tệp (mẫu điền tay không ghi «Ngày lập báo cáo» ở trang «Thông tin»)`;
}

/**
 * The unit's indicators as importing the file counts them: how many have a figure, and each
 * adjustment (a typed «Kết quả» arrives as one) with what the activities add up to and why.
 */
function IndicatorFigures({ report }: { report: UnitReport }) {
  const figures = indicatorFigures(report).filter((f) => f.value !== 0 || f.adjustment !== 0);
  const adjusted = figures.filter((f) => f.adjustment !== 0);
  const n = (x: number) => formatCount(x);
  return (
    <>
      {figures.length} chỉ tiêu có số liệu{adjusted.length > 0 ? `, ${adjusted.length} có điều chỉnh:` : ''}
      {adjusted.length > 0 && (
        <ul className="import-adjustments">
          {adjusted.map((f) => (
            <li key={f.code}>
              {f.name}: <strong>{n(f.value)}</strong> = hoạt động {n(f.activities)} + điều chỉnh {f.adjustment > 0 ? '+' : ''}
              {n(f.adjustment)}
              {f.adjustmentReason && <span className="muted"> — {f.adjustmentReason}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function diffText(d: ImportPreview['plan']['activityDiff']): string {
  return `${d.new.length} mới, ${d.changed.length} thay đổi, ${d.unchanged.length} không đổi, ${d.gone.length} bỏ đi`;
}

/**
 * "Số liệu" of a submission, from what it holds (not the stored counts, which count every row of the
 * file): the items given a status, the activities, the indicators with a value other than 0. A
 * consolidated report carries no statuses of its own: its units are counted instead.
 */
function figuresText(report: UnitReport): string {
  const indicators = report.indicators.filter((i) => i.value !== 0).length;
  const tail = `${report.activities.length} hoạt động, ${indicators} chỉ tiêu có số liệu`;
  if (isConsolidated(report)) return `${report.consolidation.units.length} đơn vị, ${tail}`;
  return `${report.items.filter((i) => i.status !== null).length} nhiệm vụ có tiến độ, ${tail}`;
}

function History({ planId }: { planId: string }) {
  const rows = useLiveQuery(() => listSubmissions(planId), [planId]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState('');
  const titleId = useId();

  async function withdraw(id: string): Promise<void> {
    setError('');
    try {
      await withdrawSubmission(id);
      setConfirming(null);
      // The kept previews may say "trùng" or "thay thế" about what was just withdrawn.
      void recheck();
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <section className="settings-card import-history" aria-labelledby={titleId}>
      <h2 id={titleId}>Lịch sử nhập</h2>
      {rows === undefined ? (
        <p className="muted">Đang tải…</p>
      ) : rows.length === 0 ? (
        <p className="muted">Chưa nhập tệp nào cho kế hoạch này.</p>
      ) : (
        <div className="import-table-wrap">
          <table className="import-table">
            <thead>
              <tr>
                <th scope="col">Tệp</th>
                <th scope="col">Đơn vị</th>
                <th scope="col">Kỳ</th>
                <th scope="col">Xuất lúc</th>
                <th scope="col">Nhập lúc</th>
                <th scope="col">Tình trạng</th>
                <th scope="col">Số liệu</th>
                <th scope="col">Thao tác</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.id}>
                  <td className="import-cell-file" title={`SHA-256: ${s.fileHash}`}>
                    {s.fileName}
                  </td>
                  <td>
                    {s.unitName} <span className="muted">({s.unitCode})</span>
                    {s.report.kind === 'consolidated' && <span className="muted"> · báo cáo tổng hợp</span>}
                  </td>
                  <td>{s.report.period.name || s.periodKey}</td>
                  <td>{formatInstantVn(s.exportedAt)}</td>
                  <td>{formatInstantVn(s.importedAt)}</td>
                  <td>
                    <span className={`import-state import-state-${s.state}`}>{STATE_TEXT[s.state]}</span>
                  </td>
                  <td>{figuresText(s.report)}</td>
                  <td>
                    {s.state !== 'withdrawn' &&
                      (confirming === s.id ? (
                        <span className="import-confirm">
                          <button type="button" className="danger" onClick={() => void withdraw(s.id)}>
                            Xác nhận rút
                          </button>
                          <button type="button" onClick={() => setConfirming(null)}>
                            Không rút
                          </button>
                        </span>
                      ) : (
                        <button type="button" onClick={() => setConfirming(s.id)} aria-label={`Rút bản nộp ${s.fileName}`}>
                          Rút bản nộp
                        </button>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
