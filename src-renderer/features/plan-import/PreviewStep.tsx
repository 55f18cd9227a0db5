/**
 * Step 2 of "Thêm kế hoạch": the header and the outline found by the parser, which the officer
 * corrects (level, tracked or not, text, merge, split, remove) before saving.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  canMergeWithNext,
  canSplitRow,
  countOutline,
  mergeWithNext,
  removeRow,
  setKind,
  setText,
  setTrackable,
  splitRow,
  type OutlineRow,
} from '@domain/plan-edit';
import type { ParsedPlan, PlanNodeKind } from '@domain/plan-types';
import type { HeaderDraft } from './PlanImportDialog';

export interface PreviewStepProps {
  preview: { parsed: ParsedPlan; rows: OutlineRow[]; header: HeaderDraft };
  /** Each row's computed id, index for index. */
  ids: string[];
  onRowsChange: (rows: OutlineRow[]) => void;
  /** Undo the last outline edit, or null when there is none. */
  onUndo: (() => void) | null;
  onHeaderChange: (header: HeaderDraft) => void;
  activate: boolean;
  onActivateChange: (activate: boolean) => void;
  saving: boolean;
  saveError: string | null;
  onBack: () => void;
  onCancel: () => void;
  /** Save these rows (the outline with any text still open in its editor written back). */
  onSave: (rows: OutlineRow[]) => void;
}

export const KIND_NAMES: Record<PlanNodeKind, string> = {
  part: 'Phần lớn',
  section: 'Phần',
  group: 'Nhóm nhiệm vụ',
  item: 'Mục',
  subitem: 'Mục con',
};

const KINDS: PlanNodeKind[] = ['section', 'group', 'item', 'subitem'];

interface Editing {
  index: number;
  draft: string;
}

