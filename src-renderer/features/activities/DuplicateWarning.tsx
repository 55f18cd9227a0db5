/**
 * Shown before saving an activity that may already be logged (same unit, date and title
 * ignoring accents). It stands inside the form, not over it: the officer can still read and
 * edit what was typed, and Ctrl+Enter again saves anyway. Focus starts on "Quay lại sửa".
 */
import { useEffect, useId, useRef } from 'react';
import { ACTIVITY_TYPE_LABELS } from '@domain/activity';
import { formatDateVn } from '@domain/periods';
import type { ActivityRecord } from '@db';

interface Props {
  dupes: readonly ActivityRecord[];
  unitName: (code: string) => string;
  onSaveAnyway: () => void;
  onBack: () => void;
}

export function DuplicateWarning({ dupes, unitName, onSaveAnyway, onBack }: Props) {
  const id = useId();
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), [dupes]);
  return (
    <div className="dupe-warning" role="alertdialog" aria-labelledby={`${id}-t`} aria-describedby={`${id}-list`}>
      <p id={`${id}-t`} className="dupe-title">
        Có thể trùng với {dupes.length === 1 ? 'hoạt động đã ghi' : `${dupes.length} hoạt động đã ghi`} (cùng đơn vị, ngày và tiêu đề):
      </p>
      <ul id={`${id}-list`}>
        {dupes.map((d) => (
          <li key={d.id}>
            {formatDateVn(d.date)} · {unitName(d.unitCode)} · {ACTIVITY_TYPE_LABELS[d.type]} · «{d.title}»
          </li>
        ))}
      </ul>
      <div className="button-row">
        <button type="button" className="primary" onClick={onSaveAnyway}>
          Vẫn lưu
        </button>
        <button type="button" ref={back} onClick={onBack}>
          Quay lại sửa
        </button>
        <span className="hint">hoặc Ctrl+Enter lần nữa để vẫn lưu</span>
      </div>
    </div>
  );
}
