/**
 * Reporting periods: which calendar days a "6 tháng đầu năm 2025" or "Năm 2025" report covers.
 *
 * Pure module. Dates are calendar dates written 'YYYY-MM-DD' (ISO strings compare in date
 * order), never Date instants, so no time zone can shift a day. Cut-off dates differ between
 * bodies, so each plan carries its own `PeriodConfig` (see domain.md, "Reporting periods").
 *
 * Rule: the year-Y report covers the day after `yearEnd` of Y-1 through `yearEnd` of Y (with
 * yearEnd 31/12 the year starts 01/01 of Y). The 6-month report covers the same start through
 * `halfEnd` of Y. Quarters are 3-month steps that end on the same day of the month as yearEnd
 * (Q1 = 15/12 → 14/03 under Nghị định 09/2019); when yearEnd is the last day of its month, the
 * quarters end on the last day of theirs (30/11 → Q1 ends 28 or 29/02, Q2 31/05).
 * A cut-off on 29/02 falls on 28/02 in common years.
 */

export type IsoDate = string;

export type PeriodKind = 'half' | 'year' | 'quarter';
export const PERIOD_KINDS: readonly PeriodKind[] = ['half', 'quarter', 'year'];

export interface DayMonth {
  day: number;
  month: number;
}

export interface PeriodConfig {
  /** Which reports this plan has; the selector offers these. */
  kinds: PeriodKind[];
  /** Last day of the 6-month report, e.g. 14/06. */
  halfEnd: DayMonth;
  /** Last day of the year report, e.g. 14/12. */
  yearEnd: DayMonth;
}

export interface PeriodRef {
  kind: PeriodKind;
  /** The report year ("Năm 2025"), which the period ends in. */
  year: number;
  /** 1..4 for quarters. */
  quarter?: number;
}

export interface Period extends PeriodRef {
  key: string;
  name: string;
  start: IsoDate;
  end: IsoDate;
}

/** Nghị định 09/2019/NĐ-CP: 15/12 of the year before – 14/06, and – 14/12. */
export const DEFAULT_PERIOD_CONFIG: PeriodConfig = {
  kinds: ['half', 'year'],
  halfEnd: { day: 14, month: 6 },
  yearEnd: { day: 14, month: 12 },
};

export interface PeriodPreset {
  id: 'nd-09-2019' | 'calendar' | 'mau-02-hdcd';
  label: string;
  halfEnd: DayMonth;
  yearEnd: DayMonth;
}

export const PERIOD_PRESETS: readonly PeriodPreset[] = [
  {
    id: 'nd-09-2019',
    label: 'Nghị định 09/2019: 15/12–14/6 và 15/12–14/12',
    halfEnd: { day: 14, month: 6 },
    yearEnd: { day: 14, month: 12 },
  },
  {
    id: 'calendar',
    label: '01/01–30/06 và 01/01–31/12',
    halfEnd: { day: 30, month: 6 },
    yearEnd: { day: 31, month: 12 },
  },
  {
    id: 'mau-02-hdcd',
    label: 'Mẫu 02-HĐCĐ: 31/5 và 30/11',
    halfEnd: { day: 31, month: 5 },
    yearEnd: { day: 30, month: 11 },
  },
];

/** The preset whose cut-offs equal the config's, if any. */
export function presetOf(config: Pick<PeriodConfig, 'halfEnd' | 'yearEnd'>): PeriodPreset | undefined {
  return PERIOD_PRESETS.find(
    (p) => sameDayMonth(p.halfEnd, config.halfEnd) && sameDayMonth(p.yearEnd, config.yearEnd),
  );
}

function sameDayMonth(a: DayMonth, b: DayMonth): boolean {
  return a.day === b.day && a.month === b.month;
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic on (year, month, day) triples.

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The date of these numbers, or null when the calendar has no such day (31/04, 29/02/2025). */
export function checkedIsoDate(year: number, month: number, day: number): IsoDate | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return isoDate(year, month, day);
}

