/**
 * Screen «Báo cáo kết quả»: the numbered Word report for the active plan, the unit and the period
 * of the context bar. A CĐCS (or any unit chosen in the bar) gets its own figures; a district's
 * or province's own unit gets the consolidation of «Tổng hợp». The officer writes the judgement
 * texts and the letterhead on the left (saved as typed, a moment after each change, and when the
 * screen or the window closes), sees the document as it will print on the right, and
 * «Xuất Word (.docx)» writes it in a worker and saves it like the workbooks.
 *
 * The figures and the sentences come from domain/result-report.ts; this screen only collects
 * inputs and shows the model.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { formatCount } from '@domain/fields';
import { periodRangeVn } from '@domain/periods';
import {
  buildResultDocument,
  REPORT_TEXT_KEYS,
  REPORT_TEXT_LABELS,
  resultReportFileName,
  type Letterhead,
  type ReportTexts,
} from '@domain/result-report';
import { loadReportDraft, loadResultReportFigures, OperationError, saveReportDraft, type ResultReportFigures } from '@db';
import type { ShellData } from '@app/use-shell-data';
import { useToday } from '@app/use-today';
import { PlatformError, platform } from '@platform';
import { useUiStore } from '@state';
import { JobControls } from '@ui/JobControls';
import { isBusy, type JobState } from '@features/exports';
import { DocxJobCancelled, writeDocxInWorker } from './docx-job';
import { DocumentPreview } from './DocumentPreview';
import './report-doc.css';
import { Pending, Problem } from '@ui/notice';

const WORD_FILTERS = [{ name: 'Word', extensions: ['docx'] }];
/** How long after the last keystroke the draft is saved. */
const SAVE_DELAY_MS = 500;

export function ResultReportScreen({ data }: { data: ShellData }) {
  const { activePlan: plan, selectedUnit: unit, period } = data;
  const key = `${plan.id}|${unit.code}|${period.key}|${period.start}|${period.end}`;
  const loaded = useLiveQuery(
    async () => {
      try {
        return { key, ok: true as const, figures: await loadResultReportFigures({ planId: plan.id, unitCode: unit.code, period }) };
      } catch (error) {
        return { key, ok: false as const, message: error instanceof Error ? error.message : String(error) };
      }
    },
    // period is a fresh object per render; its identity is in the key.
    [key],
  );
  const shown = loaded?.key === key ? loaded : undefined;
  const go = useUiStore((s) => s.go);

  return (
    <div className="report-doc">
      <div className="rd-title-row">
        <button type="button" className="link-button rd-back" onClick={() => go('reports')}>
          ← Báo cáo
        </button>
        <h1 className="screen-title">Báo cáo kết quả</h1>
        <p className="rd-scope">
          <strong>{unit.name}</strong> · {period.name} <span className="muted">({periodRangeVn(period)}; đổi đơn vị, kỳ ở thanh trên)</span>
        </p>
      </div>
      {!shown ? (
        <Pending>Đang lấy số liệu…</Pending>
      ) : !shown.ok ? (
        <Problem>{shown.message} Hãy chọn lại kế hoạch hoặc đơn vị ở thanh trên.</Problem>
      ) : (
        <DraftEditor key={`${plan.id}|${unit.code}|${period.key}`} planId={plan.id} unitCode={unit.code} periodKey={period.key} figures={shown.figures} />
      )}
    </div>
  );
}

interface Draft {
  texts: ReportTexts;
  letterhead: Letterhead;
}

type SaveState = { phase: 'idle' | 'pending' | 'saving' } | { phase: 'saved'; at: string } | { phase: 'failed'; message: string };

