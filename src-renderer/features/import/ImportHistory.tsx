/**
 * «Lịch sử nhập» of the active plan: every submission, newest import first, with its state and
 * figures, and «Rút bản nộp» (confirmed on the row) for one not withdrawn yet.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { listSubmissions, withdrawSubmission, type SubmissionRecord } from '@db';
import { isConsolidated, type UnitReport } from '@domain/report';
import { formatInstantVn } from '@domain/vn-time';
import { errorText } from './import-cards';
import { recheck } from './import-store';

const STATE_TEXT: Record<SubmissionRecord['state'], string> = {
  active: 'Đang dùng',
  superseded: 'Đã bị thay thế',
  withdrawn: 'Đã rút',
};

/**
 * "Số liệu" of a submission, from what it holds (not the stored counts, which count every row of the
 * file): the items given a status, the activities, the indicators with a value other than 0. A
 * consolidated report carries no statuses of its own: its units are counted instead.
 */
function figuresText(report: UnitReport): string {
  const indicators = report.indicators.filter((i) => i.value !== 0).length;
  const tail = `${report.activities.length} hoạt động, ${indicators} chỉ tiêu có số liệu`;
  if (isConsolidated(report)) return `${report.consolidation.units.length} đơn vị, ${tail}`;
  return `${report.items.filter((i) => i.status !== null).length} nhiệm vụ có tiến độ, ${tail}`;
}

export function ImportHistory({ planId }: { planId: string }) {
  const rows = useLiveQuery(() => listSubmissions(planId), [planId]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState('');
  const titleId = useId();

  async function withdraw(id: string): Promise<void> {
    setError('');
    try {
      await withdrawSubmission(id);
      setConfirming(null);
      // The kept previews may say "trùng" or "thay thế" about what was just withdrawn.
      void recheck();
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <section className="settings-card import-history" aria-labelledby={titleId}>
      <h2 id={titleId}>Lịch sử nhập</h2>
      {rows === undefined ? (
        <p className="muted">Đang tải…</p>
      ) : rows.length === 0 ? (
        <p className="muted">Chưa nhập tệp nào cho kế hoạch này.</p>
      ) : (
        <div className="import-table-wrap">
          <table className="import-table">
            <thead>
              <tr>
                <th scope="col">Tệp</th>
                <th scope="col">Đơn vị</th>
                <th scope="col">Kỳ</th>
                <th scope="col">Xuất lúc</th>
                <th scope="col">Nhập lúc</th>
                <th scope="col">Tình trạng</th>
                <th scope="col">Số liệu</th>
                <th scope="col">Thao tác</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.id}>
                  <td className="import-cell-file" title={`SHA-256: ${s.fileHash}`}>
                    {s.fileName}
                  </td>
                  <td>
                    {s.unitName} <span className="muted">({s.unitCode})</span>
                    {s.report.kind === 'consolidated' && <span className="muted"> · báo cáo tổng hợp</span>}
                  </td>
                  <td>{s.report.period.name || s.periodKey}</td>
                  <td>{formatInstantVn(s.exportedAt)}</td>
                  <td>{formatInstantVn(s.importedAt)}</td>
                  <td>
                    <span className={`import-state import-state-${s.state}`}>{STATE_TEXT[s.state]}</span>
                  </td>
                  <td>{figuresText(s.report)}</td>
                  <td>
                    {s.state !== 'withdrawn' &&
                      (confirming === s.id ? (
                        <span className="import-confirm">
                          <button type="button" className="danger" onClick={() => void withdraw(s.id)}>
                            Xác nhận rút
                          </button>
                          <button type="button" onClick={() => setConfirming(null)}>
                            Không rút
                          </button>
                        </span>
                      ) : (
                        <button type="button" onClick={() => setConfirming(s.id)} aria-label={`Rút bản nộp ${s.fileName}`}>
                          Rút bản nộp
                        </button>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