interface Ymd {
  year: number;
  month: number;
  day: number;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function splitIso(date: IsoDate): Ymd {
  const m = ISO_RE.exec(date);
  if (!m) throw new Error(`Not a calendar date (YYYY-MM-DD): ${date}`);
  const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (ymd.month < 1 || ymd.month > 12 || ymd.day < 1 || ymd.day > daysInMonth(ymd.year, ymd.month)) {
    throw new Error(`Not a calendar date (YYYY-MM-DD): ${date}`);
  }
  return ymd;
}

export function isValidIsoDate(date: string): boolean {
  try {
    splitIso(date);
    return true;
  } catch {
    return false;
  }
}

/** The day after `date`. */
export function nextDay(date: IsoDate): IsoDate {
  const { year, month, day } = splitIso(date);
  if (day < daysInMonth(year, month)) return isoDate(year, month, day + 1);
  if (month < 12) return isoDate(year, month + 1, 1);
  return isoDate(year + 1, 1, 1);
}

/** The cut-off `dm` in `year`, 29/02 falling on 28/02 in common years. */
function cutOff(year: number, dm: DayMonth): IsoDate {
  return isoDate(year, dm.month, Math.min(dm.day, daysInMonth(year, dm.month)));
}

/** True when `dm` is the last day of its month (29/02 and 28/02 both count for February). */
function isMonthEnd(dm: DayMonth): boolean {
  return dm.month === 2 ? dm.day >= 28 : dm.day === daysInMonth(2001, dm.month);
}

/** The local calendar date of an instant (for "today" from `new Date()`). */
export function isoDateOf(instant: Date): IsoDate {
  return isoDate(instant.getFullYear(), instant.getMonth() + 1, instant.getDate());
}

// ---------------------------------------------------------------------------------------------
// Periods.

export function yearStart(config: PeriodConfig, year: number): IsoDate {
  return nextDay(cutOff(year - 1, config.yearEnd));
}

export function yearEnd(config: PeriodConfig, year: number): IsoDate {
  return cutOff(year, config.yearEnd);
}

/** End of quarter q (1..4) of report year `year`: yearEnd stepped back (4 − q) × 3 months. */
function quarterEnd(config: PeriodConfig, year: number, q: number): IsoDate {
  let month = config.yearEnd.month - (4 - q) * 3;
  let y = year;
  while (month < 1) {
    month += 12;
    y -= 1;
  }
  const day = isMonthEnd(config.yearEnd) ? daysInMonth(y, month) : Math.min(config.yearEnd.day, daysInMonth(y, month));
  return isoDate(y, month, day);
}

/** The dates and names of one period. */
export function periodOf(config: PeriodConfig, ref: PeriodRef): Period {
  const { kind, year } = ref;
  let start = yearStart(config, year);
  let end: IsoDate;
  if (kind === 'year') end = yearEnd(config, year);
  else if (kind === 'half') end = cutOff(year, config.halfEnd);
  else {
    const q = ref.quarter ?? 0;
    if (!Number.isInteger(q) || q < 1 || q > 4) throw new Error(`Quarter must be 1..4, got ${ref.quarter}`);
    if (q > 1) start = nextDay(quarterEnd(config, year, q - 1));
    end = quarterEnd(config, year, q);
  }
  const normalized: PeriodRef = kind === 'quarter' ? { kind, year, quarter: ref.quarter } : { kind, year };
  return { ...normalized, key: periodKey(normalized), name: periodName(normalized), start, end };
}

/** Every period of the config's kinds for report year `year`: 6 months, quarters, year. */
export function periodsOf(config: PeriodConfig, year: number): Period[] {
  const out: Period[] = [];
  if (config.kinds.includes('half')) out.push(periodOf(config, { kind: 'half', year }));
  if (config.kinds.includes('quarter')) {
    for (let q = 1; q <= 4; q++) out.push(periodOf(config, { kind: 'quarter', year, quarter: q }));
  }
  if (config.kinds.includes('year')) out.push(periodOf(config, { kind: 'year', year }));
  return out;
}

/** The report year whose year period contains `date` (15/12/2024 → 2025 under the default). */
export function reportYearOf(config: PeriodConfig, date: IsoDate): number {
  const { year } = splitIso(date);
  return date > yearEnd(config, year) ? year + 1 : year;
}

/** Every period of the config's kinds that contains `date` (a day can be in H1 and in the year). */
export function periodsContaining(config: PeriodConfig, date: IsoDate): Period[] {
  splitIso(date);
  const year = reportYearOf(config, date);
  return periodsOf(config, year).filter((p) => p.start <= date && date <= p.end);
}

/**
 * The period of `kind` an officer is working on at `today`: for the year and quarters, the one
 * containing today; for the 6-month report, that of the current report year, even once its
 * cut-off has passed (its report is what is due then).
 */
export function currentPeriod(config: PeriodConfig, today: IsoDate, kind: PeriodKind): Period {
  const year = reportYearOf(config, today);
  if (kind !== 'quarter') return periodOf(config, { kind, year });
  for (let q = 1; q <= 4; q++) {
    const p = periodOf(config, { kind, year, quarter: q });
    if (today <= p.end) return p;
  }
  return periodOf(config, { kind, year, quarter: 4 });
}

/** Days from `start` to `end`, both included. */
function lengthInDays(p: Pick<Period, 'start' | 'end'>): number {
  const day = (d: IsoDate) => {
    const { year, month, day } = splitIso(d);
    return Date.UTC(year, month - 1, day) / 86_400_000;
  };
  return day(p.end) - day(p.start) + 1;
}

/** The shortest of `periods` (the one ending first among equals), or null for none. */
function shortest(periods: readonly Period[]): Period | null {
  let best: Period | null = null;
  for (const p of periods) {
    if (!best || lengthInDays(p) < lengthInDays(best) || (lengthInDays(p) === lengthInDays(best) && p.end < best.end)) best = p;
  }
  return best;
}

/**
 * The period the app opens on at `today`: the shortest configured period that contains today
 * (a quarter, else the 6 months, else the year). In December under Nghị định 09/2019 that is
 * the year (15/12 → 14/12): the 6 months ended on 14/06. When no configured period contains
 * today (a plan with the 6-month report only, in the second half), the current period of the
 * first configured kind.
 */
export function defaultPeriod(config: PeriodConfig, today: IsoDate): Period {
  const found = shortest(periodsContaining(config, today));
  if (found) return found;
  return currentPeriod(config, today, config.kinds[0] ?? 'year');
}

/**
 * Where an activity dated `date` is counted, to show it: the period of `preferKind` containing
 * it when there is one (the officer keeps the kind being looked at), else the shortest one
 * containing it; null when no configured period does.
 */
export function periodForDate(config: PeriodConfig, date: IsoDate, preferKind?: PeriodKind): Period | null {
  const containing = periodsContaining(config, date);
  return containing.find((p) => p.kind === preferKind) ?? shortest(containing);
}

export type PeriodPhase = 'upcoming' | 'current' | 'ended';

/** Whether `period` has not started, is running or has ended at `today`. */
export function periodPhase(period: Pick<Period, 'start' | 'end'>, today: IsoDate): PeriodPhase {
  return today < period.start ? 'upcoming' : today > period.end ? 'ended' : 'current';
}

export const PERIOD_PHASE_LABELS: Record<PeriodPhase, string> = {
  upcoming: 'chưa bắt đầu',
  current: 'đang diễn ra',
  ended: 'đã kết thúc',
};

/** True when `date` falls within the period (both ends included). */
export function isInPeriod(period: Pick<Period, 'start' | 'end'>, date: IsoDate): boolean {
  return period.start <= date && date <= period.end;
}

// ---------------------------------------------------------------------------------------------
// Keys and names.

/** "2025-H1", "2025-Y", "2025-Q1": the key statuses are stored under. */
export function periodKey(ref: PeriodRef): string {
  if (ref.kind === 'half') return `${ref.year}-H1`;
  if (ref.kind === 'year') return `${ref.year}-Y`;
  return `${ref.year}-Q${ref.quarter}`;
}

const KEY_RE = /^(\d{4})-(H1|Y|Q([1-4]))$/;

export function parsePeriodKey(key: string): PeriodRef | null {
  const m = KEY_RE.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === 'H1') return { kind: 'half', year };
  if (m[2] === 'Y') return { kind: 'year', year };
  return { kind: 'quarter', year, quarter: Number(m[3]) };
}

