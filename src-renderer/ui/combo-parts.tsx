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

/**
 * ↓ and ↑ in a combobox's box: ↓ opens the list (`openList`) or moves down, ↑ moves up, within
 * `count` options. The key's default (moving the caret) is prevented.
 */
export function moveInList(
  e: { key: string; preventDefault: () => void },
  list: { open: boolean; count: number; openList: () => void; setActive: (next: (i: number) => number) => void },
): void {
  e.preventDefault();
  if (e.key === 'ArrowDown') {
    if (!list.open) list.openList();
    else list.setActive((i) => Math.min(i + 1, list.count - 1));
  } else if (list.open) list.setActive((i) => Math.max(i - 1, 0));
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
