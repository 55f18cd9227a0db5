/** Text with the parts matching the search query wrapped in <mark>. */
import type { ReactNode } from 'react';
import { findMatches, type MatchRange } from '@domain/vn-text';

/** "Báo" and "cáo" matched as two words read better as one mark: join ranges split only by spaces. */
function joinAcrossSpaces(text: string, ranges: readonly MatchRange[]): MatchRange[] {
  const out: MatchRange[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && /^\s*$/u.test(text.slice(last.end, r.start))) last.end = r.end;
    else out.push({ ...r });
  }
  return out;
}

export function Highlight({ text, query }: { text: string; query: string }) {
  const nfc = text.normalize('NFC');
  const ranges = joinAcrossSpaces(nfc, query ? findMatches(nfc, query) : []);
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
