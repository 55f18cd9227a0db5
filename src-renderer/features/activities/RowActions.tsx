/**
 * The buttons at the end of one row of the activity log (or of the trash).
 *
 * An activity imported from a unit's workbook (it carries `submissionId`) is the unit's report:
 * this installation does not edit or delete it. An edit here would be lost when the unit's next
 * file replaces the old one, so the row offers no «Sửa»/«Xóa», only a quiet label whose
 * explanation shows on hover and on keyboard focus and is the label's accessible description.
 */
import type { ActivityRecord } from '@db';

export const IMPORTED_LABEL = 'Từ báo cáo nhập';
export const IMPORTED_EXPLANATION = 'Hoạt động này lấy từ báo cáo của đơn vị (tệp đã nhập). Muốn sửa, đơn vị gửi lại báo cáo mới rồi nhập lại.';

/** True for an activity that came from a unit's imported workbook (read-only in this installation). */
export function isImportedActivity(r: Pick<ActivityRecord, 'submissionId'>): boolean {
  return typeof r.submissionId === 'string' && r.submissionId !== '';
}

/**
 * The activity the form may load for editing: the one `editingId` names, when it is in the
 * list, not in the trash and not imported (an imported one is never opened, whatever set the id).
 */
export function editableActivity(records: readonly ActivityRecord[] | undefined, editingId: string | null): ActivityRecord | null {
  if (!editingId || !records) return null;
  return records.find((r) => r.id === editingId && r.deletedAt === null && !isImportedActivity(r)) ?? null;
}

interface Props {
  row: ActivityRecord;
  view: 'list' | 'trash';
  /** Id of the element holding IMPORTED_EXPLANATION (one per screen), for aria-describedby. */
  explanationId: string;
  onEdit: (r: ActivityRecord) => void;
  onDelete: (r: ActivityRecord) => void;
  onRestore: (r: ActivityRecord) => void;
  onPurge: (r: ActivityRecord) => void;
}

export function RowActions({ row: r, view, explanationId, onEdit, onDelete, onRestore, onPurge }: Props) {
  const imported = isImportedActivity(r);
  if (view === 'trash') {
    // Imported activities are never put in the trash; one deleted before they became read-only
    // can be restored (the unit's report stands) but not purged.
    return (
      <>
        <button type="button" className="act-btn" aria-label={`Khôi phục «${r.title}»`} onClick={() => onRestore(r)}>
          Khôi phục
        </button>
        {!imported && (
          <button type="button" className="act-btn act-btn-danger" aria-label={`Xóa vĩnh viễn «${r.title}»`} onClick={() => onPurge(r)}>
            Xóa vĩnh viễn
          </button>
        )}
      </>
    );
  }
  if (imported) {
    // Focusable so that a keyboard user reaches the explanation too; Enter does nothing here.
    return (
      <span className="act-imported" tabIndex={0} aria-describedby={explanationId} data-tip={IMPORTED_EXPLANATION}>
        {IMPORTED_LABEL}
      </span>
    );
  }
  return (
    <>
      <button type="button" className="act-btn" aria-label={`Sửa «${r.title}»`} onClick={() => onEdit(r)}>
        Sửa
      </button>
      <button type="button" className="act-btn" aria-label={`Xóa «${r.title}»`} onClick={() => onDelete(r)}>
        Xóa
      </button>
    </>
  );
}
