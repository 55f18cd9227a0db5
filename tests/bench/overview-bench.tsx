/**
 * The «Tổng quan» benchmark page (built by vite.overview-bench.config.mts, driven by
 * run-overview-bench.mjs): a district with 100 CĐCS, 95 of whose reports hold 50,000 activities
 * for the period (5 stay silent), and 90 × 100 for the same period a year earlier, imported into
 * real IndexedDB with the app's own import operations, then:
 *
 *   load     loadConsolidation of the period and of the year before, as the screen reads them
 *            (not judged: the same query «Tổng hợp» runs);
 *   first view  buildOverview + the chart options + React rendering OverviewCharts (the
 *            screen's own component) until every chart in the window (1366×768, below the app's
 *            header) is drawn by ECharts into SVG and laid out: what the officer waits for once
 *            the data is loaded (judged: ≤ 100 ms, and no main-thread task over 200 ms);
 *   grid     scrolling down to the unit × task group grid until its chart (a page of 25 units
 *            × 7 groups) is drawn (judged: no task over 200 ms); all = first view + grid;
 *   compute  buildOverview alone;
 *   baseline the same figures with plain array loops over the same loaded data.
 *
 * Long tasks (PerformanceObserver 'longtask', ≥ 50 ms) are recorded per phase. The baseline's
 * figures are compared with ours; a difference fails the run.
 */
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { ACTIVITY_TYPES } from '@domain/activity';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import type { ConsolidationResult } from '@domain/consolidate';
import { activityIndicatorValues, STANDARD_INDICATORS } from '@domain/indicators';
import { DEFAULT_PERIOD_CONFIG, periodOf, type Period } from '@domain/periods';
import { planFingerprint } from '@domain/plan-tree';
import { db } from '@db/db';
import { loadConsolidation } from '@db/consolidation-ops';
import { applyBatch, previewImport, type BatchEntry } from '@db/import-ops';
import { ensureSeeded } from '@db/plan-ops';
import { putSetting } from '@db/settings-ops';
import { planReportItems } from '@exchange/plan-items';
import { formatVersionFor, type ReportActivity, type UnitReport } from '@domain/report';
import { OverviewCharts } from '@features/overview/OverviewScreen';
import { buildOverview, sortGridRows, taskGroupsOf, type Overview } from '@features/overview/overview-data';
import { completenessChart, gridChart, indicatorChart, monthlyChart, progressChart } from '@features/overview/chart-options';
import { echarts } from '@ui/chart/echarts';
import '../../src-renderer/styles/app.css';

const DISTRICT = { code: 'LDLD-DMC', name: 'LĐLĐ huyện Dương Minh Châu' };
const PERIOD = periodOf(DEFAULT_PERIOD_CONFIG, { kind: 'half', year: 2025 });
const BEFORE = periodOf(DEFAULT_PERIOD_CONFIG, { kind: 'half', year: 2024 });
const GROUPS = taskGroupsOf(BUILTIN_PLAN.plan);
const ITEMS = planReportItems(BUILTIN_PLAN.plan);

