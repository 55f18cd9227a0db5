/**
 * Each unit counted once (domain/double-count.ts), said on «Tổng hợp»: the units whose own file
 * is left out because a consolidated report already counts them, and the units two consolidated
 * reports both cover (the officer must withdraw one in «Nhập dữ liệu»), and a code two upper
 * levels gave to two different units (both counted; one should be re-coded).
 */
import { codeClashMessage, countedElsewhereMessage, coveredTwiceMessage } from '@domain/double-count';
import type { ConsolidationResult } from '@domain/consolidate';

export function CountingNotes({ result }: { result: ConsolidationResult }) {
  const { countedElsewhere, coveredTwice, codeClashes } = result;
  if (countedElsewhere.length === 0 && coveredTwice.length === 0 && codeClashes.length === 0) return null;
  return (
    <section className="settings-card cons-section cons-counting" aria-label="Đơn vị chỉ tính một lần">
      <h2>Đơn vị chỉ tính một lần</h2>
      <ul>
        {countedElsewhere.map((c) => (
          <li key={`e-${c.unitCode}`}>{countedElsewhereMessage(c)}</li>
        ))}
        {codeClashes.map((c) => (
          <li key={`c-${c.unitCode}-${c.byCode}`}>{codeClashMessage(c)}</li>
        ))}
        {coveredTwice.map((t) => (
          <li key={`t-${t.unitCode}`} className="cons-counting-twice">
            {coveredTwiceMessage(t)}
          </li>
        ))}
      </ul>
    </section>
  );
}