export function PreviewStep(props: PreviewStepProps) {
  const { rows, ids } = { rows: props.preview.rows, ids: props.ids };
  const stepTitleRef = useRef<HTMLHeadingElement>(null);
  const outlineTitleId = useId();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [rowMessage, setRowMessage] = useState<string | null>(null);
  const editorRef = useRef<HTMLTextAreaElement>(null);
  const counts = useMemo(() => countOutline(rows), [rows]);

  // Arriving at this step, start reading from its title.
  useEffect(() => stepTitleRef.current?.focus(), []);

  /** The rows with the text being edited written back (unchanged when the draft is empty). */
  const withDraft = (): OutlineRow[] => (editing ? setText(rows, editing.index, editing.draft) : rows);

  const apply = (change: (current: OutlineRow[]) => OutlineRow[]) => {
    setRowMessage(null);
    setEditing(null);
    props.onRowsChange(change(withDraft()));
  };

  const startEdit = (index: number) => {
    setRowMessage(null);
    const current = withDraft();
    if (current !== rows) props.onRowsChange(current);
    setEditing({ index, draft: current[index]?.text ?? '' });
  };

  const finishEdit = () => {
    if (!editing) return;
    if (!editing.draft.trim()) {
      setRowMessage('Nội dung dòng không được để trống. Muốn bỏ dòng này, hãy bấm “Xóa dòng”.');
      return;
    }
    apply((current) => current);
  };

  const split = (index: number) => {
    if (!editing || editing.index !== index || !editorRef.current) {
      startEdit(index);
      setRowMessage(`Đặt con trỏ vào chỗ cần tách trong nội dung ${ids[index]} rồi bấm “Tách tại con trỏ”.`);
      return;
    }
    const caret = editorRef.current.selectionStart;
    // The row stores NFC text: convert the caret position in the draft to a position in NFC.
    const offset = editing.draft.slice(0, caret).normalize('NFC').length;
    const current = setText(rows, index, editing.draft);
    if (!canSplitRow(current, index, offset)) {
      setRowMessage('Không tách được: hãy đặt con trỏ ở giữa nội dung, sao cho cả hai phần đều có chữ.');
      editorRef.current.focus();
      return;
    }
    apply(() => splitRow(current, index, offset));
  };

  const header = props.preview.header;
  const setHeader = (patch: Partial<HeaderDraft>) => props.onHeaderChange({ ...header, ...patch });
  const warnings = props.preview.parsed.warnings;

  return (
    <>
      {/* Outside the scrolling body: the counts, undo and row messages stay in view. */}
      <div className="pi-toolbar">
        <h3 className="pi-step-title" tabIndex={-1} ref={stepTitleRef}>
          Bước 2: Xem trước và chỉnh sửa
        </h3>
        <p className="pi-counts" role="status">
          {counts.sections} phần, {counts.groups} nhóm, {counts.trackable} mục theo dõi
        </p>
        <button type="button" className="pi-button pi-button-small" onClick={props.onUndo ?? undefined} disabled={!props.onUndo}>
          Hoàn tác
        </button>
        {rowMessage ? (
          <p className="pi-error pi-toolbar-message" role="alert">
            {rowMessage}
          </p>
        ) : null}
      </div>
      <div className="pi-body">

        <fieldset className="pi-header-fields">
          <legend>Thông tin văn bản</legend>
          <HeaderField label="Số" value={header.number} onChange={(number) => setHeader({ number })} />
          <HeaderField label="Cơ quan ban hành" value={header.issuingBody} onChange={(issuingBody) => setHeader({ issuingBody })} />
          <HeaderField label="Tiêu đề" value={header.title} onChange={(title) => setHeader({ title })} wide />
          <HeaderField label="Nơi và ngày ban hành" value={header.placeAndDate} onChange={(placeAndDate) => setHeader({ placeAndDate })} />
          <HeaderField
            label="Căn cứ (mỗi văn bản một dòng)"
            value={header.implements}
            onChange={(value) => setHeader({ implements: value })}
            multiline
          />
        </fieldset>

        {warnings.length > 0 ? (
          <section className="pi-warnings" aria-label="Lưu ý khi phân tích">
            <h4>Lưu ý khi phân tích ({warnings.length})</h4>
            <ul>
              {warnings.map((warning, i) => (
                <li key={i}>{warning}</li>
              ))}
            </ul>
          </section>
        ) : null}

        <h4 className="pi-outline-title" id={outlineTitleId}>
          Cấu trúc kế hoạch
        </h4>
        {rows.length === 0 ? (
          <p className="pi-error" role="alert">
            Không tìm thấy phần nào (I, II, III…) trong nội dung. Hãy quay lại và kiểm tra nội dung đã dán.
          </p>
        ) : (
          <ol className="pi-outline" aria-labelledby={outlineTitleId}>
            {rows.map((row, index) => (
              <OutlineRowView
                // Keyed by position so that focus stays on the control at the same place after an edit.
                key={index}
                row={row}
                id={ids[index] ?? String(index + 1)}
                isFirst={index === 0}
                canMerge={canMergeWithNext(rows, index)}
                editing={editing?.index === index ? editing.draft : null}
                editorRef={editorRef}
                onDraftChange={(draft) => setEditing({ index, draft })}
                onKind={(kind) => apply((current) => setKind(current, index, kind))}
                onTrackable={(value) => apply((current) => setTrackable(current, index, value))}
                onEdit={() => startEdit(index)}
                onFinishEdit={finishEdit}
                onCancelEdit={() => {
                  setEditing(null);
                  setRowMessage(null);
                }}
                onMerge={() => apply((current) => mergeWithNext(current, index))}
                onSplit={() => split(index)}
                onRemove={() => apply((current) => removeRow(current, index))}
              />
            ))}
          </ol>
        )}
      </div>
      <footer className="pi-footer">
        {props.saveError ? (
          <p className="pi-error" role="alert">
            {props.saveError}
          </p>
        ) : null}
        <div className="pi-actions">
          <label className="pi-check pi-activate">
            <input type="checkbox" checked={props.activate} onChange={(e) => props.onActivateChange(e.target.checked)} />
            Đặt làm kế hoạch đang dùng
          </label>
          <button type="button" className="pi-button" onClick={props.onBack} disabled={props.saving}>
            Quay lại
          </button>
          <button type="button" className="pi-button" onClick={props.onCancel} disabled={props.saving}>
            Hủy
          </button>
          <button
            type="button"
            className="pi-button pi-button-primary"
            onClick={() => {
              // A text still open in its editor is part of what the officer means to save.
              const current = withDraft();
              if (current !== rows) props.onRowsChange(current);
              setEditing(null);
              props.onSave(current);
            }}
            disabled={props.saving}
          >
            {props.saving ? 'Đang lưu…' : 'Lưu kế hoạch'}
          </button>
        </div>
      </footer>
    </>
  );
}

function HeaderField(props: { label: string; value: string; onChange: (value: string) => void; multiline?: boolean; wide?: boolean }) {
  const id = useId();
  return (
    <div className={props.wide ? 'pi-field pi-field-wide' : 'pi-field'}>
      <label htmlFor={id}>{props.label}</label>
      {props.multiline ? (
        <textarea id={id} rows={Math.min(4, Math.max(1, props.value.split('\n').length))} value={props.value} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input id={id} type="text" value={props.value} onChange={(e) => props.onChange(e.target.value)} />
      )}
    </div>
  );
}

