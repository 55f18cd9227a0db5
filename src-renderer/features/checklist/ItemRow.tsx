/**
 * One trackable item: its id and text, and for the selected unit and period its status, note
 * (Đánh giá) and evidence (Minh chứng), saved through setItemStatus: the status on change,
 * the texts as they are typed (after a short pause, at once on blur, and before the window
 * closes: use-autosave.ts).
 */
import { memo, useId, useState } from 'react';
import {
  ITEM_STATUS_LABELS,
  ITEM_STATUS_VALUES,
  MAX_NOTE_CHARS,
  OperationError,
  setItemStatus,
  type ItemStatusRecord,
  type ItemStatusValue,
} from '@db';
import type { PlanNode } from '@domain/plan-types';
import { officerMessage } from '@domain/officer-message';
import { Highlight } from '@ui/Highlight';
import { ItemAttributes, ItemLabel } from './ItemAttributes';
import { ItemActivities } from './ItemActivities';
import { useAutosave } from './use-autosave';
import type { ItemActivity } from './item-activities';
import { Problem } from '@ui/notice';

interface Props {
  node: PlanNode;
  planId: string;
  unitCode: string;
  periodKey: string;
  record: ItemStatusRecord | undefined;
  /** Activities logged for this item in the period (the unit's). */
  activities: readonly ItemActivity[];
  query: string;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

export const ItemRow = memo(function ItemRow({ node, planId, unitCode, periodKey, record, activities, query }: Props) {
  const ids = { title: useId(), status: useId(), note: useId(), evidence: useId(), attributes: useId() };
  const status: ItemStatusValue = record?.status ?? 'chua';
  const [note, setNote] = useState(record?.note ?? '');
  const [evidence, setEvidence] = useState(record?.evidence ?? '');
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });

  // A save from elsewhere (another window) replaces the texts the officer is not editing.
  const [seen, setSeen] = useState(record);
  if (record?.updatedAt !== seen?.updatedAt) {
    setSeen(record);
    if (note === (seen?.note ?? '')) setNote(record?.note ?? '');
    if (evidence === (seen?.evidence ?? '')) setEvidence(record?.evidence ?? '');
  }

  async function persist(next: { status?: ItemStatusValue; note?: string; evidence?: string }) {
    setSave({ kind: 'saving' });
    try {
      await setItemStatus({
        planId,
        unitCode,
        periodKey,
        itemId: node.id,
        status: next.status ?? status,
        note: next.note ?? note,
        evidence: next.evidence ?? evidence,
      });
      setSave({ kind: 'saved' });
    } catch (error) {
      const message = error instanceof OperationError ? error.message : `Không lưu được. ${officerMessage(error)}`;
      setSave({ kind: 'error', message });
    }
  }

  const textChanged = (value: string, stored: string | undefined) => value !== (stored ?? '');
  const texts = useAutosave(async () => {
    if (textChanged(note, record?.note) || textChanged(evidence, record?.evidence)) await persist({ note, evidence });
  });

  /** A text of the item, saved a moment after typing stops and at once when left. */
  const textControl = (id: string, label: string, value: string, setValue: (v: string) => void) => (
    <div className="control control-text">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={1}
        maxLength={MAX_NOTE_CHARS}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          texts.schedule();
        }}
        onBlur={() => void texts.flush()}
      />
    </div>
  );

  return (
    <li
      className={`item-row status-${status}`}
      role="group"
      aria-labelledby={ids.title}
      aria-describedby={node.attributes && node.attributes.length > 0 ? ids.attributes : undefined}
    >
      <div className="item-head" id={ids.title}>
        <span className="item-id">{node.id}</span> <ItemLabel node={node} />
        <span className="item-text"><Highlight text={node.text} query={query} /></span>
      </div>
      <ItemAttributes node={node} id={ids.attributes} />
      <div className="item-controls">
        <div className="control control-status">
          <label htmlFor={ids.status}>Trạng thái</label>
          <select id={ids.status} value={status} onChange={(e) => void persist({ status: e.target.value as ItemStatusValue })}>
            {ITEM_STATUS_VALUES.map((s) => (
              <option key={s} value={s}>
                {ITEM_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        {textControl(ids.note, 'Đánh giá', note, setNote)}
        {textControl(ids.evidence, 'Minh chứng (số văn bản, tên tệp)', evidence, setEvidence)}
        <div className="save-state" role="status">
          {save.kind === 'saving' && <span className="muted">Đang lưu…</span>}
          {save.kind === 'saved' && <span className="saved">✓ Đã lưu</span>}
        </div>
      </div>
      <ItemActivities
        activities={activities}
        record={record}
        onApply={(proposed) => void persist({ status: proposed })}
      />
      {save.kind === 'error' && (
        <Problem>{save.message}</Problem>
      )}
    </li>
  );
});
