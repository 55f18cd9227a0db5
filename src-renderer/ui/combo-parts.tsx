/**
 * What the app's comboboxes share (ChoiceCombobox, the activity form's «Nhiệm vụ»): the text box's
 * ARIA wiring to its popup list, and one option of that list.
 */
import type { ReactNode } from 'react';

/**
 * The attributes of a combobox's text box (an editable combobox with list autocomplete):
 * `activeId` is the highlighted option's id, null when the list shows none.
 */
export function comboBoxProps({ listId, activeId, invalid, describedBy }: { listId: string; activeId: string | null; invalid?: boolean; describedBy?: string }) {
  return {
    type: 'text',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': activeId !== null,
    'aria-controls': listId,
    'aria-activedescendant': activeId ?? undefined,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy || undefined,
    autoComplete: 'off',
    spellCheck: false,
  } as const;
}

/** One option of the popup list. */

export function ComboOption({ id, active, onPick, children }: { id: string; active: boolean; onPick: () => void; children: ReactNode }) {
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      className={active ? 'active' : undefined}
      // Keep focus in the box while a mouse picks an option.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onPick}
    >
      {children}
    </li>
  );
}
