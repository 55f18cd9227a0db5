/**
 * Time as people in Vietnam read it. Vietnam has no daylight saving time: UTC+7 all year, so
 * the day and the minute of an instant there are plain arithmetic on the UTC fields, the same in
 * the renderer, its workers and Node, whatever time zone the computer is set to.
 */

/** Vietnam's offset from UTC, all year. */
export const VN_UTC_OFFSET_MS = 7 * 3600_000;

/** An instant as people in Vietnam read it: "14/06/2025 09:30". */
export function formatInstantVn(iso: string): string {
  const d = new Date(Date.parse(iso) + VN_UTC_OFFSET_MS);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}
