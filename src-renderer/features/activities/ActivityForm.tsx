/**
 * The entry form of the activity log, built for typing a week's backlog from the keyboard:
 * Ngày → Đơn vị → Nhiệm vụ → Loại → Tiêu đề → … → chỉ tiêu; Ctrl+Enter saves from anywhere.
 * What it does is in use-activity-form; the fields are ActivityFields.
 *
 * Possible duplicates (same unit, date and title ignoring accents) are shown before saving;
 * "Vẫn lưu" (or Ctrl+Enter again) saves anyway, "Quay lại sửa" returns to the title.
 */
import type { Period } from '@domain/periods';
import type { PlanRecord, UnitRecord } from '@db';
import { ActivityFields } from './ActivityFields';
import { DuplicateWarning } from './DuplicateWarning';
import { useActivityForm, type ActivityFormOptions } from './use-activity-form';
import { Problem } from '@ui/notice';

interface Props extends ActivityFormOptions {
  plan: PlanRecord;
  /** Units the form offers (active ones, plus the edited activity's own). */
  units: readonly UnitRecord[];
  unitName: (code: string) => string;
  onShowPeriod: (p: Period) => void;
}

export function ActivityForm({ units, unitName, onShowPeriod, ...options }: Props) {
  const form = useActivityForm(options);
  const { uid, elsewhere } = form;
  const { editing } = options;
  return (
    <form
      className="activity-form"
      aria-labelledby={`${uid}-heading`}
      noValidate
      onKeyDown={form.onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(form.dupes !== null);
      }}
    >
      <div className="form-head">
        <h2 id={`${uid}-heading`}>{editing ? 'Sửa hoạt động' : 'Ghi hoạt động'}</h2>
        <span className="hint">Ctrl+Enter để lưu</span>
      </div>

      <ActivityFields form={form} plan={options.plan} units={units} unitName={unitName} />

      {form.errors._form && (
        <Problem>{form.errors._form}</Problem>
      )}

      {form.dupes && <DuplicateWarning dupes={form.dupes} unitName={unitName} onSaveAnyway={() => void form.submit(true)} onBack={form.backToTitle} />}

      <div className="form-actions">
        <button type="submit" className="primary" disabled={form.busy}>
          {editing ? 'Lưu thay đổi' : 'Lưu hoạt động'}
        </button>
        {editing && (
          <button type="button" onClick={options.onEditDone}>
            Hủy sửa
          </button>
        )}
        {elsewhere && (
          <button
            type="button"
            onClick={() => {
              onShowPeriod(elsewhere);
              form.clearElsewhere();
            }}
          >
            Xem kỳ {elsewhere.name}
          </button>
        )}
        <span className="saved" role="status">
          {form.saved}
        </span>
      </div>
    </form>
  );
}
