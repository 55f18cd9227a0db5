/**
 * The accessible wiring of a form's fields to their Vietnamese messages, shared by every form:
 * each control gets its id, aria-invalid while it has a message, and aria-describedby naming
 * the message shown beside it (plus any hints), so a screen reader reads what is wrong where.
 * `fieldA11y` wires a whole form whose layout places the messages; `Field` is one labelled
 * control with its hint and message under it.
 */
import { useId, type ReactNode } from 'react';

/** What a control needs to be tied to its label and to its message. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

function controlProps(id: string, message: string | null | undefined, hintIds: readonly string[]): ControlProps {
  const describedBy = [message ? `${id}-error` : '', ...hintIds].filter(Boolean).join(' ');
  return { id, 'aria-invalid': message ? true : undefined, 'aria-describedby': describedBy || undefined };
}

function fieldMessage(controlId: string, message: string | null | undefined): ReactNode {
  return message ? (
    <p className="field-error" id={`${controlId}-error`}>
      {message}
    </p>
  ) : null;
}

export interface FieldA11y<F extends string> {
  /** The control's id, for its label's htmlFor and for moving focus to it. */
  idOf: (field: F) => string;
  /** id, aria-invalid and aria-describedby for the control of `field`; `hintIds` are described too. */
  props: (field: F, ...hintIds: string[]) => ControlProps;
  /** The message beside the field, or null when it has none. */
  errorFor: (field: F) => ReactNode;
}

export function fieldA11y<F extends string>(formId: string, messageOf: (field: F) => string | null | undefined): FieldA11y<F> {
  // A field name may carry a dot ("indicators.participants"); an id is kept to plain characters.
  const idOf = (field: F) => `${formId}-${field.replace(/[^a-zA-Z0-9-]/g, '_')}`;
  return {
    idOf,
    props: (field, ...hintIds) => controlProps(idOf(field), messageOf(field), hintIds),
    errorFor: (field) => fieldMessage(idOf(field), messageOf(field)),
  };
}

/** A labelled control (drawn by `children` with the props it is given), its hint and its message. */
export function Field({
  label,
  labelTitle,
  hint,
  error,
  id,
  className,
  children,
}: {
  label: ReactNode;
  /** The label's tooltip (a name cut by a narrow column). */
  labelTitle?: string;
  hint?: string;
  error: string | null | undefined;
  /** The control's id when the form moves focus to it; otherwise one is made. */
  id?: string;
  className: string;
  children: (props: ControlProps) => ReactNode;
}) {
  const ownId = useId();
  const controlId = id ?? ownId;
  const hintId = `${controlId}-hint`;
  return (
    <div className={className}>
      <label htmlFor={controlId} title={labelTitle}>
        {label}
      </label>
      {children(controlProps(controlId, error, hint ? [hintId] : []))}
      {hint && (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      )}
      {fieldMessage(controlId, error)}
    </div>
  );
}

/**
 * One row of a two-column form grid (`.form-grid`): the label, then the control with its
 * message and its hint under it; the control is described by both.
 */
export function FormRow<F extends string>({
  a11y,
  field,
  label,
  hint,
  children,
}: {
  a11y: FieldA11y<F>;
  field: F;
  label: ReactNode;
  hint?: ReactNode;
  children: (props: ControlProps) => ReactNode;
}) {
  const hintId = `${a11y.idOf(field)}-hint`;
  return (
    <>
      <label htmlFor={a11y.idOf(field)}>{label}</label>
      <div>
        {children(hint ? a11y.props(field, hintId) : a11y.props(field))}
        {a11y.errorFor(field)}
        {hint && (
          <p className="hint" id={hintId}>
            {hint}
          </p>
        )}
      </div>
    </>
  );
}
