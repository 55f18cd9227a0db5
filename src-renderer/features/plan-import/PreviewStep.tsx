/**
 * Step 2 of "Thêm kế hoạch": the header and the outline found by the parser, which the officer
 * corrects (level, tracked or not, text and attributes, merge, split, remove) before saving.
 *
 * Each row keeps the name it was parsed with while the officer edits (plan-edit.ts), so nothing
 * renumbers under the cursor; the ids are computed when the plan is saved. Every correction has
 * a key on the focused row (listed on screen), and every edit can be undone and redone.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { formatAttributeLines, parseAttributeLines } from '@domain/plan-attributes';
import {
  blockTracking,
  canMergeWithNext,
  canSplitRow,
  changeLevel,
  countOutline,
  isBlockRow,
  KIND_ORDER,
  mergeWithNext,
  removeRow,
  setAttributes,
  setBlockTracking,
  setKind,
  setText,
  setTrackable,
  splitRow,
  type OutlineRow,
} from '@domain/plan-edit';
import { labelledText } from '@domain/plan-tree';
import { TRACKING_RULE } from '@domain/plan-tracking';
import type { ParsedPlan, PlanNodeKind } from '@domain/plan-types';
import type { HeaderDraft } from './PlanImportDialog';

export interface PreviewStepProps {
  preview: { parsed: ParsedPlan; rows: OutlineRow[]; header: HeaderDraft };
  onRowsChange: (rows: OutlineRow[]) => void;
  /** Undo / redo the last outline edit, or null when there is none. */
  onUndo: (() => void) | null;
  onRedo: (() => void) | null;
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
  part: 'Phần thứ…',
  section: 'Phần',
  group: 'Nhóm nhiệm vụ',
  item: 'Mục',
  subitem: 'Mục con',
};

/** The shortcuts of a focused row, as the screen lists them. */
const SHORTCUTS: readonly [string, string][] = [
  ['↑ ↓', 'chuyển dòng'],
  ['Alt+Shift+←', 'nâng cấp'],
  ['Alt+Shift+→', 'hạ cấp'],
  ['T', 'theo dõi / bỏ theo dõi'],
  ['G', 'gộp với dòng dưới'],
  ['Enter', 'sửa nội dung, thuộc tính'],
  ['Delete', 'xóa dòng'],
  ['Ctrl+Z', 'hoàn tác'],
  ['Ctrl+Y', 'làm lại'],
];

interface Editing {
  name: string;
  draft: string;
  /** The attributes as lines "Tên: giá trị". */
  attributes: string;
}

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('textarea, input:not([type="checkbox"]), select') !== null;
}

function countsText(counts: ReturnType<typeof countOutline>): string {
  const parts = counts.parts > 0 ? `${counts.parts} phần “Phần thứ…”, ` : '';
  return `${parts}${counts.sections} phần, ${counts.groups} nhóm, ${counts.trackable} mục theo dõi`;
}

