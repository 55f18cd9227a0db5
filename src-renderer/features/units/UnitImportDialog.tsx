/**
 * "Nhập danh sách từ Excel/CSV…": choose the file → map its columns → preview → one transaction.
 * The file is read in a worker (read-unit-file.ts) with progress and "Hủy"; a preview with
 * errors cannot be applied, so a bad file leaves nothing written.
 */
import { useId, useMemo, useRef, useState } from 'react';
import { applyUnitImport, OperationError, type UnitImportResult, type UnitRecord } from '@db';
import { platform } from '@platform';
import { UNIT_TYPE_LABELS, type UnitLevel } from '@domain/units';
import { Modal } from '@ui/Modal';
import { readUnitFile, ReadCancelled } from './read-unit-file';
import {
  guessMapping,
  previewUnitImport,
  UNIT_FIELD_LABELS,
  UNIT_FIELDS,
  type ColumnMapping,
  type ImportAction,
  type UnitField,
  type UnitTable,
} from './unit-import';
import { officerMessage } from '@domain/officer-message';
import { Problem } from '@ui/notice';

type Step =
  | { kind: 'choose'; error?: string }
  | { kind: 'reading'; fileName: string }
  | { kind: 'map'; fileName: string; table: UnitTable }
  | { kind: 'preview'; fileName: string; table: UnitTable }
  | { kind: 'done'; result: UnitImportResult };

const ACTION_LABELS: Record<ImportAction, string> = {
  add: 'Thêm mới',
  update: 'Cập nhật',
  unchanged: 'Không đổi',
  error: 'Lỗi',
};

