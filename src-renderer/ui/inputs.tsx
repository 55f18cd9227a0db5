/**
 * The app's number and date inputs. Both are text boxes on purpose: a number is typed with
 * Vietnamese grouping ("1.250") and a date as dd/mm/yyyy, which <input type="number"|"date">
 * would refuse or show in the system's own format. The keyboard a touch screen offers is
 * numeric; browsers do not fill them from history.
 */
import type { InputHTMLAttributes } from 'react';

type TextInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>;

export function NumberInput(props: TextInputProps) {
  return <input type="text" inputMode="numeric" autoComplete="off" {...props} />;
}

export function DateInput(props: TextInputProps) {
  return <input type="text" inputMode="numeric" autoComplete="off" placeholder="dd/mm/yyyy" {...props} />;
}
