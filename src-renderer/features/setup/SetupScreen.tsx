/**
 * First run ("Thiết lập ban đầu"): who this installation belongs to. Shown instead of the shell
 * until `setupDoneAt` exists; "Bắt đầu sử dụng" saves the own unit, ownUnitCode and setupDoneAt
 * in one transaction (completeSetup). Changeable later in Cài đặt.
 *
 * The unit's identity comes from the level above: its «Tệp thiết lập» (exchange/identity-file.ts)
 * fills the name, the code and the parent exactly, and they are then not edited here. Without
 * one, the officer types them; the form pre-fills by the chosen level, and says that the code
 * must be the one the upper level gave.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { completeSetup, DEFAULT_SETUP, OperationError } from '@db';
import { BUILTIN_UNIT_KINDS, DEFAULT_KIND_OF_LEVEL, suggestCodeFromName, type UnitKind } from '@domain/units';
import { readIdentityFile, IDENTITY_FILE_MAX_BYTES, type IdentityFile, type IdentityUnit } from '@exchange/identity-file';
import { platform } from '@platform';
import { UnitKindSelect } from '@ui/UnitKindSelect';
import { setupPrefill } from './setup-prefill';
import './setup.css';
import { fieldA11y, FormRow } from '@ui/field';
import { UnitIdentityRows } from '@ui/UnitIdentityRows';
import { Problem } from '@ui/notice';

type Field = 'level' | 'name' | 'code' | 'parentName';
const FIELDS: readonly Field[] = ['level', 'name', 'code', 'parentName'];

interface Form {
  kind: string;
  name: string;
  code: string;
  parentName: string;
  parentCode: string;
}

const kindById = (id: string): UnitKind => BUILTIN_UNIT_KINDS.find((k) => k.id === id) ?? BUILTIN_UNIT_KINDS.find((k) => k.id === DEFAULT_KIND_OF_LEVEL.district)!;

/** The form as a unit of the identity file fills it. */
function formOf(u: IdentityUnit): Form {
  const kind = BUILTIN_UNIT_KINDS.find((k) => k.id === u.kind && k.level === u.level)?.id ?? DEFAULT_KIND_OF_LEVEL[u.level];
  return { kind, name: u.name, code: u.code, parentName: u.parentName, parentCode: u.parentCode };
}

