/**
 * First run ("Thiết lập ban đầu"): who this installation belongs to. Shown instead of the shell
 * until `setupDoneAt` exists; "Bắt đầu sử dụng" saves the own unit, ownUnitCode and setupDoneAt
 * in one transaction (completeSetup). Changeable later in Cài đặt.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { completeSetup, DEFAULT_SETUP, OperationError, UNIT_LEVEL_LABELS, UNIT_LEVELS, type UnitLevel } from '../../db';
import { normalizeUnitCode, suggestCodeFromName, UNIT_LEVEL_FULL_LABELS } from '@domain/units';
import './setup.css';
import { fieldA11y } from '../../app/field-a11y';

type Field = 'level' | 'name' | 'code' | 'parentName';
const FIELDS: readonly Field[] = ['level', 'name', 'code', 'parentName'];

export function SetupScreen() {
  const id = useId();
  const [form, setForm] = useState({ ...DEFAULT_SETUP, level: DEFAULT_SETUP.level as UnitLevel });
  // The code follows the name until the officer types a code of their own.
  const [codeTouched, setCodeTouched] = useState(false);
  const [error, setError] = useState<{ field: Field | null; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const firstRef = useRef<HTMLInputElement>(null);
  const refs = useRef<Partial<Record<Field, HTMLElement | null>>>({});

  useEffect(() => firstRef.current?.focus(), []);

  const set = (field: Field, value: string) => {
    setForm((f) => {
      const next = { ...f, [field]: value };
      if (field === 'name' && !codeTouched) next.code = suggestCodeFromName(value);
      return next;
    });
    if (field === 'code') setCodeTouched(true);
    if (error?.field === field || (field === 'name' && error?.field === 'code' && !codeTouched)) setError(null);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    try {
      await completeSetup(form);
      // The shell replaces this screen as soon as setupDoneAt is stored (live query).
    } catch (err) {
      const field = err instanceof OperationError ? (FIELDS.find((f) => f === err.field) ?? null) : null;
      setError({ field, message: err instanceof OperationError ? err.message : 'Không lưu được. Hãy thử lại.' });
      if (field) refs.current[field]?.focus();
      setSaving(false);
    }
  }

  const a11y = fieldA11y<Field>(id, (field) => (error?.field === field ? error.message : null));
  const props = (field: Field) => ({
    ...a11y.props(field, `${id}-${field}-hint`),
    ref: (el: HTMLElement | null) => {
      refs.current[field] = el;
    },
  });
  const errorFor = a11y.errorFor;

  return (
    <div className="setup-page" data-setup-screen="true">
      <form className="setup-card" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
        <p className="setup-app-name">Sổ Kế hoạch Công đoàn</p>
        <h1 id={`${id}-title`}>Thiết lập ban đầu</h1>
        <p className="setup-intro">
          Ứng dụng này dùng cho đơn vị nào? Thông tin này đứng ở đầu các báo cáo và tệp gửi cấp trên; có thể đổi lại trong
          mục Cài đặt.
        </p>
        <div className="form-grid setup-grid">
          <label htmlFor={`${id}-level`}>Cấp</label>
          <div>
            <select
              {...props('level')}
              value={form.level}
              onChange={(e) => set('level', e.target.value)}
            >
              {UNIT_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {UNIT_LEVEL_FULL_LABELS[l]} ({UNIT_LEVEL_LABELS[l]})
                </option>
              ))}
            </select>
            {errorFor('level')}
            <p className="hint" id={`${id}-level-hint`}>
              LĐLĐ huyện và tỉnh có thêm danh sách đơn vị cấp dưới.
            </p>
          </div>
          <label htmlFor={`${id}-name`}>Tên đơn vị</label>
          <div>
            <input
              {...props('name')}
              ref={(el) => {
                firstRef.current = el;
                refs.current.name = el;
              }}
              type="text"
              value={form.name}
              onChange={(e) => set('name', e.target.value)}
            />
            {errorFor('name')}
            <p className="hint" id={`${id}-name-hint`}>
              Ví dụ: LĐLĐ huyện Dương Minh Châu; Công đoàn cơ sở Công ty TNHH Hòa Bình.
            </p>
          </div>
          <label htmlFor={`${id}-code`}>Mã đơn vị</label>
          <div>
            <input
              {...props('code')}
              type="text"
              className="code-input"
              value={form.code}
              onChange={(e) => set('code', e.target.value)}
              onBlur={() => setForm((f) => ({ ...f, code: normalizeUnitCode(f.code) }))}
            />
            {errorFor('code')}
            <p className="hint" id={`${id}-code-hint`}>
              Gợi ý từ tên; chữ không dấu, số và dấu gạch. Mã là định danh của đơn vị trong mọi tệp trao đổi.
            </p>
          </div>
          <label htmlFor={`${id}-parentName`}>Tên cơ quan cấp trên</label>
          <div>
            <input
              {...props('parentName')}
              type="text"
              value={form.parentName}
              onChange={(e) => set('parentName', e.target.value)}
            />
            {errorFor('parentName')}
            <p className="hint" id={`${id}-parentName-hint`}>
              Dòng đầu tiêu đề văn bản, ví dụ: LĐLĐ tỉnh Tây Ninh.
            </p>
          </div>
        </div>
        <div className="button-row">
          <button type="submit" className="primary" disabled={saving}>
            Bắt đầu sử dụng
          </button>
          {error && error.field === null && (
            <p className="field-error" role="alert">
              {error.message}
            </p>
          )}
        </div>
      </form>
    </div>
  );
}
