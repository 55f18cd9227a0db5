// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChoiceCombobox, MAX_SHOWN, type Choice } from '@ui/ChoiceCombobox';

/** A province's units: 2,000 choices, two of them with names that fold alike. */
const CHOICES: Choice[] = [
  { value: '', label: 'Tất cả' },
  { value: 'HT', label: 'CĐCS Công ty May Hòa Thành' },
  { value: 'PM', label: 'CĐCS Trường THCS Phước Minh' },
  ...Array.from({ length: 1997 }, (_, i) => ({ value: `U${i}`, label: `CĐCS Đơn vị số ${i + 1}` })),
];

function Harness({ onChange, onOuterKey }: { onChange?: (v: string) => void; onOuterKey?: (key: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <div onKeyDown={(e) => onOuterKey?.(e.key)}>
      <label htmlFor="unit">Đơn vị</label>
      <ChoiceCombobox
        id="unit"
        choices={CHOICES}
        value={value}
        onChange={(v) => {
          setValue(v);
          onChange?.(v);
        }}
        listLabel="Đơn vị phù hợp"
      />
      <span data-testid="value">{value}</span>
    </div>
  );
}

const box = () => screen.getByRole('combobox', { name: 'Đơn vị' }) as HTMLInputElement;
const options = () => within(screen.getByRole('listbox', { hidden: true })).queryAllByRole('option', { hidden: true });
const activeOption = () => document.getElementById(box().getAttribute('aria-activedescendant') ?? '');

afterEach(cleanup);

describe('ChoiceCombobox', () => {
  it('closed, it shows the choice made and draws no option, whatever the number of choices', () => {
    render(<Harness />);
    expect(box().value).toBe('Tất cả');
    expect(box().getAttribute('aria-expanded')).toBe('false');
    expect(options()).toHaveLength(0);
  });

  it('typing without accents draws only the matching choices; Enter chooses the highlighted one', () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    fireEvent.focus(box());
    fireEvent.change(box(), { target: { value: 'hoa thanh' } });
    expect(box().getAttribute('aria-expanded')).toBe('true');
    expect(options().map((o) => o.textContent)).toEqual(['CĐCS Công ty May Hòa Thành']);
    expect(activeOption()?.textContent).toBe('CĐCS Công ty May Hòa Thành');
    const enter = fireEvent.keyDown(box(), { key: 'Enter' });
    expect(enter).toBe(false); // never submits the form around it
    expect(onChange).toHaveBeenCalledWith('HT');
    expect(box().value).toBe('CĐCS Công ty May Hòa Thành');
    expect(box().getAttribute('aria-expanded')).toBe('false');
  });

  it('draws at most MAX_SHOWN matches and says how many more there are', () => {
    render(<Harness />);
    fireEvent.change(box(), { target: { value: 'don vi so' } });
    expect(options()).toHaveLength(MAX_SHOWN);
    expect(screen.getByText(`Còn ${1997 - MAX_SHOWN} lựa chọn khác: gõ thêm để thu hẹp.`)).toBeTruthy();
    fireEvent.change(box(), { target: { value: 'don vi so 1999' } });
    expect(options().map((o) => o.textContent)).toEqual([]);
    expect(screen.getByRole('status').textContent).toBe('Không có lựa chọn nào khớp «don vi so 1999»');
  });

  it('↓ opens on the choice made, ↓/↑ move; Esc closes and keeps the choice; an Esc with nothing open is the screen’s', () => {
    const onChange = vi.fn();
    const outer = vi.fn();
    render(<Harness onChange={onChange} onOuterKey={outer} />);
    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    expect(activeOption()?.textContent).toBe('Tất cả');
    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    fireEvent.keyDown(box(), { key: 'ArrowUp' });
    expect(activeOption()?.textContent).toBe('CĐCS Công ty May Hòa Thành');
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith('HT');
    // Opened again: on the choice now made.
    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    expect(activeOption()?.textContent).toBe('CĐCS Công ty May Hòa Thành');
    fireEvent.change(box(), { target: { value: 'phuoc' } });
    fireEvent.keyDown(box(), { key: 'Escape' });
    expect(box().value).toBe('CĐCS Công ty May Hòa Thành');
    expect(box().getAttribute('aria-expanded')).toBe('false');
    expect(outer).not.toHaveBeenCalledWith('Escape');
    fireEvent.keyDown(box(), { key: 'Escape' });
    expect(outer).toHaveBeenCalledWith('Escape');
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('Tab takes the highlighted match once something was typed; Ctrl+Enter is left to the form', () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    fireEvent.change(box(), { target: { value: 'phuoc minh' } });
    expect(fireEvent.keyDown(box(), { key: 'Enter', ctrlKey: true })).toBe(true);
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.keyDown(box(), { key: 'Tab' });
    expect(onChange).toHaveBeenCalledWith('PM');
    // Tab through without typing changes nothing.
    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    fireEvent.keyDown(box(), { key: 'Tab' });
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('a click on a match chooses it; leaving the box closes the list and shows the choice made', () => {
    render(<Harness />);
    fireEvent.change(box(), { target: { value: 'số 17' } });
    const option = options().find((o) => o.textContent === 'CĐCS Đơn vị số 17')!;
    expect(fireEvent.mouseDown(option)).toBe(false); // focus stays in the box
    fireEvent.click(option);
    expect(screen.getByTestId('value').textContent).toBe('U16');
    fireEvent.change(box(), { target: { value: 'hoa' } });
    fireEvent.blur(box());
    expect(box().value).toBe('CĐCS Đơn vị số 17');
    expect(options()).toHaveLength(0);
  });
});