export function SetupScreen() {
  const id = useId();
  const [form, setForm] = useState<Form>({
    kind: DEFAULT_SETUP.kind ?? DEFAULT_KIND_OF_LEVEL.district,
    name: DEFAULT_SETUP.name,
    code: DEFAULT_SETUP.code,
    parentName: DEFAULT_SETUP.parentName,
    parentCode: '',
  });
  // Fields the officer typed in: a change of level pre-fills only the others.
  const [touched, setTouched] = useState<ReadonlySet<Field>>(new Set());
  const [identity, setIdentity] = useState<{ file: IdentityFile; fileName: string; chosen: string } | null>(null);
  const [fileMessage, setFileMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [error, setError] = useState<{ field: Field | null; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const firstRef = useRef<HTMLInputElement>(null);
  const fromFile = identity !== null;

  useEffect(() => firstRef.current?.focus(), []);

  const set = (field: Exclude<Field, 'level'>, value: string) => {
    setForm((f) => {
      const next = { ...f, [field]: value };
      if (field === 'name' && !touched.has('code')) next.code = suggestCodeFromName(value);
      return next;
    });
    setTouched((t) => new Set(t).add(field));
    if (error?.field === field || (field === 'name' && error?.field === 'code' && !touched.has('code'))) setError(null);
  };

  const chooseKind = (kind: UnitKind) => {
    setForm((f) => {
      const prefill = setupPrefill(kind);
      const next = { ...f, kind: kind.id };
      if (!touched.has('name')) next.name = prefill.name;
      if (!touched.has('code')) next.code = touched.has('name') ? suggestCodeFromName(next.name) : prefill.code;
      if (!touched.has('parentName')) next.parentName = prefill.parentName;
      return next;
    });
    if (error?.field === 'level') setError(null);
  };

  async function openIdentityFile(): Promise<void> {
    setFileMessage(null);
    try {
      const [file] = await platform.openFiles({ filters: [{ name: 'Tệp thiết lập (.json)', extensions: ['json'] }], maxBytes: IDENTITY_FILE_MAX_BYTES });
      if (!file) return;
      const read = readIdentityFile(file.bytes, file.name);
      if (!read.ok) {
        setFileMessage({ ok: false, text: read.message });
        return;
      }
      const first = read.file.units[0]!;
      setIdentity({ file: read.file, fileName: file.name, chosen: first.code });
      setForm(formOf(first));
      setError(null);
      setFileMessage({
        ok: true,
        text:
          read.file.units.length === 1
            ? `Đã đọc tệp thiết lập của ${read.file.issuer.name}: tên, mã và đơn vị cấp trên lấy đúng theo tệp.`
            : `Đã đọc tệp thiết lập của ${read.file.issuer.name} (${read.file.units.length} đơn vị): chọn đơn vị của máy này.`,
      });
    } catch (e) {
      setFileMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  }

  const chooseIdentityUnit = (code: string) => {
    if (!identity) return;
    const u = identity.file.units.find((x) => x.code === code);
    if (!u) return;
    setIdentity({ ...identity, chosen: code });
    setForm(formOf(u));
  };

  const dropIdentityFile = () => {
    setIdentity(null);
    setFileMessage(null);
    setTouched(new Set(FIELDS));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    try {
      const kind = kindById(form.kind);
      await completeSetup({ level: kind.level, kind: kind.id, name: form.name, code: form.code, parentName: form.parentName, parentCode: form.parentCode });
      // The shell replaces this screen as soon as setupDoneAt is stored (live query).
    } catch (err) {
      const raw = err instanceof OperationError ? err.field : undefined;
      const field = raw === 'kind' ? 'level' : (FIELDS.find((f) => f === raw) ?? null);
      setError({ field, message: err instanceof OperationError ? err.message : 'Không lưu được. Hãy thử lại.' });
      if (field) document.getElementById(`${id}-${field}`)?.focus();
      setSaving(false);
    }
  }

  const a11y = fieldA11y<Field>(id, (field) => (error?.field === field ? error.message : null));
  const kind = kindById(form.kind);

  return (
    <div className="setup-page" data-setup-screen="true">
      <form className="setup-card" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
        <p className="setup-app-name">Sổ Kế hoạch Công đoàn</p>
        <h1 id={`${id}-title`}>Thiết lập ban đầu</h1>
        <p className="setup-intro">
          Ứng dụng này dùng cho đơn vị nào? Thông tin này đứng ở đầu các báo cáo và tệp gửi cấp trên; có thể đổi lại trong
          mục Cài đặt.
        </p>
        <section className="setup-identity" aria-labelledby={`${id}-identity`}>
          <h2 id={`${id}-identity`}>Tệp thiết lập của cấp trên</h2>
          <p className="hint">
            Cấp trên (LĐLĐ huyện, công đoàn ngành…) lập «Tệp thiết lập» cho đơn vị ở mục Đơn vị của ứng dụng. Mở tệp đó để lấy đúng
            tên, mã và đơn vị cấp trên.
          </p>
          <div className="button-row">
            <button type="button" onClick={() => void openIdentityFile()}>
              Mở tệp thiết lập…
            </button>
            {fromFile && (
              <button type="button" onClick={dropIdentityFile}>
                Bỏ tệp, tự nhập
              </button>
            )}
          </div>
          {identity && identity.file.units.length > 1 && (
            <div className="field-inline setup-identity-unit">
              <label htmlFor={`${id}-identity-unit`}>Đơn vị của máy này</label>
              <select id={`${id}-identity-unit`} value={identity.chosen} onChange={(e) => chooseIdentityUnit(e.target.value)}>
                {identity.file.units.map((u) => (
                  <option key={u.code} value={u.code}>
                    {u.name} ({u.code})
                  </option>
                ))}
              </select>
            </div>
          )}
          {fileMessage && (
            <p className={fileMessage.ok ? 'setup-identity-ok' : 'field-error'} role={fileMessage.ok ? 'status' : 'alert'}>
              {fileMessage.text}
            </p>
          )}
        </section>
        <div className="form-grid setup-grid">
          <FormRow
            a11y={a11y}
            field="level"
            label="Cấp"
            hint={
              kind.level === 'grassroots'
                ? 'Công đoàn cơ sở: ghi hoạt động, xuất báo cáo gửi cấp trên.'
                : 'Có thêm danh sách đơn vị cấp dưới, nhập báo cáo của các đơn vị và tổng hợp.'
            }
          >
            {(p) => <UnitKindSelect {...p} kinds={BUILTIN_UNIT_KINDS} value={form.kind} onKind={chooseKind} disabled={fromFile} />}
          </FormRow>
          <UnitIdentityRows
            a11y={a11y}
            value={form}
            onChange={set}
            readOnly={fromFile}
            nameRef={firstRef}
            nameHint="Ví dụ: LĐLĐ huyện Dương Minh Châu; Công đoàn cơ sở Công ty TNHH Hòa Bình."
            codeHint={
              fromFile
                ? 'Mã do cấp trên giao, theo tệp thiết lập.'
                : 'Ghi đúng mã cấp trên đã giao cho đơn vị (trong tệp thiết lập hoặc văn bản của cấp trên): mã là định danh của đơn vị trong mọi tệp trao đổi. Chưa được giao mã thì dùng mã gợi ý từ tên và báo cho cấp trên.'
            }
          />
          <FormRow
            a11y={a11y}
            field="parentName"
            label="Tên cơ quan cấp trên"
            hint={`${fromFile && form.parentCode ? `Mã đơn vị cấp trên: ${form.parentCode}. ` : ''}Dòng đầu tiêu đề văn bản, ví dụ: LĐLĐ tỉnh Tây Ninh.`}
          >
            {(p) => <input {...p} type="text" value={form.parentName} readOnly={fromFile} onChange={(e) => set('parentName', e.target.value)} />}
          </FormRow>
        </div>
        <div className="button-row">
          <button type="submit" className="primary" disabled={saving}>
            Bắt đầu sử dụng
          </button>
          {error && error.field === null && (
            <Problem>{error.message}</Problem>
          )}
        </div>
      </form>
    </div>
  );
}
