/** Text with the parts matching the search query wrapped in <mark>. */
import type { ReactNode } from 'react';
import { findMatches } from '@domain/vn-text';

export function Highlight({ text, query }: { text: string; query: string }) {
  const nfc = text.normalize('NFC');
  const ranges = query ? findMatches(nfc, query) : [];
  if (ranges.length === 0) return <>{nfc}</>;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start > at) parts.push(nfc.slice(at, r.start));
    parts.push(<mark key={r.start}>{nfc.slice(r.start, r.end)}</mark>);
    at = r.end;
  }
  if (at < nfc.length) parts.push(nfc.slice(at));
  return <>{parts}</>;
}
