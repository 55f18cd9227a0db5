/**
 * The activity log (nhật ký hoạt động): what a unit did for a plan, on which day.
 *
 * Pure module. Rules:
 * - `date` is a calendar date 'YYYY-MM-DD', never a Date instant, so no time zone shifts it.
 *   Forms and files may give 'dd/mm/yyyy' (also with '.' or '-'); it must be a real date
 *   (29/02 only in leap years) in the years 1990–2100 (a typo guard).
 * - Text is stored NFC and trimmed; one-line fields have runs of spaces collapsed.
 * - Text fields have the limits of ACTIVITY_TEXT_LIMITS (all far below Excel's 32,767 characters
 *   per cell, so an activity always fits its row of an exchanged workbook); a longer text is
 *   refused with a message naming the field and its limit, in forms and in workbooks read.
 * - Counts (participants, each indicator value) are integers 0…MAX_ACTIVITY_VALUE (1,000,000,
 *   indicators.ts): a sane cap for one activity, so a typo cannot sum into every total.
 * - `indicators` holds only non-zero integer values, keyed by normalized indicator code;
 *   what an activity adds to each indicator, including the "lượt người tham gia" rule, is
 *   `activityIndicatorValues` in indicators.ts.
 * - Deleting is soft (`deletedAt`); deleted activities are ignored by duplicate checks, filters
 *   (unless the trash is asked for) and sums.
 * - Duplicates: same unit, same date and the same title once accents, case, spaces and
 *   punctuation are ignored (`looksLikeDuplicate`). It is a warning before saving, not a refusal.
 * - Filtering: `compileActivityFilter` prepares a filter once (folded query words, unit set)
 *   and returns a predicate; with the folded `searchText` stored beside each record
 *   (`activitySearchText`) it does no Unicode work per activity, which is what keeps 50,000
 *   activities fast.
 */
import { z } from 'zod';
import { indicatorName, MAX_ACTIVITY_VALUE, normalizeIndicatorCode } from './indicators';
import { cleanBlock, cleanLine, countTransform, formatCount, optionalText, parseInteger, requiredLine } from './fields';
import { daysInMonth, isoDate, ISO_DATE_TEXT, VN_DATE_TEXT, type IsoDate } from './periods';
import { PLAN_ITEM_ID_RE, UUID_RE } from './ids';
import { normalizeUnitCode } from './units';
import { fold, foldedKey, queryWords } from './vn-text';

// ---------------------------------------------------------------------------------------------
// Types of activity.

export type ActivityType =
  | 'propaganda'
  | 'conference'
  | 'training'
  | 'emulation'
  | 'dialogue'
  | 'legal-advice'
  | 'welfare'
  | 'membership'
  | 'party-referral'
  | 'inspection'
  | 'other';

export interface ActivityTypeDef {
  code: ActivityType;
  label: string;
}

/** In the order the entry form and reports list them. Codes are stable. */
export const ACTIVITY_TYPES: readonly ActivityTypeDef[] = Object.freeze([
  { code: 'propaganda', label: 'Tuyên truyền' },
  { code: 'conference', label: 'Hội nghị, quán triệt' },
  { code: 'training', label: 'Tập huấn, bồi dưỡng' },
  { code: 'emulation', label: 'Thi đua, khen thưởng' },
  { code: 'dialogue', label: 'Đối thoại, thương lượng tập thể' },
  { code: 'legal-advice', label: 'Tư vấn pháp luật' },
  { code: 'welfare', label: 'Chăm lo, phúc lợi' },
  { code: 'membership', label: 'Phát triển đoàn viên, thành lập CĐCS' },
  { code: 'party-referral', label: 'Giới thiệu đoàn viên ưu tú cho Đảng' },
  { code: 'inspection', label: 'Kiểm tra, giám sát' },
  { code: 'other', label: 'Khác' },
] as const satisfies readonly ActivityTypeDef[]);

/**
 * The label of each type code. Without a prototype: a code read from a file ("constructor",
 * "__proto__") finds no label (callers then show the code) instead of Object's members.
 */
export const ACTIVITY_TYPE_LABELS = Object.freeze(Object.assign(Object.create(null) as object, Object.fromEntries(ACTIVITY_TYPES.map((t) => [t.code, t.label])))) as Readonly<
  Record<ActivityType, string>
