/** "Thêm đơn vị" / "Sửa đơn vị": the directory fields, each with its message beside it. */
import { useId, useState, type FormEvent } from 'react';
import { addUnit, OperationError, updateUnit, type UnitRecord } from '../../db';
import { fieldErrors } from '@domain/indicators';
import { normalizeUnitCode, unitInputSchema, UNIT_TYPE_LABELS, UNIT_TYPES, type UnitLevel } from '@domain/units';
import { Modal } from './Modal';
import { fieldA11y } from '../../app/field-a11y';

type Field = 'code' | 'name' | 'type' | 'members' | 'contact' | 'phone';

export function UnitForm({
  unit,
  level,
  parentName,
  codeLocked,
  onClose,
  onSaved,
}: {
  /** The unit to edit, or null to add one. */
  unit: UnitRecord | null;
  level: UnitLevel;
  parentName: string;
  /** The unit has data: its code cannot change. */
  codeLocked: boolean;
  onClose: () => void;
  onSaved: (unit: UnitRecord) => void;
}) {
  const id = useId();
  const [form, setForm] = useState({
    code: unit?.code ?? '',
    name: unit?.name ?? '',
    type: unit?.type ?? '',
    members: unit?.members === null || unit?.members === undefined ? '' : String(unit.members),
    contact: unit?.contact ?? '',
    phone: unit?.phone ?? '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field | '_form', string>>>({});
  const [saving, setSaving] = useState(false);

  const set = (field: Field, value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = {
      ...form,
      level: unit?.level ?? level,
      parentName: unit?.parentName ?? parentName,
      active: unit?.active ?? true,
    };
    const checked = unitInputSchema.safeParse(input);
    if (!checked.success) {
      const found = fieldErrors(checked.error);
      setErrors(found);
      document.getElementById(`${id}-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setSaving(true);
    try {
      const saved = unit ? await updateUnit(unit.code, input) : await addUnit(input);
      onSaved(saved);
    } catch (err) {
      const field = err instanceof OperationError && err.field ? err.field : '_form';
      setErrors({ [field]: err instanceof OperationError ? err.message : 'Không lưu được. Hãy thử lại.' });
      document.getElementById(`${id}-${field}`)?.focus();
      setSaving(false);
    }
  }

  const { props, errorFor } = fieldA11y<Field>(id, (field) => errors[field]);

  return (
    <Modal title={unit ? 'Sửa đơn vị' : 'Thêm đơn vị'} onClose={onClose} className="unit-form-modal">
      <form onSubmit={submit} noValidate aria-label={unit ? 'Sửa đơn vị' : 'Thêm đơn vị'}>
        <div className="form-grid">
          <label htmlFor={`${id}-name`}>Tên đơn vị</label>
          <div>
            <input {...props('name')} type="text" autoFocus value={form.name} onChange={(e) => set('name', e.target.value)} />
            {errorFor('name')}
          </div>
          <label htmlFor={`${id}-code`}>Mã đơn vị</label>
          <div>
            <input
              {...props('code')}
              type="text"
              className="code-input"
              value={form.code}
              readOnly={codeLocked}
              onChange={(e) => set('code', e.target.value)}
              onBlur={() => setForm((f) => ({ ...f, code: normalizeUnitCode(f.code) || f.code }))}
            />
            {errorFor('code') ?? (
              <p className="hint">
                {codeLocked
                  ? 'Đơn vị đã có dữ liệu nên không đổi mã được.'
                  : unit
                    ? 'Chữ không dấu, số và dấu gạch.'
                    : 'Để trống: ứng dụng tự tạo mã (CDCS-0001…).'}
              </p>
            )}
          </div>
          <label htmlFor={`${id}-type`}>Loại hình</label>
          <div>
            <select {...props('type')} value={form.type} onChange={(e) => set('type', e.target.value)}>
              <option value="">— Chưa rõ —</option>
              {UNIT_TYPES.map((t) => (
                <option key={t} value={t}>
                  {UNIT_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
            {errorFor('type')}
          </div>
          <label htmlFor={`${id}-members`}>Số đoàn viên</label>
          <div>
            <input {...props('members')} type="text" inputMode="numeric" className="num-input" value={form.members} onChange={(e) => set('members', e.target.value)} />
            {errorFor('members')}
          </div>
          <label htmlFor={`${id}-contact`}>Người liên hệ</label>
          <div>
            <input {...props('contact')} type="text" value={form.contact} onChange={(e) => set('contact', e.target.value)} />
            {errorFor('contact')}
          </div>
          <label htmlFor={`${id}-phone`}>Điện thoại</label>
          <div>
            <input {...props('phone')} type="tel" value={form.phone} onChange={(e) => set('phone', e.target.value)} />
            {errorFor('phone')}
          </div>
        </div>
        {errors._form && (
          <p className="field-error" role="alert">
            {errors._form}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="primary" disabled={saving}>
            {unit ? 'Lưu thay đổi' : 'Thêm đơn vị'}
          </button>
          <button type="button" onClick={onClose}>
            Hủy
          </button>
        </div>
      </form>
    </Modal>
  );
}