export function PreviewStep(props: PreviewStepProps) {
  const rows = props.preview.rows;
  const stepTitleRef = useRef<HTMLHeadingElement>(null);
  const outlineTitleId = useId();
  const keysId = useId();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [rowMessage, setRowMessage] = useState<{ text: string; alert: boolean } | null>(null);
  const [activeName, setActiveName] = useState<string | null>(rows[0]?.name ?? null);
  const editorRef = useRef<HTMLTextAreaElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  /** The row to put focus on once the outline has re-rendered after a keyboard edit. */
  const focusAfter = useRef<string | null>(null);
  const counts = useMemo(() => countOutline(rows), [rows]);
  const indexOf = (name: string): number => rows.findIndex((r) => r.name === name);

  // Arriving at this step, start reading from its title.
  useEffect(() => stepTitleRef.current?.focus(), []);

  useEffect(() => {
    const name = focusAfter.current;
    if (name === null) return;
    focusAfter.current = null;
    listRef.current?.querySelector<HTMLElement>(`li[data-row="${CSS.escape(name)}"]`)?.focus();
  });

  // Ctrl+Z / Ctrl+Y anywhere in the step, except in a text field (which has its own undo).
  const { onUndo, onRedo } = props;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTextField(event.target)) return;
      const key = event.key.toLowerCase();
      const redo = key === 'y' || (key === 'z' && event.shiftKey);
      const run = redo ? onRedo : key === 'z' ? onUndo : null;
      if (!run) return;
      event.preventDefault();
      if (document.activeElement instanceof HTMLElement && listRef.current?.contains(document.activeElement)) {
        focusAfter.current = document.activeElement.closest('li')?.dataset.row ?? null;
      }
      setEditing(null);
      setRowMessage({ text: redo ? 'Đã làm lại.' : 'Đã hoàn tác.', alert: false });
      run();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onUndo, onRedo]);

  /** The rows with the text and attributes being edited written back; null when those are not valid. */
  const withDraft = (): OutlineRow[] | null => {
    if (!editing) return rows;
    const index = indexOf(editing.name);
    if (index === -1) return rows;
    const { attributes, badLines } = parseAttributeLines(editing.attributes);
    if (badLines.length > 0) {
      setRowMessage({
        text: `Thuộc tính của ${editing.name}, dòng ${badLines.join(', ')}: hãy viết theo dạng “Tên: giá trị”, ví dụ “Thời gian thực hiện: Quý I/2025”.`,
        alert: true,
      });
      return null;
    }
    return setAttributes(setText(rows, index, editing.draft), index, attributes);
  };

  /** Show `next` (one step for "Hoàn tác"), with a message, focus back on row `focus` when given. */
  const commit = (next: OutlineRow[], message: string | null = null, focus: string | null = null) => {
    setRowMessage(message ? { text: message, alert: false } : null);
    setEditing(null);
    if (focus) {
      focusAfter.current = focus;
      setActiveName(focus);
    }
    if (next !== rows) props.onRowsChange(next);
  };

  /**
   * Run an edit on the outline with the open editor's text written back first (so that the edit
   * and the typed text are one step), or nothing when that text cannot be taken.
   */
  const edit = (change: (current: OutlineRow[], index: number) => { rows: OutlineRow[]; message?: string; focus?: string | null } | null, name: string) => {
    const current = withDraft();
    if (!current) return;
    const result = change(current, current.findIndex((r) => r.name === name));
    if (result) commit(result.rows, result.message ?? null, result.focus ?? null);
    else if (current !== rows) props.onRowsChange(current);
  };

  const refuse = (text: string) => setRowMessage({ text, alert: true });

  const startEdit = (name: string) => {
    const current = withDraft();
    if (!current) return;
    setRowMessage(null);
    if (current !== rows) props.onRowsChange(current);
    const row = current.find((r) => r.name === name);
    setEditing({ name, draft: row?.text ?? '', attributes: formatAttributeLines(row?.attributes) });
  };

  const finishEdit = () => {
    if (!editing) return;
    if (!editing.draft.trim()) {
      refuse('Nội dung dòng không được để trống. Muốn bỏ dòng này, hãy bấm “Xóa dòng”.');
      return;
    }
    edit((current) => ({ rows: current, focus: editing.name }), editing.name);
  };

  const split = (name: string) => {
    if (!editing || editing.name !== name || !editorRef.current) {
      startEdit(name);
      setRowMessage({ text: `Đặt con trỏ vào chỗ cần tách trong nội dung ${name} rồi bấm “Tách tại con trỏ”.`, alert: false });
      return;
    }
    // The row stores NFC text: convert the caret position in the draft to a position in NFC.
    const offset = editing.draft.slice(0, editorRef.current.selectionStart).normalize('NFC').length;
    const current = withDraft();
    if (!current) return;
    const index = current.findIndex((r) => r.name === name);
    if (!canSplitRow(current, index, offset)) {
      refuse('Không tách được: hãy đặt con trỏ ở giữa nội dung, sao cho cả hai phần đều có chữ.');
      editorRef.current.focus();
      return;
    }
    commit(splitRow(current, index, offset));
  };

  const toggleTracking = (name: string, focus: boolean) =>
    edit((current, index) => {
      const row = current[index];
      if (!row) return null;
      const next = setTrackable(current, index, !row.trackable);
      const others = next.filter((r, i) => i !== index && r.trackable !== current[i]!.trackable).length;
      const message = row.trackable
        ? `Đã bỏ theo dõi ${name}.`
        : others > 0
          ? `Đã theo dõi ${name}; bỏ theo dõi ${others} dòng ở trên hoặc dưới nó (một việc chỉ theo dõi ở một cấp).`
          : `Đã theo dõi ${name}.`;
      return { rows: next, message, focus: focus ? name : null };
    }, name);

  const merge = (name: string, focus: boolean) =>
    edit((current, index) => {
      const below = current[index + 1];
      if (!canMergeWithNext(current, index)) {
        refuse(
          below
            ? `Không gộp được ${name} với dòng dưới: ${below.name} là đầu dòng của ${KIND_NAMES[below.kind].toLowerCase()} khác.`
            : `Không gộp được: ${name} là dòng cuối.`,
        );
        return null;
      }
      return { rows: mergeWithNext(current, index), message: `Đã gộp ${below!.name} vào ${name}.`, focus: focus ? name : null };
    }, name);

  const remove = (name: string, focus: boolean) =>
    edit((current, index) => {
      const neighbour = current[index + 1]?.name ?? current[index - 1]?.name ?? null;
      return { rows: removeRow(current, index), message: `Đã xóa dòng ${name}. Bấm Ctrl+Z để hoàn tác.`, focus: focus ? neighbour : null };
    }, name);

  const level = (name: string, step: -1 | 1) =>
    edit((current, index) => {
      const next = changeLevel(current, index, step);
      if (next === current) {
        refuse(index === 0 ? 'Dòng đầu tiên luôn là một phần.' : `${name} đã ở cấp ${step < 0 ? 'cao' : 'thấp'} nhất.`);
        return null;
      }
      return { rows: next, message: `${name}: ${KIND_NAMES[next[index]!.kind]}.`, focus: name };
    }, name);

  const blockTrack = (name: string) =>
    edit((current, index) => {
      const on = blockTracking(current, index) !== 'all';
      const next = setBlockTracking(current, index, on);
      const count = next.filter((r, i) => r.trackable && !current[i]!.trackable).length;
      return { rows: next, message: on ? `Đã theo dõi ${count} mục của phần ${name}.` : `Đã bỏ theo dõi cả phần ${name}.` };
    }, name);

  const focusRow = (index: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (!row) return;
    setActiveName(row.name);
    listRef.current?.querySelector<HTMLElement>(`li[data-row="${CSS.escape(row.name)}"]`)?.focus();
  };

  const onRowKeyDown = (event: ReactKeyboardEvent<HTMLLIElement>, name: string) => {
    if (event.defaultPrevented || isTextField(event.target)) return;
    const onRow = event.target === event.currentTarget;
    const index = indexOf(name);
    const key = event.key;
    const handled = (): void => event.preventDefault();
    if (event.altKey && event.shiftKey && (key === 'ArrowLeft' || key === 'ArrowRight')) {
      handled();
      level(name, key === 'ArrowLeft' ? -1 : 1);
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      handled();
      focusRow(index + (key === 'ArrowDown' ? 1 : -1));
    } else if (key === 'Home' || key === 'End') {
      handled();
      focusRow(key === 'Home' ? 0 : rows.length - 1);
    } else if (key === 't' || key === 'T') {
      handled();
      toggleTracking(name, true);
    } else if (key === 'g' || key === 'G') {
      handled();
      merge(name, true);
    } else if ((key === 'Enter' && onRow) || key === 'F2') {
      handled();
      startEdit(name);
    } else if (key === 'Delete') {
      handled();
      remove(name, true);
    }
  };

  const header = props.preview.header;
  const setHeader = (patch: Partial<HeaderDraft>) => props.onHeaderChange({ ...header, ...patch });
  const warnings = props.preview.parsed.warnings;
  const tabStop = rows.some((r) => r.name === activeName) ? activeName : (rows[0]?.name ?? null);

  return (
    <>
      {/* Outside the scrolling body: the counts, undo and row messages stay in view. */}
      <div className="pi-toolbar">
        <h3 className="pi-step-title" tabIndex={-1} ref={stepTitleRef}>
          Bước 2: Xem trước và chỉnh sửa
        </h3>
        <p className="pi-counts" role="status">
          {countsText(counts)}
        </p>
        <button type="button" className="pi-button pi-button-small" onClick={props.onUndo ?? undefined} disabled={!props.onUndo} aria-keyshortcuts="Control+Z">
          Hoàn tác
        </button>
        <button type="button" className="pi-button pi-button-small" onClick={props.onRedo ?? undefined} disabled={!props.onRedo} aria-keyshortcuts="Control+Y">
          Làm lại
        </button>
        {rowMessage ? (
          <p className={rowMessage.alert ? 'pi-error pi-toolbar-message' : 'pi-note pi-toolbar-message'} role={rowMessage.alert ? 'alert' : 'status'}>
            {rowMessage.text}
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
        <div className="pi-guide">
          <p>
            <strong>Quy tắc theo dõi.</strong> {TRACKING_RULE} Nút “Theo dõi cả phần” ở mỗi phần áp dụng quy tắc này cho phần đó
            bằng một lần bấm. Mã ở đầu mỗi dòng là mã lúc phân tích; khi lưu, mã được đánh lại theo vị trí.
          </p>
          <p id={keysId}>
            <strong>Phím tắt</strong> (khi đang chọn một dòng):{' '}
            {SHORTCUTS.map(([keys, what], i) => (
              <span key={keys} className="pi-shortcut">
                <kbd>{keys}</kbd> {what}
                {i < SHORTCUTS.length - 1 ? ' · ' : '.'}
              </span>
            ))}
          </p>
        </div>
        {rows.length === 0 ? (
          <p className="pi-error" role="alert">
            Không tìm thấy phần nào (I, II, III…) trong nội dung. Hãy quay lại và kiểm tra nội dung đã dán.
          </p>
        ) : (
          <ol className="pi-outline" aria-labelledby={outlineTitleId} ref={listRef}>
            {rows.map((row, index) => (
              <OutlineRowView
                key={row.name}
                row={row}
                isFirst={index === 0}
                tabStop={row.name === tabStop}
                keysId={keysId}
                canMerge={canMergeWithNext(rows, index)}
                block={isBlockRow(rows, index) ? blockTracking(rows, index) : null}
                editing={editing?.name === row.name ? editing : null}
                editorRef={editorRef}
                onFocusRow={() => setActiveName(row.name)}
                onKeyDown={(event) => onRowKeyDown(event, row.name)}
                onDraftChange={(draft) => setEditing((e) => (e ? { ...e, draft } : e))}
                onAttributesChange={(attributes) => setEditing((e) => (e ? { ...e, attributes } : e))}
                onKind={(kind) => edit((current, i) => ({ rows: setKind(current, i, kind) }), row.name)}
                onTrackable={() => toggleTracking(row.name, false)}
                onBlockTracking={() => blockTrack(row.name)}
                onEdit={() => startEdit(row.name)}
                onFinishEdit={finishEdit}
                onCancelEdit={() => {
                  setEditing(null);
                  setRowMessage(null);
                  focusAfter.current = row.name;
                }}
                onMerge={() => merge(row.name, false)}
                onSplit={() => split(row.name)}
                onRemove={() => remove(row.name, false)}
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
              if (!current) return;
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
  isFirst: boolean;
  /** The row Tab stops at in the outline (one row at a time; arrows move between rows). */
  tabStop: boolean;
  keysId: string;
  canMerge: boolean;
  /** For a part or section row: how much of it is tracked; else null. */
  block: 'all' | 'none' | 'some' | null;
  /** The drafts while this row is being edited, else null. */
  editing: Editing | null;
  editorRef: React.RefObject<HTMLTextAreaElement | null>;
  onFocusRow: () => void;
  onKeyDown: (event: ReactKeyboardEvent<HTMLLIElement>) => void;
  onDraftChange: (draft: string) => void;
  onAttributesChange: (attributes: string) => void;
  onKind: (kind: PlanNodeKind) => void;
  onTrackable: () => void;
  onBlockTracking: () => void;
  onEdit: () => void;
  onFinishEdit: () => void;
  onCancelEdit: () => void;
  onMerge: () => void;
  onSplit: () => void;
  onRemove: () => void;
}

function OutlineRowView({
  row,
  isFirst,
  tabStop,
  keysId,
  canMerge,
  block,
  editing,
  editorRef,
  onFocusRow,
  onKeyDown,
  onDraftChange,
  onAttributesChange,
  onKind,
  onTrackable,
  onBlockTracking,
  onEdit,
  onFinishEdit,
  onCancelEdit,
  onMerge,
  onSplit,
  onRemove,
}: OutlineRowViewProps) {
  const name = row.name;
  const attributesHintId = useId();
  // The printed label with its separator ("III. ", "a) ", "Phần thứ hai – "), as the checklist shows it.
  const label = labelledText(row).slice(0, -row.text.length || undefined).trimEnd();
  // Esc leaves the editor, not the dialog (the dialog ignores a handled Esc); Ctrl+Enter is "Xong".
  const editorKeys = (e: ReactKeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancelEdit();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onFinishEdit();
    }
  };
  return (
    <li
      className={`pi-row pi-row-${row.kind}`}
      aria-label={`${name} ${KIND_NAMES[row.kind]}`}
      aria-describedby={keysId}
      data-row={name}
      tabIndex={tabStop ? 0 : -1}
      onFocus={onFocusRow}
      onKeyDown={onKeyDown}
    >
      <span className="pi-row-id">{name}</span>
      <div className="pi-row-main">
        {editing ? (
          <>
            <textarea
              ref={editorRef}
              className="pi-row-editor"
              aria-label={`Nội dung ${name}`}
              value={editing.draft}
              onChange={(e) => onDraftChange(e.target.value)}
              onKeyDown={editorKeys}
              rows={Math.min(6, Math.max(2, Math.ceil(editing.draft.length / 110)))}
              autoFocus
            />
            <textarea
              className="pi-row-editor pi-row-attributes-editor"
              aria-label={`Thuộc tính ${name}`}
              aria-describedby={attributesHintId}
              placeholder="Thời gian thực hiện: Quý I/2025"
              value={editing.attributes}
              onChange={(e) => onAttributesChange(e.target.value)}
              onKeyDown={editorKeys}
              rows={Math.min(5, Math.max(1, editing.attributes.split('\n').length))}
            />
            <p id={attributesHintId} className="pi-hint pi-row-hint">
              Thuộc tính: mỗi dòng một thuộc tính, dạng “Tên: giá trị” (Thời gian thực hiện, Đơn vị chủ trì, Phối hợp, Chỉ tiêu…). Ctrl+Enter
              để xong.
            </p>
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
          <>
            <p className={label ? 'pi-row-text pi-row-labelled' : 'pi-row-text'}>
              {label ? <span className="pi-row-label">{label} </span> : null}
              {row.text}
            </p>
            {row.attributes && row.attributes.length > 0 ? (
              <ul className="pi-row-attributes" aria-label={`Thuộc tính ${name}`}>
                {row.attributes.map((a, i) => (
                  <li key={i}>
                    <span className="pi-attribute-name">{a.name}:</span> {a.value}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        )}
      </div>
      <div className="pi-row-controls">
        <select
          aria-label={`Cấp của ${name}`}
          value={row.kind}
          onChange={(e) => onKind(e.target.value as PlanNodeKind)}
          // The first row is always a part or section: there is nothing above it to nest under.
          title={isFirst ? 'Dòng đầu tiên luôn là một phần' : undefined}
        >
          {KIND_ORDER.map((kind) => (
            <option key={kind} value={kind} disabled={isFirst && kind !== 'part' && kind !== 'section'}>
              {KIND_NAMES[kind]}
            </option>
          ))}
        </select>
        <label className="pi-check">
          <input type="checkbox" aria-label={`Theo dõi ${name}`} checked={row.trackable} onChange={onTrackable} aria-keyshortcuts="T" />
          <span aria-hidden="true">Theo dõi</span>
        </label>
        {editing ? (
          // Keeps the controls in place while "Sửa" is replaced by the editor's own buttons.
          <span aria-hidden="true" />
        ) : (
          <button type="button" className="pi-button pi-button-small" aria-label={`Sửa ${name}`} onClick={onEdit} aria-keyshortcuts="Enter">
            Sửa
          </button>
        )}
        <button
          type="button"
          className="pi-button pi-button-small"
          aria-label={`Gộp với dòng dưới ${name}`}
          onClick={onMerge}
          disabled={!canMerge}
          aria-keyshortcuts="G"
        >
          Gộp với dòng dưới
        </button>
        <button type="button" className="pi-button pi-button-small" aria-label={`Tách tại con trỏ ${name}`} onClick={onSplit}>
          Tách tại con trỏ
        </button>
        <button type="button" className="pi-button pi-button-small pi-button-danger" aria-label={`Xóa dòng ${name}`} onClick={onRemove} aria-keyshortcuts="Delete">
          Xóa dòng
        </button>
        {block !== null ? (
          <button
            type="button"
            className="pi-button pi-button-small pi-block-tracking"
            aria-label={`${block === 'all' ? 'Bỏ theo dõi cả phần' : 'Theo dõi cả phần'} ${name}`}
            onClick={onBlockTracking}
          >
            {block === 'all' ? 'Bỏ theo dõi cả phần' : 'Theo dõi cả phần'}
          </button>
        ) : null}
      </div>
    </li>
  );
}
