/**
 * "Thêm kế hoạch": an officer pastes a plan's text or chooses a .docx (step 1), checks and
 * corrects the parsed tree as an outline (step 2), then saves it as a new plan.
 *
 * The dialog owns only what the screen is doing (text, the outline being edited); nothing is
 * stored until "Lưu kế hoạch", which calls the single `addPlan` operation. The parent is
 * expected to close the dialog from `onSaved`.
 */
import { useCallback, useId, useState } from 'react';
import { parsePlan } from '@domain/plan-parser';
import { buildTree, countOutline, flattenPlan, normalizeOutline, type OutlineRow } from '@domain/plan-edit';
import type { ParsedPlan, PlanHeader } from '@domain/plan-types';
import { OperationError } from '@db/errors';
import { addPlan } from '@db/plan-ops';
import { ContentStep } from './ContentStep';
import { PreviewStep } from './PreviewStep';
import { ConfirmDialog } from '@ui/ConfirmDialog';
import { Modal } from '@ui/Modal';
import './plan-import.css';
import { officerMessage } from '@domain/officer-message';

/** How many outline edits "Hoàn tác" can take back. */
const HISTORY_LIMIT = 200;

export interface PlanImportDialogProps {
  open: boolean;
  onClose: () => void;
  onSaved: (planId: string) => void;
}

export function PlanImportDialog(props: PlanImportDialogProps) {
  // Mounted only while open, so every opening starts from a clean state.
  return props.open ? <OpenPlanImportDialog onClose={props.onClose} onSaved={props.onSaved} /> : null;
}

/** The header fields the officer can correct in the preview. */
export interface HeaderDraft {
  issuingBody: string;
  number: string;
  title: string;
  placeAndDate: string;
  /** One document per line. */
  implements: string;
}

function headerDraftOf(header: PlanHeader): HeaderDraft {
  return {
    issuingBody: header.issuingBody ?? '',
    number: header.number ?? '',
    title: header.title ?? '',
    placeAndDate: header.placeAndDate ?? '',
    implements: header.implements.join('\n'),
  };
}

function headerFromDraft(base: PlanHeader, draft: HeaderDraft): PlanHeader {
  const orNull = (s: string): string | null => s.normalize('NFC').trim() || null;
  return {
    ...base,
    issuingBody: orNull(draft.issuingBody),
    number: orNull(draft.number),
    title: orNull(draft.title),
    placeAndDate: orNull(draft.placeAndDate),
    implements: draft.implements
      .split('\n')
      .map((line) => line.normalize('NFC').trim())
      .filter(Boolean),
  };
}

interface Preview {
  /** The text it was parsed from: analysing the same text again keeps the officer's edits. */
  text: string;
  parsed: ParsedPlan;
  rows: OutlineRow[];
  /** Earlier outlines, for "Hoàn tác" (the last is the one before the current). */
  past: OutlineRow[][];
  /** Outlines undone, for "Làm lại" (the last is the next to redo). */
  future: OutlineRow[][];
  header: HeaderDraft;
  edited: boolean;
}

