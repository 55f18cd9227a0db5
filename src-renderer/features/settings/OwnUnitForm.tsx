/**
 * "Đơn vị của tôi": this installation's unit (level as its kind, name, code, parent body). A new
 * code carries everything recorded under the old one, which stays the unit's (updateOwnUnit).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import { BUILTIN_UNIT_KINDS, kindOfUnit } from '@domain/units';
import { knownUnitKinds, OperationError, updateOwnUnit, type UnitRecord } from '@db';
import { fieldA11y, FormRow } from '@ui/field';
import { UnitIdentityRows } from '@ui/UnitIdentityRows';
import { UnitKindSelect } from '@ui/UnitKindSelect';
import { Problem } from '@ui/notice';

type Field = 'level' | 'name' | 'code' | 'parentName';

export function OwnUnitForm({ unit }: { unit: UnitRecord }) {
  const id = useId();
  const kinds = useLiveQuery(knownUnitKinds, [], BUILTIN_UNIT_KINDS);
  const [form, setForm] = useState({ level: unit.level, kind: kindOfUnit(unit, kinds).id, name: unit.name, code: unit.code, parentName: unit.parentName });
  const [error, setError] = useState<{ field: Field | null; message: string } | null>(null);
  const [saved, setSaved] = useState(false);

  const set = <K extends Field | 'kind'>(field: K, value: (typeof form)[K]) => {
    setForm((f) => ({ ...f, [field]: value }));
    setSaved(false);
    if (error?.field === field) setError(null);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await updateOwnUnit(form);
      setError(null);
      setSaved(true);
    } catch (err) {
      if (err instanceof OperationError) {
        const raw = err.field === 'kind' ? 'level' : err.field;
        const field = (['level', 'name', 'code', 'parentName'] as const).find((f) => f === raw) ?? null;
        setError({ field, message: err.message });
      } else setError({ field: null, message: 'Không lưu được. Hãy thử lại.' });
      setSaved(false);
    }
  }

  const a11y = fieldA11y<Field>(id, (field) => (error?.field === field ? error.message : null));

  return (
    <form className="settings-card" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>Đơn vị của tôi</h2>
      <p className="hint">Đơn vị dùng ứng dụng này; trạng thái các nội dung kế hoạch được ghi cho đơn vị này.</p>
      <div className="form-grid">
        <FormRow a11y={a11y} field="level" label="Cấp đơn vị">
          {(p) => (
            <UnitKindSelect
              {...p}
              kinds={kinds}
              value={form.kind}
              onKind={(k) => {
                setForm((f) => ({ ...f, level: k.level, kind: k.id }));
                setSaved(false);
                if (error?.field === 'level') setError(null);
              }}
            />
          )}
        </FormRow>
        <UnitIdentityRows
          a11y={a11y}
          value={form}
          onChange={set}
          codeHint="Mã cấp trên đã giao; chữ không dấu, số, dấu gạch. Đổi mã thì dữ liệu đã ghi đi theo mã mới, mã cũ vẫn được nhận ra trong các tệp đã gửi."
        />
        <FormRow a11y={a11y} field="parentName" label="Cơ quan cấp trên">
          {(p) => <input {...p} type="text" value={form.parentName} onChange={(e) => set('parentName', e.target.value)} />}
        </FormRow>
      </div>
      <div className="button-row">
        <button type="submit" className="primary">
          Lưu thông tin đơn vị
        </button>
        <span role="status" className="saved">
          {saved ? '✓ Đã lưu' : ''}
        </span>
        {error && error.field === null && (
          <Problem>{error.message}</Problem>
        )}
      </div>
    </form>
  );
}
