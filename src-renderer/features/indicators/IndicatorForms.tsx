/**
 * The three small forms of the indicators screen, each opened in place under its row (or
 * under the table): an adjustment (delta + reason), a target, a new plan indicator.
 * Focus moves to the first field when a form opens; Esc or "Hủy" closes it and the screen
 * puts focus back on the button that opened it. Messages come from the named operations
 * (OperationError: Vietnamese, with the field they belong beside).
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import {
  addPlanIndicator,
  OperationError,
  setIndicatorAdjustment,
  setIndicatorTarget,
  type IndicatorRef,
  type IndicatorRow,
} from '@db';
import { formatDelta, normalizeTypedNumber } from '@domain/fields';
import { Field } from '@ui/field';
import { NumberInput } from '@ui/inputs';
import { Problem } from '@ui/notice';

type Errors = Record<string, string>;

function errorsOf(error: unknown): Errors {
  if (error instanceof OperationError) return { [error.field ?? '_form']: error.message };
  return { _form: 'Không lưu được. Hãy thử lại.' };
}

function FormShell({
  title,
  onSubmit,
  onCancel,
  errors,
  busy,
  submitLabel,
  extra,
  children,
}: {
  title: string;
  onSubmit: () => void;
  onCancel: () => void;
  errors: Errors;
  busy: boolean;
  submitLabel: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  const titleId = useId();
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, []);
  // After a refused save, focus goes to the first field with a message.
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };
  return (
    <form
      ref={ref}
      className="ind-form"
      aria-labelledby={titleId}
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        if (!busy) onSubmit();
      }}
    >
      <h2 className="ind-form-title" id={titleId}>
        {title}
      </h2>
      <div className="ind-form-fields">{children}</div>
      {errors._form && (
        <Problem>{errors._form}</Problem>
      )}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
        {extra}
        <button type="button" onClick={onCancel}>
          Hủy
        </button>
      </div>
    </form>
  );
}

/** The form's message for a field, else (for the fields the form does not show) the form's. */
function placeErrors(errors: Errors, shown: readonly string[]): Errors {
  const out: Errors = {};
  for (const [field, message] of Object.entries(errors)) out[shown.includes(field) ? field : '_form'] ??= message;
  return out;
}

export function AdjustmentForm({ where, row, onDone }: { where: IndicatorRef; row: IndicatorRow; onDone: () => void }) {
  const current = row.adjustments.find((a) => a.unitCode === where.unitCode);
  const [delta, setDelta] = useState(current ? String(current.delta) : '');
  const [reason, setReason] = useState(current?.reason ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  async function save(nextDelta: string) {
    setBusy(true);
    try {
      await setIndicatorAdjustment({ ...where, delta: normalizeTypedNumber(nextDelta), reason });
      onDone();
    } catch (error) {
      setErrors(placeErrors(errorsOf(error), ['delta', 'reason']));
      setBusy(false);
    }
  }

  return (
    <FormShell
      title={`Điều chỉnh: ${row.def.name}`}
      submitLabel="Lưu điều chỉnh"
      busy={busy}
      errors={errors}
      onCancel={onDone}
      onSubmit={() => {
        if (normalizeTypedNumber(delta) === '') {
          setErrors({ delta: 'Số điều chỉnh: không được để trống (nhập 0 để bỏ điều chỉnh)' });
          return;
        }
        void save(delta);
      }}
      extra={
        current && (
          <button type="button" disabled={busy} onClick={() => void save('0')}>
            Bỏ điều chỉnh
          </button>
        )
      }
    >
      <Field
        className="ind-field"
        label="Số điều chỉnh"
        hint={`Cộng thêm vào số từ hoạt động${row.def.unit ? ` (${row.def.unit})` : ''}; số âm để trừ, ví dụ -3. Hiện: ${current ? formatDelta(current.delta) : 'chưa có'}.`}
        error={errors.delta}
      >
        {/* Text keyboard: a decrease starts with a minus sign. */}
        {(p) => <NumberInput {...p} className="ind-number" inputMode="text" value={delta} onChange={(e) => setDelta(e.target.value)} />}
      </Field>
      <Field className="ind-field" label="Lý do" hint="Bắt buộc; in kèm số liệu trong báo cáo." error={errors.reason}>
        {(p) => <textarea {...p} rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
    </FormShell>
  );
}

export function TargetForm({ where, row, onDone }: { where: IndicatorRef; row: IndicatorRow; onDone: () => void }) {
  const [target, setTarget] = useState(row.target === null ? '' : String(row.target));
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  return (
    <FormShell
      title={`Chỉ tiêu phấn đấu: ${row.def.name}`}
      submitLabel="Lưu chỉ tiêu"
      busy={busy}
      errors={errors}
      onCancel={onDone}
      onSubmit={async () => {
        setBusy(true);
        try {
          await setIndicatorTarget({ ...where, target: normalizeTypedNumber(target) });
          onDone();
        } catch (error) {
          setErrors(placeErrors(errorsOf(error), ['target']));
          setBusy(false);
        }
      }}
    >
      <Field
        className="ind-field"
        label={`Chỉ tiêu phấn đấu${row.def.unit ? ` (${row.def.unit})` : ''}`}
        hint="Số nguyên không âm; để trống để bỏ chỉ tiêu."
        error={errors.target}
      >
        {(p) => <NumberInput {...p} className="ind-number" value={target} onChange={(e) => setTarget(e.target.value)} />}
      </Field>
    </FormShell>
  );
}

export function AddIndicatorForm({ planId, onDone }: { planId: string; onDone: (added: string | null) => void }) {
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  return (
    <FormShell
      title="Thêm chỉ tiêu của kế hoạch"
      submitLabel="Thêm chỉ tiêu"
      busy={busy}
      errors={errors}
      onCancel={() => onDone(null)}
      onSubmit={async () => {
        setBusy(true);
        try {
          const def = await addPlanIndicator(planId, { name, unit });
          onDone(def.code);
        } catch (error) {
          const e = errorsOf(error);
          // A clashing derived code is the name's fault: the officer never typed a code.
          if (e.code) e.name ??= e.code;
          setErrors(placeErrors(e, ['name', 'unit']));
          setBusy(false);
        }
      }}
    >
      <Field className="ind-field" label="Tên chỉ tiêu" hint="Ví dụ: Hộ đoàn viên khó khăn được hỗ trợ" error={errors.name}>
        {(p) => <input {...p} type="text" className="ind-name" maxLength={300} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field className="ind-field" label="Đơn vị tính" hint="Ví dụ: hộ, người, cuộc" error={errors.unit}>
        {(p) => <input {...p} type="text" className="ind-unit" maxLength={50} value={unit} onChange={(e) => setUnit(e.target.value)} />}
      </Field>
    </FormShell>
  );
}