function OpenPlanImportDialog({ onClose, onSaved }: Omit<PlanImportDialogProps, 'open'>) {
  const titleId = useId();

  const [step, setStep] = useState<1 | 2>(1);
  const [text, setText] = useState('');
  const [source, setSource] = useState<{ kind: 'paste' } | { kind: 'docx'; fileName: string }>({ kind: 'paste' });
  const [preview, setPreview] = useState<Preview | null>(null);
  const [activate, setActivate] = useState(true);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [confirmingClose, setConfirmingClose] = useState(false);

  const hasUnsaved = text.trim() !== '' || (preview?.edited ?? false);

  const requestClose = useCallback(() => {
    if (saving) return;
    if (hasUnsaved) setConfirmingClose(true);
    else onClose();
  }, [hasUnsaved, onClose, saving]);

  const analyse = () => {
    if (!text.trim()) return;
    if (!preview || preview.text !== text) {
      const parsed = parsePlan(text);
      setPreview({
        text,
        parsed,
        rows: normalizeOutline(flattenPlan(parsed.sections)),
        past: [],
        future: [],
        header: headerDraftOf(parsed.header),
        edited: false,
      });
    }
    setSaveError(null);
    setStep(2);
  };

  // Every outline edit can be undone and redone; a new edit forgets what was undone.
  const changeRows = (next: OutlineRow[]) => {
    setPreview((p) => {
      if (!p || next === p.rows) return p;
      return { ...p, rows: normalizeOutline(next), past: [...p.past, p.rows].slice(-HISTORY_LIMIT), future: [], edited: true };
    });
    setSaveError(null);
  };

  const undo = () => {
    setPreview((p) => {
      const previous = p?.past[p.past.length - 1];
      if (!p || !previous) return p;
      return { ...p, rows: previous, past: p.past.slice(0, -1), future: [...p.future, p.rows] };
    });
  };

  const redo = () => {
    setPreview((p) => {
      const next = p?.future[p.future.length - 1];
      if (!p || !next) return p;
      return { ...p, rows: next, past: [...p.past, p.rows], future: p.future.slice(0, -1) };
    });
  };

  const changeHeader = (header: HeaderDraft) => {
    setPreview((p) => (p ? { ...p, header, edited: true } : p));
  };

  const save = async (rows: OutlineRow[]) => {
    if (!preview || saving) return;
    if (countOutline(rows).trackable === 0) {
      setSaveError(
        'Chưa lưu được: kế hoạch chưa có mục nào được đánh dấu “Theo dõi”. Hãy đánh dấu ít nhất một mục cần theo dõi rồi lưu lại.',
      );
      return;
    }
    const plan: ParsedPlan = {
      ...preview.parsed,
      header: headerFromDraft(preview.parsed.header, preview.header),
      sections: buildTree(rows),
    };
    setSaving(true);
    setSaveError(null);
    try {
      const planId = await addPlan({
        plan,
        source: source.kind,
        ...(source.kind === 'docx' ? { fileName: source.fileName } : {}),
        activate,
      });
      onSaved(planId);
    } catch (error) {
      setSaveError(
        error instanceof OperationError
          ? `Không lưu được kế hoạch: ${error.message}`
          : `Không lưu được kế hoạch. ${officerMessage(error)}`,
      );
      setSaving(false);
    }
  };

  return (
    <Modal labelledBy={titleId} onClose={requestClose} className="pi-dialog" backdropClassName="pi-backdrop" busy={saving}>
      <div className="pi-layer">
        <header className="pi-header">
          <h2 id={titleId} className="pi-title">
            Thêm kế hoạch
          </h2>
          <ol className="pi-steps" aria-label="Các bước">
            <li aria-current={step === 1 ? 'step' : undefined}>1. Nội dung</li>
            <li aria-current={step === 2 ? 'step' : undefined}>2. Xem trước và chỉnh sửa</li>
          </ol>
        </header>
        {step === 1 ? (
          <ContentStep
            text={text}
            onTextChange={(value) => {
              setText(value);
              if (!value.trim()) setSource({ kind: 'paste' });
            }}
            onFileRead={(fileName, fileText) => {
              setText(fileText);
              setSource({ kind: 'docx', fileName });
            }}
            sourceFileName={source.kind === 'docx' ? source.fileName : null}
            onAnalyse={analyse}
            onCancel={requestClose}
          />
        ) : preview ? (
          <PreviewStep
            preview={preview}
            onRowsChange={changeRows}
            onUndo={preview.past.length > 0 ? undo : null}
            onRedo={preview.future.length > 0 ? redo : null}
            onHeaderChange={changeHeader}
            activate={activate}
            onActivateChange={setActivate}
            saving={saving}
            saveError={saveError}
            onBack={() => setStep(1)}
            onCancel={requestClose}
            onSave={(rows) => void save(rows)}
          />
        ) : null}
      </div>
      {confirmingClose ? (
        <ConfirmDialog
          title="Đóng mà không lưu?"
          message="Nội dung và các chỉnh sửa của kế hoạch này chưa được lưu sẽ bị bỏ."
          confirmLabel="Bỏ và đóng"
          cancelLabel="Tiếp tục chỉnh sửa"
          onConfirm={onClose}
          onCancel={() => setConfirmingClose(false)}
        />
      ) : null}
    </Modal>
  );
}