>;

const TYPE_ORDER = new Map<ActivityType, number>(ACTIVITY_TYPES.map((t, i) => [t.code, i]));

/** An activity type from its code or its label, accents and case ignored. */
export function parseActivityType(text: string): ActivityType | null {
  const key = foldedKey(text);
  for (const t of ACTIVITY_TYPES) if (key === t.code || key === fold(t.label)) return t.code;
  return null;
}

// ---------------------------------------------------------------------------------------------
// The record.

export interface Activity {
  /** UUID, stable across files and installations. */
  id: string;
  planId: string;
  /** Normalized unit code (units.ts). */
  unitCode: string;
  /** Calendar date 'YYYY-MM-DD'. */
  date: IsoDate;
  /** Plan item ids it serves, e.g. "III.2.4"; at least one. */
  itemIds: string[];
  type: ActivityType;
  title: string;
  content: string;
  location: string;
  /** Lượt người tham gia, null when not counted. */
  participants: number | null;
  /** Số/ký hiệu văn bản, e.g. "12/BC-LĐLĐ" ('' when none). */
  evidenceDoc: string;
  /** Tên tệp minh chứng ('' when none). */
  evidenceFile: string;
  /** Indicator code → value; only non-zero integers. */
  indicators: Record<string, number>;
  /** ISO instants. */
  createdAt: string;
  updatedAt: string;
  /** ISO instant of the soft delete, null while live. */
  deletedAt: string | null;
}

/** An activity as the store keeps it: with its folded search text (activitySearchText). */
export type ActivityWithSearch = Activity & { searchText?: string };

// ---------------------------------------------------------------------------------------------
// Dates.

export const MIN_ACTIVITY_YEAR = 1990;
export const MAX_ACTIVITY_YEAR = 2100;

export type DateParse = { ok: true; date: IsoDate } | { ok: false; message: string };

/**
 * An activity date from 'YYYY-MM-DD' or 'dd/mm/yyyy' (also d/m/yyyy, '.' or '-'), with the
 * Vietnamese message shown beside the field when it is not a real calendar date.
 */
export function parseActivityDate(text: string): DateParse {
  if (text.trim() === '') return { ok: false, message: 'Ngày: không được để trống' };
  let m = ISO_DATE_TEXT.exec(text);
  let year: number, month: number, day: number;
  if (m) [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = VN_DATE_TEXT.exec(text))) [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return { ok: false, message: 'Ngày: không hợp lệ, nhập theo dd/mm/yyyy' };
  if (year < MIN_ACTIVITY_YEAR || year > MAX_ACTIVITY_YEAR) {
    return { ok: false, message: `Ngày: không hợp lệ, năm phải từ ${MIN_ACTIVITY_YEAR} đến ${MAX_ACTIVITY_YEAR}` };
  }
  if (month < 1 || month > 12) return { ok: false, message: 'Ngày: không hợp lệ, tháng phải từ 1 đến 12' };
  const max = daysInMonth(year, month);
  if (day < 1 || day > max) {
    return {
      ok: false,
      message: `Ngày: không hợp lệ, tháng ${String(month).padStart(2, '0')}/${year} chỉ có ${max} ngày`,
    };
  }
  return { ok: true, date: isoDate(year, month, day) };
}

// ---------------------------------------------------------------------------------------------
// Validation (forms and imported files). Messages name the field, in Vietnamese.

/**
 * The most characters each text field of an activity may hold (after cleaning). Forms and the
 * workbook reader enforce the same numbers. Every one is below Excel's cell limit (32,767).
 */
export const ACTIVITY_TEXT_LIMITS = Object.freeze({
  title: 500,
  content: 10_000,
  location: 300,
  evidenceDoc: 200,
  evidenceFile: 260,
} as const);

/** The message for a count of one activity over MAX_ACTIVITY_VALUE. */
export function countTooBigMessage(field: string): string {
  return `${field}: tối đa ${formatCount(MAX_ACTIVITY_VALUE)} cho một hoạt động`;
}

