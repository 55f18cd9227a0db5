/**
 * Screen «Tổng quan», the first screen once the app is set up: the plan's progress at a glance
 * for the active plan and the period of the context bar.
 *
 * A grassroots union sees its own data; a district or a province sees the consolidation of every
 * report it holds (and its own data), exactly as «Tổng hợp» computes it: the figures come from
 * load-overview.ts (remembered under the database's revision; else loadOverviewFigures,
 * db/consolidation-ops.ts: the same consolidation over digests prepared at import, so a
 * province's 2,000 reports are not read whole at every start; what stands behind a
 * mark is loaded whole, loadConsolidation, when it is opened), shaped by overview-data.ts, drawn by ECharts
 * (chart-options.ts). Charts: progress per task group; at a district or province also
 * «Tình hình nộp báo cáo» and the unit × task group grid; indicators against their targets;
 * activities and participants per month beside the same period a year earlier. Each has its
 * table one click away, its PNG, and opens what stands behind a mark (ui/DrillDialog.tsx).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef, useState } from 'react';
import { drillDown, type DrillTarget } from '@domain/consolidation-drill';
import { formatCount } from '@domain/fields';
import { periodOf, periodRangeVn } from '@domain/periods';
import { loadConsolidation } from '@db';
import { periodFilePart } from '@domain/file-names';
import type { ShellData } from '@app/use-shell-data';
import { useUiStore, type Screen } from '@state';
import { DrillDialog } from '@ui/DrillDialog';
import { completenessChart, gridChart, indicatorChart, MONTHLY_AXIS, monthlyChart, progressChart, type MonthlyMetric } from './chart-options';
import { ChartCard } from './ChartCard';
import { loadOverview, overviewKey } from './load-overview';
import { sameTimeLastYear, sortGridRows, taskGroupsOf, type Overview, type OverviewScope, type TaskGroup } from './overview-data';
import { CompletenessTable, GridTable, IndicatorTable, MonthlyTable, ProgressTable, type GridSort } from './OverviewTables';
import './overview.css';
import { Pending, Problem } from '@ui/notice';

/** Units per page of the grid's chart on screen, and per printed part of it (one A4 sheet). */
const GRID_PAGE_ROWS = 25;
const GRID_PAPER_ROWS = 34;

export function OverviewScreen({ data }: { data: ShellData }) {
  const { activePlan: plan, period, ownUnit } = data;
  const scope: OverviewScope = ownUnit.level === 'grassroots' ? 'unit' : 'consolidated';
  const previousPeriod = useMemo(() => periodOf(plan.periodConfig, sameTimeLastYear(period)), [plan.periodConfig, period]);
  const key = overviewKey({ planId: plan.id, period, previousPeriod, scope });
  const groups = useMemo(() => taskGroupsOf(plan.plan), [plan.plan]);
  // The same revision is the same figures: the answer already drawn is given again (writing the
  // remembered entry wakes the query once more).
  const last = useRef<{ key: string; ok: true; overview: Overview; revision: string | null } | null>(null);
  const loaded = useLiveQuery(
    async () => {
      try {
        const { value, revision } = await loadOverview({ planId: plan.id, period, previousPeriod, scope, groups });
        if (last.current?.key === key && last.current.revision === revision) return last.current;
        last.current = { key, ok: true as const, overview: value, revision };
        return last.current;
      } catch (error) {
        return { key, ok: false as const, message: error instanceof Error ? error.message : String(error) };
      }
    },
    // period is a fresh object per render; its identity is in the key (groups: in the plan's id).
    [key],
  );
  const shown = loaded?.key === key ? loaded : undefined;
  const overview = shown?.ok ? shown.overview : null;
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  // The activities behind a mark are not in the figures: the whole consolidation, once one is opened.
  const whole = useLiveQuery(
    async () => {
      if (!drill) return null;
      try {
        return { key, ok: true as const, result: (await loadConsolidation({ planId: plan.id, period })).result };
      } catch (error) {
        return { key, ok: false as const, message: error instanceof Error ? error.message : String(error) };
      }
    },
    [key, drill !== null],
  );
  const wholeShown = whole?.key === key ? whole : undefined;
  const drillData = useMemo(() => (wholeShown?.ok && drill ? drillDown(wholeShown.result, drill) : null), [wholeShown, drill]);

  const who = scope === 'unit' ? ownUnit.name : `${ownUnit.name} và các đơn vị trực thuộc`;
  return (
    <div className="overview">
      <div className="ov-title-row">
        <h1 className="screen-title">Tổng quan</h1>
        <p className="ov-scope">
          {plan.number ? `Kế hoạch ${plan.number}` : plan.title} · <strong>{period.name}</strong>{' '}
          <span className="muted">({periodRangeVn(period)}; đổi kỳ ở thanh trên)</span>
          <br />
          {scope === 'unit' ? (
            <>Số liệu của {ownUnit.name}.</>
          ) : (
            <>Số liệu tổng hợp của {who}, như ở «Tổng hợp».</>
          )}
        </p>
        <button type="button" className="ov-print" onClick={() => window.print()}>
          In trang này
        </button>
      </div>
      {!shown ? (
        <Pending>Đang tính số liệu…</Pending>
      ) : !shown.ok ? (
        <Problem>{shown.message}</Problem>
      ) : (
        overview && (
          <OverviewCharts
            overview={overview}
            groups={groups}
            periodName={period.name}
            fileTag={`${ownUnit.code}_${periodFilePart(period.key)}`}
            pngSubtitle={`${who} · ${period.name} (${periodRangeVn(period)})`}
            onOpen={setDrill}
          />
        )
      )}
      {drill && !drillData && (wholeShown && !wholeShown.ok ? <Problem>{wholeShown.message}</Problem> : <Pending>Đang mở số liệu chi tiết…</Pending>)}
      {drillData && <DrillDialog drill={drillData} onClose={() => setDrill(null)} />}
    </div>
  );
}

