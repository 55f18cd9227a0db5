/**
 * Screen "Nhật ký hoạt động": the entry form on the left, the list (or the trash) on
 * the right, both usable at 1366×768 without horizontal scrolling.
 *
 * The active plan's activities come from useActivityLog: the first rows from the activities'
 * heads at once, then every activity, filtered in memory through filterAndSortActivities (the
 * same function the benchmark measures); the search text is deferred so typing never waits
 * for the list.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ACTIVITY_TYPES, type ActivityFilter, type ActivityType } from '@domain/activity';
import { walkPlan } from '@domain/plan-tree';
import type { PlanNode } from '@domain/plan-types';
import type { ShellData } from '@app/use-shell-data';
import {
  db,
  deleteActivity,
  getSetting,
  purgeActivity,
  restoreActivity,
  type ActivityRecord,
  type UnitRecord,
} from '@db';
import { useActivityStore, usePeriodStore } from '@state';
import { ActivityForm } from './ActivityForm';
import { ActivityTable, type TableHandle } from './ActivityTable';
import { useActivityLog } from './use-activity-log';
import { ConfirmDialog } from '@ui/ConfirmDialog';
import { editableActivity, IMPORTED_EXPLANATION, isImportedActivity, RowActions } from './RowActions';
import { formatCount } from '@domain/fields';
import { UndoToast } from './UndoToast';
import { unitViews } from './unit-views';
import './activities.css';
import { SearchInput } from '@ui/SearchInput';
import { ChoiceCombobox } from '@ui/ChoiceCombobox';

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Plan nodes the item filter offers: trackable items and the groups/sections above them. */
function itemFilterOptions(sections: readonly PlanNode[]): { id: string; label: string; depth: number }[] {
  const out: { id: string; label: string; depth: number }[] = [];
  const hasTrackable = (n: PlanNode): boolean => n.trackable || n.children.some(hasTrackable);
  walkPlan(sections, (n, _p, depth) => {
    if (!hasTrackable(n)) return false;
    const text = n.text.length > 70 ? `${n.text.slice(0, 68)}…` : n.text;
    out.push({ id: n.id, label: `${n.id} ${text}`, depth });
    return true;
  });
  return out;
}