function status(text: string): void {
  document.getElementById('status')!.textContent = text;
  console.log(`[bench] ${Math.round(performance.now())} ms: ${text}`);
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

const span = (p: Period) => Math.round((Date.parse(`${p.end}T00:00:00Z`) - Date.parse(`${p.start}T00:00:00Z`)) / 86_400_000);

/** Unit i's report for a period: `count` activities spread over its days, statuses drawn at random. */
function unitReport(i: number, period: Period, count: number, rand: () => number): UnitReport {
  const code = `CDCS-${String(i + 1).padStart(4, '0')}`;
  const days = span(period);
  const statuses = ['xong', 'dang', 'chua', 'khong-ap-dung', null] as const;
  const activities: ReportActivity[] = Array.from({ length: count }, (_, k) => {
    const type = ACTIVITY_TYPES[Math.floor(rand() * ACTIVITY_TYPES.length)]!.code;
    const indicators: Record<string, number> = {};
    if (type === 'propaganda') indicators['propaganda-sessions'] = 1;
    if (type === 'membership') indicators['new-members'] = 1 + Math.floor(rand() * 20);
    if (type === 'training') indicators['training-classes'] = 1;
    return {
      id: `${code}-${period.key}-${k}`,
      date: addDays(period.start, Math.floor(rand() * (days + 1))),
      unitCode: code,
      itemIds: [ITEMS[Math.floor(rand() * ITEMS.length)]!.id],
      type,
      title: `Hoạt động ${k + 1} của công đoàn cơ sở số ${i + 1}`,
      content: 'Tổ chức tại hội trường; phát tài liệu cho người lao động.',
      location: 'Hội trường công ty',
      participants: type === 'other' ? null : 15 + Math.floor(rand() * 300),
      evidenceDoc: '',
      evidenceFile: '',
      indicators,
    };
  });
  const sums: Record<string, number> = {};
  for (const a of activities) for (const [c, v] of Object.entries(activityIndicatorValues(a))) sums[c] = (sums[c] ?? 0) + v;
  return {
    kind: 'unit-report',
    formatVersion: formatVersionFor('unit-report'),
    unit: { code, name: `Công đoàn cơ sở số ${i + 1}`, level: 'grassroots', parentName: DISTRICT.name },
    plan: { id: BUILTIN_PLAN.id, number: '63/KH-LĐLĐ', title: BUILTIN_PLAN.plan.header.title ?? '', fingerprint: planFingerprint(BUILTIN_PLAN.plan) },
    period: { key: period.key, name: period.name, start: period.start, end: period.end },
    exportedAt: new Date(Date.parse(`${period.end}T02:00:00Z`) + (i % 10) * 86_400_000).toISOString(),
    exportedBy: '',
    appVersion: 'bench',
    items: ITEMS.map((it) => ({ ...it, status: statuses[Math.floor(rand() * statuses.length)]!, note: '', evidence: '', activityCount: 0 })),
    activities,
    indicators: STANDARD_INDICATORS.map((d) => ({ code: d.code, name: d.name, unit: d.unit, value: sums[d.code] ?? 0, target: null, adjustment: 0, adjustmentReason: '' })),
  };
}

/** Every twentieth unit stays silent for the period: «Chưa nộp» rows of the grid. */
const silent = (i: number) => i % 20 === 19;

async function seed(units: number, total: number, beforePerUnit: number): Promise<{ ms: number; activities: number }> {
  db.close();
  await db.delete();
  await db.open();
  await ensureSeeded();
  const t = '2025-01-01T00:00:00.000Z';
  await db.units.add({ code: DISTRICT.code, name: DISTRICT.name, level: 'district', parentName: '', type: null, members: null, contact: '', phone: '', active: true, createdAt: t, updatedAt: t });
  await putSetting('ownUnitCode', DISTRICT.code);
  await db.indicatorTargets.put({ planId: BUILTIN_PLAN.id, unitCode: DISTRICT.code, periodKey: PERIOD.key, indicatorCode: 'participants', target: 8_000_000 });
  await db.indicatorTargets.put({ planId: BUILTIN_PLAN.id, unitCode: DISTRICT.code, periodKey: PERIOD.key, indicatorCode: 'propaganda-sessions', target: 5_000 });
  const rand = mulberry32(20250614);
  const t0 = performance.now();
  const entries: BatchEntry[] = [];
  // `total` activities over the reporting units (the first ones take the remainder).
  const reporting = Array.from({ length: units }, (_, i) => i).filter((i) => !silent(i));
  const countOf = (i: number) => Math.floor(total / reporting.length) + (reporting.indexOf(i) < total % reporting.length ? 1 : 0);
  for (const period of [PERIOD, BEFORE]) {
    for (let i = 0; i < units; i++) {
      if (period === PERIOD && silent(i)) continue;
      // Ten units report only for the period, not for the year before.
      if (period === BEFORE && i % 10 === 9) continue;
      const report = unitReport(i, period, period === PERIOD ? countOf(i) : beforePerUnit, rand);
      const bytes = new TextEncoder().encode(`${report.unit.code}|${period.key}|bench`);
      entries.push({ preview: await previewImport(report, bytes, `${report.unit.code}_${period.key}.xlsx`), options: { addUnit: true } });
    }
    status(`Đã tạo ${entries.length} báo cáo`);
  }
  const result = await applyBatch(entries);
  const refused = result.files.filter((f) => !f.ok);
  if (refused.length > 0) throw new Error(`refused: ${JSON.stringify(refused[0])}`);
  // The silent units are in the directory too.
  for (let i = 19; i < units; i += 20) {
    const code = `CDCS-${String(i + 1).padStart(4, '0')}`;
    await db.units.put({ code, name: `Công đoàn cơ sở số ${i + 1}`, level: 'grassroots', parentName: DISTRICT.name, type: null, members: null, contact: '', phone: '', active: true, createdAt: t, updatedAt: t });
  }
  const activities = entries.filter((e) => e.preview.report.period.key === PERIOD.key).reduce((n, e) => n + e.preview.report.activities.length, 0);
  return { ms: performance.now() - t0, activities };
}

// ---------------------------------------------------------------------------------------------
// Long tasks.

const longTasks: { start: number; duration: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });

