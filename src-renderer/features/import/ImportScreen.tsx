/**
 * "Nhập dữ liệu": choose files or a folder, or drop files or folders on the window;
 * read each workbook in a worker and show a dry-run preview per file (unit reports, hand-filled
 * templates and consolidated reports alike); the officer resolves what needs a decision (add an
 * unknown unit, choose the plan for a file whose plan is unknown, accept item differences, keep
 * an older export as history) and applies the checked files in ONE transaction (applyBatch),
 * with progress per file and "Hủy" that leaves the database as it was. Then the import history
 * of the active plan with withdrawal. The batch and its jobs live in import-store.ts: they stay
 * while the officer looks at another screen and are checked against the database on return.
 * The cards: PreviewList.tsx (filters, virtualized for a province's batch) and PreviewCard.tsx;
 * the history: ImportHistory.tsx.
 */
import { useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ShellData } from '@app/use-shell-data';
import { platform } from '@platform';
import { batchOrderOf, errorText, hardBlock, ready } from './import-cards';
import { collect, dropEntries, filesOfEntries, fromFileList } from './import-files';
import { addAllUnits, applyReady, cancelJob, clearBatch, readFiles, recheck, setImportMessage, useImportStore } from './import-store';
import { batchCountingNotes } from './counting-notes';
import { summaryText } from './import-summary';
import { ImportHistory } from './ImportHistory';
import { PreviewList } from './PreviewList';
import './import.css';

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

      {cards.length > 0 && <PreviewList cards={cards} batch={batch} batchNotes={batchNotes} busy={busy} plans={data.plans} />}

      <ImportHistory planId={data.activePlan.id} />
    </div>
  );
}
