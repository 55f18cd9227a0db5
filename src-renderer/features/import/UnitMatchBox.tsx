/**
 * The unit of one file in the import preview, when its code is not in the directory
 * (domain/unit-match.ts):
 * - a unit of the same name (and parent) exists: «Đây là đơn vị CDCS-0003 CĐCS UBND xã Bàu
 *   Năng?» with one click to link them (the file's code becomes the unit's other code, so its
 *   next file matches by itself), or «Không phải» to add it as a new unit: never decided silently;
 * - a file matched through an alias says so.
 */
import { useState } from 'react';
import { linkUnitAlias, type ImportPreview } from '@db';
import { matchQuestion } from '@domain/unit-match';
import { errorText } from './import-cards';
import { recheck } from './import-store';

export function UnitMatchBox({
  preview,
  locked,
  addUnit,
  onAddUnit,
}: {
  preview: ImportPreview;
  locked: boolean;
  addUnit: boolean;
  onAddUnit: (add: boolean) => void;
}) {
  const [error, setError] = useState('');
  const [linking, setLinking] = useState(false);
  const m = preview.unitMatch;
  const fileCode = preview.fileReport.unit.code;

  if (m.kind === 'alias') {
    return (
      <p className="import-unit-match import-unit-linked">
        Mã {fileCode} trong tệp là mã khác của đơn vị <strong>{m.unit.code}</strong> {m.unit.name}: nhập vào đơn vị này.
      </p>
    );
  }
  if (m.kind !== 'name') return null;

  async function link(): Promise<void> {
    if (m.kind !== 'name') return;
    setError('');
    setLinking(true);
    try {
      await linkUnitAlias(m.unit.code, fileCode);
      // The preview is computed again: the file now matches the unit by its code.
      await recheck();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setLinking(false);
    }
  }

  return (
    <div className="import-unit-match" role="group" aria-label={`Đơn vị của tệp ${preview.fileName}`}>
      <p className="import-unit-question">
        <strong>{matchQuestion(m.unit)}</strong>
        <span className="muted">
          {' '}
          Tệp ghi mã {fileCode}, tên «{preview.fileReport.unit.name}»
          {preview.fileReport.unit.parentName ? `, cấp trên «${preview.fileReport.unit.parentName}»` : ''}.
          {!m.parentAgrees && ` Lưu ý: đơn vị trong danh sách thuộc «${m.unit.parentName}».`}
        </span>
      </p>
      <div className="button-row">
        <button type="button" className="primary" disabled={locked || linking} onClick={() => void link()}>
          Đúng, ghép vào {m.unit.code}
        </button>
        <label className="import-check">
          <input type="checkbox" checked={addUnit} disabled={locked || linking} onChange={(e) => onAddUnit(e.target.checked)} />
          Không phải: thêm {preview.fileReport.unit.name} ({fileCode}) làm đơn vị mới
        </label>
      </div>
      <p className="hint">Ghép thì mã {fileCode} được ghi là mã khác của {m.unit.code}: các tệp sau của đơn vị tự khớp.</p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
