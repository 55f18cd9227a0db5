/**
 * The one-line notices of the screens: what is being done (read out politely) and what went
 * wrong (read out at once), each in its one look.
 */
import type { ReactNode } from 'react';

/** "Đang …": work under way. */
export function Pending({ children }: { children: ReactNode }) {
  return (
    <p className="muted" role="status">
      {children}
    </p>
  );
}

/** A refusal or a failure, with what to do about it. */
export function Problem({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <p className={`field-error ${className ?? ''}`} role="alert">
      {children}
    </p>
  );
}