const ROMAN = ['I', 'II', 'III', 'IV'];

export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = {
  half: '6 tháng đầu năm',
  quarter: 'Quý',
  year: 'Năm',
};

/** "6 tháng đầu năm 2025", "Năm 2025", "Quý I năm 2025". */
export function periodName(ref: PeriodRef): string {
  if (ref.kind === 'half') return `6 tháng đầu năm ${ref.year}`;
  if (ref.kind === 'year') return `Năm ${ref.year}`;
  return `Quý ${ROMAN[(ref.quarter ?? 1) - 1]} năm ${ref.year}`;
}

/** "15/12/2024 – 14/06/2025". */
export function periodRangeVn(period: Pick<Period, 'start' | 'end'>): string {
  return `${formatDateVn(period.start)} – ${formatDateVn(period.end)}`;
}

// ---------------------------------------------------------------------------------------------
// dd/mm/yyyy.

/** '2025-06-14' → '14/06/2025'. */
export function formatDateVn(date: IsoDate): string {
  const { year, month, day } = splitIso(date);
  return `${pad(day, 2)}/${pad(month, 2)}/${pad(year, 4)}`;
}

/** A date as a person types it: "14/6/2025", "14.06.2025", "14-06-2025" (day, month, year). */
export const VN_DATE_TEXT = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/;
/** A date typed the ISO way: "2025-06-14", "2025-6-14" (year, month, day). */
export const ISO_DATE_TEXT = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/;

