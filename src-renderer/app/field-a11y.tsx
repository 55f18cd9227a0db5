/**
 * The accessible wiring of a form's fields to their Vietnamese messages, shared by every form:
 * each control gets its id, aria-invalid while it has a message, and aria-describedby naming
 * the message shown beside it (plus any hints), so a screen reader reads what is wrong where.
 */
import type { ReactNode } from 'react';

export interface FieldA11y<F extends string> {
  /** id, aria-invalid and aria-describedby for the control of `field`; `hintIds` are described too. */
  props: (field: F, ...hintIds: string[]) => { id: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined };
  /** The message beside the field, or null when it has none. */
  errorFor: (field: F) => ReactNode;
}

export function fieldA11y<F extends string>(formId: string, messageOf: (field: F) => string | null | undefined): FieldA11y<F> {
  const errorId = (field: F) => `${formId}-${field}-error`;
  return {
    props: (field, ...hintIds) => {
      const message = messageOf(field);
      const describedBy = [message ? errorId(field) : '', ...hintIds].filter(Boolean).join(' ');
      return { id: `${formId}-${field}`, 'aria-invalid': message ? true : undefined, 'aria-describedby': describedBy || undefined };
    },
    errorFor: (field) => {
      const message = messageOf(field);
      return message ? (
        <p className="field-error" id={errorId(field)}>
          {message}
        </p>
      ) : null;
    },
  };
}
