/**
 * The benchmark page (built by vite.bench.config.mts, driven by run-activities-bench.mjs):
 * generates 50,000 realistic activities, stores them in IndexedDB through the app's own Dexie
 * database, then times, with the app's real code:
 *   (a) loading the plan's activities (activitiesOfPlan, what the log's live query runs),
 *   (b) filtering by period + unit + type, and
 *   (c) accent-insensitive search,
 * both through filterAndSortActivities (features/activities/activity-query.ts), the one path
 * the activity list takes. Each figure has a baseline measured in the same run: a native
 * IDBIndex.getAll for (a), a plain Array.prototype.filter with precomputed lower-case text and
 * String.includes for (b) and (c) (no folding, no sorting: the floor of a linear scan).
 */
import { ACTIVITY_TYPES, activitySearchText, compileActivityFilter, type Activity, type ActivityType } from '@domain/activity';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { trackableItems } from '@domain/plan-tree';
import { periodOf, DEFAULT_PERIOD_CONFIG } from '@domain/periods';
import { db } from '@db/db';
import { activitiesOfPlan } from '@db/activity-read';
import type { ActivityRecord } from '@db/types';
import { DEFAULT_ACTIVITY_SORT, filterAndSortActivities } from '@features/activities/activity-query';

export interface Stat {
  runs: number;
  median: number;
  p95: number;
  min: number;
  max: number;
  /** Rows the measured call returned (the same for every run). */
  rows: number;
}

export interface BenchResult {
  count: number;
  seedMs: number;
  userAgent: string;
  measures: { id: string; label: string; target: number | null; app: Stat; baseline: Stat | null; note?: string }[];
}

// ---------------------------------------------------------------------------------------------
// Data: deterministic, so every run measures the same records.

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMPANIES = [
  'Công ty TNHH Giày da Mỹ Phong',
  'Công ty CP Mía đường Tây Ninh',
  'Công ty TNHH Dệt may Hòa Thành',
  'Trường THCS Nguyễn Trãi',
  'Trường Tiểu học Lê Văn Tám',
  'Bệnh viện Đa khoa huyện',
  'UBND xã Suối Đá',
  'Công ty TNHH Cao su Dầu Tiếng',
  'Công ty CP Điện lực Tây Ninh',
  'Chi cục Thuế khu vực',
  'Công ty TNHH Chế biến nông sản Bàu Đồn',
  'Trường Mầm non Hoa Sen',
];

const TITLES: Record<ActivityType, readonly string[]> = {
  propaganda: [
    'Tuyên truyền Bộ luật Lao động năm 2019 cho công nhân',
    'Tuyên truyền Nghị quyết 43-NQ/TW về khối đại đoàn kết toàn dân tộc',
    'Tuyên truyền phòng, chống ma túy trong công nhân lao động',
  ],
  conference: [
    'Hội nghị quán triệt Nghị quyết Đại hội Công đoàn các cấp',
    'Đại hội Công đoàn cơ sở nhiệm kỳ 2023 – 2028',
    'Hội nghị người lao động năm',
  ],
  training: ['Tập huấn nghiệp vụ công tác tài chính công đoàn', 'Bồi dưỡng kỹ năng thương lượng cho cán bộ công đoàn'],
  emulation: ['Phát động thi đua “Lao động giỏi, lao động sáng tạo”', 'Tổng kết thi đua, khen thưởng cuối năm'],
  dialogue: ['Đối thoại định kỳ tại nơi làm việc', 'Thương lượng tập thể về tiền lương, thưởng Tết'],
  'legal-advice': ['Tư vấn pháp luật lao động miễn phí tại khu nhà trọ', 'Giải đáp chính sách bảo hiểm xã hội'],
  welfare: ['Chăm lo Tết Sum vầy cho đoàn viên khó khăn', 'Trao quà Mái ấm Công đoàn', 'Thăm hỏi đoàn viên ốm đau'],
  membership: ['Phát triển đoàn viên tại doanh nghiệp ngoài nhà nước', 'Thành lập Công đoàn cơ sở mới'],
  'party-referral': ['Giới thiệu đoàn viên ưu tú cho Đảng xem xét kết nạp'],
  inspection: ['Kiểm tra việc thực hiện Điều lệ Công đoàn', 'Giám sát thực hiện chế độ, chính sách cho người lao động'],
  other: ['Sinh hoạt chuyên đề', 'Họp Ban Chấp hành mở rộng'],
};

const CONTENT = [
  'Nội dung: phổ biến quyền và nghĩa vụ của người lao động, chế độ tiền lương, bảo hiểm xã hội, an toàn vệ sinh lao động.',
  'Đã tổ chức theo kế hoạch, đông đảo đoàn viên tham dự, ý kiến được tổng hợp gửi Ban Giám đốc.',
  'Phối hợp với chuyên môn đồng cấp; báo cáo kết quả về Liên đoàn Lao động huyện đúng hạn.',
  'Triển khai đến từng tổ công đoàn, lồng ghép sinh hoạt định kỳ hằng tháng.',
];

