/**
 * A unit's name and code, as the setup, «Đơn vị của tôi» and a subordinate unit's form ask
 * them: two rows of a `.form-grid`, the code tidied to its form when left.
 */
import type { ReactNode, Ref } from 'react';
import { FormRow, type FieldA11y } from './field';
import { UnitCodeInput } from './inputs';

export function UnitIdentityRows<F extends string>({
  a11y,
  value,
  onChange,
  nameHint,
  codeHint,
  readOnly,
  nameRef,
  autoFocusName,
}: {
  a11y: FieldA11y<F | 'name' | 'code'>;
  value: { name: string; code: string };
  onChange: (field: 'name' | 'code', value: string) => void;
  nameHint?: ReactNode;
  codeHint?: ReactNode;
  /** Given by the upper level's identity file, shown but not typed. */
  readOnly?: boolean;
  nameRef?: Ref<HTMLInputElement>;
  autoFocusName?: boolean;
}) {
  return (
    <>
      <FormRow a11y={a11y} field="name" label="Tên đơn vị" hint={nameHint}>
        {(p) => (
          <input {...p} ref={nameRef} type="text" data-autofocus={autoFocusName || undefined} value={value.name} readOnly={readOnly} onChange={(e) => onChange('name', e.target.value)} />
        )}
      </FormRow>
      <FormRow a11y={a11y} field="code" label="Mã đơn vị" hint={codeHint}>
        {(p) => <UnitCodeInput {...p} value={value.code} readOnly={readOnly} onValue={(v) => onChange('code', v)} />}
      </FormRow>
    </>
  );
}
