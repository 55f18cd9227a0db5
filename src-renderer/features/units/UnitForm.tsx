/**
 * "Thêm đơn vị" / "Sửa đơn vị": the directory fields, each with its message beside it.
 * The choices follow the unit's level: a province offers its intermediate kinds (LĐLĐ huyện,
 * công đoàn ngành…, or one the office names) and CĐCS, placed directly under it or under one of
 * its intermediate bodies; «Loại hình» is for a CĐCS only. The code hint names the exact code
 * that will be generated. A name another unit already has is confirmed before a second unit is
 * added (SameNameError).
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { addUnit, addUnitKind, OperationError, SameNameError, updateUnit, type UnitRecord } from '@db';
import { fieldErrors } from '@domain/fields';
import {
  codePrefixFor,
  generateUnitCode,
  kindOfUnit,
  normalizeUnitCode,
  unitInputSchema,
  unitTypesFor,
  UNIT_TYPE_LABELS,
  type UnitKind,
} from '@domain/units';
import { Modal } from '@ui/Modal';
import { fieldA11y, FormRow } from '@ui/field';
import { UnitIdentityRows } from '@ui/UnitIdentityRows';
import { NumberInput } from '@ui/inputs';
import { UnitKindSelect } from '@ui/UnitKindSelect';
import { Problem } from '@ui/notice';

type Field = 'kind' | 'newKindName' | 'parentCode' | 'code' | 'name' | 'aliases' | 'type' | 'members' | 'contact' | 'phone';

/** The choice «Loại khác…» of the kind list: the office names a new kind. */
const NEW_KIND: UnitKind = { id: '__new__', level: 'district', name: 'Loại khác (tự đặt tên)…', fullName: 'Loại khác (tự đặt tên)…', codePrefix: 'DV' };