/** The file name without any folder a pasted path carried ("C:\\Tai lieu\\QD.pdf" → "QD.pdf"). */
function fileNameOnly(text: string): string {
  const line = cleanLine(text);
  return line.slice(Math.max(line.lastIndexOf('/'), line.lastIndexOf('\\')) + 1).trim();
}

export const activityInputSchema = z.object({
  planId: z
    .string({ error: 'Kế hoạch: chưa chọn kế hoạch' })
    .trim()
    .min(1, { error: 'Kế hoạch: chưa chọn kế hoạch' }),
  unitCode: z
    .string({ error: 'Đơn vị: chưa chọn đơn vị' })
    .transform(normalizeUnitCode)
    .pipe(z.string().min(1, { error: 'Đơn vị: chưa chọn đơn vị' })),
  date: z.unknown().optional().transform((v, ctx): IsoDate => {
    const r = typeof v === 'string' ? parseActivityDate(v) : parseActivityDate(v == null ? '' : '?');
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message, input: v });
      return z.NEVER;
    }
    return r.date;
  }),
  itemIds: z
    .array(z.string({ error: 'Nhiệm vụ: không hợp lệ' }), {
      error: 'Nhiệm vụ: chọn ít nhất một nhiệm vụ của kế hoạch',
    })
    .transform((ids) => [...new Set(ids.map((id) => id.trim()).filter((id) => id !== ''))])
    .pipe(
      z
        .array(z.string().regex(PLAN_ITEM_ID_RE, { error: 'Nhiệm vụ: mã nhiệm vụ không hợp lệ' }))
        .min(1, { error: 'Nhiệm vụ: chọn ít nhất một nhiệm vụ của kế hoạch' }),
    ),
  type: z.unknown().optional().transform((v, ctx): ActivityType => {
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
      ctx.addIssue({ code: 'custom', message: 'Loại hoạt động: chưa chọn loại hoạt động', input: v });
      return z.NEVER;
    }
    const type = typeof v === 'string' ? parseActivityType(v) : null;
    if (!type) {
      ctx.addIssue({ code: 'custom', message: 'Loại hoạt động: không hợp lệ', input: v });
      return z.NEVER;
    }
    return type;
  }),
  title: requiredLine('Tiêu đề', ACTIVITY_TEXT_LIMITS.title),
  content: optionalText('Nội dung', ACTIVITY_TEXT_LIMITS.content, cleanBlock),
  location: optionalText('Địa điểm', ACTIVITY_TEXT_LIMITS.location, cleanLine),
  participants: z
    .unknown()
    .optional()
    .transform(
      countTransform('Số lượt người: phải là số nguyên không âm', {
        max: MAX_ACTIVITY_VALUE,
        tooBig: countTooBigMessage('Số lượt người'),
      }),
    ),
  evidenceDoc: optionalText('Số, ký hiệu văn bản', ACTIVITY_TEXT_LIMITS.evidenceDoc, cleanLine),
  evidenceFile: optionalText('Tên tệp minh chứng', ACTIVITY_TEXT_LIMITS.evidenceFile, fileNameOnly),
  indicators: z
    .record(z.string(), z.unknown(), { error: 'Chỉ tiêu: không hợp lệ' })
    .nullish()
    .transform((rec, ctx): Record<string, number> => {
      const out: Record<string, number> = {};
      for (const [rawCode, rawValue] of Object.entries(rec ?? {})) {
        const code = normalizeIndicatorCode(rawCode);
        if (code === '') {
          ctx.addIssue({ code: 'custom', path: [rawCode], message: 'Chỉ tiêu: mã không hợp lệ', input: rawCode });
          continue;
        }
        const r = parseInteger(rawValue);
        if (!r.ok) {
          ctx.addIssue({
            code: 'custom',
            path: [rawCode],
            message: `Chỉ tiêu «${indicatorName(code)}»: phải là số nguyên không âm`,
            input: rawValue,
          });
          continue;
        }
        if (r.value === null || r.value === 0) continue;
        if (r.value > MAX_ACTIVITY_VALUE) {
          ctx.addIssue({
            code: 'custom',
            path: [rawCode],
            message: countTooBigMessage(`Chỉ tiêu «${indicatorName(code)}»`),
            input: rawValue,
          });
          continue;
        }
        if (code in out) {
          ctx.addIssue({
            code: 'custom',
            path: [rawCode],
            message: `Chỉ tiêu «${indicatorName(code)}»: nhập trùng`,
            input: rawValue,
          });
          continue;
        }
        out[code] = r.value;
      }
      return out;
    }),
});