/** Saves the draft a moment after the last change, and at once when the editor or the window closes. */
function useAutosave(target: { planId: string; unitCode: string; periodKey: string }) {
  const [state, setState] = useState<SaveState>({ phase: 'idle' });
  const pending = useRef<Draft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { planId, unitCode, periodKey } = target;

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    const draft = pending.current;
    if (!draft) return;
    pending.current = null;
    setState({ phase: 'saving' });
    try {
      const saved = await saveReportDraft({ planId, unitCode, periodKey, ...draft });
      setState(pending.current ? { phase: 'pending' } : { phase: 'saved', at: saved.updatedAt });
    } catch (error) {
      // Keep what was typed to retry with the next change.
      pending.current ??= draft;
      setState({ phase: 'failed', message: error instanceof OperationError ? error.message : `Chưa lưu được bản thảo (${String(error)}).` });
    }
  }, [planId, unitCode, periodKey]);

  const schedule = useCallback(
    (draft: Draft) => {
      pending.current = draft;
      setState({ phase: 'pending' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      void flush();
    };
  }, [flush]);

  return { state, schedule, flush };
}

function DraftEditor(props: { planId: string; unitCode: string; periodKey: string; figures: ResultReportFigures }) {
  const { planId, unitCode, periodKey, figures } = props;
  const today = useToday();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [fromSuggestions, setFromSuggestions] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const draftRef = useRef<Draft | null>(null);
  const autosave = useAutosave({ planId, unitCode, periodKey });
  const suggestions = figures.suggestions;

  useEffect(() => {
    let live = true;
    loadReportDraft({ planId, unitCode, periodKey, today }).then(
      (d) => {
        if (!live) return;
        const next = { texts: d.texts ?? suggestions, letterhead: d.letterhead };
        draftRef.current = next;
        setDraft(next);
        setFromSuggestions(d.texts === null);
      },
      (error: unknown) => live && setLoadError(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
    // Read once per unit, plan and period (the key of this editor); later changes are the officer's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const update = (change: (d: Draft) => Draft) => {
    if (!draftRef.current) return;
    const next = change(draftRef.current);
    draftRef.current = next;
    setDraft(next);
    autosave.schedule(next);
  };
  const setText = (key: keyof ReportTexts, value: string) => update((d) => ({ ...d, texts: { ...d.texts, [key]: value } }));
  const setLine = (key: Exclude<keyof Letterhead, 'recipients'>, value: string) => update((d) => ({ ...d, letterhead: { ...d.letterhead, [key]: value } }));

  const doc = useMemo(() => (draft ? buildResultDocument({ facts: figures.facts, texts: draft.texts, letterhead: draft.letterhead }) : null), [draft, figures.facts]);
  const fileName = resultReportFileName(figures.report);
  const job = useDocxJob();

  if (loadError) {
    return (
      <Problem>Không mở được bản thảo: {loadError}</Problem>
    );
  }
  if (!draft || !doc) {
    return (
      <Pending>Đang mở bản thảo…</Pending>
    );
  }

  const f = figures.facts;
  return (
    <div className="rd-columns">
      <div className="rd-form">
        <section className="settings-card" aria-labelledby="rd-data">
          <h2 id="rd-data">Số liệu trong báo cáo</h2>
          <p className="hint">
            {f.consolidated
              ? `Tổng hợp ${formatCount(f.reports)} báo cáo của các đơn vị (như màn hình «Tổng hợp» và tệp báo cáo tổng hợp): `
              : 'Số liệu của đơn vị (như tệp «Xuất báo cáo đơn vị»): '}
            {formatCount(f.activityCount)} hoạt động,{' '}
            {f.consolidated
              ? `${formatCount(f.counts.xong)} lượt nhiệm vụ đã hoàn thành`
              : `${formatCount(f.counts.xong)}/${formatCount(f.itemCount)} nhiệm vụ đã hoàn thành`}
            {f.completeness ? `, ${formatCount(f.completeness.missing)}/${formatCount(f.completeness.expected)} đơn vị chưa nộp` : ''}. Sửa số liệu ở
            các màn hình Kế hoạch, Nhật ký, Chỉ tiêu; báo cáo tự cập nhật.
          </p>
        </section>

        <LetterheadFields letterhead={draft.letterhead} setLine={setLine} />

        <section className="settings-card" aria-labelledby="rd-texts">
          <h2 id="rd-texts">Đánh giá, phương hướng, kiến nghị</h2>
          <p className="hint">
            Mỗi dòng là một đoạn trong báo cáo. Phần để trống sẽ in «[Chưa nhập …]» để không bị bỏ sót.
            {fromSuggestions && ' Các câu có sẵn là gợi ý từ số liệu: hãy sửa lại cho đúng thực tế.'}
          </p>
          {REPORT_TEXT_KEYS.map((key, i) => (
            <TextField
              key={key}
              label={`${textNumber(i)} ${REPORT_TEXT_LABELS[key]}`}
              value={draft.texts[key]}
              suggestion={suggestions[key]}
              onChange={(v) => setText(key, v)}
            />
          ))}
        </section>

        <RecipientsAndSignature
          letterhead={draft.letterhead}
          setLine={setLine}
          setRecipients={(lines) => update((d) => ({ ...d, letterhead: { ...d.letterhead, recipients: lines } }))}
        />

        <section className="settings-card rd-export" aria-labelledby="rd-export">
          <h2 id="rd-export">Xuất báo cáo</h2>
          <SaveStatus state={autosave.state} />
          <p className="report-file-name">
            Tên tệp: <code>{fileName}</code>
          </p>
          <JobControls
            state={job.state}
            action="Xuất Word (.docx)"
            progressLabel="Tiến độ xuất báo cáo Word"
            writingText="Đang tạo tệp Word…"
            onStart={() => {
              void autosave.flush();
              void job.start(fileName, doc);
            }}
            onCancel={job.cancel}
            cancelledText="Đã hủy xuất báo cáo, chưa có tệp nào được lưu."
            notSavedText="Chưa lưu tệp vì hộp thoại lưu đã đóng. Bấm «Xuất Word (.docx)» để chọn nơi lưu lại."
          />
        </section>
      </div>
      <div className="rd-preview-column">
        <DocumentPreview doc={doc} />
      </div>
    </div>
  );
}

/** «II.1», «II.2», «II.3», «III», «IV» as the parts are numbered in the document. */
function textNumber(i: number): string {
  return ['II.1.', 'II.2.', 'II.3.', 'III.', 'IV.'][i] ?? '';
}

function SaveStatus({ state }: { state: SaveState }) {
  const text =
    state.phase === 'pending' || state.phase === 'saving'
      ? 'Đang lưu bản thảo…'
      : state.phase === 'saved'
        ? `Đã lưu bản thảo lúc ${new Date(state.at).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', second: '2-digit' })}.`
        : state.phase === 'failed'
          ? state.message
          : 'Bản thảo được lưu tự động khi gõ.';
  return (
    <p className={state.phase === 'failed' ? 'field-error' : 'muted'} role={state.phase === 'failed' ? 'alert' : 'status'}>
      {text}
    </p>
  );
}

function TextField(props: { label: string; value: string; suggestion: string; onChange: (v: string) => void }) {
  const id = useId();
  const canSuggest = props.suggestion !== '' && props.suggestion !== props.value;
  return (
    <div className="rd-text-field">
      <div className="rd-text-label">
        <label htmlFor={id}>{props.label}</label>
        {canSuggest && (
          <button type="button" className="link-button" onClick={() => props.onChange(props.suggestion)}>
            Điền gợi ý từ số liệu
          </button>
        )}
      </div>
      <textarea id={id} value={props.value} rows={props.value.split('\n').length > 3 ? 6 : 3} onChange={(e) => props.onChange(e.target.value)} />
    </div>
  );
}

type SetLine = (key: Exclude<keyof Letterhead, 'recipients'>, value: string) => void;

function Line(props: { label: string; value: string; onChange: (v: string) => void; hint?: string; type?: 'text' | 'date'; placeholder?: string }) {
  const id = useId();
  const hintId = useId();
  return (
    <>
      <label htmlFor={id}>{props.label}</label>
      <div>
        <input
          id={id}
          type={props.type ?? 'text'}
          value={props.value}
          maxLength={300}
          placeholder={props.placeholder}
          aria-describedby={props.hint ? hintId : undefined}
          onChange={(e) => props.onChange(e.target.value)}
        />
        {props.hint && (
          <p className="hint" id={hintId}>
            {props.hint}
          </p>
        )}
      </div>
    </>
  );
}

function LetterheadFields({ letterhead: lh, setLine }: { letterhead: Letterhead; setLine: SetLine }) {
  return (
    <section className="settings-card" aria-labelledby="rd-head">
      <h2 id="rd-head">Đầu văn bản</h2>
      <div className="form-grid">
        <Line label="Cơ quan cấp trên" value={lh.parentBody} onChange={(v) => setLine('parentBody', v)} hint="In chữ hoa, không đậm." />
        <Line label="Cơ quan ban hành" value={lh.issuingBody} onChange={(v) => setLine('issuingBody', v)} hint="In chữ hoa, đậm." />
        <Line label="Số" value={lh.number} onChange={(v) => setLine('number', v)} placeholder="Để trống nếu ghi tay" />
        <Line label="Ký hiệu" value={lh.symbol} onChange={(v) => setLine('symbol', v)} hint="In thành «Số: …/BC-…»; ghi nhớ cho đơn vị." />
        <Line label="Địa danh" value={lh.place} onChange={(v) => setLine('place', v)} />
        <Line label="Ngày ban hành" type="date" value={lh.date} onChange={(v) => setLine('date', v)} hint="Để trống thì in «ngày … tháng … năm …» để ghi tay." />
      </div>
    </section>
  );
}

function RecipientsAndSignature(props: { letterhead: Letterhead; setLine: SetLine; setRecipients: (lines: string[]) => void }) {
  const { letterhead: lh, setLine } = props;
  const id = useId();
  const hintId = useId();
  // Kept as typed (blank lines too) while editing; the document drops the empty ones.
  const [typed, setTyped] = useState(() => lh.recipients.join('\n'));
  return (
    <section className="settings-card" aria-labelledby="rd-sign">
      <h2 id="rd-sign">Nơi nhận và người ký</h2>
      <div className="form-grid">
        <label htmlFor={id}>Nơi nhận</label>
        <div>
          <textarea
            id={id}
            rows={Math.min(8, Math.max(3, lh.recipients.length + 1))}
            value={typed}
            aria-describedby={hintId}
            onChange={(e) => {
              setTyped(e.target.value);
              props.setRecipients(e.target.value.split('\n'));
            }}
          />
          <p className="hint" id={hintId}>
            Mỗi dòng một nơi nhận; dấu «-», «;» và «.» cuối dòng được thêm khi in.
          </p>
        </div>
        <Line label="Thẩm quyền ký" value={lh.signingFor} onChange={(v) => setLine('signingFor', v)} />
        <Line label="Chức vụ" value={lh.signerTitle} onChange={(v) => setLine('signerTitle', v)} />
        <Line label="Họ và tên" value={lh.signerName} onChange={(v) => setLine('signerName', v)} hint="Ghi nhớ cho các báo cáo sau của đơn vị." />
      </div>
    </section>
  );
}

/** Writing the .docx in its worker, then saving it; one at a time, cancellable. */
function useDocxJob() {
  const [state, setState] = useState<JobState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(async (fileName: string, doc: Parameters<typeof writeDocxInWorker>[0]) => {
    controller.current?.abort();
    const ac = new AbortController();
    controller.current = ac;
    const mine = () => controller.current === ac;
    setState({ phase: 'writing', done: 0, total: 0 });
    try {
      const bytes = await writeDocxInWorker(doc, ac.signal);
      if (!mine()) return;
      setState({ phase: 'saving', fileName });
      const result = await platform.saveFile(fileName, bytes, WORD_FILTERS);
      if (!mine()) return;
      setState(result.saved ? { phase: 'saved', fileName, ...(result.path ? { path: result.path } : {}) } : { phase: 'not-saved', fileName });
    } catch (error) {
      if (!mine()) return;
      if (error instanceof DocxJobCancelled) setState({ phase: 'cancelled' });
      else if (error instanceof PlatformError) setState({ phase: 'failed', message: `Không lưu được tệp: ${error.message}` });
      else setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      if (mine()) controller.current = null;
    }
  }, []);

  const cancel = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setState({ phase: 'cancelled' });
  }, []);

  return { state, start, cancel, busy: isBusy(state) };
}
