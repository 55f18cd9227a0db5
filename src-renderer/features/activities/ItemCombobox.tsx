/**
 * "Nhiệm vụ": choose one or more plan items by typing part of their text (accents optional) or
 * their id ("III.2.4", "iii.2"). ARIA combobox with a listbox popup (editable combobox with list
 * autocomplete): ↑/↓ move, Enter adds, Esc closes, Backspace in the empty box removes the last
 * chip. Chosen items show as chips.
 */
import { forwardRef, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { PlanNode } from '@domain/plan-types';
import { fold, matchesQuery, queryWords } from '@domain/vn-text';
import { comboBoxProps, ComboOption, moveInList } from '@ui/combo-parts';
import { Highlight } from '@ui/Highlight';
import '@ui/combobox.css';

const MAX_OPTIONS = 60;
const ID_QUERY = /^[ivxlcdm]+(?:\.\d*)*$/i;

/**
 * Items matching the query, best first: by id prefix (when it looks like an id), then those
 * containing the query as one phrase ("bao cao ket qua"), then those containing all its words
 * anywhere; document order within each tier.
 */
export function matchItems(items: readonly PlanNode[], query: string, exclude: ReadonlySet<string>): PlanNode[] {
  const q = query.trim();
  const pool = items.filter((n) => !exclude.has(n.id));
  if (q === '') return pool.slice(0, MAX_OPTIONS);
  const byId: PlanNode[] = [];
  const phrase: PlanNode[] = [];
  const words: PlanNode[] = [];
  const idQuery = ID_QUERY.test(q) ? q.toUpperCase().replace(/\.$/, '') : null;
  const folded = queryWords(q).join(' ');
  for (const n of pool) {
    if (idQuery && (n.id === idQuery || n.id.startsWith(`${idQuery}.`))) byId.push(n);
    else if (fold(n.text).replace(/\s+/g, ' ').includes(folded)) phrase.push(n);
    else if (matchesQuery(n.text, q)) words.push(n);
  }
  return [...byId, ...phrase, ...words].slice(0, MAX_OPTIONS);
}

/** "III.2.4" with the typed prefix "iii.2" marked. */
function IdPrefix({ id, prefix }: { id: string; prefix: string }) {
  const n = id.toUpperCase().startsWith(prefix.toUpperCase()) ? prefix.length : 0;
  return n === 0 ? (
    <>{id}</>
  ) : (
    <>
      <mark>{id.slice(0, n)}</mark>
      {id.slice(n)}
    </>
  );
}

interface Props {
  id: string;
  items: readonly PlanNode[];
  value: string[];
  onChange: (ids: string[]) => void;
  invalid: boolean;
  describedBy: string | undefined;
}

export const ItemCombobox = forwardRef<HTMLInputElement, Props>(function ItemCombobox(
  { id, items, value, onChange, invalid, describedBy },
  ref,
) {
  const listId = useId();
  const hintId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const byId = useMemo(() => new Map(items.map((n) => [n.id, n])), [items]);
  const chosen = useMemo(() => new Set(value), [value]);
  const options = useMemo(() => (open ? matchItems(items, query, chosen) : []), [open, items, query, chosen]);
  const activeIndex = Math.min(active, options.length - 1);
  const optionId = (i: number) => `${listId}-o${i}`;
  const idLooking = ID_QUERY.test(query.trim());

  const add = (node: PlanNode) => {
    onChange([...value, node.id]);
    setQuery('');
    setActive(0);
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.ctrlKey || e.metaKey) return; // Ctrl+Enter saves the form
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        moveInList(e, {
          open,
          count: options.length,
          openList: () => {
            setOpen(true);
            setActive(0);
          },
          setActive,
        });
        break;
      case 'Enter':
        // Enter never submits from here: it adds the highlighted item (or does nothing).
        e.preventDefault();
        if (open && activeIndex >= 0 && options[activeIndex]) add(options[activeIndex]);
        break;
      case 'Escape':
        if (open || query !== '') {
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
          if (!open) setQuery('');
        }
        break;
      case 'Backspace':
        if (query === '' && value.length > 0) {
          e.preventDefault();
          onChange(value.slice(0, -1));
        }
        break;
      case 'Tab':
        setOpen(false);
        break;
    }
  };

  return (
    <div className="item-combobox">
      {value.length > 0 && (
        <ul className="chips" aria-label="Nhiệm vụ đã chọn">
          {value.map((itemId) => {
            const node = byId.get(itemId);
            return (
              <li key={itemId} className="chip" title={node?.text}>
                <span className="chip-id">{itemId}</span>
                <button
                  type="button"
                  tabIndex={-1}
                  aria-label={`Bỏ nhiệm vụ ${itemId}`}
                  onClick={() => onChange(value.filter((v) => v !== itemId))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <input
        ref={ref}
        id={id}
        {...comboBoxProps({ listId, activeId: open && activeIndex >= 0 ? optionId(activeIndex) : null, invalid, describedBy: [hintId, describedBy].filter(Boolean).join(' ') })}
        placeholder={value.length > 0 ? 'Thêm nhiệm vụ khác…' : 'Gõ nội dung (không dấu cũng được) hoặc mã, vd. III.2.4'}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(e.target.value.trim() !== '');
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <span id={hintId} className="visually-hidden">
        Mũi tên lên, xuống để chọn, Enter để thêm, Backspace để bỏ nhiệm vụ cuối.
      </span>
      <ul
        id={listId}
        role="listbox"
        aria-label="Nhiệm vụ phù hợp"
        className="combo-list"
        hidden={!open || options.length === 0}
      >
        {options.map((n, i) => (
          <ComboOption key={n.id} id={optionId(i)} active={i === activeIndex} onPick={() => add(n)}>
            <span className="option-id">{idLooking ? <IdPrefix id={n.id} prefix={query.trim()} /> : n.id}</span>{' '}
            <span className="option-text">{idLooking ? n.text : <Highlight text={n.text} query={query} />}</span>
          </ComboOption>
        ))}
      </ul>
      {open && query.trim() !== '' && options.length === 0 && (
        <p className="combo-empty" role="status">
          Không có nhiệm vụ nào khớp «{query.trim()}»
        </p>
      )}
    </div>
  );
});
