/**
 * The log's rows of one imported submission, prepared once when it is filed and stored beside it,
 * so that «Nhật ký» never derives a province's 80,000 activities (ids hashed, text folded) when
 * it opens. Pure: the import's worker may build them too.
 *
 * Packs, not a record per activity: Chromium's IndexedDB costs about 0.1 ms per record, so
 * 80,000 rows as records would add seconds to an import; 2,000 packs add a fraction of that.
 * - the rows: every field of every activity, in columns, with the folded search text, in pages
 *   of LOG_PAGE_ROWS;
 * - the keys: what the list's first screen needs to choose and count its rows (id, date, unit,
 *   type, items) and nothing else, so that reading them for 2,000 submissions stays small.
 * A pack holds no plan, submission or import instant: the record it is stored in does.
 */
import { activitySearchText, type Activity, type ActivityType } from './activity';
import { materializeActivities, type MaterializedActivity, type SubmissionScope } from './merge';
import type { IsoDate } from './periods';
import type { UnitReport } from './report';

/** An imported activity as the log reads it back. */
export type LogRow = MaterializedActivity & { submissionId: string };

/** What every row of a pack shares: stored beside the pack, not in it. */
export interface LogPackBase {
  planId: string;
  /** The import instant: every row's creation and update time. */
  at: string;
  submissionId: string;
}

/** The rows of a submission in columns (one JSON text: cheap to store and to read back whole). */
export interface LogRowsPack {
  count: number;
  columns: string;
}

/**
 * The keys of a submission's rows: what the log's first screen counts and orders by, as little
 * as possible (a province's 2,000 are read at once). Dates (always 'YYYY-MM-DD') concatenated;
 * ids (always lowercase UUIDs, domain/merge.ts importedActivityId) as 16 bytes each, or
 * concatenated as text if one is not; unit codes as one string when every row shares it.
 */
export interface LogKeysPack {
  count: number;
  dates: string;
  ids: Uint8Array | string;
  units: string | string[];
}

/** The part of an imported activity the list's first screen counts and orders by. */
export interface LogHead extends Pick<Activity, 'id' | 'planId' | 'unitCode' | 'date' | 'createdAt' | 'deletedAt'> {
  submissionId: string;
  /** Its position among the submission's rows (report order): its page is row / LOG_PAGE_ROWS. */
  row: number;
}

/**
 * Rows per stored page: a province's unit files (about 40 activities) are one page, and the
 * first screen of a district's log reads a page, not a whole 500-activity file, per row it shows.
 */
export const LOG_PAGE_ROWS = 50;

const DATE_WIDTH = 10;
const ID_WIDTH = 36;

/**
 * The activities a submission's report stands for, as the log shows them, with their folded
 * search text. `searchTexts` (by report activity, activitySearchText of each) lets a worker
 * fold them beforehand.
 */
export function logRowsOf(report: UnitReport, fileHash: string, scope: SubmissionScope, at: string, searchTexts?: readonly string[]): MaterializedActivity[] {
  const usable = searchTexts !== undefined && searchTexts.length === report.activities.length;
  return materializeActivities(report, fileHash, scope, at).map((a, i) => ({ ...a, searchText: usable ? searchTexts[i]! : activitySearchText(a) }));
}

/** activitySearchText of every activity of a report, in report order (for logRowsOf). */
export function reportSearchTexts(report: UnitReport): string[] {
  return report.activities.map(activitySearchText);
}

type Columns = [
  ids: string[],
  sourceIds: string[],
  unitCodes: string[],
  dates: string[],
  itemIds: string[][],
  types: string[],
  titles: string[],
  contents: string[],
  locations: string[],
  participants: (number | null)[],
  evidenceDocs: string[],
  evidenceFiles: string[],
  indicators: Record<string, number>[],
  searchTexts: string[],
];

export function packLogRows(rows: readonly MaterializedActivity[]): LogRowsPack {
  const columns: Columns = [
    rows.map((r) => r.id),
    rows.map((r) => r.sourceId),
    rows.map((r) => r.unitCode),
    rows.map((r) => r.date),
    rows.map((r) => r.itemIds),
    rows.map((r) => r.type),
    rows.map((r) => r.title),
    rows.map((r) => r.content),
    rows.map((r) => r.location),
    rows.map((r) => r.participants),
    rows.map((r) => r.evidenceDoc),
    rows.map((r) => r.evidenceFile),
    rows.map((r) => r.indicators),
    rows.map((r) => r.searchText),
  ];
  return { count: rows.length, columns: JSON.stringify(columns) };
}

