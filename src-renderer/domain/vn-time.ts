/**
 * Time as people in Vietnam read it. Vietnam has no daylight saving time: UTC+7 all year, so
 * the day and the minute of an instant there are plain arithmetic on the UTC fields, the same in
 * the renderer, its workers and Node, whatever time zone the computer is set to.
 */
import { formatDateVn } from './periods';

/** Vietnam's offset from UTC, all year. */
export const VN_UTC_OFFSET_MS = 7 * 3600_000;

/** An instant as people in Vietnam read it: "14/06/2025 09:30". */
export function formatInstantVn(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const shifted = new Date(t + VN_UTC_OFFSET_MS).toISOString();
  return `${formatDateVn(shifted.slice(0, 10))} ${shifted.slice(11, 16)}`;
}

/** "14/06/2025 09:30 (giờ Việt Nam)" → the ISO instant, or '' when it is not that. */
export function instantOfVnText(text: string): string {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})/.exec(text.trim());
  if (!m) return '';
  const t = Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]), Number(m[4]), Number(m[5])) - VN_UTC_OFFSET_MS;
  return Number.isNaN(t) ? '' : new Date(t).toISOString();
}

/** The day in Vietnam of an ISO instant, 'YYYY-MM-DD'. */
export function vnDayOf(iso: string): string | null {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  return new Date(t + VN_UTC_OFFSET_MS).toISOString().slice(0, 10);
}