/** '14/6/2025' (also with '.' or '-') → '2025-06-14'; null when it is not a real date. */
export function parseDateVn(text: string): IsoDate | null {
  const m = VN_DATE_TEXT.exec(text);
  if (!m) return null;
  return checkedIsoDate(Number(m[3]), Number(m[2]), Number(m[1]));
}

/** "14/06" for a cut-off. */
export function formatDayMonth(dm: DayMonth): string {
  return `${pad(dm.day, 2)}/${pad(dm.month, 2)}`;
}

// ---------------------------------------------------------------------------------------------
// Validation (messages in Vietnamese, shown beside the field).

export type PeriodConfigField = 'kinds' | 'halfEnd' | 'yearEnd';

export interface PeriodConfigError {
  field: PeriodConfigField;
  message: string;
}

function dayMonthError(dm: DayMonth, what: string): string | null {
  if (!Number.isInteger(dm.month) || dm.month < 1 || dm.month > 12) return `${what}: tháng phải từ 1 đến 12.`;
  // 29/02 is allowed: it falls on 28/02 in common years.
  const max = dm.month === 2 ? 29 : daysInMonth(2001, dm.month);
  if (!Number.isInteger(dm.day) || dm.day < 1 || dm.day > max) {
    return `${what}: tháng ${dm.month} chỉ có từ ngày 1 đến ngày ${max}.`;
  }
  return null;
}

/** Problems with a period configuration; [] when it can be saved. */
export function validatePeriodConfig(config: PeriodConfig): PeriodConfigError[] {
  const errors: PeriodConfigError[] = [];
  if (!Array.isArray(config.kinds) || config.kinds.length === 0) {
    errors.push({ field: 'kinds', message: 'Chọn ít nhất một kỳ báo cáo.' });
  } else if (config.kinds.some((k) => !PERIOD_KINDS.includes(k))) {
    errors.push({ field: 'kinds', message: 'Kỳ báo cáo không hợp lệ.' });
  }
  const halfError = dayMonthError(config.halfEnd, 'Ngày chốt số liệu 6 tháng');
  if (halfError) errors.push({ field: 'halfEnd', message: halfError });
  const yearError = dayMonthError(config.yearEnd, 'Ngày chốt số liệu năm');
  if (yearError) errors.push({ field: 'yearEnd', message: yearError });
  if (!halfError && !yearError) {
    const h = config.halfEnd.month * 100 + config.halfEnd.day;
    const y = config.yearEnd.month * 100 + config.yearEnd.day;
    if (h >= y) {
      errors.push({
        field: 'halfEnd',
        message: `Ngày chốt 6 tháng (${formatDayMonth(config.halfEnd)}) phải trước ngày chốt năm (${formatDayMonth(config.yearEnd)}).`,
      });
    }
  }
  return errors;
}
