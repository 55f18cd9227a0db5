/**
 * The app's number and date inputs. Both are text boxes on purpose: a number is typed with
 * Vietnamese grouping ("1.250") and a date as dd/mm/yyyy, which <input type="number"|"date">
 * would refuse or show in the system's own format. The keyboard a touch screen offers is
 * numeric; browsers do not fill them from history.
 */
import type { InputHTMLAttributes } from 'react';
import { normalizeUnitCode } from '@domain/units';
import './inputs.css';

type TextInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>;

export function NumberInput(props: TextInputProps) {
  return <input type="text" inputMode="numeric" autoComplete="off" {...props} />;
}

export function DateInput(props: TextInputProps) {
  return <input type="text" inputMode="numeric" autoComplete="off" placeholder="dd/mm/yyyy" {...props} />;
}

/**
 * A unit's code: typed freely, tidied to the code's form (capitals, no accents) when the field
 * is left. A text that tidies to nothing is kept as typed, for the form's check to name.
 */
export function UnitCodeInput({
  value,
  onValue,
  ...props
}: Omit<TextInputProps, 'value' | 'onChange' | 'onBlur'> & { value: string; onValue: (code: string) => void }) {
  return (
    <input
      {...props}
      type="text"
      className="code-input"
      value={value}
      onChange={(e) => onValue(e.target.value)}
      onBlur={() => {
        const tidy = normalizeUnitCode(value) || value;
        if (tidy !== value) onValue(tidy);
      }}
    />
  );
}
