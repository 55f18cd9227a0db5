/**
 * The test's own record of everything the units logged (the ledger), and the figures a district
 * or province must show, computed from it alone: never from the app or its files.
 */
import type { ActivityType } from '@domain/activity';
import { PARTICIPANTS_INDICATOR, STANDARD_INDICATORS } from '@domain/indicators';
import type { IsoDate } from '@domain/periods';

export type Status = 'chua' | 'dang' | 'xong' | 'khong-ap-dung';

export const STATUS_LABELS: Record<Status, string> = {
  chua: 'Chưa thực hiện',
  dang: 'Đang thực hiện',
  xong: 'Đã hoàn thành',
  'khong-ap-dung': 'Không áp dụng',
};

export interface LoggedActivity {
  date: IsoDate;
  itemIds: string[];
  type: ActivityType;
  /** The label typed or chosen for the type. */
  typeLabel: string;
  title: string;
  participants: number | null;
  /** Indicator code → value typed in that indicator's own field. */
  indicators: Record<string, number>;
}

export interface UnitEntry {
  code: string;
  name: string;
  /** How the workbook came to be: the app run as the unit, or a template filled in LibreOffice. */
  source: 'app' | 'template';
  activities: LoggedActivity[];
  statuses: Record<string, Status>;
}

/** One activity's indicator values, with the app's "lượt người tham gia" rule (explicit value wins). */
export function indicatorValuesOf(a: LoggedActivity): Record<string, number> {
  const out: Record<string, number> = { ...a.indicators };
  if (out[PARTICIPANTS_INDICATOR] === undefined && a.participants !== null) out[PARTICIPANTS_INDICATOR] = a.participants;
  return out;
}

/** Indicator code → the unit's value for the period (every standard code, 0 when none). */
export function unitTotals(u: UnitEntry): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(STANDARD_INDICATORS.map((d) => [d.code, 0]));
  for (const a of u.activities) {
    for (const [code, v] of Object.entries(indicatorValuesOf(a))) out[code] = (out[code] ?? 0) + v;
  }
  return out;
}

/** Indicator code → the sum over all these units. */
export function totalsOf(units: readonly UnitEntry[]): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(STANDARD_INDICATORS.map((d) => [d.code, 0]));
  for (const u of units) for (const [code, v] of Object.entries(unitTotals(u))) out[code] = (out[code] ?? 0) + v;
  return out;
}

export function activityCountOf(units: readonly UnitEntry[]): number {
  return units.reduce((n, u) => n + u.activities.length, 0);
}

/** Item id → how many units gave each status, and how many gave none ('none'). */
export function statusCountsOf(units: readonly UnitEntry[], itemIds: readonly string[]): Map<string, Record<Status | 'none', number>> {
  const out = new Map<string, Record<Status | 'none', number>>();
  for (const id of itemIds) {
    const c = { xong: 0, dang: 0, chua: 0, 'khong-ap-dung': 0, none: 0 };
    for (const u of units) {
      const s = u.statuses[id];
      c[s ?? 'none'] += 1;
    }
    out.set(id, c);
  }
  return out;
}

/** Item id → activities of these units linked to it. */
export function itemActivityCountsOf(units: readonly UnitEntry[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const u of units) for (const a of u.activities) for (const id of a.itemIds) out.set(id, (out.get(id) ?? 0) + 1);
  return out;
}

/** Vietnamese number format as the app shows counts: 1.250. */
export function vn(n: number): string {
  return new Intl.NumberFormat('vi-VN').format(n);
}