function longestIn(from: number, to: number): number {
  return longTasks.filter((t) => t.start >= from && t.start < to).reduce((m, t) => Math.max(m, t.duration), 0);
}

const settle = () => new Promise((r) => setTimeout(r, 120));
const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));

// ---------------------------------------------------------------------------------------------
// The baseline: the same figures with plain loops over the loaded data.

interface Figures {
  groupDone: number[];
  groupTotal: number[];
  /** Per unit code (sorted): the items done in each group. */
  gridDone: [string, ...number[]][];
  monthActivities: number[];
  monthParticipants: number[];
  previousActivities: number[];
  indicatorPercent: (number | null)[];
}

/** Month index of an ISO date counted from a period's first month. */
const monthIndex = (date: string, first: string) => (Number(date.slice(0, 4)) - Number(first.slice(0, 4))) * 12 + Number(date.slice(5, 7)) - Number(first.slice(5, 7));

function baseline(now: ConsolidationResult, before: ConsolidationResult): Figures {
  const groupOf: Record<string, number> = {};
  for (let g = 0; g < GROUPS.length; g++) for (const id of GROUPS[g]!.itemIds) groupOf[id] = g;
  const groupDone = new Array<number>(GROUPS.length).fill(0);
  const groupTotal = new Array<number>(GROUPS.length).fill(0);
  for (const it of now.report.consolidation.items) {
    const g = groupOf[it.id]!;
    groupDone[g]! += it.counts.xong;
    groupTotal[g]! += it.counts.xong + it.counts.dang + it.counts.chua + it.counts['khong-ap-dung'] + it.counts.none;
  }
  const grid: Record<string, number[]> = {};
  for (const c of now.contributors) grid[c.unitCode] = new Array<number>(GROUPS.length).fill(0);
  for (const id in now.itemShares) {
    const g = groupOf[id]!;
    for (const s of now.itemShares[id]!.xong) grid[s.unitCode]![g]! += s.count;
  }
  const monthActivities = new Array<number>(7).fill(0);
  const monthParticipants = new Array<number>(7).fill(0);
  for (const a of now.report.activities) {
    const m = monthIndex(a.date, now.report.period.start);
    monthActivities[m]! += 1;
    monthParticipants[m]! += a.indicators.participants ?? a.participants ?? 0;
  }
  const previousActivities = new Array<number>(7).fill(0);
  for (const a of before.report.activities) previousActivities[monthIndex(a.date, before.report.period.start)]! += 1;
  const indicatorPercent = now.report.indicators.map((i) => (i.target !== null && i.target > 0 ? Math.floor((i.value * 100) / i.target) : null));
  const gridDone = Object.keys(grid)
    .sort()
    .map((code): [string, ...number[]] => [code, ...grid[code]!]);
  return { groupDone, groupTotal, gridDone, monthActivities, monthParticipants, previousActivities, indicatorPercent };
}

