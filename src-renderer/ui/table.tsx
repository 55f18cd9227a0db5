/** Table cells the screens share. */
import type { ReactNode } from 'react';

/** The header of a column of numbers, right-aligned like its figures. */
export function NumTh({ children, className, title }: { children: ReactNode; className?: string; title?: string }) {
  return (
    <th scope="col" className={`num ${className ?? ''}`} title={title}>
      {children}
    </th>
  );
}
