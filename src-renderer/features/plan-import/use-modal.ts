/**
 * What makes a div an accessible modal: the rest of the page is made inert while it is open,
 * Tab and Shift+Tab cycle inside it, and focus returns to the element that opened it when it
 * closes. (A native <dialog> would do part of this, but Chromium limits how often its Esc
 * "cancel" can be prevented, and we must be able to ask before discarding edits.)
 */
import { useEffect, useLayoutEffect, useState } from 'react';

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

/** Focusable descendants that are visible and not inside an inert subtree. */
export function focusableIn(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => !el.closest('[inert]') && el.getClientRects().length > 0,
  );
}

/**
 * Mark every other child of <body> inert while the modal (rendered in `portal`) is mounted, and
 * give focus back to the opener on unmount.
 */
export function useModalIsolation(portal: HTMLElement): void {
  // Read on the first render, before any effect inside the modal moves focus into it.
  const [opener] = useState(() => document.activeElement);
  useEffect(() => {
    const madeInert: HTMLElement[] = [];
    for (const child of Array.from(document.body.children)) {
      if (child instanceof HTMLElement && child !== portal && !child.inert) {
        child.inert = true;
        madeInert.push(child);
      }
    }
    return () => {
      madeInert.forEach((el) => (el.inert = false));
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [portal, opener]);
}

/** Keep Tab inside `container` (the innermost non-inert layer of the modal). */
export function trapTab(event: KeyboardEvent | React.KeyboardEvent, container: HTMLElement | null): void {
  if (event.key !== 'Tab' || !container) return;
  const items = focusableIn(container);
  if (items.length === 0) {
    event.preventDefault();
    return;
  }
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || !container.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !container.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}

/** A detached element for the modal's portal, attached to <body> while mounted. */
export function usePortalElement(): HTMLElement {
  const [element] = useState(() => {
    const div = document.createElement('div');
    div.className = 'pi-portal';
    return div;
  });
  useLayoutEffect(() => {
    document.body.appendChild(element);
    return () => element.remove();
  }, [element]);
  return element;
}
