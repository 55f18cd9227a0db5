/**
 * A report's activities in the compact form an export carries from the renderer to the desktop
 * main process (`export:write`): a handful of strings and typed arrays instead of one object per
 * activity. Electron's IPC copies a job by V8's structured clone, whose cost is per value: 50,000
 * activity objects of twelve fields cost about as much to clone and to rebuild in main as a fifth
 * of writing the whole workbook; the packed form is copied in a few large pieces.
 *
 * `packActivities` (renderer) and `packedActivityRows` (main: the activities read back one at a
 * time as the writer reaches each row) are exact inverses for activities as the report model
 * defines them (a participant count of NaN, which no form can produce, comes back as null: the
 * writer writes both as an empty cell). `isPackedActivities` checks, in one pass over the arrays,
 * everything the reading relies on, so a malformed job is refused at the IPC boundary and never
 * reaches the writer.
 *
 * Pure module.
 */
import type { ActivityType } from '@domain/activity';
import type { ReportActivity, UnitReport } from '@domain/report';
import { isAlreadySafe } from './safe-cell';

export interface PackedActivities {
  /** Number of activities. */
  count: number;
  /** Values many activities share (dates, unit codes, types, places, item ids, indicator codes), each once. */
  words: string[];
  /** The free texts of every activity end to end, in FREE_TEXTS order. */
  text: string;
  /** Where each free text ends in `text`: FREE_TEXTS.length entries per activity. */
  ends: Uint32Array;
  /**
   * Per activity, indices into `words`: date, unit code, type, location; then the number of item
   * ids and each one; then the number of indicators and each one's code.
   */
  refs: Uint32Array;
  /** The participant count of each activity (NaN for none), then every indicator value in `refs` order. */
  numbers: Float64Array;
}

/** The fields packed end to end into `text`, in this order. */
const FREE_TEXTS = ['id', 'title', 'content', 'evidenceDoc', 'evidenceFile'] as const;
const TEXTS = FREE_TEXTS.length;
/** Entries of `refs` an activity with no item id and no indicator takes: date, unit, type, location, two counts. */
const FIXED_REFS = 6;

/** A growable list of unsigned 32-bit integers (Uint32Array underneath). */
class U32List {
  array: Uint32Array;
  length = 0;
  constructor(capacity: number) {
    this.array = new Uint32Array(Math.max(16, capacity));
  }
  reserve(more: number): void {
    if (this.length + more <= this.array.length) return;
    const next = new Uint32Array(Math.max(this.array.length * 2, this.length + more));
    next.set(this.array);
    this.array = next;
  }
  done(): Uint32Array {
    return this.array.slice(0, this.length);
  }
}

export function packActivities(activities: readonly ReportActivity[]): PackedActivities {
  const count = activities.length;
  const words: string[] = [];
  const wordIndex = new Map<string, number>();
  const word = (s: string): number => {
    let i = wordIndex.get(s);
    if (i === undefined) {
      i = words.length;
      words.push(s);
      wordIndex.set(s, i);
    }
    return i;
  };
  // Appended as a rope: IPC's structured clone flattens it in one pass, which costs less than
  // collecting the texts in a list and joining them.
  let text = '';
  const ends = new Uint32Array(count * TEXTS);
  const refs = new U32List(count * (FIXED_REFS + 3));
  const participants = new Float64Array(count);
  const values: number[] = [];
  let end = 0;
  let e = 0;
  for (let k = 0; k < count; k++) {
    const a = activities[k]!;
    text += a.id + a.title + a.content + a.evidenceDoc + a.evidenceFile;
    ends[e++] = end += a.id.length;
    ends[e++] = end += a.title.length;
    ends[e++] = end += a.content.length;
    ends[e++] = end += a.evidenceDoc.length;
    ends[e++] = end += a.evidenceFile.length;
    const ids = a.itemIds;
    refs.reserve(FIXED_REFS + ids.length);
    const r = refs.array;
    r[refs.length++] = word(a.date);
    r[refs.length++] = word(a.unitCode);
    r[refs.length++] = word(a.type);
    // The same few places recur: one string each, which the writer's shared strings find at once.
    r[refs.length++] = word(a.location);
    r[refs.length++] = ids.length;
    for (let j = 0; j < ids.length; j++) r[refs.length++] = word(ids[j]!);
    const countAt = refs.length++;
    let m = 0;
    for (const code in a.indicators) {
      refs.reserve(1);
      refs.array[refs.length++] = word(code);
      values.push(a.indicators[code]!);
      m++;
    }
    refs.array[countAt] = m;
    participants[k] = a.participants === null ? NaN : a.participants;
  }
  const numbers = new Float64Array(count + values.length);
  numbers.set(participants);
  for (let i = 0; i < values.length; i++) numbers[count + i] = values[i]!;
  return { count, words, text, ends, refs: refs.done(), numbers };
}

const PACKED_KEYS = new Set(['count', 'words', 'text', 'ends', 'refs', 'numbers']);

/**
 * True when `v` is a PackedActivities that packedActivityRows can read whole: the right keys and
 * types, every text end in order and inside `text`, every word index inside `words`, every
 * count matching what follows it, and nothing left over.
 */
