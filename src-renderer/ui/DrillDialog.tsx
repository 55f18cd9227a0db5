/**
 * The units, items and activities behind one figure of «Tổng hợp» or a chart of «Tổng quan»
 * (a modal dialog): focus starts on "Đóng", Esc or a click beside it closes, and focus returns
 * to the figure that opened it.
 */
import { useId, type ReactNode } from 'react';
import { ACTIVITY_TYPE_LABELS } from '@domain/activity';
import { formatCount as n } from '@domain/fields';
import { formatDateVn } from '@domain/periods';
import type { Drill } from '@domain/consolidation-drill';
import { Modal } from './Modal';
import './drill-dialog.css';

/** One list of the dialog: its heading with the count, the table, or a line saying there is none. */
function DrillSection({ title, count, none, head, children }: { title: string; count: number; none: string; head: ReactNode; children: ReactNode }) {
  return (
    <>
      <h3>
        {title} ({n(count)})
      </h3>
      {count === 0 ? (
        <p className="muted">{none}</p>
      ) : (
        <table className="drill-table">
          <thead>
            <tr>{head}</tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      )}
    </>
  );
}

export function DrillDialog({ drill, onClose }: { drill: Drill; onClose: () => void }) {
  const id = useId();
  const withValue = drill.activities.some((a) => a.value !== null);
  return (
    <Modal labelledBy={`${id}-t`} onClose={onClose} closeOnBackdrop className="drill-dialog">
      <div className="drill-dialog-head">
        <h2 id={`${id}-t`}>{drill.title}</h2>
        <button type="button" data-autofocus onClick={onClose}>
          Đóng
        </button>
      </div>
      {drill.note && <p className="drill-dialog-note">{drill.note}</p>}
      <div className="drill-dialog-body">
        <DrillSection
          title="Đơn vị"
          count={drill.units.length}
          none="Không có đơn vị nào."
          head={
            <>
              <th scope="col">Mã đơn vị</th>
              <th scope="col">Tên đơn vị</th>
              {drill.figureLabel && (
                <th scope="col" className="num">
                  {drill.figureLabel}
                </th>
              )}
            </>
          }
        >
          {drill.units.map((u) => (
            <tr key={u.unitCode}>
              <td>{u.unitCode}</td>
              <td>{u.unitName}</td>
              {drill.figureLabel && <td className="num">{n(u.figure)}</td>}
            </tr>
          ))}
        </DrillSection>
        {drill.items && (
          <DrillSection
            title="Nhiệm vụ"
            count={drill.items.length}
            none="Không có nhiệm vụ nào."
            head={
              <>
                <th scope="col">Mã</th>
                <th scope="col">Nội dung nhiệm vụ</th>
                <th scope="col">{drill.itemDetailLabel ?? ''}</th>
              </>
            }
          >
            {drill.items.map((it) => (
              <tr key={it.id}>
                <td className="nowrap">{it.id}</td>
                <td>{it.text}</td>
                <td>{it.detail}</td>
              </tr>
            ))}
          </DrillSection>
        )}
        <DrillSection
          title="Hoạt động"
          count={drill.activities.length}
          none="Không có hoạt động nào."
          head={
            <>
              <th scope="col">Ngày</th>
              <th scope="col">Đơn vị</th>
              <th scope="col">Nhiệm vụ</th>
              <th scope="col">Loại hoạt động</th>
              <th scope="col">Tên hoạt động</th>
              {withValue && (
                <th scope="col" className="num">
                  Giá trị
                </th>
              )}
            </>
          }
        >
          {drill.activities.map(({ activity: a, unitName, value }) => (
            <tr key={`${a.unitCode}|${a.id}`}>
              <td className="nowrap">{formatDateVn(a.date)}</td>
              <td title={a.unitCode}>{unitName}</td>
              <td>{a.itemIds.join(', ')}</td>
              <td>{ACTIVITY_TYPE_LABELS[a.type] ?? a.type}</td>
              <td>{a.title}</td>
              {withValue && <td className="num">{value === null ? '' : n(value)}</td>}
            </tr>
          ))}
        </DrillSection>
      </div>
    </Modal>
  );
}
