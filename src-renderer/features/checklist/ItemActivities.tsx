/**
 * Under a checklist item: how many activities were logged for it in the period ("3 hoạt động",
 * a disclosure listing date and title), and, when it has activities but no stored status, the
 * proposal "Đề xuất: Đang thực hiện" with a one-click "Áp dụng". Nothing is stored until the
 * officer clicks it.
 */
import { useId, useState } from 'react';
import { ITEM_STATUS_LABELS, type ItemStatusRecord, type ItemStatusValue } from '@db';
import { formatDateVn } from '@domain/periods';
import { activityCountLabel, proposedStatus, type ItemActivity } from './item-activities';
import './checklist-activities.css';

/** Activities listed when the disclosure opens; the log holds the rest. */
const LISTED = 20;

export function ItemActivities({
  activities,
  record,
  onApply,
}: {
  activities: readonly ItemActivity[];
  record: ItemStatusRecord | undefined;
  onApply: (status: ItemStatusValue) => void;
}) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  if (activities.length === 0) return null;
  const proposal = proposedStatus(record, activities.length);
  const shown = activities.slice(0, LISTED);
  return (
    <div className="item-activities">
      <div className="item-activities-bar">
        <button
          type="button"
          className="item-activities-toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen(!open)}
        >
          <span className="chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          {activityCountLabel(activities.length)}
        </button>
        {proposal && (
          <span className="item-proposal">
            <span>Đề xuất: {ITEM_STATUS_LABELS[proposal]}</span>
            <button
              type="button"
              className="item-proposal-apply"
              aria-label={`Áp dụng đề xuất: ${ITEM_STATUS_LABELS[proposal]}`}
              onClick={() => onApply(proposal)}
            >
              Áp dụng
            </button>
          </span>
        )}
      </div>
      <ul id={listId} className="item-activities-list" hidden={!open}>
        {open &&
          shown.map((a) => (
            <li key={a.id}>
              <span className="item-activity-date">{formatDateVn(a.date)}</span> {a.title}
            </li>
          ))}
        {open && activities.length > shown.length && (
          <li className="muted">… và {activities.length - shown.length} hoạt động khác (xem trong Nhật ký)</li>
        )}
      </ul>
    </div>
  );
}
