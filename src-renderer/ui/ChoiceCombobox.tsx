/**
 * One choice out of many (a province's 2,000 units) found by typing part of its name, accents
 * optional: an ARIA editable combobox with a listbox popup. Only the matching choices are drawn,
 * at most MAX_SHOWN, and only while the list is open, so a long list costs nothing until the
 * officer opens it (a <select> lays out every <option> whenever it is drawn).
 *
 * Closed, the box shows the chosen label. Typing filters; ↓ opens the list (from the choice made)
 * or moves, ↑ moves, Enter or a click chooses, Tab chooses the highlighted one when the officer has
 * typed or moved, Esc closes and restores the chosen label (an Esc with nothing to undo is left to
 * the screen). Enter never submits the form around it.
 */
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { fold, queryWords } from '@domain/vn-text';
import { comboBoxProps, ComboOption, moveInList } from './combo-parts';
import { Highlight } from './Highlight';
import './combobox.css';

export interface Choice {
  value: string;
  label: string;
}

/** Choices drawn at once: more is a list nobody reads; typing narrows it. */
export const MAX_SHOWN = 50;

interface Props {
  id: string;
  choices: readonly Choice[];
  value: string;
  onChange: (value: string) => void;
  /** The popup list's accessible name, e.g. «Đơn vị phù hợp». */
  listLabel: string;
  className?: string;
  invalid?: boolean;
  describedBy?: string;
}

/** The choices whose label holds every word of the query (accents and case ignored), in order. */
export function matchChoices(choices: readonly Choice[], folded: readonly string[], query: string, limit: number): { shown: Choice[]; more: number } {
  const words = queryWords(query);
  const shown: Choice[] = [];
  let more = 0;
  for (let i = 0; i < choices.length; i++) {
    if (words.length > 0 && !words.every((w) => folded[i]!.includes(w))) continue;
    if (shown.length < limit) shown.push(choices[i]!);
    else more++;
  }
  return { shown, more };
}

export function ChoiceCombobox({ id, choices, value, onChange, listLabel, className, invalid, describedBy }: Props) {
  const listId = useId();
  /** What the officer typed since the box took focus; null: the box shows the chosen label. */
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const label = useMemo(() => choices.find((c) => c.value === value)?.label ?? value, [choices, value]);
  // Folded only once the list is first opened: a closed box costs no folding of 2,000 names.
  const folded = useMemo(() => (open ? choices.map((c) => fold(c.label)) : []), [open, choices]);
  const { shown, more } = useMemo(
    () => (open ? matchChoices(choices, folded, query ?? '', MAX_SHOWN) : { shown: [], more: 0 }),
    [open, choices, folded, query],
  );
  const activeIndex = Math.min(active, shown.length - 1);
  const optionId = (i: number) => `${listId}-o${i}`;

  useEffect(() => {
    if (open && activeIndex >= 0) document.getElementById(`${listId}-o${activeIndex}`)?.scrollIntoView({ block: 'nearest' });
  }, [open, activeIndex, listId]);

  const close = () => {
    setOpen(false);
    setQuery(null);
  };
  const choose = (c: Choice) => {
    close();
    if (c.value !== value) onChange(c.value);
  };
  /** Opens the whole list on the choice made (as a <select> would), when it is among the first drawn. */
  const openAll = () => {
    const at = choices.findIndex((c) => c.value === value);
    setActive(at >= 0 && at < MAX_SHOWN ? at : 0);
    setOpen(true);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return; // Ctrl+Enter saves a form
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        moveInList(e, { open, count: shown.length, openList: openAll, setActive });
        break;
      case 'Enter':
        e.preventDefault();
        if (open && shown[activeIndex]) choose(shown[activeIndex]);
        break;
      case 'Escape':
        if (open || query !== null) {
          e.preventDefault();
          e.stopPropagation();
          close();
        }
        break;
      case 'Tab':
        if (open && shown[activeIndex] && (query !== null || activeIndex > 0)) choose(shown[activeIndex]);
        else close();
        break;
    }
  };

  return (
    <div className={className ? `choice-combobox ${className}` : 'choice-combobox'}>
      <input
        id={id}
        {...comboBoxProps({ listId, activeId: open && activeIndex >= 0 ? optionId(activeIndex) : null, invalid, describedBy })}
        value={query ?? label}
        title={label}
        onFocus={(e) => e.target.select()}
        onClick={() => {
          if (!open) openAll();
        }}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={close}
      />
      <div className="combo-list" hidden={!open || shown.length === 0}>
        <ul id={listId} role="listbox" aria-label={listLabel}>
          {shown.map((c, i) => (
            <ComboOption key={c.value} id={optionId(i)} active={i === activeIndex} onPick={() => choose(c)}>
              <Highlight text={c.label} query={query ?? ''} />
            </ComboOption>
          ))}
        </ul>
        {more > 0 && <p className="combo-more">Còn {more} lựa chọn khác: gõ thêm để thu hẹp.</p>}
      </div>
      {open && query !== null && query.trim() !== '' && shown.length === 0 && (
        <p className="combo-empty" role="status">
          Không có lựa chọn nào khớp «{query.trim()}»
        </p>
      )}
    </div>
  );
}