/** An activity as validated: everything but id and timestamps. */
export type ActivityInput = z.output<typeof activityInputSchema>;

/** A whole stored record, e.g. from an exchanged file: the input rules plus identity and times. */
export const activityRecordSchema = activityInputSchema.extend({
  id: z
    .string({ error: 'Mã hoạt động: không hợp lệ' })
    .trim()
    .regex(UUID_RE, { error: 'Mã hoạt động: không hợp lệ' })
    .transform((s) => s.toLowerCase()),
  createdAt: z.iso.datetime({ offset: true, error: 'Thời điểm tạo: không hợp lệ' }),
  updatedAt: z.iso.datetime({ offset: true, error: 'Thời điểm sửa: không hợp lệ' }),
  deletedAt: z.iso.datetime({ offset: true, error: 'Thời điểm xóa: không hợp lệ' }).nullable().default(null),
});

// ---------------------------------------------------------------------------------------------
// Records.

export function newActivityId(): string {
  return globalThis.crypto.randomUUID();
}

/** A new live activity from validated input; `now` is an ISO instant. */
export function createActivity(input: ActivityInput, now: string, id: string = newActivityId()): Activity {
  return { ...copyInput(input), id, createdAt: now, updatedAt: now, deletedAt: null };
}

/** The activity with the edited fields; identity, creation and deletion times are kept. */
export function applyActivityEdit(existing: Activity, input: ActivityInput, now: string): Activity {
  return { ...copyInput(input), id: existing.id, createdAt: existing.createdAt, updatedAt: now, deletedAt: existing.deletedAt };
}

export function softDeleteActivity(a: Activity, now: string): Activity {
  return a.deletedAt === null ? { ...a, deletedAt: now, updatedAt: now } : a;
}

/** Undo of a soft delete. */
export function restoreActivity(a: Activity, now: string): Activity {
  return a.deletedAt === null ? a : { ...a, deletedAt: null, updatedAt: now };
}

/** What a person writes of an activity: everything but its plan, identity and record times. */
export type ActivityFields = Pick<
  Activity,
  'date' | 'unitCode' | 'itemIds' | 'type' | 'title' | 'content' | 'location' | 'participants' | 'evidenceDoc' | 'evidenceFile' | 'indicators'
>;

/** An activity's own fields copied out of it (or of a form's input, or a report's row), lists and maps not shared. */
export function activityFieldsOf(a: ActivityFields): ActivityFields {
  return {
    date: a.date,
    unitCode: a.unitCode,
    itemIds: [...a.itemIds],
    type: a.type,
    title: a.title,
    content: a.content,
    location: a.location,
    participants: a.participants,
    evidenceDoc: a.evidenceDoc,
    evidenceFile: a.evidenceFile,
    indicators: { ...a.indicators },
  };
}

function copyInput(i: ActivityInput): Omit<Activity, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt'> {
  return { planId: i.planId, ...activityFieldsOf(i) };
}

// ---------------------------------------------------------------------------------------------
// Duplicates.

