/**
 * "Nhập dữ liệu" (issue 5): choose or drop units' workbooks, read each one in a worker, show a
 * dry-run preview per file, apply the checked ones one by one (one transaction per file), and
 * the import history of the active plan with withdrawal.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type DragEvent } from 'react';
import {
  applySubmission,
  listSubmissions,
  previewImport,
  withdrawSubmission,
  type ImportPreview,
  type SubmissionRecord,
} from '../../db';
import type { Problem, ReadCounts } from '../../exchange/reader';
import { formatInstantVn } from '../../exchange/spec';
import type { ShellData } from '../../app/use-shell-data';
import { platform } from '../../platform';
import { readImportFiles } from './import-read';
import './import.css';

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

interface Card {
  key: string;
  fileName: string;
  /** Reading or previewing failed as a whole (Vietnamese). */
  failure: string | null;
  problems: Problem[];
  counts: ReadCounts | null;
  preview: ImportPreview | null;
  checked: boolean;
  addUnit: boolean;
  acceptMismatches: boolean;
  /** After applying: what happened (Vietnamese) and whether it went well. */
  result: { ok: boolean; text: string } | null;
}

interface Progress {
  label: string;
  done: number;
  total: number;
}

/** Why a card cannot be imported at all (nothing the officer can tick changes it); '' when it can. */
function hardBlock(card: Card): string {
  const p = card.preview;
  if (card.failure) return card.failure;
  if (!p) return 'Không đọc được tệp.';
  if (card.problems.some((x) => x.severity === 'error')) return 'Tệp có lỗi: sửa tệp rồi chọn lại.';
  if (p.report.period.key === '' || p.isOwnUnit || !p.planKnown) return p.blockers[0] ?? 'Không nhập được tệp này.';
  if (p.plan.decision === 'identical') return 'Tệp trùng với bản đã nhập: không có gì thay đổi.';
  if (p.plan.decision === 'older') return p.plan.reason;
  return '';
}