export function UnitForm({
  unit,
  kinds,
  own,
  units,
  codeHasData,
  onClose,
  onSaved,
}: {
  /** The unit to edit, or null to add one. */
  unit: UnitRecord | null;
  /** The kinds a unit directly under the own unit can have. */
  kinds: readonly UnitKind[];
  own: UnitRecord;
  /** The whole directory: parents offered, codes taken. */
  units: readonly UnitRecord[];
  /** The unit has data (a new code moves it along). */
  codeHasData: boolean;
  onClose: () => void;
  onSaved: (unit: UnitRecord) => void;
}) {
  const id = useId();
  const offered = useMemo(() => (own.level === 'province' ? [...kinds, NEW_KIND] : kinds), [kinds, own.level]);
  const initialKind = unit ? kindOfUnit(unit, kinds) : (kinds.find((k) => k.level === 'grassroots') ?? kinds[0]!);
  const [form, setForm] = useState({
    kind: initialKind.id,
    newKindName: '',
    parentCode: unit?.parentCode || own.code,
    code: unit?.code ?? '',
    name: unit?.name ?? '',
    aliases: (unit?.aliases ?? []).join(', '),
    type: unit?.type ?? '',
    members: unit?.members === null || unit?.members === undefined ? '' : String(unit.members),
    contact: unit?.contact ?? '',
    phone: unit?.phone ?? '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field | '_form', string>>>({});
  const [sameName, setSameName] = useState<UnitRecord[] | null>(null);
  const [saving, setSaving] = useState(false);

  const kind = offered.find((k) => k.id === form.kind) ?? initialKind;
  const level = kind.level;
  const types = unitTypesFor(level);
  // A CĐCS of a province may sit under one of its intermediate bodies.
  const parents = useMemo(
    () => (level === 'grassroots' && own.level === 'province' ? units.filter((u) => u.level === 'district' && u.active && u.code !== unit?.code) : []),
    [level, own.level, units, unit?.code],
  );
  const nextCode = useMemo(
    () => (kind.id === NEW_KIND.id ? '' : generateUnitCode({ codePrefix: codePrefixFor(kind, own) }, units.flatMap((u) => [u.code, ...(u.aliases ?? [])]))),
    [kind, units, own],
  );

  const set = (field: Field, value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    if (field === 'name') setSameName(null);
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  async function submit(e: FormEvent, allowSameName = false) {
    e.preventDefault();
    const parent = units.find((u) => u.code === form.parentCode) ?? own;
    const input = {
      code: form.code,
      name: form.name,
      aliases: form.aliases,
      type: types.length > 0 ? form.type : '',
      members: form.members,
      contact: form.contact,
      phone: form.phone,
      level,
      kind: kind.id === NEW_KIND.id ? '' : kind.id,
      parentCode: parents.length > 0 ? parent.code : (unit?.parentCode ?? own.code),
      parentName: parents.length > 0 ? parent.name : (unit?.parentName ?? own.name),
      active: unit?.active ?? true,
    };
    const checked = unitInputSchema.safeParse(input);
    if (!checked.success) {
      const found = fieldErrors(checked.error);
      setErrors(found);
      document.getElementById(`${id}-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    if (kind.id === NEW_KIND.id && form.newKindName.trim() === '') {
      setErrors({ newKindName: 'Tên loại đơn vị: không được để trống' });
      document.getElementById(`${id}-newKindName`)?.focus();
      return;
    }
    setSaving(true);
    try {
      if (kind.id === NEW_KIND.id) input.kind = (await addUnitKind(form.newKindName, 'district')).id;
      const saved = unit ? await updateUnit(unit.code, input) : await addUnit(input, { allowSameName });
      onSaved(saved);
    } catch (err) {
      setSaving(false);
      if (err instanceof SameNameError) {
        setSameName(err.units);
        return;
      }
      const field = err instanceof OperationError && err.field ? err.field : '_form';
      setErrors({ [field]: err instanceof OperationError ? err.message : 'Không lưu được. Hãy thử lại.' });
      document.getElementById(`${id}-${field}`)?.focus();
    }
  }

  const a11y = fieldA11y<Field>(id, (field) => errors[field]);
  const codeChanged = unit !== null && normalizeUnitCode(form.code) !== '' && normalizeUnitCode(form.code) !== unit.code;

  return (
    <Modal title={unit ? 'Sửa đơn vị' : 'Thêm đơn vị'} onClose={onClose} className="units-modal unit-form-modal">
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={unit ? 'Sửa đơn vị' : 'Thêm đơn vị'}>
        <div className="form-grid">
          {offered.length > 1 && (
            <FormRow a11y={a11y} field="kind" label="Cấp, loại đơn vị">
              {(p) => <UnitKindSelect {...p} kinds={offered} value={form.kind} onKind={(k) => set('kind', k.id)} />}
            </FormRow>
          )}
          {kind.id === NEW_KIND.id && (
            <FormRow a11y={a11y} field="newKindName" label="Tên loại đơn vị" hint="Một loại công đoàn cấp trên trực tiếp cơ sở; dùng lại được cho các đơn vị sau.">
              {(p) => <input {...p} type="text" value={form.newKindName} placeholder="Ví dụ: Công đoàn Giáo dục" onChange={(e) => set('newKindName', e.target.value)} />}
            </FormRow>
          )}
          {parents.length > 0 && (
            <FormRow a11y={a11y} field="parentCode" label="Trực thuộc" hint="CĐCS trực thuộc một đơn vị cấp trên cơ sở được tổng hợp qua báo cáo của đơn vị đó.">
              {(p) => (
                <select {...p} value={form.parentCode} onChange={(e) => set('parentCode', e.target.value)}>
                  <option value={own.code}>{own.name} (trực tiếp)</option>
                  {parents.map((u) => (
                    <option key={u.code} value={u.code}>
                      {u.name} ({u.code})
                    </option>
                  ))}
                </select>
              )}
            </FormRow>
          )}
          <UnitIdentityRows
            a11y={a11y}
            value={form}
            onChange={set}
            autoFocusName
            codeHint={
              unit
                ? codeChanged
                  ? `Mã mới: ${codeHasData ? 'dữ liệu đã ghi theo mã ' + unit.code + ' chuyển sang mã mới; ' : ''}mã ${unit.code} vẫn được nhận ra trong các tệp đơn vị đã gửi.`
                  : 'Chữ không dấu, số và dấu gạch.'
                : nextCode
                  ? `Để trống: ứng dụng tự tạo mã ${nextCode}.`
                  : 'Để trống: ứng dụng tự tạo mã theo loại đơn vị.'
            }
          />
          <FormRow
            a11y={a11y}
            field="aliases"
            label="Mã khác"
            hint="Mã đơn vị đã tự đặt khi cài ứng dụng (nếu khác mã trên), cách nhau bằng dấu phẩy: tệp mang mã này được nhận là của đơn vị."
          >
            {(p) => <input {...p} type="text" className="code-input" value={form.aliases} onChange={(e) => set('aliases', e.target.value)} />}
          </FormRow>
          {types.length > 0 && (
            <FormRow a11y={a11y} field="type" label="Loại hình">
              {(p) => (
                <select {...p} value={form.type} onChange={(e) => set('type', e.target.value)}>
                  <option value="">— Chưa rõ —</option>
                  {types.map((t) => (
                    <option key={t} value={t}>
                      {UNIT_TYPE_LABELS[t]}
                    </option>
                  ))}
                </select>
              )}
            </FormRow>
          )}
          <FormRow a11y={a11y} field="members" label="Số đoàn viên">
            {(p) => <NumberInput {...p} className="num-input" value={form.members} onChange={(e) => set('members', e.target.value)} />}
          </FormRow>
          <FormRow a11y={a11y} field="contact" label="Người liên hệ">
            {(p) => <input {...p} type="text" value={form.contact} onChange={(e) => set('contact', e.target.value)} />}
          </FormRow>
          <FormRow a11y={a11y} field="phone" label="Điện thoại">
            {(p) => <input {...p} type="tel" value={form.phone} onChange={(e) => set('phone', e.target.value)} />}
          </FormRow>
        </div>
        {errors._form && (
          <Problem>{errors._form}</Problem>
        )}
        {sameName && (
          <div className="unit-same-name" role="alert">
            <p>
              Đã có đơn vị cùng tên:{' '}
              {sameName.map((u, i) => (
                <span key={u.code}>
                  {i > 0 ? ', ' : ''}«{u.name}» ({u.code}
                  {u.active ? '' : ', ngừng hoạt động'})
                </span>
              ))}
              . Đây có phải một đơn vị khác không?
            </p>
            <div className="button-row">
              <button type="button" className="primary" disabled={saving} onClick={(e) => void submit(e as unknown as FormEvent, true)}>
                Vẫn thêm đơn vị mới
              </button>
              <button type="button" onClick={onClose}>
                Không thêm
              </button>
            </div>
          </div>
        )}
        {!sameName && (
          <div className="button-row">
            <button type="submit" className="primary" disabled={saving}>
              {unit ? 'Lưu thay đổi' : 'Thêm đơn vị'}
            </button>
            <button type="button" onClick={onClose}>
              Hủy
            </button>
          </div>
        )}
      </form>
    </Modal>
  );
}
