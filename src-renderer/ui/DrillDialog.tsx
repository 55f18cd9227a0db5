/**
 * The units, items and activities behind one figure of «Tổng hợp» or a chart of «Tổng quan»
 * (a modal dialog): focus starts on "Đóng", Tab stays inside, Esc closes, and focus returns to
 * the figure that opened it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { ACTIVITY_TYPE_LABELS } from '@domain/activity';
import { formatDateVn } from '@domain/periods';
import type { Drill } from '@domain/consolidation-drill';
import { trapTab } from '../features/plan-import/use-modal';
import './drill-dialog.css';

const n = (x: number) => x.toLocaleString('vi-VN');

export function DrillDialog({ drill, onClose }: { drill: Drill; onClose: () => void }) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const [opener] = useState(() => document.activeElement);
  useEffect(() => {
    close.current?.focus();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [opener]);
  const withValue = drill.activities.some((a) => a.value !== null);
  return (
    <div className="drill-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={box}
        className="drill-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-t`}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          } else trapTab(e, box.current);
        }}
      >
        <div className="drill-dialog-head">
          <h2 id={`${id}-t`}>{drill.title}</h2>
          <button type="button" ref={close} onClick={onClose}>
            Đóng
          </button>
        </div>
        {drill.note && <p className="drill-dialog-note">{drill.note}</p>}
        <div className="drill-dialog-body">
          <h3>Đơn vị ({n(drill.units.length)})</h3>
          {drill.units.length === 0 ? (
            <p className="muted">Không có đơn vị nào.</p>
          ) : (
            <table className="drill-table">
              <thead>
                <tr>
                  <th scope="col">Mã đơn vị</th>
                  <th scope="col">Tên đơn vị</th>
                  {drill.figureLabel && (
                    <th scope="col" className="num">
                      {drill.figureLabel}
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {drill.units.map((u) => (
                  <tr key={u.unitCode}>
                    <td>{u.unitCode}</td>
                    <td>{u.unitName}</td>
                    {drill.figureLabel && <td className="num">{n(u.figure)}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {drill.items && (
            <>
              <h3>Nhiệm vụ ({n(drill.items.length)})</h3>
              {drill.items.length === 0 ? (
                <p className="muted">Không có nhiệm vụ nào.</p>
              ) : (
                <table className="drill-table">
                  <thead>
                    <tr>
                      <th scope="col">Mã</th>
                      <th scope="col">Nội dung nhiệm vụ</th>
                      <th scope="col">{drill.itemDetailLabel ?? ''}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {drill.items.map((it) => (
                      <tr key={it.id}>
                        <td className="nowrap">{it.id}</td>
                        <td>{it.text}</td>
                        <td>{it.detail}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          )}
          <h3>Hoạt động ({n(drill.activities.length)})</h3>
          {drill.activities.length === 0 ? (
            <p className="muted">Không có hoạt động nào.</p>
          ) : (
            <table className="drill-table">
              <thead>
                <tr>
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
                </tr>
              </thead>
              <tbody>
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
              </tbody>
            </table>
          )}
        </div>
      </div>
    </div>
  );
}