/** The title as compared for duplicates: folded, only letters and digits. */
export function duplicateTitleKey(title: string): string {
  return fold(title).replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Live activities that look like the candidate: same unit, same date, same title ignoring
 * accents, case, spaces and punctuation. The candidate itself (same id, when editing) is skipped.
 */
export function looksLikeDuplicate(
  candidate: Pick<Activity, 'unitCode' | 'date' | 'title'> & { id?: string },
  existing: Iterable<Activity>,
): Activity[] {
  const unit = normalizeUnitCode(candidate.unitCode);
  const key = duplicateTitleKey(candidate.title);
  const out: Activity[] = [];
  for (const a of existing) {
    if (a.deletedAt !== null || (candidate.id !== undefined && a.id === candidate.id)) continue;
    if (a.date !== candidate.date || a.unitCode !== unit) continue;
    if (duplicateTitleKey(a.title) === key) out.push(a);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Search and filter.

/** The folded text searched by the list's query: title, content, location and evidence. */
export function activitySearchText(a: Pick<Activity, 'title' | 'content' | 'location' | 'evidenceDoc' | 'evidenceFile'>): string {
  return fold([a.title, a.content, a.location, a.evidenceDoc, a.evidenceFile].join('\n'));
}

export interface ActivityFilter {
  /** Inclusive calendar range (a Period's start and end). */
  periodRange?: { start: IsoDate; end: IsoDate };
  /** Units to show; undefined or empty = every unit. */
  unitCodes?: Iterable<string>;
  /** A plan node id: activities serving it or any node under it ("III.2" takes "III.2.4"). */
  itemId?: string;
  type?: ActivityType;
  /** Words that must all occur, accents and case ignored ("tuyen truyen" finds "tuyên truyền"). */
  query?: string;
  /** false/undefined: live activities only; true: the trash (deleted ones) only. */
  deleted?: boolean;
}

/**
 * A predicate for the filter, prepared once. Uses the record's `searchText` when present,
 * otherwise folds the fields on the fly.
 */
export function compileActivityFilter(filter: ActivityFilter): (a: ActivityWithSearch) => boolean {
  const range = filter.periodRange;
  const units = filter.unitCodes ? new Set([...filter.unitCodes].map(normalizeUnitCode)) : null;
  const unitSet = units && units.size > 0 ? units : null;
  const item = filter.itemId?.trim() || null;
  const itemPrefix = item ? `${item}.` : '';
  const type = filter.type;
  const words = filter.query ? queryWords(filter.query) : [];
  const wantDeleted = filter.deleted === true;
  return (a) => {
    if ((a.deletedAt !== null) !== wantDeleted) return false;
    if (range && (a.date < range.start || a.date > range.end)) return false;
    if (unitSet && !unitSet.has(a.unitCode)) return false;
    if (type && a.type !== type) return false;
    if (item && !a.itemIds.some((id) => id === item || id.startsWith(itemPrefix))) return false;
    if (words.length > 0) {
      const hay = a.searchText ?? activitySearchText(a);
      for (const w of words) if (!hay.includes(w)) return false;
    }
    return true;
  };
}

/** One-off form of compileActivityFilter (compile once when filtering a list). */
export function activityMatchesFilter(activity: ActivityWithSearch, filter: ActivityFilter): boolean {
  return compileActivityFilter(filter)(activity);
}

// ---------------------------------------------------------------------------------------------
// Sorting.

export type ActivitySortKey = 'date' | 'unit' | 'type' | 'title';
export type SortDir = 'asc' | 'desc';

const collator = new Intl.Collator('vi', { numeric: true });

/**
 * A comparator for the list. Title and unit use Vietnamese collation (unit by the name
 * `unitLabel` gives, default its code); type follows the order of ACTIVITY_TYPES ("Khác" last).
 * Ties: newer date first (or the date in `dir` when sorting by date), then creation time the
 * same way, then id, so the order is total and stable across reloads.
 */
export function compareActivities(
  sortKey: ActivitySortKey,
  dir: SortDir = 'asc',
  options: { unitLabel?: (unitCode: string) => string } = {},
): (a: Activity, b: Activity) => number {
  const sign = dir === 'asc' ? 1 : -1;
  const unitLabel = options.unitLabel ?? ((c: string) => c);
  const primary = (a: Activity, b: Activity): number => {
    switch (sortKey) {
      case 'date':
        return 0;
      case 'unit':
        return collator.compare(unitLabel(a.unitCode), unitLabel(b.unitCode));
      case 'type':
        return (TYPE_ORDER.get(a.type) ?? 99) - (TYPE_ORDER.get(b.type) ?? 99);
      case 'title':
        return collator.compare(a.title, b.title);
    }
  };
  const tieSign = sortKey === 'date' ? sign : -1;
  return (a, b) => {
    const p = primary(a, b);
    if (p !== 0) return sign * p;
    if (a.date !== b.date) return tieSign * (a.date < b.date ? -1 : 1);
    if (a.createdAt !== b.createdAt) return tieSign * (a.createdAt < b.createdAt ? -1 : 1);
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}