function figuresOf(o: Overview): Figures {
  return {
    groupDone: o.progress.groups.map((g) => g.done),
    groupTotal: o.progress.groups.map((g) => g.total),
    gridDone: (o.grid ?? [])
      .filter((r) => r.overall !== null)
      .map((r): [string, ...number[]] => [r.unitCode, ...r.cells.map((c) => c?.done ?? 0)])
      .sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    monthActivities: o.monthly.current.map((m) => m.activities),
    monthParticipants: o.monthly.current.map((m) => m.participants),
    previousActivities: o.monthly.previous?.map((m) => m.activities) ?? [],
    indicatorPercent: o.indicators.rows.map((r) => r.percent),
  };
}

// ---------------------------------------------------------------------------------------------

function stat(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { runs: s.length, median: round(s[Math.floor((s.length - 1) / 2)]!), min: round(s[0]!), max: round(s.at(-1)!) };
}

// ---------------------------------------------------------------------------------------------
// Steps, called one by one by the runner, which reads the renderer thread's CPU time around each
// (Chrome's Performance metrics): on a shared machine the wall clock also counts the time other
// processes hold the CPU.

let now!: ConsolidationResult;
let before!: ConsolidationResult;
let overview!: Overview;
let figures!: Figures;
let root: ReturnType<typeof createRoot> | null = null;
const stage = () => document.getElementById('stage')!;
// The screen's charts; the grid's whole chart for paper (off screen) is drawn only when printing.
const boxes = () => [...stage().querySelectorAll<HTMLElement>('.chart-box')].filter((b) => !b.closest('.ov-print-only'));
const inWindow = (el: HTMLElement) => el.getBoundingClientRect().top < window.innerHeight + 100;
const drawn = (el: HTMLElement) => el.querySelector('svg') !== null;
const shape = () => buildOverview({ scope: 'consolidated', groups: GROUPS, period: PERIOD, result: now, previous: { period: BEFORE, result: before } });

let seeded!: { ms: number; activities: number };

/** Seeds the database (not timed beyond its total). */
async function prepare(options: { units: number; activities: number; beforePerUnit: number }) {
  status('Đang nhập dữ liệu…');
  seeded = await seed(options.units, options.activities, options.beforePerUnit);
  status(`Đã nhập ${seeded.activities} hoạt động (${Math.round(seeded.ms)} ms)`);
  await settle();
  return { userAgent: navigator.userAgent, activities: seeded.activities, seedMs: Math.round(seeded.ms) };
}

/** Loads both consolidations `runs` times, as the screen does (both periods together). */
async function load(runs: number) {
  const wall: number[] = [];
  const loadLongest: number[] = [];
  for (let i = 0; i < runs; i++) {
    performance.mark('ov-load-start');
    const t0 = performance.now();
    const [a, b] = await Promise.all([loadConsolidation({ planId: BUILTIN_PLAN.id, period: PERIOD }), loadConsolidation({ planId: BUILTIN_PLAN.id, period: BEFORE })]);
    const t1 = performance.now();
    performance.mark('ov-load-end');
    wall.push(t1 - t0);
    now = a.result;
    before = b.result;
    await settle();
    loadLongest.push(longestIn(t0, t1));
  }
  if (now.report.activities.length !== seeded.activities) throw new Error(`loaded ${now.report.activities.length} activities, seeded ${seeded.activities}`);
  return {
    activitiesBefore: before.report.activities.length,
    contributors: now.contributors.length,
    load: { ...stat(wall), longestTask: Math.round(Math.max(...loadLongest)) },
  };
}

/** An empty stage at the top of the page. */
async function reset() {
  root?.unmount();
  root = null;
  window.scrollTo(0, 0);
  stage().replaceChildren();
  await settle();
}