const columnLetter = (i: number): string => {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

export function UnitImportDialog({
  units,
  ownUnit,
  level,
  onClose,
}: {
  units: UnitRecord[];
  ownUnit: UnitRecord;
  level: UnitLevel;
  onClose: () => void;
}) {
  const id = useId();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [applyError, setApplyError] = useState<string | null>(null);
  const [showOnly, setShowOnly] = useState<'all' | 'changes' | 'error'>('all');
  const reading = useRef<AbortController | null>(null);

  async function choose() {
    let files;
    try {
      files = await platform.openFiles({ filters: [{ name: 'Danh sách đơn vị (Excel, CSV)', extensions: ['xlsx', 'csv'] }] });
    } catch (e) {
      setStep({ kind: 'choose', error: officerMessage(e) });
      return;
    }
    const file = files[0];
    if (!file) return;
    setStep({ kind: 'reading', fileName: file.name });
    const controller = new AbortController();
    reading.current = controller;
    try {
      const table = await readUnitFile(file, controller.signal);
      setMapping(guessMapping(table.headers));
      setStep({ kind: 'map', fileName: file.name, table });
    } catch (e) {
      if (e instanceof ReadCancelled) setStep({ kind: 'choose' });
      else setStep({ kind: 'choose', error: officerMessage(e) });
    } finally {
      reading.current = null;
    }
  }

  const preview = useMemo(() => {
    if (step.kind !== 'preview' || !mapping) return null;
    return previewUnitImport(step.table, mapping, units, { level, parentName: ownUnit.name, ownCode: ownUnit.code });
  }, [step, mapping, units, level, ownUnit]);

  async function apply() {
    if (!preview) return;
    try {
      const result = await applyUnitImport(preview.rows);
      setStep({ kind: 'done', result });
    } catch (e) {
      setApplyError(e instanceof OperationError ? e.message : 'Không nhập được. Chưa ghi đơn vị nào; hãy thử lại.');
    }
  }

  const close = () => {
    reading.current?.abort();
    onClose();
  };

  return (
    <Modal title="Nhập danh sách đơn vị từ Excel/CSV" onClose={close} className="units-modal unit-import-modal">
      {step.kind === 'choose' && (
        <div className="import-choose">
          <p>
            Chọn tệp .xlsx hoặc .csv danh sách đơn vị của văn phòng. Dòng tiêu đề cột được tự tìm (có thể nằm dưới tên bảng).
            Đơn vị có mã đã có sẽ được cập nhật, không thêm trùng; dòng không có mã được tự tạo mã.
          </p>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => void choose()} data-autofocus>
              Chọn tệp…
            </button>
            <button type="button" onClick={close}>
              Hủy
            </button>
          </div>
          {step.error && (
            <Problem>{step.error}</Problem>
          )}
        </div>
      )}

      {step.kind === 'reading' && (
        <div className="import-reading" role="status">
          <p>
            Đang đọc tệp «{step.fileName}»… <span className="spinner" aria-hidden="true" />
          </p>
          <button type="button" onClick={() => reading.current?.abort()}>
            Hủy đọc tệp
          </button>
        </div>
      )}

      {step.kind === 'map' && mapping && (
        <div className="import-map">
          <p className="import-file">
            Tệp <strong>{step.fileName}</strong>
            {step.table.sheetName ? `, trang «${step.table.sheetName}»` : ''}: dòng tiêu đề là dòng {step.table.headerRow},{' '}
            {step.table.rows.length} dòng dữ liệu.
          </p>
          {step.table.warnings.map((w) => (
            <p key={w} className="import-warning">
              {w}
            </p>
          ))}
          <h3 id={`${id}-map-title`}>Ghép cột</h3>
          <p className="hint">Mỗi thông tin của đơn vị lấy từ cột nào trong tệp (đã đoán theo tên cột; đổi nếu sai).</p>
          <div className="mapping-grid" role="group" aria-labelledby={`${id}-map-title`}>
            {UNIT_FIELDS.map((field: UnitField) => (
              <div key={field} className="mapping-field">
                <label htmlFor={`${id}-map-${field}`}>
                  {UNIT_FIELD_LABELS[field]}
                  {field === 'name' ? ' *' : ''}
                </label>
                <select
                  id={`${id}-map-${field}`}
                  value={mapping[field] ?? ''}
                  onChange={(e) => setMapping({ ...mapping, [field]: e.target.value === '' ? null : Number(e.target.value) })}
                >
                  <option value="">— Không có trong tệp —</option>
                  {step.table.headers.map((h, i) => (
                    <option key={i} value={i}>
                      Cột {columnLetter(i)}: {h || '(không tên)'}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
          <h3>Vài dòng đầu của tệp</h3>
          <div className="table-scroll sample-scroll">
            <table className="data-table sample-table">
              <thead>
                <tr>
                  <th scope="col">Dòng</th>
                  {step.table.headers.map((h, i) => (
                    <th key={i} scope="col">
                      {columnLetter(i)}: {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {step.table.rows.slice(0, 4).map((r) => (
                  <tr key={r.rowNumber}>
                    <td>{r.rowNumber}</td>
                    {r.cells.map((c, i) => (
                      <td key={i}>{c}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {mapping.name === null && (
            <Problem>Chọn cột chứa tên đơn vị.</Problem>
          )}
          <div className="button-row">
            <button
              type="button"
              className="primary"
              disabled={mapping.name === null}
              onClick={() => setStep({ kind: 'preview', fileName: step.fileName, table: step.table })}
            >
              Xem trước
            </button>
            <button type="button" onClick={() => setStep({ kind: 'choose' })}>
              Chọn tệp khác
            </button>
          </div>
        </div>
      )}

      {step.kind === 'preview' && preview && (
        <div className="import-preview">
          <ul className="import-counts" aria-label="Kết quả xem trước">
            <li className="count-add">Thêm mới: {preview.counts.add}</li>
            <li className="count-update">Cập nhật: {preview.counts.update}</li>
            <li className="count-unchanged">Không đổi: {preview.counts.unchanged}</li>
            <li className="count-error">Lỗi: {preview.counts.error}</li>
          </ul>
          <div className="field-inline preview-filter">
            <label htmlFor={`${id}-only`}>Hiện</label>
            <select id={`${id}-only`} value={showOnly} onChange={(e) => setShowOnly(e.target.value as typeof showOnly)}>
              <option value="all">Tất cả dòng</option>
              <option value="changes">Chỉ dòng thêm mới, cập nhật</option>
              <option value="error">Chỉ dòng lỗi</option>
            </select>
          </div>
          <div className="table-scroll preview-scroll">
            <table className="data-table preview-table">
              <caption className="sr-only">Xem trước các dòng của tệp</caption>
              <thead>
                <tr>
                  <th scope="col">Dòng</th>
                  <th scope="col">Kết quả</th>
                  <th scope="col">Mã</th>
                  <th scope="col">Tên đơn vị</th>
                  <th scope="col">Chi tiết</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows
                  .filter((r) =>
                    showOnly === 'all' ? true : showOnly === 'error' ? r.action === 'error' : r.action === 'add' || r.action === 'update',
                  )
                  .map((r) => (
                    <tr key={r.rowNumber} className={`action-${r.action}`}>
                      <td>{r.rowNumber}</td>
                      <td>
                        <span className={`badge badge-${r.action}`}>{ACTION_LABELS[r.action]}</span>
                      </td>
                      <td className="code-cell">
                        {r.code}
                        {r.generatedCode && <span className="muted"> (tự tạo)</span>}
                      </td>
                      <td>{r.name}</td>
                      <td>
                        {r.action === 'error'
                          ? r.messages.map((m) => (
                              <p key={m} className="row-message">
                                {m}
                              </p>
                            ))
                          : r.action === 'update'
                            ? `Đổi: ${r.changes.join(', ')}`
                            : r.unit
                              ? [
                                  r.unit.type ? UNIT_TYPE_LABELS[r.unit.type] : '',
                                  r.unit.members !== null ? `${r.unit.members} đoàn viên` : '',
                                  r.unit.active ? '' : 'ngừng hoạt động',
                                ]
                                  .filter(Boolean)
                                  .join(' · ')
                              : ''}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
          {preview.counts.error > 0 && (
            <Problem>Tệp còn {preview.counts.error} dòng lỗi: sửa trong tệp (hoặc ghép lại cột) rồi nhập lại. Chưa ghi đơn vị nào.</Problem>
          )}
          {applyError && (
            <Problem>{applyError}</Problem>
          )}
          <div className="button-row">
            <button
              type="button"
              className="primary"
              disabled={preview.counts.error > 0 || preview.counts.add + preview.counts.update === 0}
              onClick={() => void apply()}
            >
              Nhập {preview.counts.add + preview.counts.update} đơn vị
            </button>
            <button type="button" onClick={() => setStep({ kind: 'map', fileName: step.fileName, table: step.table })}>
              Quay lại ghép cột
            </button>
            {preview.counts.add + preview.counts.update === 0 && preview.counts.error === 0 && (
              <span className="muted">Danh sách trong tệp không có gì mới.</span>
            )}
          </div>
        </div>
      )}

      {step.kind === 'done' && (
        <div className="import-done">
          <p role="status">
            Đã nhập xong: thêm mới {step.result.added}, cập nhật {step.result.updated}, không đổi {step.result.unchanged}.
          </p>
          <div className="button-row">
            <button type="button" className="primary" onClick={onClose} autoFocus>
              Đóng
            </button>
          </div>
        </div>
      )}
    </Modal>
  );
}