/** Why a card is empty, and the button to the screen that fills it. */
function GoTo({ screen, why, children }: { screen: Screen; why: string; children: string }) {
  const go = useUiStore((s) => s.go);
  return (
    <>
      <p>{why}</p>
      <button type="button" onClick={() => go(screen)}>
        {children}
      </button>
    </>
  );
}

export interface OverviewChartsProps {
  overview: Overview;
  groups: readonly TaskGroup[];
  periodName: string;
  /** "LDLD-DMC_6T-2026": the end of every PNG's file name. */
  fileTag: string;
  pngSubtitle: string;
  onOpen: (target: DrillTarget) => void;
}

/** The figures and charts of «Tổng quan» for figures already shaped (also what the benchmark renders). */
export function OverviewCharts({ overview: o, groups, periodName, fileTag, pngSubtitle, onOpen }: OverviewChartsProps) {
  const consolidated = o.scope === 'consolidated';
  const noReports = consolidated && o.reports === 0;
  const [sort, setSort] = useState<GridSort>({ key: 'overall', dir: 'asc' });
  const [metric, setMetric] = useState<MonthlyMetric>('activities');
  const gridRows = useMemo(() => (o.grid ? sortGridRows(o.grid, groups, sort.key, sort.dir) : []), [o.grid, groups, sort]);
  const [gridPage, setGridPage] = useState(0);
  const pages = Math.max(1, Math.ceil(gridRows.length / GRID_PAGE_ROWS));
  const page = Math.min(gridPage, pages - 1);
  const models = useMemo(
    () => ({
      progress: progressChart(o.progress),
      completeness: completenessChart(o.completeness),
      grid: gridChart(gridRows.slice(page * GRID_PAGE_ROWS, (page + 1) * GRID_PAGE_ROWS), groups),
      gridAll: gridChart(gridRows, groups),
      gridPaper: Array.from({ length: Math.ceil(gridRows.length / GRID_PAPER_ROWS) }, (_, i) =>
        gridChart(gridRows.slice(i * GRID_PAPER_ROWS, (i + 1) * GRID_PAPER_ROWS), groups),
      ),
      indicators: indicatorChart(o.indicators),
      monthly: monthlyChart(o.monthly, metric, periodName),
    }),
    [o, gridRows, groups, metric, periodName, page],
  );
  // A new order starts again at its first page.
  const changeSort = (next: GridSort) => {
    setSort(next);
    setGridPage(0);
  };
  const onSort = (key: string) => changeSort(sort.key === key ? { key, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' });
  const overall = o.progress.overall.percent;

  const noReportsText = (
    <GoTo screen="import" why="Chưa có báo cáo nào của đơn vị cấp dưới cho kỳ này, và đơn vị mình chưa ghi số liệu nào — nhập tệp báo cáo ở «Nhập dữ liệu».">Mở «Nhập dữ liệu»</GoTo>
  );
  const noActivityText = (
    <GoTo
      screen="activities"
      why={`Chưa có hoạt động nào trong kỳ này — ghi hoạt động ở Nhật ký${consolidated ? ', hoặc nhập báo cáo của đơn vị cấp dưới ở «Nhập dữ liệu»' : ''}.`}
    >
      Mở Nhật ký
    </GoTo>
  );

  const progressCard = (
    <ChartCard
      title="Tiến độ theo nhóm nhiệm vụ"
      subtitle={`hoàn thành chung ${overall === null ? '–' : `${overall}%`}`}
      summary={`Mỗi thanh là một nhóm nhiệm vụ, chia theo trạng thái: ${o.progress.groups.map((g) => `${g.group.id} hoàn thành ${g.percent ?? 0}%`).join(', ')}.`}
      model={models.progress}
      empty={noReports ? noReportsText : undefined}
      fileName={`TongQuan_TienDo_${fileTag}.png`}
      pngSubtitle={pngSubtitle}
      table={<ProgressTable caption="Tiến độ theo nhóm nhiệm vụ" progress={o.progress} onOpen={onOpen} />}
      onOpen={onOpen}
    />
  );
  const gridCard = (
    <ChartCard
      className="ov-card-grid"
      title="Mức hoàn thành theo đơn vị và nhóm nhiệm vụ"
      summary={`Mỗi hàng là một đơn vị, mỗi cột một nhóm nhiệm vụ, mỗi ô là tỷ lệ hoàn thành; ${o.completeness['chua-nop']} đơn vị chưa nộp báo cáo.`}
      model={models.grid}
      whole={pages > 1 ? { png: models.gridAll, paper: models.gridPaper } : undefined}
      empty={gridRows.length === 0 ? noReportsText : undefined}
      fileName={`TongQuan_DonViNhom_${fileTag}.png`}
      pngSubtitle={pngSubtitle}
      controls={
        <>
          <GridSortControl sort={sort} groups={groups} onChange={changeSort} />
          {pages > 1 && <GridPager page={page} pages={pages} rows={gridRows.length} onChange={setGridPage} />}
        </>
      }
      table={<GridTable caption="Mức hoàn thành theo đơn vị và nhóm nhiệm vụ" rows={gridRows} groups={groups} sort={sort} onSort={onSort} onOpen={onOpen} />}
      onOpen={onOpen}
    />
  );
  const completenessCard = (
    <ChartCard
      title="Tình hình nộp báo cáo"
      summary={`Đã nộp ${o.completeness['da-nop']}, nộp muộn ${o.completeness['nop-muon']}, chưa nộp ${o.completeness['chua-nop']} trên ${o.completeness.total} đơn vị.`}
      model={models.completeness}
      empty={
        o.completeness.total === 0 ? (
          <GoTo screen="units" why="Danh sách đơn vị chưa có đơn vị cấp dưới nào — thêm ở «Đơn vị» (hoặc khi nhập tệp báo cáo).">Mở «Đơn vị»</GoTo>
        ) : undefined
      }
      fileName={`TongQuan_NopBaoCao_${fileTag}.png`}
      pngSubtitle={pngSubtitle}
      table={<CompletenessTable caption="Tình hình nộp báo cáo" counts={o.completeness} onOpen={onOpen} />}
      onOpen={onOpen}
    />
  );
  const indicatorsCard = (
    <ChartCard
      title="Chỉ tiêu so với chỉ tiêu giao"
      summary={
        o.indicators.withTarget.length > 0
          ? `Tỷ lệ đạt của từng chỉ tiêu đã giao: ${o.indicators.withTarget.map((r) => `${r.name} ${r.percent}%`).join(', ')}.`
          : 'Chưa đặt chỉ tiêu giao nào.'
      }
      subtitle={
        o.indicators.withoutTarget.length > 0 && o.indicators.withTarget.length > 0
          ? `${o.indicators.withoutTarget.length} chỉ tiêu chưa đặt chỉ tiêu giao (xem bảng số liệu)`
          : undefined
      }
      model={models.indicators}
      empty={
        o.indicators.withTarget.length === 0 ? (
          <GoTo screen="indicators" why="Chưa đặt chỉ tiêu giao cho kỳ này — đặt ở «Chỉ tiêu» để thấy tỷ lệ đạt. Kết quả từng chỉ tiêu có trong bảng số liệu.">Mở «Chỉ tiêu»</GoTo>
        ) : undefined
      }
      fileName={`TongQuan_ChiTieu_${fileTag}.png`}
      pngSubtitle={pngSubtitle}
      table={<IndicatorTable caption="Chỉ tiêu so với chỉ tiêu giao" indicators={o.indicators} onOpen={onOpen} />}
      onOpen={onOpen}
    />
  );
  const monthlyCard = (
    <ChartCard
      title={`${MONTHLY_AXIS[metric]} theo tháng`}
      subtitle={o.monthly.previous ? `so với ${o.monthly.previousName}` : `${o.monthly.previousName}: chưa có hoạt động để so sánh`}
      summary={`${MONTHLY_AXIS[metric]} từng tháng: ${o.monthly.current.map((m) => `${m.bucket.label} ${formatCount(m[metric])}`).join(', ')}.`}
      model={models.monthly}
      empty={o.activityCount === 0 ? noActivityText : undefined}
      fileName={`TongQuan_${metric === 'activities' ? 'HoatDong' : 'LuotNguoi'}_${fileTag}.png`}
      pngSubtitle={pngSubtitle}
      controls={
        <fieldset className="ov-switch">
          <legend>Xem theo</legend>
          {(['activities', 'participants'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name="ov-metric" value={m} checked={metric === m} onChange={() => setMetric(m)} /> {MONTHLY_AXIS[m]}
            </label>
          ))}
        </fieldset>
      }
      table={<MonthlyTable caption="Hoạt động và lượt người tham gia theo tháng" monthly={o.monthly} periodName={periodName} onOpen={onOpen} />}
      onOpen={onOpen}
    />
  );

  return (
    <>
      <dl className="ov-kpis" aria-label="Số liệu chính">
        <div>
          <dt>Hoàn thành chung</dt>
          <dd>{overall === null ? '–' : `${overall}%`}</dd>
          <dd className="ov-kpi-note">
            {formatCount(o.progress.overall.done)}/{formatCount(o.progress.overall.applicable)} {consolidated ? 'lượt nhiệm vụ × báo cáo' : 'nhiệm vụ áp dụng'}
          </dd>
        </div>
        <div>
          <dt>Hoạt động trong kỳ</dt>
          <dd>{formatCount(o.activityCount)}</dd>
        </div>
        <div>
          <dt>Lượt người tham gia</dt>
          <dd>{formatCount(o.participants)}</dd>
          <dd className="ov-kpi-note">theo các hoạt động</dd>
        </div>
        {consolidated && (
          <div>
            <dt>Đơn vị đã nộp báo cáo</dt>
            <dd>
              {formatCount(o.completeness['da-nop'] + o.completeness['nop-muon'])}/{formatCount(o.completeness.total)}
            </dd>
            <dd className="ov-kpi-note">{formatCount(o.completeness['nop-muon'])} nộp muộn</dd>
          </div>
        )}
      </dl>

      <div className="ov-columns">
        <div className="ov-column">
          {progressCard}
          {consolidated ? gridCard : monthlyCard}
        </div>
        <div className="ov-column">
          {consolidated && completenessCard}
          {indicatorsCard}
          {consolidated && monthlyCard}
        </div>
      </div>
    </>
  );
}

/**
 * Which rows of the grid the chart shows: a page of GRID_PAGE_ROWS units at a time (a chart of
 * 100 units × 7 groups would be 2.500 px tall and hold the page while drawn); the table, the PNG
 * and the printed page hold every unit.
 */
function GridPager({ page, pages, rows, onChange }: { page: number; pages: number; rows: number; onChange: (page: number) => void }) {
  const first = page * GRID_PAGE_ROWS + 1;
  const last = Math.min(rows, (page + 1) * GRID_PAGE_ROWS);
  return (
    <div className="ov-pager" role="group" aria-label="Trang của biểu đồ">
      <button type="button" onClick={() => onChange(page - 1)} disabled={page === 0}>
        ‹ Trang trước
      </button>
      <span role="status">
        Đơn vị {formatCount(first)}–{formatCount(last)} trên {formatCount(rows)} (trang {page + 1}/{pages})
      </span>
      <button type="button" onClick={() => onChange(page + 1)} disabled={page >= pages - 1}>
        Trang sau ›
      </button>
    </div>
  );
}

function GridSortControl({ sort, groups, onChange }: { sort: GridSort; groups: readonly TaskGroup[]; onChange: (s: GridSort) => void }) {
  return (
    <div className="ov-sort-row">
      <label>
        Sắp xếp theo{' '}
        <select value={sort.key} onChange={(e) => onChange({ ...sort, key: e.target.value })}>
          <option value="overall">Tỷ lệ hoàn thành chung</option>
          <option value="name">Tên đơn vị</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              Tỷ lệ hoàn thành nhóm {g.id}
            </option>
          ))}
        </select>
      </label>
      <label>
        Thứ tự{' '}
        <select value={sort.dir} onChange={(e) => onChange({ ...sort, dir: e.target.value === 'desc' ? 'desc' : 'asc' })}>
          <option value="asc">{sort.key === 'name' ? 'A → Z' : 'Thấp → cao'}</option>
          <option value="desc">{sort.key === 'name' ? 'Z → A' : 'Cao → thấp'}</option>
        </select>
      </label>
      <span className="muted">Đơn vị chưa nộp báo cáo luôn ở cuối.</span>
    </div>
  );
}