export function isPackedActivities(v: unknown): v is PackedActivities {
  if (typeof v !== 'object' || v === null || Object.getPrototypeOf(v) !== Object.prototype) return false;
  const keys = Object.keys(v);
  if (keys.length !== PACKED_KEYS.size || !keys.every((k) => PACKED_KEYS.has(k))) return false;
  const p = v as PackedActivities;
  if (!Number.isSafeInteger(p.count) || p.count < 0) return false;
  if (typeof p.text !== 'string' || !Array.isArray(p.words)) return false;
  // By index: every() would pass over the holes a structured clone can make.
  for (let i = 0; i < p.words.length; i++) if (typeof p.words[i] !== 'string') return false;
  if (!(p.ends instanceof Uint32Array) || !(p.refs instanceof Uint32Array) || !(p.numbers instanceof Float64Array)) return false;
  const { count, ends, refs, numbers, text } = p;
  const wordCount = p.words.length;
  if (ends.length !== count * TEXTS) return false;
  let last = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i]!;
    if (end < last) return false;
    last = end;
  }
  if (last !== text.length) return false;
  let r = 0;
  let values = 0;
  for (let k = 0; k < count; k++) {
    if (r + FIXED_REFS > refs.length) return false;
    for (let j = 0; j < FIXED_REFS - 2; j++) if (refs[r++]! >= wordCount) return false;
    for (let list = 0; list < 2; list++) {
      const n = refs[r++]!;
      if (r + n + (list === 0 ? 1 : 0) > refs.length) return false;
      for (let j = 0; j < n; j++) if (refs[r++]! >= wordCount) return false;
      if (list === 1) values += n;
    }
  }
  return r === refs.length && numbers.length === count + values;
}

/** A report's activities as the writers read them: counted, then read in order (once or more). */
export interface ActivityRows extends Iterable<ReportActivity> {
  readonly length: number;
}

/** A report whose activities the writers only count and read in order: an array, or packed ones. */
export type WithActivityRows<R extends UnitReport> = Omit<R, 'activities'> & { activities: ActivityRows };

/**
 * The packed activities read one at a time as the writer reaches each row: none is built ahead,
 * so none outlives its row (50,000 objects held for the whole write would be copied by every
 * garbage collection until the end). `p` must satisfy isPackedActivities.
 */
export function packedActivityRows(p: PackedActivities): ActivityRows {
  return new PackedActivityRows(p);
}

class PackedActivityRows implements ActivityRows {
  private safe: boolean | null = null;
  constructor(private readonly packed: PackedActivities) {}
  /**
   * True when every text of every activity is one safeText leaves as it is: one pass over the
   * packed texts instead of one per cell (nearly every report is like this).
   */
  textsAlreadySafe(): boolean {
    this.safe ??= isAlreadySafe(this.packed.text) && this.packed.words.every(isAlreadySafe);
    return this.safe;
  }
  get length(): number {
    return this.packed.count;
  }
  [Symbol.iterator](): Iterator<ReportActivity> {
    return unpacked(this.packed);
  }
  /** The indicator codes the activities use, read from the references alone (no activity built). */
  indicatorCodes(): Set<string> {
    const { count, words, refs } = this.packed;
    const used = new Uint8Array(words.length);
    let r = 0;
    for (let k = 0; k < count; k++) {
      r += FIXED_REFS - 2;
      r += refs[r]! + 1;
      for (let j = refs[r++]!; j > 0; j--) used[refs[r++]!] = 1;
    }
    const codes = new Set<string>();
    for (let i = 0; i < used.length; i++) if (used[i] === 1) codes.add(words[i]!);
    return codes;
  }
}

/** True when `activities` are packed ones whose texts are all already safe (PackedActivityRows.textsAlreadySafe). */
export function textsAlreadySafe(activities: Iterable<ReportActivity>): boolean {
  return activities instanceof PackedActivityRows && activities.textsAlreadySafe();
}

/** The indicator codes `activities` use, each once. */
export function indicatorCodesOf(activities: Iterable<Pick<ReportActivity, 'indicators'>>): Set<string> {
  if (activities instanceof PackedActivityRows) return activities.indicatorCodes();
  const codes = new Set<string>();
  for (const a of activities) for (const code in a.indicators) codes.add(code);
  return codes;
}

function* unpacked(p: PackedActivities): Generator<ReportActivity> {
  const { count, words, text, ends, refs, numbers } = p;
  let from = 0;
  let e = 0;
  let r = 0;
  let v = count;
  const next = (): string => {
    const to = ends[e++]!;
    const s = text.slice(from, to);
    from = to;
    return s;
  };
  for (let k = 0; k < count; k++) {
    const id = next();
    const title = next();
    const content = next();
    const evidenceDoc = next();
    const evidenceFile = next();
    const date = words[refs[r++]!]!;
    const unitCode = words[refs[r++]!]!;
    const type = words[refs[r++]!]! as ActivityType;
    const location = words[refs[r++]!]!;
    const itemIds: string[] = [];
    for (let j = refs[r++]!; j > 0; j--) itemIds.push(words[refs[r++]!]!);
    const indicators: Record<string, number> = {};
    for (let j = refs[r++]!; j > 0; j--) indicators[words[refs[r++]!]!] = numbers[v++]!;
    const participants = numbers[k]!;
    yield {
      id,
      date,
      unitCode,
      itemIds,
      type,
      title,
      content,
      location,
      participants: Number.isNaN(participants) ? null : participants,
      evidenceDoc,
      evidenceFile,
      indicators,
    };
  }
}
