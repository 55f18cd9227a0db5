import type { BackupCounts } from '@db/backup';
import { formatCount } from '@domain/fields';
import { countRows } from './format';

export function CountsTable({ counts, caption }: { counts: BackupCounts; caption: string }) {
  return (
    <table className="backup-counts">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Dữ liệu</th>
          <th scope="col">Số bản ghi</th>
        </tr>
      </thead>
      <tbody>
        {countRows(counts).map((r) => (
          <tr key={r.table}>
            <th scope="row">{r.label}</th>
            <td className="num">{formatCount(r.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