/** The rare word of the search test: ~0.05 % of activities mention it. */
export const RARE_PLACE = 'xã Phước Minh';

function isoDay(start: Date, offsetDays: number): string {
  const d = new Date(start.getTime() + offsetDays * 86_400_000);
  return d.toISOString().slice(0, 10);
}

export function generateActivities(count: number, planId: string): ActivityRecord[] {
  const rand = mulberry32(20250614);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const items = trackableItems(BUILTIN_PLAN.plan).map((n) => n.id);
  const units = Array.from({ length: 100 }, (_, i) => `CDCS-${String(i + 1).padStart(4, '0')}`);
  const start = new Date(Date.UTC(2024, 0, 1));
  const out: ActivityRecord[] = [];
  for (let i = 0; i < count; i++) {
    const type = pick(ACTIVITY_TYPES).code;
    const unitIndex = Math.floor(rand() * units.length);
    const company = COMPANIES[unitIndex % COMPANIES.length]!;
    const nItems = 1 + Math.floor(rand() * 3);
    const itemIds = [...new Set(Array.from({ length: nItems }, () => pick(items)))];
    const participants = type === 'other' ? null : 15 + Math.floor(rand() * 300);
    const indicators: Record<string, number> = {};
    if (type === 'propaganda') indicators['propaganda-sessions'] = 1;
    if (type === 'membership') indicators['new-members'] = 1 + Math.floor(rand() * 20);
    if (type === 'legal-advice') indicators['legal-advice'] = 1 + Math.floor(rand() * 10);
    if (type === 'training') indicators['training-classes'] = 1;
    if (type === 'party-referral') indicators['party-referrals'] = 1 + Math.floor(rand() * 3);
    const rare = rand() < 0.0005;
    const t = `2025-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`;
    const a: Activity = {
      id: crypto.randomUUID(),
      planId,
      unitCode: units[unitIndex]!,
      date: isoDay(start, Math.floor(rand() * 730)),
      itemIds,
      type,
      title: `${pick(TITLES[type])} – ${company}`,
      content: `${pick(CONTENT)}${rare ? ` Tổ chức tại hội trường ${RARE_PLACE}.` : ''}`,
      location: rare ? `Nhà văn hóa ${RARE_PLACE}` : `Hội trường ${company}`,
      participants,
      evidenceDoc: rand() < 0.3 ? `${1 + Math.floor(rand() * 200)}/BC-CĐCS` : '',
      evidenceFile: '',
      indicators,
      createdAt: t,
      updatedAt: t,
      deletedAt: rand() < 0.01 ? t : null,
    };
    out.push({ ...a, searchText: activitySearchText(a) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Timing.

function stat(samples: number[], rows: number): Stat {
  const s = [...samples].sort((x, y) => x - y);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  const round = (n: number) => Math.round(n * 100) / 100;
  return { runs: s.length, median: round(at(0.5)), p95: round(at(0.95)), min: round(s[0]!), max: round(s[s.length - 1]!), rows };
}

/**
 * `runs` timed calls after one warm-up call (JIT). A measure whose calls are slow (the IndexedDB
 * loads on a busy machine) stops early once `budgetMs` is spent, never below MIN_RUNS; the
 * number of runs actually made is reported with every figure.
 */
async function time<T>(
  runs: number,
  fn: () => T | Promise<T>,
  size: (r: T) => number,
  options: { budgetMs?: number; warmup?: boolean; minRuns?: number } = {},
): Promise<Stat> {
  const samples: number[] = [];
  let rows = -1;
  if (options.warmup !== false) await fn();
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = await fn();
    samples.push(performance.now() - t0);
    rows = size(r);
    const enough = samples.length >= (options.minRuns ?? MIN_RUNS);
    if (options.budgetMs !== undefined && enough && performance.now() - start > options.budgetMs) break;
  }
  return stat(samples, rows);
}

/** Fewest runs behind any figure. */
const MIN_RUNS = 5;
/** Time kept for filter and search after the loads. */
const RESERVE_MS = 35_000;

function nativeGetAll(planId: string): Promise<unknown[]> {
  const idb = db.backendDB();
  return new Promise((resolve, reject) => {
    const req = idb.transaction('activities', 'readonly').objectStore('activities').index('planId').getAll(planId);
    req.onsuccess = () => resolve(req.result as unknown[]);
    req.onerror = () => reject(req.error);
  });
}

export async function runBench(options: {
  count: number;
  runs: number;
  /** Most the (a) loads may take in all. */
  loadBudgetMs: number;
  /** Time left before the runner gives up; the loads shrink to leave RESERVE_MS for the rest. */
  timeLeftMs: number;
}): Promise<BenchResult> {
  const began = performance.now();
  const { count, runs } = options;
  const planId = BUILTIN_PLAN.id;
  const statusEl = document.getElementById('status')!;
  const status = {
    set textContent(text: string) {
      statusEl.textContent = text;
      console.log(`[bench] ${Math.round(performance.now())} ms: ${text}`);
    },
  };

  db.close();
  await db.delete();
  await db.open();
  status.textContent = `Đang tạo ${count} hoạt động…`;
  const generated = generateActivities(count, planId);
  const t0 = performance.now();
  // Seeding is not what is measured: native puts in relaxed-durability transactions (no fsync
  // per commit) keep it short on slow disks.
  const idb = db.backendDB();
  for (let i = 0; i < generated.length; i += 10_000) {
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction('activities', 'readwrite', { durability: 'relaxed' });
      const store = tx.objectStore('activities');
      for (const r of generated.slice(i, i + 10_000)) store.put(r);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  const seedMs = Math.round(performance.now() - t0);
  if ((await db.activities.count()) !== count) throw new Error('not every activity was stored');

  status.textContent = 'Đang đo…';
  const measures: BenchResult['measures'] = [];
  // (a) Load: the slow part of the run; bounded so the whole benchmark stays under 2 minutes.
  const left = options.timeLeftMs - (performance.now() - began) - RESERVE_MS;
  const loadBudget = Math.max(0, Math.min(options.loadBudgetMs, left));
  const loadApp = await time(runs, () => activitiesOfPlan(planId), (r) => r.length, {
    budgetMs: (loadBudget * 2) / 3,
    warmup: false,
    minRuns: 3,
  });
  const loadBase = await time(runs, () => nativeGetAll(planId), (r) => r.length, {
    budgetMs: loadBudget / 3,
    warmup: false,
    minRuns: 2,
  });
  status.textContent = 'Đã đo (a)';
  measures.push({ id: 'load', label: '(a) load the plan\'s activities from IndexedDB', target: null, app: loadApp, baseline: loadBase });

  const records = await activitiesOfPlan(planId);
  // Baseline text: lower-case (accents kept), computed once outside the timings.
  const lower = records.map((r) => [r.title, r.content, r.location, r.evidenceDoc, r.evidenceFile].join('\n').toLowerCase());
  const idx = records.map((_, i) => i);

  // (b) Period + unit + type.
  const period = periodOf(DEFAULT_PERIOD_CONFIG, { kind: 'year', year: 2025 });
  const unit = 'CDCS-0042';
  const type: ActivityType = 'propaganda';
  const filter = { periodRange: { start: period.start, end: period.end }, unitCodes: [unit], type };
  // Cold: a new records array (what a live query hands over after any edit) pays the sort once.
  const cold = await time(20, () => filterAndSortActivities(records.slice(), filter, DEFAULT_ACTIVITY_SORT), (r) => r.length);
  const filterApp = await time(runs, () => filterAndSortActivities(records, filter, DEFAULT_ACTIVITY_SORT), (r) => r.length);
  const filterBase = await time(
    runs,
    () =>
      records.filter(
        (r) => r.deletedAt === null && r.date >= period.start && r.date <= period.end && r.unitCode === unit && r.type === type,
      ),
    (r) => r.length,
  );
  measures.push({
    id: 'filter',
    label: `(b) filter: ${period.name} + 1 unit + type`,
    target: 50,
    app: filterApp,
    baseline: filterBase,
  });
  measures.push({
    id: 'filter-cold',
    label: '(b′) filter right after a data change (new array: includes the sort)',
    target: null,
    app: cold,
    baseline: null,
    note: 'the sort by date is computed once per records array and cached',
  });

  status.textContent = 'Đã đo (b)';
  // (c) Search.
  const searches: [string, string][] = [
    ['tuyen truyen', 'tuyên truyền'],
    ['dai hoi', 'đại hội'],
    ['phuoc minh', 'phước minh'],
  ];
  for (const [query, accented] of searches) {
    const app = await time(runs, () => filterAndSortActivities(records, { query }, DEFAULT_ACTIVITY_SORT), (r) => r.length);
    const words = accented.split(' ');
    const base = await time(
      runs,
      () => idx.filter((i) => records[i]!.deletedAt === null && words.every((w) => lower[i]!.includes(w))),
      (r) => r.length,
    );
    measures.push({ id: `search:${query}`, label: `(c) unaccented search "${query}"`, target: 50, app, baseline: base });
  }

  // Diagnostic (no target): the same compiled predicate the list uses (compileActivityFilter),
  // applied in stored order instead of the cached sorted order. The gap between this and (c)
  // is the cost of visiting 50,000 records in date order (scattered in memory) rather than in
  // the order they were allocated.
  const keep = compileActivityFilter({ query: 'tuyen truyen' });
  const diag = await time(runs, () => records.filter(keep), (r) => r.length);
  measures.push({
    id: 'diag:stored-order',
    label: '(diagnostic) "tuyen truyen": same filter, stored order, no sort',
    target: null,
    app: diag,
    baseline: null,
  });

  status.textContent = 'Xong.';
  return { count, seedMs, userAgent: navigator.userAgent, measures };
}

declare global {
  interface Window {
    runBench: typeof runBench;
    benchReady: boolean;
  }
}

window.runBench = runBench;
window.benchReady = true;
document.getElementById('status')!.textContent = 'Sẵn sàng.';
