// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfirmDialog } from '@ui/ConfirmDialog';
import { Modal } from '@ui/Modal';

/** A page with a button that opens «Sửa», which can open «Xóa?» on top of it; «Xóa hẳn» closes both. */
function Page() {
  const [outer, setOuter] = useState(false);
  const [inner, setInner] = useState(false);
  return (
    <main>
      <button type="button" onClick={() => setOuter(true)}>
        Mở
      </button>
      <button type="button">Nút khác của trang</button>
      {outer && (
        <Modal title="Sửa" onClose={() => setOuter(false)}>
          <input aria-label="Tên" data-autofocus />
          <button type="button" onClick={() => setInner(true)}>
            Xóa
          </button>
          {inner && (
            <ConfirmDialog title="Xóa?" message="Không khôi phục được." confirmLabel="Xóa hẳn" onConfirm={() => setOuter(false)} onCancel={() => setInner(false)} />
          )}
        </Modal>
      )}
    </main>
  );
}

const press = (key: string, shiftKey = false) => fireEvent.keyDown(document.activeElement ?? document.body, { key, shiftKey });
/** The child of <body> that holds `el` (the page's container or a modal's layer). */
const layerOf = (el: HTMLElement) => Array.from(document.body.children).find((c) => c.contains(el)) as HTMLElement;

afterEach(cleanup);

describe('Modal', () => {
  it('makes the page inert, starts focus inside, keeps Tab inside and gives focus back on Esc', () => {
    render(<Page />);
    const opener = screen.getByRole('button', { name: 'Mở' });
    opener.focus();
    fireEvent.click(opener);

    const dialog = screen.getByRole('dialog', { name: 'Sửa' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(layerOf(opener).hasAttribute('inert')).toBe(true);
    expect(layerOf(dialog).hasAttribute('inert')).toBe(false);
    expect(document.activeElement).toBe(within(dialog).getByRole('textbox', { name: 'Tên' }));

    // The controls of the dialog, in order: ✕ (Đóng), Tên, Xóa. Tab past the last wraps to the first, and back.
    within(dialog).getByRole('button', { name: 'Xóa' }).focus();
    press('Tab');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Đóng' }));
    press('Tab', true);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Xóa' }));
    // Focus lost to the page (a removed control): the next Tab lands inside again.
    act(() => (document.activeElement as HTMLElement).blur());
    press('Tab');
    expect(dialog.contains(document.activeElement)).toBe(true);

    press('Escape');
    expect(screen.queryByRole('dialog', { name: 'Sửa' })).toBeNull();
    expect(layerOf(opener).hasAttribute('inert')).toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  it('stacks: the modal below is inert too, and Esc closes only the topmost', () => {
    render(<Page />);
    const opener = screen.getByRole('button', { name: 'Mở' });
    opener.focus();
    fireEvent.click(opener);
    const outer = screen.getByRole('dialog', { name: 'Sửa' });
    const askDelete = within(outer).getByRole('button', { name: 'Xóa' });
    askDelete.focus();
    fireEvent.click(askDelete);

    const confirm = screen.getByRole('alertdialog', { name: 'Xóa?' });
    expect(document.getElementById(confirm.getAttribute('aria-describedby')!)?.textContent).toBe('Không khôi phục được.');
    expect(layerOf(outer).hasAttribute('inert')).toBe(true);
    expect(layerOf(opener).hasAttribute('inert')).toBe(true);
    // The safe choice has focus; Tab cycles between the two buttons of the confirmation only.
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Hủy' }));
    press('Tab');
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Xóa hẳn' }));

    press('Escape');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Sửa' })).toBe(outer);
    expect(layerOf(outer).hasAttribute('inert')).toBe(false);
    expect(layerOf(opener).hasAttribute('inert')).toBe(true);
    expect(document.activeElement).toBe(askDelete);

    press('Escape');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
    expect(document.querySelectorAll('[inert]')).toHaveLength(0);
  });

  it('gives focus back to the page when both stacked modals close at once', () => {
    render(<Page />);
    const opener = screen.getByRole('button', { name: 'Mở' });
    opener.focus();
    fireEvent.click(opener);
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Sửa' })).getByRole('button', { name: 'Xóa' }));
    fireEvent.click(within(screen.getByRole('alertdialog', { name: 'Xóa?' })).getByRole('button', { name: 'Xóa hẳn' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.querySelectorAll('[inert]')).toHaveLength(0);
    expect(document.activeElement).toBe(opener);
  });

  it('leaves an Esc that a control inside already handled, and stays while it may not close', () => {
    function Busy() {
      const [open, setOpen] = useState(true);
      const [busy, setBusy] = useState(true);
      return open ? (
        <Modal title="Đang khôi phục" onClose={busy ? undefined : () => setOpen(false)}>
          <input aria-label="Ô" onKeyDown={(e) => e.key === 'Escape' && e.preventDefault()} />
          <button type="button" onClick={() => setBusy(false)}>
            Xong
          </button>
        </Modal>
      ) : null;
    }
    render(<Busy />);
    press('Escape');
    expect(screen.getByRole('dialog', { name: 'Đang khôi phục' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Đóng' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Xong' }));
    screen.getByRole('textbox', { name: 'Ô' }).focus();
    press('Escape');
    expect(screen.getByRole('dialog', { name: 'Đang khôi phục' })).toBeTruthy();
    screen.getByRole('button', { name: 'Xong' }).focus();
    press('Escape');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