/** True when the card is checked and everything it needs is ticked. */
function ready(card: Card): boolean {
  const p = card.preview;
  if (!card.checked || !p || card.result || hardBlock(card)) return false;
  if (!p.unitKnown && !card.addUnit) return false;
  if (p.mismatches && !p.mismatches.allMatched && !card.acceptMismatches) return false;
  return true;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function ImportScreen({ data }: { data: ShellData }) {
  const [cards, setCards] = useState<Card[]>([]);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  const busy = progress !== null;
  const titleId = useId();

  async function readFiles(files: { name: string; bytes: Uint8Array }[]): Promise<void> {
    if (files.length === 0) return;
    setMessage(null);
    const batch = Date.now();
    const fresh: Card[] = files.map((f, i) => ({
      key: `${batch}-${i}`,
      fileName: f.name,
      failure: null,
      problems: [],
      counts: null,
      preview: null,
      checked: false,
      addUnit: false,
      acceptMismatches: false,
      result: null,
    }));
    setCards(fresh);
    setProgress({ label: 'Đang đọc tệp', done: 0, total: files.length });
    try {
      await readImportFiles(files, async (index, outcome) => {
        const card: Card = { ...fresh[index]! };
        if (!outcome.ok) card.failure = outcome.message;
        else {
          card.problems = outcome.result.problems;
          card.counts = outcome.result.counts;
          const report = outcome.result.report;
          if (!report) {
            // The reader's errors say why; they are listed with the others.
            if (!card.problems.some((p) => p.severity === 'error')) card.failure = `Không đọc được tệp «${card.fileName}».`;
          } else {
            try {
              card.preview = await previewImport(report, files[index]!.bytes, card.fileName);
            } catch (error) {
              card.failure = `Không xem trước được tệp «${card.fileName}»: ${errorText(error)}`;
            }
          }
        }
        card.checked = hardBlock(card) === '';
        fresh[index] = card;
        setCards([...fresh]);
        setProgress({ label: 'Đang đọc tệp', done: index + 1, total: files.length });
      });
    } finally {
      setProgress(null);
    }
  }

  async function choose(): Promise<void> {
    try {
      const files = await platform.openFiles({ multiple: true, filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
      await readFiles(files);
    } catch (error) {
      setMessage({ ok: false, text: errorText(error) });
    }
  }

  async function onDrop(e: DragEvent<HTMLDivElement>): Promise<void> {
    e.preventDefault();
    setDragging(false);
    if (busy) return;
    const dropped = Array.from(e.dataTransfer.files);
    const xlsx = dropped.filter((f) => f.name.toLowerCase().endsWith('.xlsx'));
    const skipped = dropped.length - xlsx.length;
    try {
      const files = await Promise.all(xlsx.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      await readFiles(files);
      if (skipped > 0) setMessage({ ok: false, text: `Đã bỏ qua ${skipped} tệp không phải Excel (.xlsx).` });
    } catch (error) {
      setMessage({ ok: false, text: `Không đọc được tệp thả vào: ${errorText(error)}` });
    }
  }

  function update(key: string, change: Partial<Card>): void {
    setCards((cs) => cs.map((c) => (c.key === key ? { ...c, ...change } : c)));
  }

  const toApply = cards.filter(ready);

  async function apply(): Promise<void> {
    const list = toApply;
    if (list.length === 0) return;
    setMessage(null);
    let applied = 0;
    let unchanged = 0;
    let failed = 0;
    setProgress({ label: 'Đang nhập', done: 0, total: list.length });
    try {
      for (let i = 0; i < list.length; i++) {
        const card = list[i]!;
        let result: Card['result'];
        try {
          const r = await applySubmission(card.preview!, { addUnit: card.addUnit, acceptMismatches: card.acceptMismatches });
          if (r.outcome === 'unchanged') {
            unchanged++;
            result = { ok: true, text: 'Trùng bản đã nhập: không thay đổi gì.' };
          } else {
            applied++;
            result = { ok: true, text: r.superseded ? 'Đã nhập, thay thế bản nộp trước.' : 'Đã nhập.' };
          }
        } catch (error) {
          failed++;
          result = { ok: false, text: `Không nhập được: ${errorText(error)}` };
        }
        update(card.key, { result, checked: false });
        setProgress({ label: 'Đang nhập', done: i + 1, total: list.length });
      }
    } finally {
      setProgress(null);
    }
    const parts = [`Đã nhập ${applied} tệp`];
    if (unchanged > 0) parts.push(`${unchanged} tệp trùng, không thay đổi`);
    if (failed > 0) parts.push(`${failed} tệp không nhập được`);
    setMessage({ ok: failed === 0, text: `${parts.join('; ')}.` });
  }

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
      <section className="settings-card import-card" aria-labelledby={titleId}>
        <h2 id={titleId}>Nhập báo cáo của đơn vị</h2>
        <p className="hint">
          Chọn một hoặc nhiều tệp báo cáo (.xlsx) của các đơn vị, hoặc kéo thả tệp vào màn hình này. Ứng dụng đọc thử từng tệp và
          chưa ghi gì cho đến khi bấm «Nhập».
        </p>
        <div className="button-row">
          <button type="button" className="primary" disabled={busy} onClick={() => void choose()}>
            Chọn tệp báo cáo…
          </button>
          {cards.length > 0 && (
            <button type="button" className="primary" disabled={busy || toApply.length === 0} onClick={() => void apply()}>
              Nhập {toApply.length} tệp
            </button>
          )}
        </div>
        {progress && (
          <div className="job-progress import-progress">
            <div
              className="job-progress-track"
              role="progressbar"
              aria-label={progress.label}
              aria-valuemin={0}
              aria-valuemax={progress.total}
              aria-valuenow={progress.done}
              aria-valuetext={`${progress.done}/${progress.total} tệp`}
            >
              <span className="job-progress-fill" style={{ width: `${progress.total ? (100 * progress.done) / progress.total : 0}%` }} />
            </div>
            <span className="job-progress-text">
              {progress.label}: {progress.done}/{progress.total} tệp
            </span>
          </div>
        )}
        <div role="status" className="import-message">
          {message && <p className={`job-message ${message.ok ? 'ok' : 'error'}`}>{message.text}</p>}
        </div>
      </section>

      {cards.length > 0 && (
        <ul className="import-cards" aria-label="Tệp đã chọn">
          {cards.map((c) => (
            <PreviewCard key={c.key} card={c} busy={busy} onChange={(change) => update(c.key, change)} />
          ))}
        </ul>
      )}

      <History planId={data.activePlan.id} />
    </div>
  );
}

function PreviewCard({ card, busy, onChange }: { card: Card; busy: boolean; onChange: (change: Partial<Card>) => void }) {
  const p = card.preview;
  const block = hardBlock(card);
  const errors = card.problems.filter((x) => x.severity === 'error');
  const warnings = card.problems.filter((x) => x.severity === 'warning');
  const mismatched = p?.mismatches?.items.filter((m) => m.match !== 'matched') ?? [];
  const reading = !p && !card.failure && card.counts === null;
  const headingId = useId();
  return (
    <li className={`settings-card import-file${block ? ' import-file-blocked' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="import-file-name">
        {card.fileName}
      </h3>
      {reading && <p className="muted">Đang đọc…</p>}
      {p && (
        <dl className="import-facts">
          <dt>Đơn vị</dt>
          <dd>
            {p.report.unit.name} <span className="muted">({p.report.unit.code})</span>
          </dd>
          <dt>Kế hoạch</dt>
          <dd>{p.report.plan.number || '(không số)'}</dd>
          <dt>Kỳ báo cáo</dt>
          <dd>{p.report.period.name || '(chưa ghi)'}</dd>
          <dt>Kết quả đọc thử</dt>
          <dd>
            <strong className={`import-decision import-decision-${p.plan.decision}`}>{DECISION_TEXT[p.plan.decision]}</strong>
            <span className="muted"> — {p.plan.reason}</span>
          </dd>
          <dt>Hoạt động</dt>
          <dd>{diffText(p.plan.activityDiff)}</dd>
          <dt>Trạng thái nhiệm vụ</dt>
          <dd>{diffText(p.plan.statusDiff)}</dd>
        </dl>
      )}
      {(card.failure || errors.length > 0 || warnings.length > 0 || (p && p.blockers.length > 0)) && (
        <ul className="import-problems" aria-label={`Vấn đề của tệp ${card.fileName}`}>
          {card.failure && <li className="import-problem-error">{card.failure}</li>}
          {errors.map((x, i) => (
            <li key={`e${i}`} className="import-problem-error">
              Lỗi: {x.message}
            </li>
          ))}
          {p?.blockers.map((b, i) => (
            <li key={`b${i}`} className="import-problem-error">
              {b}
            </li>
          ))}
          {warnings.map((x, i) => (
            <li key={`w${i}`} className="import-problem-warning">
              Cảnh báo: {x.message}
            </li>
          ))}
        </ul>
      )}
      {p && !block && !p.unitKnown && (
        <label className="import-check">
          <input type="checkbox" checked={card.addUnit} disabled={busy || !!card.result} onChange={(e) => onChange({ addUnit: e.target.checked })} />
          Thêm đơn vị {p.report.unit.name} ({p.report.unit.code}) vào danh sách
        </label>
      )}
      {p && !block && mismatched.length > 0 && (
        <div className="import-mismatches">
          <p>Nhiệm vụ khác với kế hoạch: {mismatched.map((m) => m.itemId).join(', ')}</p>
          <label className="import-check">
            <input
              type="checkbox"
              checked={card.acceptMismatches}
              disabled={busy || !!card.result}
              onChange={(e) => onChange({ acceptMismatches: e.target.checked })}
            />
            Chấp nhận khác biệt
          </label>
        </div>
      )}
      <label className="import-check import-check-main">
        <input
          type="checkbox"
          checked={card.checked && !block}
          disabled={busy || !!block || !!card.result}
          onChange={(e) => onChange({ checked: e.target.checked })}
        />
        Nhập tệp này
      </label>
      {card.result && <p className={`job-message ${card.result.ok ? 'ok' : 'error'}`}>{card.result.text}</p>}
    </li>
  );
}

function diffText(d: ImportPreview['plan']['activityDiff']): string {
  return `${d.new.length} mới, ${d.changed.length} thay đổi, ${d.unchanged.length} không đổi, ${d.gone.length} bỏ đi`;
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
                  </td>
                  <td>{s.report.period.name || s.periodKey}</td>
                  <td>{formatInstantVn(s.exportedAt)}</td>
                  <td>{formatInstantVn(s.importedAt)}</td>
                  <td className={`import-state-${s.state}`}>{STATE_TEXT[s.state]}</td>
                  <td>
                    {s.counts.items} nhiệm vụ, {s.counts.activities} hoạt động, {s.counts.indicators} chỉ tiêu
                  </td>
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
