/**
 * The app's one modal. It renders in its own layer under <body>; while it stands, everything
 * else in <body> (the page, and any modal below it) is inert, Tab and Shift+Tab cycle inside
 * it, and Esc closes only the topmost modal. On close, focus returns to the control that opened
 * it. A div rather than a native <dialog>: Chromium limits how often a <dialog>'s Esc "cancel"
 * can be prevented, and a dialog must be able to ask before discarding edits.
 *
 * Focus on opening: a descendant marked `data-autofocus`, else the first control, else the box.
 * (React's autoFocus fires before the layer is in the document, so it is lost on first render.)
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { focusableIn, focusIfConnected, trapTab } from './focus';
import './modal.css';

interface Layer {
  element: HTMLElement;
  box: { current: HTMLElement | null };
  /** What Esc does (undefined: nothing, e.g. while a restore runs). */
  escape: { current: (() => void) | undefined };
  /** Where focus goes back to when the layer closes. */
  opener: Element | null;
}

/** Open modals, the topmost last. */
const layers: Layer[] = [];
/** Elements this module made inert (others, made inert by someone else, are left alone). */
const madeInert = new Set<HTMLElement>();

/** Everything in <body> but the topmost layer is inert; with no layer, nothing we marked is. */
function applyInert(): void {
  const top = layers[layers.length - 1];
  for (const el of Array.from(madeInert)) {
    if (!el.isConnected) madeInert.delete(el);
  }
  for (const child of Array.from(document.body.children)) {
    if (!(child instanceof HTMLElement)) continue;
    const shouldBeInert = top !== undefined && child !== top.element;
    if (shouldBeInert && !child.hasAttribute('inert')) {
      child.setAttribute('inert', '');
      madeInert.add(child);
    } else if (!shouldBeInert && madeInert.has(child)) {
      child.removeAttribute('inert');
      madeInert.delete(child);
    }
  }
}

/** Esc and Tab, heard on the document so that they work even after the focused control was removed. */
function onDocumentKeyDown(event: KeyboardEvent): void {
  const top = layers[layers.length - 1];
  if (!top) return;
  if (event.key === 'Tab') trapTab(event, top.box.current);
  // An Esc a control inside already handled (a combobox, a row's editor) is left alone.
  if (event.key !== 'Escape' || event.defaultPrevented) return;
  event.preventDefault();
  top.escape.current?.();
}

export interface ModalProps {
  /**
   * The heading: the modal draws its standard head (title and ✕) and body. Omit it when the
   * dialog draws its own heading and names it with `labelledBy`.
   */
  title?: ReactNode;
  labelledBy?: string;
  describedBy?: string;
  role?: 'dialog' | 'alertdialog';
  /** Esc, ✕ and (with closeOnBackdrop) a click beside the box call it; omit it while the dialog must stay. */
  onClose?: () => void;
  closeOnBackdrop?: boolean;
  /** The box's own class (its width, its layout). */
  className?: string;
  backdropClassName?: string;
  busy?: boolean;
  children: ReactNode;
}

export function Modal({
  title,
  labelledBy,
  describedBy,
  role = 'dialog',
  onClose,
  closeOnBackdrop = false,
  className,
  backdropClassName,
  busy,
  children,
}: ModalProps) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const escape = useRef(onClose);
  useLayoutEffect(() => {
    escape.current = onClose;
  }, [onClose]);
  // Read on the first render, before anything inside the modal takes focus.
  const [opener] = useState(() => document.activeElement);
  const [element] = useState(() => {
    const div = document.createElement('div');
    div.className = 'modal-layer';
    return div;
  });

  useLayoutEffect(() => {
    const layer: Layer = { element, box, escape, opener };
    document.body.appendChild(element);
    layers.push(layer);
    if (layers.length === 1) document.addEventListener('keydown', onDocumentKeyDown);
    applyInert();
    return () => {
      const index = layers.indexOf(layer);
      // A modal closing under one still open (both are going, the outer first): the one above
      // gives focus back to where this one was opened from, not into this closing layer.
      const above = layers[index + 1];
      if (above && (!above.opener?.isConnected || element.contains(above.opener))) above.opener = layer.opener;
      layers.splice(index, 1);
      if (layers.length === 0) document.removeEventListener('keydown', onDocumentKeyDown);
      element.remove();
      applyInert();
      if (!above) focusIfConnected(layer.opener);
    };
  }, [element, opener]);

  useEffect(() => {
    const root = box.current;
    if (!root || root.contains(document.activeElement)) return;
    (root.querySelector<HTMLElement>('[data-autofocus]') ?? focusableIn(root)[0] ?? root).focus();
  }, []);

  return createPortal(
    <div
      className={`modal-backdrop ${backdropClassName ?? ''}`}
      onMouseDown={closeOnBackdrop ? (e) => e.target === e.currentTarget && onClose?.() : undefined}
    >
      <div
        ref={box}
        className={`modal ${className ?? ''}`}
        role={role}
        aria-modal="true"
        aria-labelledby={labelledBy ?? titleId}
        aria-describedby={describedBy}
        aria-busy={busy || undefined}
        tabIndex={-1}
      >
        {title !== undefined ? (
          <>
            <div className="modal-head">
              <h2 id={titleId}>{title}</h2>
              {onClose && (
                <button type="button" className="modal-close" onClick={onClose} aria-label="Đóng">
                  ✕
                </button>
              )}
            </div>
            <div className="modal-body">{children}</div>
          </>
        ) : (
          children
        )}
      </div>
    </div>,
    element,
  );
}