/**
 * «First view»: shape, build the options, render the screen's charts until every chart in the
 * window is drawn (the others wait until scrolled to: IntersectionObserver, then a task each).
 */
async function firstView() {
  const host = document.createElement('div');
  stage().append(host);
  performance.mark('ov-first-view-start');
  const t0 = performance.now();
  overview = shape();
  root = createRoot(host);
  flushSync(() =>
    root!.render(createElement(OverviewCharts, { overview, groups: GROUPS, periodName: PERIOD.name, fileTag: 'bench', pngSubtitle: 'bench', onOpen: () => undefined })),
  );
  while (boxes().length === 0 || !boxes().filter(inWindow).every(drawn)) await frame();
  void host.getBoundingClientRect().height;
  const t1 = performance.now();
  performance.mark('ov-first-view-end');
  const charts = boxes().filter(drawn).length;
  if (!boxes().some((b) => !drawn(b) && b.closest('.ov-card-grid'))) throw new Error('the grid was drawn before it was scrolled to');
  return { ms: t1 - t0, longest: longestIn(t0, t1 + 1), charts };
}

/** Scrolling down to the unit × task group grid until it is drawn. */
async function grid() {
  const box = boxes().find((b) => b.closest('.ov-card-grid'))!;
  performance.mark('ov-grid-start');
  const t0 = performance.now();
  box.scrollIntoView();
  while (!boxes().every(drawn)) await frame();
  void box.getBoundingClientRect().height;
  const t1 = performance.now();
  performance.mark('ov-grid-end');
  const charts = boxes().filter(drawn).length;
  return { ms: t1 - t0, longest: longestIn(t0, t1 + 1), charts };
}

/** Nothing: what a step costs the measurement itself (the call from the runner). */
function noop() {
  return { ms: 0 };
}

function compute() {
  const t0 = performance.now();
  overview = shape();
  return { ms: performance.now() - t0 };
}

function base() {
  const t0 = performance.now();
  figures = baseline(now, before);
  return { ms: performance.now() - t0 };
}

/** Each chart alone, drawn into a box of the card's size (median wall ms of `runs`): where the time goes. */
function perChart(runs: number) {
  const samples: Record<string, number[]> = {};
  const rows = sortGridRows(overview.grid ?? [], GROUPS, 'overall', 'asc');
  const models = {
    progress: progressChart(overview.progress),
    completeness: completenessChart(overview.completeness),
    'grid (a page of 25 units)': gridChart(rows.slice(0, 25), GROUPS),
    'grid (all units, for PNG and paper)': gridChart(rows, GROUPS),
    indicators: indicatorChart(overview.indicators),
    monthly: monthlyChart(overview.monthly, 'activities', PERIOD.name),
  };
  for (let i = 0; i <= runs; i++) {
    for (const [name, model] of Object.entries(models)) {
      const box = document.createElement('div');
      box.style.cssText = `width: 576px; height: ${model.height}px`;
      stage().replaceChildren(box);
      const t0 = performance.now();
      const chart = echarts.init(box, null, { renderer: 'svg' });
      chart.setOption(model.option);
      chart.getZr().refreshImmediately();
      void box.getBoundingClientRect().height;
      if (i > 0) (samples[name] ??= []).push(performance.now() - t0);
      chart.dispose();
    }
  }
  stage().replaceChildren();
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, stat(v).median]));
}

/** Ours and the baseline's figures must be the same; the screen is left drawn for a screenshot. */
async function finish() {
  const mine = figuresOf(overview);
  const same = JSON.stringify(mine) === JSON.stringify(figures);
  if (!same) throw new Error(`the baseline's figures differ from ours: ${JSON.stringify(mine).slice(0, 300)} / ${JSON.stringify(figures).slice(0, 300)}`);
  await reset();
  await firstView();
  status('Xong');
  return { sameFigures: same, gridRows: overview.grid?.length ?? 0 };
}

Object.assign(window, { bench: { prepare, load, reset, settle, firstView, grid, noop, compute, base, perChart, finish }, benchReady: true });
status('Sẵn sàng');
