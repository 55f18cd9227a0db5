/**
 * Screen "Đơn vị": the directory of subordinate units for an installation above the
 * CĐCS: search (accents ignored), filter, sort, counts; add, edit (a new code carries the unit's
 * data), deactivate, reactivate, delete (only a unit without data) and import from the office's
 * .xlsx/.csv. A province's directory holds its intermediate bodies (LĐLĐ huyện, công đoàn
 * ngành…) and CĐCS side by side, each with its kind and parent. From here the office hands each
 * unit its identity: «Tệp thiết lập» (one unit, or all), which the unit's installation opens at
 * first run. A grassroots (CĐCS) installation has no directory: it sees its own unit only.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import { db, deleteUnit, identityFileOf, knownUnitKinds, OperationError, setUnitActive, unitCodesWithData, type UnitRecord } from '@db';
import { childKindsOf, childLevelsOf, kindOfUnit, unitNameKey, UNIT_TYPE_LABELS } from '@domain/units';
import { platform } from '@platform';
import { matchesQuery, vnOrder } from '@domain/vn-text';
import type { ShellData } from '@app/use-shell-data';
import { formatCount } from '@domain/fields';
import { ConfirmDialog } from '@ui/ConfirmDialog';
import { UnitForm } from './UnitForm';
import { UnitImportDialog } from './UnitImportDialog';
import './units.css';
import { SearchInput } from '@ui/SearchInput';
import { NumTh } from '@ui/table';

type ActiveFilter = 'all' | 'active' | 'inactive';
type SortKey = 'name' | 'code';
type Dialog = { kind: 'add' } | { kind: 'edit'; unit: UnitRecord } | { kind: 'delete'; unit: UnitRecord } | { kind: 'import' } | null;

export function UnitsScreen({ data }: { data: ShellData }) {
  const { ownUnit } = data;
  if (childLevelsOf(ownUnit.level).length === 0) return <OwnUnitOnly unit={ownUnit} />;
  return <Directory data={data} />;
}

function OwnUnitOnly({ unit }: { unit: UnitRecord }) {
  const kinds = useLiveQuery(knownUnitKinds, []);
  return (
    <div className="units-screen">
      <h1 className="screen-title">Đơn vị</h1>
      <div className="settings-card units-own">
        <p>
          Danh sách đơn vị cấp dưới dùng cho công đoàn cấp trên (LĐLĐ tỉnh, LĐLĐ huyện, công đoàn ngành…). Ứng dụng này đang dùng
          cho một công đoàn cơ sở, nên chỉ có đơn vị của mình:
        </p>
        <dl className="own-unit-details">
          <dt>Tên đơn vị</dt>
          <dd>{unit.name}</dd>
          <dt>Mã đơn vị</dt>
          <dd className="code-cell">{unit.code}</dd>
          <dt>Cấp</dt>
          <dd>{kindOfUnit(unit, kinds).fullName}</dd>
          <dt>Cơ quan cấp trên</dt>
          <dd>{unit.parentName || '—'}</dd>
        </dl>
        <p className="hint">Tên, mã và cơ quan cấp trên là do cấp trên giao (tệp thiết lập); đổi trong mục Cài đặt nếu cấp trên báo thay đổi.</p>
      </div>
    </div>
  );
}

function Directory({ data }: { data: ShellData }) {
  const { ownUnit } = data;
  const id = useId();
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<ActiveFilter>('all');
  const [sort, setSort] = useState<SortKey>('name');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const stored = useLiveQuery(async () => {
    const [units, withData, kinds] = await Promise.all([db.units.toArray(), unitCodesWithData(), knownUnitKinds()]);
    return { units, withData, kinds };
  }, []);
  const all = useMemo(() => (stored?.units ?? []).filter((u) => u.code !== ownUnit.code), [stored, ownUnit.code]);
  const withData = stored?.withData ?? new Set<string>();
  const activeCount = all.filter((u) => u.active).length;
  const childKinds = useMemo(() => childKindsOf(ownUnit.level, stored?.kinds), [ownUnit.level, stored?.kinds]);
  // A province lists several levels: each row says its kind and, when not directly below, its parent.
  const manyLevels = childLevelsOf(ownUnit.level).length > 1;
  const names = useMemo(() => new Map((stored?.units ?? []).map((u) => [u.code, u.name])), [stored]);
  // Two units of one name are a unit listed twice, or two that must be told apart: both are marked.
  const twins = useMemo(() => {
    const count = new Map<string, number>();
    for (const u of all) count.set(unitNameKey(u.name), (count.get(unitNameKey(u.name)) ?? 0) + 1);
    return new Set(all.filter((u) => (count.get(unitNameKey(u.name)) ?? 0) > 1).map((u) => u.code));
  }, [all]);

  async function saveIdentity(codes: string[] | null) {
    try {
      const file = await identityFileOf(codes);
      const r = await platform.saveFile(file.fileName, file.bytes, [{ name: 'Tệp thiết lập', extensions: ['json'] }]);
      if (r.saved) {
        setNotice({
          kind: 'ok',
          text: `Đã xuất tệp thiết lập ${file.fileName} (${file.count} đơn vị)${r.path ? `, lưu tại ${r.path}` : ''}: gửi cho đơn vị để mở khi cài ứng dụng.`,
        });
      }
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof OperationError ? e.message : `Không xuất được tệp thiết lập: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  const shown = useMemo(() => {
    const list = all.filter(
      (u) =>
        (filter === 'all' || (filter === 'active') === u.active) &&
        matchesQuery([u.name, u.code, ...(u.aliases ?? []), u.contact, u.phone].join(' '), query),
    );
    return list.sort((a, b) => (sort === 'name' ? vnOrder.compare(a.name, b.name) : vnOrder.compare(a.code, b.code)));
  }, [all, filter, query, sort]);

  async function toggle(unit: UnitRecord) {
    try {
      await setUnitActive(unit.code, !unit.active);
      setNotice({ kind: 'ok', text: unit.active ? `Đã ngừng hoạt động: ${unit.name}` : `Đã cho hoạt động lại: ${unit.name}` });
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof OperationError ? e.message : 'Không lưu được. Hãy thử lại.' });
    }
  }

  async function remove(unit: UnitRecord) {
    try {
      await deleteUnit(unit.code);
      setNotice({ kind: 'ok', text: `Đã xóa: ${unit.name}` });
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof OperationError ? e.message : 'Không xóa được. Hãy thử lại.' });
    }
    setDialog(null);
  }

  return (
    <div className="units-screen">
      <div className="units-title-row">
        <h1 className="screen-title">Đơn vị trực thuộc</h1>
        <p className="units-subtitle">
          {manyLevels ? 'Công đoàn cấp trên trực tiếp cơ sở và CĐCS' : 'CĐCS'} thuộc {ownUnit.name}
        </p>
      </div>
      <div className="units-toolbar" role="search">
        <div className="field-inline">
          <label htmlFor={`${id}-q`}>Tìm đơn vị</label>
          <SearchInput id={`${id}-q`} value={query} placeholder="Tên, mã, người liên hệ…" onValue={setQuery} />
        </div>
        <div className="field-inline">
          <label htmlFor={`${id}-f`}>Trạng thái</label>
          <select id={`${id}-f`} value={filter} onChange={(e) => setFilter(e.target.value as ActiveFilter)}>
            <option value="all">Tất cả</option>
            <option value="active">Đang hoạt động</option>
            <option value="inactive">Ngừng hoạt động</option>
          </select>
        </div>
        <div className="field-inline">
          <label htmlFor={`${id}-s`}>Sắp xếp</label>
          <select id={`${id}-s`} value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
            <option value="name">Theo tên</option>
            <option value="code">Theo mã</option>
          </select>
        </div>
        <div className="toolbar-buttons">
          <button type="button" className="primary" onClick={() => setDialog({ kind: 'add' })}>
            Thêm đơn vị
          </button>
          <button type="button" onClick={() => setDialog({ kind: 'import' })}>
            Nhập danh sách từ Excel/CSV…
          </button>
          <button type="button" disabled={activeCount === 0} onClick={() => void saveIdentity(null)}>
            Xuất tệp thiết lập cho tất cả
          </button>
        </div>
      </div>
      <p className="units-counts" role="status" data-testid="unit-counts">
        {all.length} đơn vị: {activeCount} đang hoạt động, {all.length - activeCount} ngừng hoạt động
        {shown.length !== all.length ? ` · đang hiện ${shown.length}` : ''}
      </p>
      {notice && (
        <p className={notice.kind === 'ok' ? 'units-notice' : 'field-error'} role={notice.kind === 'ok' ? 'status' : 'alert'}>
          {notice.text}
        </p>
      )}
      {stored && all.length === 0 ? (
        <div className="settings-card units-empty">
          <p>
            Chưa có đơn vị trực thuộc nào. Bấm «Nhập danh sách từ Excel/CSV…» để lấy danh sách văn phòng đang có, hoặc «Thêm đơn
            vị» để thêm từng đơn vị.
          </p>
        </div>
      ) : (
        <div className="table-scroll units-table-scroll">
          <table className="data-table units-table" aria-label="Danh sách đơn vị trực thuộc">
            <thead>
              <tr>
                <th scope="col">Mã</th>
                <th scope="col">Tên đơn vị</th>
                <th scope="col">Loại hình</th>
                <NumTh>Đoàn viên</NumTh>
                <th scope="col">Người liên hệ</th>
                <th scope="col">Điện thoại</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">
                  <span className="sr-only">Thao tác</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((u) => (
                <tr key={u.code} className={u.active ? '' : 'inactive'}>
                  <td className="code-cell">{u.code}</td>
                  <th scope="row" className="name-cell">
                    {u.name}
                    {twins.has(u.code) && <span className="badge badge-twin">Trùng tên</span>}
                    {manyLevels && (
                      <span className="unit-parent">
                        {kindOfUnit(u, stored?.kinds).name}
                        {u.parentCode && u.parentCode !== ownUnit.code ? ` · thuộc ${names.get(u.parentCode) ?? u.parentCode}` : ''}
                      </span>
                    )}
                    {(u.aliases ?? []).length > 0 && <span className="unit-aliases">Mã khác: {(u.aliases ?? []).join(', ')}</span>}
                  </th>
                  <td className="type-cell">{u.type ? UNIT_TYPE_LABELS[u.type] : ''}</td>
                  <td className="num">{u.members === null ? '' : formatCount(u.members)}</td>
                  <td>{u.contact}</td>
                  <td className="phone-cell">{u.phone}</td>
                  <td className="status-cell">{u.active ? 'Hoạt động' : <span className="badge badge-inactive">Ngừng hoạt động</span>}</td>
                  <td className="row-actions">
                    <button type="button" className="small" onClick={() => setDialog({ kind: 'edit', unit: u })}>
                      Sửa
                    </button>
                    {u.active && (
                      <button type="button" className="small" aria-label={`Tệp thiết lập cho ${u.name}`} onClick={() => void saveIdentity([u.code])}>
                        Tệp thiết lập
                      </button>
                    )}
                    <button type="button" className="small" onClick={() => void toggle(u)}>
                      {u.active ? 'Ngừng hoạt động' : 'Hoạt động lại'}
                    </button>
                    {!withData.has(u.code) && (
                      <button type="button" className="small danger" onClick={() => setDialog({ kind: 'delete', unit: u })}>
                        Xóa
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length === 0 && <p className="muted units-none">Không có đơn vị nào khớp.</p>}
        </div>
      )}

      {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
        <UnitForm
          unit={dialog.kind === 'edit' ? dialog.unit : null}
          kinds={childKinds}
          own={ownUnit}
          units={stored?.units ?? []}
          codeHasData={dialog.kind === 'edit' && withData.has(dialog.unit.code)}
          onClose={() => setDialog(null)}
          onSaved={(u) => {
            setDialog(null);
            setNotice({ kind: 'ok', text: `${dialog.kind === 'add' ? 'Đã thêm' : 'Đã lưu'}: ${u.name} (${u.code})` });
          }}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          role="dialog"
          title="Xóa đơn vị"
          message={`Xóa hẳn «${dialog.unit.name}» (${dialog.unit.code}) khỏi danh sách? Đơn vị chưa có dữ liệu nào nên xóa được; mã ${dialog.unit.code} có thể dùng lại.`}
          confirmLabel="Xóa"
          onConfirm={() => void remove(dialog.unit)}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'import' && stored && (
        <UnitImportDialog units={stored.units} ownUnit={ownUnit} level={childLevelsOf(ownUnit.level)[0]!} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}