/** A filter of the list with a few choices: «Tất cả», then its choices. */
const FilterSelect = memo(function FilterSelect({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <div className="field-inline">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Tất cả</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
});

export function ActivitiesScreen({ data }: { data: ShellData }) {
  const { activePlan: plan, period, ownUnit } = data;
  const ids = { period: useId(), unit: useId(), item: useId(), type: useId(), search: useId() };
  const store = useActivityStore(
    useShallow((s) => ({
      filter: s.filter,
      sort: s.sort,
      view: s.view,
      editingId: s.editingId,
      entryDefaults: s.entryDefaults,
      setFilter: s.setFilter,
      resetFilter: s.resetFilter,
      toggleSort: s.toggleSort,
      setView: s.setView,
      setEditingId: s.setEditingId,
      setEntryDefaults: s.setEntryDefaults,
    })),
  );
  const { filter, sort, view, editingId, entryDefaults, setFilter, resetFilter, toggleSort, setView, setEditingId, setEntryDefaults } = store;
  const showPeriod = usePeriodStore((s) => s.show);

  const allUnits = useLiveQuery(() => db.units.toArray(), []);
  const lastType = useLiveQuery(async () => (await getSetting('lastActivityType')) ?? ('' as const), []);

  // Two units of one name (a unit listed twice by mistake) must not look alike: those carry their
  // code. A province's 2,000 units: computed once per directory (unit-views.ts).
  const { unitName, formUnits, filterChoices: unitFilterChoices } = useMemo(() => unitViews(allUnits ?? [], ownUnit.code), [allUnits, ownUnit.code]);
  const setUnitFilter = useCallback((unitCode: string) => setFilter({ unitCode }), [setFilter]);
  const selectedUnit = (data as ShellData & { selectedUnit?: UnitRecord }).selectedUnit ?? ownUnit;

  const deferredQuery = useDeferredValue(filter.query);
  const activityFilter = useMemo<ActivityFilter>(
    () => ({
      ...(filter.period === 'selected' ? { periodRange: { start: period.start, end: period.end } } : {}),
      ...(filter.unitCode ? { unitCodes: [filter.unitCode] } : {}),
      ...(filter.itemId ? { itemId: filter.itemId } : {}),
      ...(filter.type ? { type: filter.type } : {}),
      query: deferredQuery,
      deleted: view === 'trash',
    }),
    [filter.period, filter.unitCode, filter.itemId, filter.type, deferredQuery, view, period.start, period.end],
  );
  const queryOptions = useMemo(() => ({ unitLabel: unitName }), [unitName]);
  const { rows, count, trashCount, known } = useActivityLog(plan.id, activityFilter, sort, queryOptions);
  const itemOptions = useMemo(() => itemFilterOptions(plan.plan.sections), [plan.plan.sections]);
  // An imported activity is the unit's report and is never loaded into the form (RowActions.tsx).
  const editing = useMemo(() => editableActivity(known, editingId), [editingId, known]);

  // ---- delete / undo / trash -------------------------------------------------------------
  // The pending undo is kept in the store (with its timer, UNDO_MS) so it survives a screen switch.
  const { undo, offerUndo, endUndo } = useActivityStore(useShallow((s) => ({ undo: s.pendingUndo, offerUndo: s.offerUndo, endUndo: s.endUndo })));
  const [purging, setPurging] = useState<ActivityRecord | null>(null);
  const [notice, setNotice] = useState('');
  const tableRef = useRef<TableHandle>(null);

  const remove = async (r: ActivityRecord) => {
    if (isImportedActivity(r)) return;
    await deleteActivity(r.id);
    if (editingId === r.id) setEditingId(null);
    offerUndo({ id: r.id, title: r.title });
    tableRef.current?.focus();
  };
  const undoDelete = useCallback(async () => {
    if (!undo) return;
    await restoreActivity(undo.id);
    endUndo(undo.id);
    setNotice(`Đã khôi phục «${undo.title}».`);
  }, [undo, endUndo]);

  useEffect(() => {
    if (!undo) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z' && !isTypingTarget(e.target)) {
        e.preventDefault();
        void undoDelete();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, undoDelete]);

  const listEmpty =
    count === undefined
      ? 'Đang tải…'
      : view === 'trash'
        ? 'Thùng rác trống.'
        : filter.query || filter.unitCode || filter.itemId || filter.type
          ? 'Không có hoạt động nào khớp bộ lọc.'
          : filter.period === 'selected'
            ? `Chưa có hoạt động nào trong kỳ ${period.name}.`
            : 'Chưa có hoạt động nào. Ghi hoạt động đầu tiên ở biểu mẫu bên trái.';

  return (
    <div className="activities-screen">
      <section className="activities-form-pane" aria-label="Biểu mẫu ghi hoạt động">
        {lastType === undefined || allUnits === undefined ? (
          <p className="muted">Đang tải…</p>
        ) : (
          <ActivityForm
            key={`${plan.id}|${editing?.id ?? 'new'}`}
            plan={plan}
            units={formUnits}
            unitName={unitName}
            defaultUnitCode={selectedUnit.code}
            lastType={lastType}
            editing={editing}
            onEditDone={() => setEditingId(null)}
            sticky={entryDefaults}
            onSticky={setEntryDefaults}
            period={period}
            onShowPeriod={(p) => {
              showPeriod(p);
              // The list shows the period chosen above: show the one the activity went to.
              setFilter({ period: 'selected' });
            }}
          />
        )}
      </section>

      <section className="activities-list-pane" aria-labelledby={`${ids.search}-h`}>
        <div className="list-head">
          <h1 id={`${ids.search}-h`} className="screen-title">
            Nhật ký hoạt động
          </h1>
          <div className="view-switch" role="group" aria-label="Xem">
            <button type="button" aria-pressed={view === 'list'} onClick={() => setView('list')}>
              Danh sách
            </button>
            <button type="button" aria-pressed={view === 'trash'} onClick={() => setView('trash')}>
              Thùng rác ({trashCount})
            </button>
          </div>
        </div>

        <div className="list-filters" role="group" aria-label="Lọc hoạt động">
          <div className="field-inline">
            <label htmlFor={ids.period}>Kỳ</label>
            <select id={ids.period} value={filter.period} onChange={(e) => setFilter({ period: e.target.value as 'selected' | 'all' })}>
              <option value="selected">{period.name}</option>
              <option value="all">Tất cả</option>
            </select>
          </div>
          <div className="field-inline filter-unit">
            <label htmlFor={ids.unit}>Đơn vị</label>
            <ChoiceCombobox id={ids.unit} choices={unitFilterChoices} value={filter.unitCode} onChange={setUnitFilter} listLabel="Đơn vị phù hợp" />
          </div>
          <FilterSelect
            id={ids.type}
            label="Loại"
            value={filter.type}
            options={ACTIVITY_TYPES.map((t) => ({ value: t.code, label: t.label }))}
            onChange={(type) => setFilter({ type: type as ActivityType | '' })}
          />
          <div className="field-inline filter-item">
            <label htmlFor={ids.item}>Nhiệm vụ</label>
            <select id={ids.item} value={filter.itemId} onChange={(e) => setFilter({ itemId: e.target.value })}>
              <option value="">Tất cả</option>
              {itemOptions.map((o) => (
                <option key={o.id} value={o.id}>
                  {'\u00a0\u00a0'.repeat(o.depth)}
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field-inline filter-search">
            <label htmlFor={ids.search}>Tìm hoạt động</label>
            <SearchInput id={ids.search} value={filter.query} onValue={(query) => setFilter({ query })} />
          </div>
          <span className="list-count" role="status">
            {count === undefined ? '' : `${formatCount(count)} hoạt động${view === 'trash' ? ' trong thùng rác' : ''}`}
          </span>
          {(filter.query || filter.unitCode || filter.itemId || filter.type || filter.period !== 'selected') && (
            <button type="button" className="link-button" onClick={resetFilter}>
              Bỏ lọc
            </button>
          )}
        </div>

        <ActivityTable
          ref={tableRef}
          label={view === 'trash' ? 'Thùng rác' : 'Danh sách hoạt động'}
          rows={rows}
          unitName={unitName}
          query={deferredQuery}
          sort={sort}
          onSort={toggleSort}
          currentId={editing?.id ?? null}
          variant={view === 'trash' ? 'trash' : undefined}
          empty={<p className="muted">{listEmpty}</p>}
          actions={(r) => (
            <RowActions
              row={r}
              view={view}
              explanationId={`${ids.search}-imported`}
              onEdit={(row) => setEditingId(row.id)}
              onDelete={(row) => void remove(row)}
              onRestore={(row) =>
                void restoreActivity(row.id).then(() => {
                  setNotice(`Đã khôi phục «${row.title}».`);
                  endUndo(row.id);
                })
              }
              onPurge={setPurging}
            />
          )}
        />
        <p className="visually-hidden" role="status">
          {notice}
        </p>
        <p id={`${ids.search}-imported`} hidden>
          {IMPORTED_EXPLANATION}
        </p>
      </section>

      {undo && <UndoToast state={undo} onUndo={() => void undoDelete()} />}
      {purging && (
        <ConfirmDialog
          title="Xóa vĩnh viễn hoạt động?"
          message={`«${purging.title}» sẽ bị xóa hẳn khỏi máy này, không khôi phục được nữa.`}
          confirmLabel="Xóa vĩnh viễn"
          onConfirm={() => {
            const r = purging;
            setPurging(null);
            void purgeActivity(r.id).then(() => setNotice(`Đã xóa vĩnh viễn «${r.title}».`));
          }}
          onCancel={() => setPurging(null)}
        />
      )}
    </div>
  );
}