/** The rows of a pack, or null when it is not one packLogRows made (the caller derives them again). */
export function unpackLogRows(pack: LogRowsPack, base: LogPackBase): LogRow[] | null {
  let columns: Columns;
  try {
    columns = JSON.parse(pack.columns) as Columns;
  } catch {
    return null;
  }
  if (!Array.isArray(columns) || columns.length !== 14 || columns.some((c) => !Array.isArray(c) || c.length !== pack.count)) return null;
  const [ids, sourceIds, unitCodes, dates, itemIds, types, titles, contents, locations, participants, evidenceDocs, evidenceFiles, indicators, searchTexts] = columns;
  const out = new Array<LogRow>(pack.count);
  for (let i = 0; i < pack.count; i++) {
    out[i] = {
      id: ids[i]!,
      planId: base.planId,
      unitCode: unitCodes[i]!,
      date: dates[i]! as IsoDate,
      itemIds: itemIds[i]!,
      type: types[i]! as ActivityType,
      title: titles[i]!,
      content: contents[i]!,
      location: locations[i]!,
      participants: participants[i]!,
      evidenceDoc: evidenceDocs[i]!,
      evidenceFile: evidenceFiles[i]!,
      indicators: indicators[i]!,
      createdAt: base.at,
      updatedAt: base.at,
      deletedAt: null,
      sourceId: sourceIds[i]!,
      searchText: searchTexts[i]!,
      submissionId: base.submissionId,
    };
  }
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function uuidBytes(ids: readonly string[]): Uint8Array {
  const out = new Uint8Array(ids.length * 16);
  ids.forEach((id, i) => {
    const hex = id.replaceAll('-', '');
    for (let b = 0; b < 16; b++) out[i * 16 + b] = parseInt(hex.slice(b * 2, b * 2 + 2), 16);
  });
  return out;
}

function uuidText(bytes: Uint8Array, i: number): string {
  let hex = '';
  for (let b = 0; b < 16; b++) {
    hex += HEX[bytes[i * 16 + b]!]!;
    if (b === 3 || b === 5 || b === 7 || b === 9) hex += '-';
  }
  return hex;
}

export function packLogKeys(rows: readonly Pick<Activity, 'id' | 'unitCode' | 'date'>[]): LogKeysPack {
  const ids = rows.map((r) => r.id);
  const units = rows.map((r) => r.unitCode);
  return {
    count: rows.length,
    dates: rows.map((r) => r.date).join(''),
    ids: ids.every((id) => UUID.test(id)) ? uuidBytes(ids) : ids.join(''),
    // A unit's own report files every row under its code: one string instead of 500.
    units: units.every((u) => u === units[0]) ? (units[0] ?? '') : units,
  };
}

/**
 * A head whose id is made from the pack's bytes only when read: the first screen orders 80,000
 * heads by date and reads an id only to break a tie, or for the rows it shows.
 */
class PackedHead implements LogHead {
  declare planId: string;
  declare unitCode: string;
  declare date: string;
  declare createdAt: string;
  declare deletedAt: null;
  declare submissionId: string;
  declare row: number;
  declare private ids: Uint8Array | string;

  constructor(base: LogPackBase, unitCode: string, date: string, row: number, ids: Uint8Array | string) {
    this.planId = base.planId;
    this.unitCode = unitCode;
    this.date = date;
    this.createdAt = base.at;
    this.deletedAt = null;
    this.submissionId = base.submissionId;
    this.row = row;
    this.ids = ids;
  }

  get id(): string {
    return typeof this.ids === 'string' ? this.ids.slice(this.row * ID_WIDTH, (this.row + 1) * ID_WIDTH) : uuidText(this.ids, this.row);
  }
}

/** The heads of a keys pack, or null when it is not one packLogKeys made. */
export function unpackLogKeys(pack: LogKeysPack, base: LogPackBase): LogHead[] | null {
  const n = pack.count;
  const { dates, ids, units } = pack;
  const idsFit = typeof ids === 'string' ? ids.length === n * ID_WIDTH : ids instanceof Uint8Array && ids.length === n * 16;
  const unitsFit = typeof units === 'string' || (Array.isArray(units) && units.length === n);
  if (typeof dates !== 'string' || dates.length !== n * DATE_WIDTH || !idsFit || !unitsFit) return null;
  const out = new Array<LogHead>(n);
  for (let i = 0; i < n; i++) {
    out[i] = new PackedHead(base, typeof units === 'string' ? units : units[i]!, dates.slice(i * DATE_WIDTH, (i + 1) * DATE_WIDTH), i, ids);
  }
  return out;
}
