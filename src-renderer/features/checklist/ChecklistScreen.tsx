/**
 * Screen "Kế hoạch": choose the plan, read its header, search it, and work through its items
 * for the selected unit and period, with progress per task group and overall.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useEffect, useId, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { activitiesInRange, progressOf, setActivePlan, statusesOf, type PlanRecord } from '@db';
import { walkPlan } from '@domain/plan-tree';
import { useSearchStore, useTreeStore, useUiStore, treeKey } from '@state';
import type { ShellData } from '@app/use-shell-data';
import { PlanTree, type TreeContext } from './PlanTree';
import { ProgressMeter } from './ProgressMeter';
import { searchPlan } from './search';
import { groupActivitiesByItem } from './item-activities';
import { SearchInput } from '@ui/SearchInput';

// The import dialog brings the .docx reader (mammoth, most of the app's weight): load it
// only when an officer opens it, so the checklist starts fast on old office PCs.
const PlanImportDialog = lazy(() => import('@features/plan-import').then((m) => ({ default: m.PlanImportDialog })));

function planOptionLabel(p: PlanRecord): string {
  const title = p.title.length > 90 ? `${p.title.slice(0, 88)}…` : p.title;
  return p.number ? `${p.number} – ${title}` : title;
}

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function PlanHeaderCard({ plan }: { plan: PlanRecord }) {
  const h = plan.plan.header;
  return (
    <section className="plan-header" aria-label="Thông tin kế hoạch">
      <div className="plan-header-meta">
        {h.issuingBody && <span>{h.issuingBody}</span>}
        {plan.number && <span className="plan-number">Số: {plan.number}</span>}
        {h.placeAndDate && <span className="plan-place-date">{h.placeAndDate}</span>}
      </div>
      <h1 className="plan-title">
        {h.documentType && <span className="doc-type">{h.documentType} </span>}
        {plan.title}
      </h1>
    </section>
  );
}

function SearchBox({ matchCount, active }: { matchCount: number; active: boolean }) {
  const { query, setQuery } = useSearchStore(useShallow((s) => ({ query: s.query, setQuery: s.setQuery })));
  const ref = useRef<HTMLInputElement>(null);
  const inputId = useId();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const ctrlF = (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f';
      const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTypingTarget(e.target);
      if (ctrlF || slash) {
        e.preventDefault();
        ref.current?.focus();
        ref.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="search">
      <label htmlFor={inputId}>Tìm trong kế hoạch</label>
      <SearchInput ref={ref} id={inputId} value={query} placeholder="Gõ có dấu hoặc không dấu (Ctrl+F hoặc /)" onValue={setQuery} />
      <span className="search-count" role="status">
        {active ? (matchCount > 0 ? `Tìm thấy ${matchCount} nội dung` : 'Không tìm thấy nội dung nào') : ''}
      </span>
    </div>
  );
}

export function ChecklistScreen({ data }: { data: ShellData }) {
  // Statuses belong to the unit chosen in the context bar (the own unit by default).
  const { activePlan: plan, selectedUnit: unit, period, plans } = data;
  const pickerId = useId();
  const query = useSearchStore((s) => s.query);
  const { dialog, openDialog, closeDialog } = useUiStore(
    useShallow((s) => ({ dialog: s.dialog, openDialog: s.openDialog, closeDialog: s.closeDialog })),
  );
  const setMany = useTreeStore((s) => s.setMany);

  const loaded = useLiveQuery(
    async () => ({ key: `${plan.id}|${unit.code}|${period.key}`, rows: await statusesOf(plan.id, unit.code, period.key) }),
    [plan.id, unit.code, period.key],
  );
  const currentKey = `${plan.id}|${unit.code}|${period.key}`;
  const statuses = loaded?.key === currentKey ? loaded.rows : undefined;

  // ONE live query for every item's activity count: the plan's activities within the period,
  // grouped by item in memory (item-activities.ts).
  const periodActivities = useLiveQuery(
    () => activitiesInRange(plan.id, period.start, period.end),
    [plan.id, period.start, period.end],
  );
  const itemActivities = useMemo(
    () => groupActivitiesByItem(periodActivities ?? [], { unitCode: unit.code, start: period.start, end: period.end }),
    [periodActivities, unit.code, period.start, period.end],
  );

  const statusMap = useMemo(() => new Map((statuses ?? []).map((s) => [s.itemId, s])), [statuses]);
  const progress = useMemo(() => progressOf(plan.plan, statuses ?? []), [plan.plan, statuses]);
  const search = useMemo(() => searchPlan(plan.plan.sections, query), [plan.plan.sections, query]);

  const containers = useMemo(() => {
    const keys: string[] = [];
    walkPlan(plan.plan, (n) => {
      if (n.kind === 'part' || n.kind === 'section' || n.kind === 'group') keys.push(treeKey(plan.id, n.id));
    });
    return keys;
  }, [plan.id, plan.plan]);

  const ctx: TreeContext = {
    planId: plan.id,
    unitCode: unit.code,
    periodKey: period.key,
    statuses: statusMap,
    activities: itemActivities,
    progress,
    query,
    visible: search.visible,
  };

  return (
    <div className="checklist">
      <div className="plan-picker-row">
        <div className="field-inline plan-picker">
          <label htmlFor={pickerId}>Kế hoạch đang theo dõi</label>
          <select id={pickerId} value={plan.id} onChange={(e) => void setActivePlan(e.target.value)}>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {planOptionLabel(p)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={() => openDialog('plan-import')}>
          Thêm kế hoạch
        </button>
      </div>

      <PlanHeaderCard plan={plan} />

      <div className="checklist-toolbar">
        <SearchBox matchCount={search.matchCount} active={search.visible !== null} />
        <div className="toolbar-buttons">
          <button type="button" className="link-button" onClick={() => setMany(containers, true)}>
            Mở tất cả
          </button>
          <button type="button" className="link-button" onClick={() => setMany(containers, false)}>
            Thu gọn tất cả
          </button>
        </div>
      </div>

      <section className="overall-progress" aria-label="Tiến độ chung">
        <ProgressMeter progress={progress.overall} detailed label={`Tiến độ chung – ${period.name}`} />
      </section>

      {statuses === undefined ? (
        <p role="status">Đang tải trạng thái…</p>
      ) : (
        <PlanTree key={`${unit.code}|${period.key}`} sections={plan.plan.sections} ctx={ctx} />
      )}

      {dialog === 'plan-import' && (
        <Suspense fallback={<p role="status">Đang mở hộp thoại…</p>}>
          <PlanImportDialog
            open
            onClose={closeDialog}
            // addPlan already activated the plan when the officer asked for it; a plan saved
            // without activation stays one choice away in the picker.
            onSaved={() => closeDialog()}
          />
        </Suspense>
      )}
    </div>
  );
}