interface OutlineRowViewProps {
  row: OutlineRow;
  id: string;
  isFirst: boolean;
  canMerge: boolean;
  /** The draft text while this row is being edited, else null. */
  editing: string | null;
  editorRef: React.RefObject<HTMLTextAreaElement | null>;
  onDraftChange: (draft: string) => void;
  onKind: (kind: PlanNodeKind) => void;
  onTrackable: (trackable: boolean) => void;
  onEdit: () => void;
  onFinishEdit: () => void;
  onCancelEdit: () => void;
  onMerge: () => void;
  onSplit: () => void;
  onRemove: () => void;
}

function OutlineRowView({
  row,
  id,
  isFirst,
  canMerge,
  editing: draft,
  editorRef,
  onDraftChange,
  onKind,
  onTrackable,
  onEdit,
  onFinishEdit,
  onCancelEdit,
  onMerge,
  onSplit,
  onRemove,
}: OutlineRowViewProps) {
  const editing = draft !== null;
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(editing);
  // Leaving the editor removes the focused textarea: put focus back on "Sửa" unless the
  // officer already moved it elsewhere.
  useEffect(() => {
    if (wasEditing.current && !editing) {
      const active = document.activeElement;
      if (!active || active === document.body) editButtonRef.current?.focus();
    }
    wasEditing.current = editing;
  }, [editing]);
  return (
    <li className={`pi-row pi-row-${row.kind}`} aria-label={`${id} ${KIND_NAMES[row.kind]}`}>
      <span className="pi-row-id">{id}</span>
      <div className="pi-row-main">
        {editing ? (
          <>
            <textarea
              ref={editorRef}
              className="pi-row-editor"
              aria-label={`Nội dung ${id}`}
              value={draft ?? ''}
              onChange={(e) => onDraftChange(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  // Esc leaves the editor, not the dialog (the dialog ignores a handled Esc).
                  e.preventDefault();
                  onCancelEdit();
                }
              }}
              rows={Math.min(6, Math.max(2, Math.ceil((draft ?? '').length / 110)))}
              autoFocus
            />
            <div className="pi-row-edit-actions">
              <button type="button" className="pi-button pi-button-small pi-button-primary" onClick={onFinishEdit}>
                Xong
              </button>
              <button type="button" className="pi-button pi-button-small" onClick={onCancelEdit}>
                Hủy sửa
              </button>
            </div>
          </>
        ) : (
          <p className="pi-row-text">
            {row.label && row.kind !== 'item' ? <span className="pi-row-label">{row.label}. </span> : null}
            {row.text}
          </p>
        )}
      </div>
      <div className="pi-row-controls">
        <select
          aria-label={`Cấp của ${id}`}
          value={row.kind}
          onChange={(e) => onKind(e.target.value as PlanNodeKind)}
          // The first row is always a section: there is nothing above it to nest under.
          disabled={isFirst}
          title={isFirst ? 'Dòng đầu tiên luôn là một phần' : undefined}
        >
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_NAMES[kind]}
            </option>
          ))}
        </select>
        <label className="pi-check">
          <input
            type="checkbox"
            aria-label={`Theo dõi ${id}`}
            checked={row.trackable}
            onChange={(e) => onTrackable(e.target.checked)}
          />
          <span aria-hidden="true">Theo dõi</span>
        </label>
        {editing ? (
          // Keeps the controls in place while "Sửa" is replaced by the editor's own buttons.
          <span aria-hidden="true" />
        ) : (
          <button
            ref={editButtonRef}
            type="button"
            className="pi-button pi-button-small"
            aria-label={`Sửa ${id}`}
            onClick={onEdit}
          >
            Sửa
          </button>
        )}
        <button
          type="button"
          className="pi-button pi-button-small"
          aria-label={`Gộp với dòng dưới ${id}`}
          onClick={onMerge}
          disabled={!canMerge}
        >
          Gộp với dòng dưới
        </button>
        <button type="button" className="pi-button pi-button-small" aria-label={`Tách tại con trỏ ${id}`} onClick={onSplit}>
          Tách tại con trỏ
        </button>
        <button type="button" className="pi-button pi-button-small pi-button-danger" aria-label={`Xóa dòng ${id}`} onClick={onRemove}>
          Xóa dòng
        </button>
      </div>
    </li>
  );
}
