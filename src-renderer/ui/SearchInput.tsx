/**
 * A search box: accents optional (the lists fold them), no spelling marks, and Esc empties it.
 * An Esc in an empty box is left to the screen.
 */
import type { InputHTMLAttributes, Ref } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange'> & {
  value: string;
  onValue: (query: string) => void;
  ref?: Ref<HTMLInputElement>;
};

export function SearchInput({ value, onValue, ref, ...props }: Props) {
  return (
    <input
      ref={ref}
      type="search"
      autoComplete="off"
      spellCheck={false}
      placeholder="Gõ có dấu hoặc không dấu"
      {...props}
      value={value}
      onChange={(e) => onValue(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && value) {
          e.preventDefault();
          e.stopPropagation();
          onValue('');
        }
      }}
    />
  );
}
