/**
 * The backup file, written and read in pieces: a database of any size is backed up and checked
 * with bounded memory beside the file's own bytes, and restored in chunks.
 *
 * File = our envelope around a dexie-export-import export (format "dexie" 1, which older builds
 * of the app read with that library):
 *   {"format":"so-ke-hoach-backup","formatVersion":1,"appVersion":…,"schemaVersion":…,
 *    "createdAt":…,"counts":{table:rows},"checksum":{"algorithm":"SHA-256","value":…},
 *    "payload":{"formatName":"dexie","formatVersion":1,"data":{"databaseName":…,
 *      "databaseVersion":…,"tables":[{name,schema,rowCount}],"data":[{tableName,inbound,rows:[…]}]}}}
 * The checksum is SHA-256 over JSON.stringify([format, formatVersion, appVersion, schemaVersion,
 * createdAt, counts, payload]): the header fields and the payload as JSON.stringify writes them,
 * whatever white space or key order the file has. The header comes first, so the hash of the
 * payload can be computed as it streams by (an incremental SHA-256: crypto.subtle has none, and
 * nothing but IndexedDB may be awaited inside the restore's transaction).
 *
 * Reading (BackupReader) never trusts the file: the envelope's shape and versions, then the
 * payload against its own table list and counts, every record against its table's shape
 * (db/record-schemas.ts) when the backup is at this build's schema version, and the checksum at
 * the end. Records are cut out of the bytes with json-bytes.ts and parsed one by one, in
 * batches the caller writes as they come; whatever was wrong is thrown as a BackupError once the
 * whole file has been read (a changed file says "tampered" rather than naming the first field
 * the change broke), so a caller writing inside one transaction lets it roll back.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Dexie, IndexableType, Table } from 'dexie';
import { z } from 'zod';
import { MAX_BACKUP_FILE_BYTES } from '@contract';
import { sha256Hex } from '@domain/hash';
import { isWhitespace, skipWhitespace, valueEnd } from '@domain/json-bytes';
import { version as packageVersion } from '../../package.json';
import { BackupError, MESSAGES, type RefusalReason } from './backup-messages';
import { db as appDb } from './db';
import { recordProblem, type RecordTable, RECORD_SCHEMAS } from './record-schemas';
import { V1_STORES } from './versions/v1';
import { V2_STORES } from './versions/v2';
import { V3_STORES } from './versions/v3';
import { V4_STORES } from './versions/v4';
import { V5_STORES } from './versions/v5';
import { V6_STORES } from './versions/v6';
import { V7_STORES } from './versions/v7';
import { V8_STORES } from './versions/v8';
import { V9_STORES } from './versions/v9';

export const BACKUP_FORMAT = 'so-ke-hoach-backup';
export const BACKUP_FORMAT_VERSION = 1;

/**
 * The stores of every released schema version, so a backup made at version N can be staged at
 * exactly N before the app's upgrades run. A new versions/vN.ts must be added here too
 * (tests/unit/backup.test.ts fails until it is).
 */
export const STORES_BY_VERSION: Readonly<Record<number, Readonly<Record<string, string>>>> = {
  1: V1_STORES,
  2: V2_STORES,
  3: V3_STORES,
  4: V4_STORES,
  5: V5_STORES,
  6: V6_STORES,
  7: V7_STORES,
  8: V8_STORES,
  9: V9_STORES,
};

/**
 * Tables a backup leaves out: the log's prepared rows and the overview's digests, derived from
 * the submissions and made again after a restore (db/log-rows.ts fillMissingLogRows,
 * db/overview-digests.ts fillMissingOverviewDigests; about a third more bytes otherwise), and
 * what the database records about itself (db/remembered.ts: a restore writes a new revision).
 */
const NOT_BACKED_UP: ReadonlySet<string> = new Set(['logRows', 'logKeys', 'overviewDigests', 'meta']);

/** The schema version this build writes (the highest declared in schema.ts). */
export const CURRENT_SCHEMA_VERSION: number = appDb.verno;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

const envelopeSchema = z.object({
  format: z.string(),
  formatVersion: z.number().int().positive(),
  appVersion: z.string().max(50),
  schemaVersion: z.number().int().positive(),
  createdAt: z.string().max(40),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  checksum: z.object({ algorithm: z.literal('SHA-256'), value: z.string().regex(/^[0-9a-f]{64}$/) }),
});
export type BackupHeader = z.infer<typeof envelopeSchema>;

const tableListSchema = z.array(z.object({ name: z.string(), schema: z.string(), rowCount: z.number().int().nonnegative() }));

/** What the checksum covers before the payload: `[format,formatVersion,appVersion,schemaVersion,createdAt,counts,`. */
function checksumHead(h: Omit<BackupHeader, 'checksum'>): string {
  const text = JSON.stringify([h.format, h.formatVersion, h.appVersion, h.schemaVersion, h.createdAt, h.counts, 0]);
  return text.slice(0, -2);
}

/** The fields of a table's primary key in the current schema ("[planId+unitCode+…]" → four). */
export function primaryKeyFields(table: string): string[] {
  const spec = (STORES_BY_VERSION[CURRENT_SCHEMA_VERSION]?.[table] ?? '').split(',')[0]!.replace(/^[&+]+/, '');
  return spec.startsWith('[') ? spec.slice(1, -1).split('+') : [spec];
}

/** "số 3 («CDCS-0012»)": a record as a refusal names it (its place in the table and its key). */
export function recordLabel(table: string, record: unknown, index: number): string {
  const values = primaryKeyFields(table).map((f) => (record !== null && typeof record === 'object' ? (record as Record<string, unknown>)[f] : undefined));
  const readable = values.every((v) => typeof v === 'string' || typeof v === 'number');
  return readable ? `số ${index + 1} («${values.join(' · ')}»)` : `số ${index + 1}`;
}

// ---------------------------------------------------------------------------------------------
// Writing.

/** dexie-export-import's schema string of a table: its primary key and indexes as declared. */
function schemaString(table: Table): string {
  return [table.schema.primKey, ...table.schema.indexes].map((i) => i.src).join(',');
}

const PAGE_BYTES = 4 * 1024 * 1024;

/**
 * Every table of `source` (the app's database or an old one opened without a version) but the
 * derived ones (NOT_BACKED_UP), in one
 * read transaction (a consistent snapshot), as the bytes of a backup file. Tables are read a
 * page at a time and each page is serialized and hashed at once, so the only large thing held
 * is the file itself.
 */
export async function writeBackupFile(source: Dexie, createdAt: Date): Promise<{ bytes: Uint8Array; counts: Record<string, number> }> {
  if (!source.isOpen()) await source.open();
  const tables = source.tables.filter((t) => !NOT_BACKED_UP.has(t.name));
  for (const t of tables) if (t.schema.primKey.keyPath === null || t.schema.primKey.keyPath === undefined) throw new Error(`table ${t.name} has no inbound key`);
  return source.transaction('r', tables, async () => {
    const counts: Record<string, number> = {};
    for (const t of tables) counts[t.name] = await t.count();
    const head = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, appVersion: packageVersion, schemaVersion: source.verno, createdAt: createdAt.toISOString(), counts };
    const hasher = sha256.create();
    hasher.update(encoder.encode(checksumHead(head)));
    const parts: Uint8Array[] = [];
    let pending = '';
    const flush = () => {
      if (pending === '') return;
      const bytes = encoder.encode(pending);
      hasher.update(bytes);
      parts.push(bytes);
      pending = '';
    };
    const emit = (s: string) => {
      pending += s;
      if (pending.length >= PAGE_BYTES) flush();
    };
    const list = tables.map((t) => ({ name: t.name, schema: schemaString(t), rowCount: counts[t.name]! }));
    emit(`{"formatName":"dexie","formatVersion":1,"data":{"databaseName":${JSON.stringify(source.name)},"databaseVersion":${source.verno},"tables":${JSON.stringify(list)},"data":[`);
    for (const [ti, t] of tables.entries()) {
      emit(`${ti > 0 ? ',' : ''}{"tableName":${JSON.stringify(t.name)},"inbound":true,"rows":[`);
      const keyPath = t.schema.primKey.keyPath!;
      const keyOf = (r: Record<string, IndexableType>): IndexableType => (Array.isArray(keyPath) ? keyPath.map((p) => r[p]!) : r[keyPath]!) as IndexableType;
      let pageSize = 500;
      let first = true;
      let page = (await t.orderBy(':id').limit(pageSize).toArray()) as Record<string, IndexableType>[];
      while (page.length > 0) {
        let size = 0;
        for (const row of page) {
          const json = JSON.stringify(row);
          size += json.length;
          emit((first ? '' : ',') + json);
          first = false;
        }
        // A short page is the table's last one.
        if (page.length < pageSize) break;
        // Pages of about a megabyte: submissions hold whole reports, settings a few bytes.
        pageSize = size > 2 * 1024 * 1024 ? Math.max(1, pageSize >> 1) : size < 512 * 1024 ? Math.min(5000, pageSize * 2) : pageSize;
        page = (await t.where(':id').above(keyOf(page[page.length - 1]!)).limit(pageSize).toArray()) as Record<string, IndexableType>[];
      }
      emit(']}');
    }
    emit(']}}');
    flush();
    hasher.update(encoder.encode(']'));
    const checksum = { algorithm: 'SHA-256', value: bytesToHex(hasher.digest()) };
    const envelopeHead = encoder.encode(`${JSON.stringify({ ...head, checksum }).slice(0, -1)},"payload":`);
    const total = envelopeHead.length + parts.reduce((n, p) => n + p.length, 0) + 1;
    const bytes = new Uint8Array(total);
    bytes.set(envelopeHead, 0);
    let at = envelopeHead.length;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    bytes[at] = 0x7d; // }
    return { bytes, counts };
  });
}

/** A backup file around an already serialized dexie export (tests and fixtures re-seal forged payloads with it). */
export function envelopeOf(payloadText: string, schemaVersion: number, createdAt: Date, counts: Record<string, number>): Uint8Array {
  const payload = JSON.stringify(JSON.parse(payloadText));
  const head = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, appVersion: packageVersion, schemaVersion, createdAt: createdAt.toISOString(), counts };
  const value = bytesToHex(sha256(encoder.encode(`${checksumHead(head)}${payload}]`)));
  return encoder.encode(`${JSON.stringify({ ...head, checksum: { algorithm: 'SHA-256', value } }).slice(0, -1)},"payload":${payload}}`);
}

// ---------------------------------------------------------------------------------------------
// Reading.

/** A run of records of one table, in file order; `first` is the index of rows[0] in its table. */
export interface RowBatch {
  table: string;
  rows: Record<string, unknown>[];
  first: number;
}

export interface ReaderOptions {
  /** Check every record against its table's shape: for a backup at this build's schema version. */
  validate: boolean;
  /**
   * Hash the payload as JSON.stringify writes it, value by value (slower), instead of its bytes
   * as they are. The two agree for every file this app writes; the reader falls back to this
   * only when the bytes' hash does not match (a file re-indented by hand is still accepted).
   */
  canonical?: boolean;
  /**
   * The checksum of these very bytes was verified already (inspectBackup, just before): not
   * hashed again. Everything else is still read and checked.
   */
  checksumVerified?: boolean;
  /** A batch ends after about this many bytes of the file (default 2 MB). */
  batchBytes?: number;
}

const BAD_TYPE = Symbol('bad $types');

/**
 * dexie-export-import notes values JSON cannot carry in a record's `$types` (Typeson): our
 * records hold none but arrays, which some exports mark "arrayNonindexKeys", and properties set
 * to undefined ("undef"). Returns the record without the note, or the key path of a value of
 * another type.
 */
function reviveTypes(row: Record<string, unknown>): Record<string, unknown> | { [BAD_TYPE]: string } {
  const types = row['$types'];
  if (types === undefined) return row;
  if (types === true && row['$'] !== null && typeof row['$'] === 'object') return row['$'] as Record<string, unknown>;
  if (types === null || typeof types !== 'object') return { [BAD_TYPE]: '$types' };
  delete row['$types'];
  const unescape = (k: string) => k.replace(/~1/g, '.').replace(/~0/g, '~');
  for (const [path, type] of Object.entries(types as Record<string, unknown>)) {
    const keys = path.split('.').map(unescape);
    let parent: unknown = row;
    for (const k of keys.slice(0, -1)) parent = parent !== null && typeof parent === 'object' ? (parent as Record<string, unknown>)[k] : undefined;
    const last = keys[keys.length - 1]!;
    if (parent === null || typeof parent !== 'object') return { [BAD_TYPE]: path };
    const holder = parent as Record<string, unknown>;
    for (const t of ([] as unknown[]).concat(type)) {
      if (t === 'undef') delete holder[last];
      else if (t === 'arrayNonindexKeys') {
        const v = holder[last];
        if (!Array.isArray(v) && v !== null && typeof v === 'object') holder[last] = Object.assign([], v);
      } else return { [BAD_TYPE]: path };
    }
  }
  return row;
}

/**
 * Reads a backup file from its bytes:
 *   const reader = new BackupReader(bytes, { validate: true });
 *   const header = reader.start();                  // throws BackupError: not ours, too new…
 *   for (const batch of reader.rows()) { … }        // throws BackupError at the end if anything was wrong
 * `position` is how far into the bytes it has read (progress).
 */
export class BackupReader {
  private i = 0;
  private ours = false;
  private readonly hasher = sha256.create();
  private problem: BackupError | null = null;
  private meta: Record<string, unknown> = {};
  private tableList: z.infer<typeof tableListSchema> | null = null;
  private readonly seen = new Map<string, number>();
  private readonly headerFields: Record<string, unknown> = {};
  /** Bytes mode: the payload's bytes hashed so far end here. */
  private hashedUpTo = -1;
  /** Where the payload's value starts (after start()). */
  private payloadStart = -1;
  header: BackupHeader | null = null;

  constructor(
    readonly bytes: Uint8Array,
    readonly options: ReaderOptions,
  ) {}

  get position(): number {
    return this.i;
  }

  /**
   * After start(): whether the file's own bytes hash to its checksum, checked at once with the
   * browser's native SHA-256 (far faster than hashing as the file streams by). It holds for
   * every file this app writes (the payload is the envelope's last member, written by
   * JSON.stringify); then rows() does not hash at all. When it does not hold, rows() hashes the
   * values as it reads them, which accepts a file re-indented by hand and refuses a changed one.
   */
  async verifyChecksumNatively(): Promise<boolean> {
    const h = this.header;
    if (!h || this.payloadStart < 0 || typeof crypto === 'undefined' || !crypto.subtle) return false;
    let end = this.bytes.length - 1;
    while (end > this.payloadStart && isWhitespace(this.bytes[end])) end--;
    if (this.bytes[end] !== 0x7d) return false;
    const head = encoder.encode(checksumHead(h));
    const input = new Uint8Array(head.length + (end - this.payloadStart) + 1);
    input.set(head, 0);
    input.set(this.bytes.subarray(this.payloadStart, end), head.length);
    input[input.length - 1] = 0x5d; // ]
    const digest = await sha256Hex(input);
    if (digest !== h.checksum.value) return false;
    this.options.checksumVerified = true;
    return true;
  }

  private refuse(reason: RefusalReason, message: string): never {
    throw new BackupError(message, reason);
  }

  /** Something other than JSON where JSON was expected: a cut or damaged file of ours, or not ours. */
  private broken(): never {
    if (this.ours) this.refuse('tampered', MESSAGES.incomplete);
    this.refuse('not-backup', MESSAGES.notBackup);
  }

  /** Remembers the first reason the payload is not a valid backup; reading goes on to the checksum. */
  private invalid(message: string = MESSAGES.invalid): void {
    this.problem ??= new BackupError(message, 'invalid');
  }

  private peek(): number | undefined {
    this.i = skipWhitespace(this.bytes, this.i);
    return this.bytes[this.i];
  }

  private expect(byte: number): void {
    if (this.peek() !== byte) this.broken();
    this.i++;
  }

  /** The span of the next value: [start, end). */
  private span(): [number, number] {
    const start = skipWhitespace(this.bytes, this.i);
    const end = valueEnd(this.bytes, start);
    if (end < 0) this.broken();
    this.i = end;
    return [start, end];
  }

  private parse(start: number, end: number): { value: unknown; text: string } {
    try {
      const text = decoder.decode(this.bytes.subarray(start, end));
      return { value: JSON.parse(text) as unknown, text };
    } catch {
      this.broken();
    }
  }

  private value(): unknown {
    const [s, e] = this.span();
    return this.parse(s, e).value;
  }

  private key(): string {
    const k = this.value();
    if (typeof k !== 'string') this.broken();
    this.expect(0x3a); // :
    return k;
  }

  /** After a member: true when another follows (","), false at the end ("}" or "]", consumed). */
  private more(close: number): boolean {
    const c = this.peek();
    this.i++;
    if (c === 0x2c) return true;
    if (c === close) return false;
    this.i--;
    this.broken();
  }

  /** Canonical mode: hashes `text` (JSON.stringify's form of what was read). */
  private hash(text: string): void {
    if (this.options.canonical) this.hasher.update(encoder.encode(text));
  }

  /** Bytes mode: hashes the payload's bytes read since the last call. */
  private hashBytesRead(): void {
    if (this.options.canonical || this.options.checksumVerified || this.hashedUpTo < 0 || this.i <= this.hashedUpTo) return;
    this.hasher.update(this.bytes.subarray(this.hashedUpTo, this.i));
    this.hashedUpTo = this.i;
  }

  /** Reads the envelope up to the payload; throws BackupError when the file is not a backup this build can read. */
  start(): BackupHeader {
    if (this.bytes.byteLength > MAX_BACKUP_FILE_BYTES) this.refuse('too-large', MESSAGES.tooLarge);
    if (this.peek() !== 0x7b) this.refuse('not-backup', MESSAGES.notBackup);
    this.i++;
    if (this.peek() === 0x7d) this.refuse('not-backup', MESSAGES.notBackup);
    for (;;) {
      const k = this.key();
      if (k === 'payload') break;
      this.headerFields[k] = this.value();
      if (k === 'format' && this.headerFields[k] === BACKUP_FORMAT) this.ours = true;
      if (!this.more(0x7d)) {
        // The whole object, and no payload.
        if (this.ours) this.refuse('tampered', MESSAGES.tampered);
        this.refuse('not-backup', MESSAGES.notBackup);
      }
    }
    if (!this.ours) this.refuse('not-backup', MESSAGES.notBackup);
    const env = envelopeSchema.safeParse(this.headerFields);
    if (!env.success) this.refuse('tampered', MESSAGES.tampered);
    const h = env.data;
    if (h.formatVersion > BACKUP_FORMAT_VERSION || h.schemaVersion > CURRENT_SCHEMA_VERSION) this.refuse('too-new', MESSAGES.tooNew);
    if (!STORES_BY_VERSION[h.schemaVersion]) this.refuse('invalid', MESSAGES.invalid);
    this.hasher.update(encoder.encode(checksumHead(h)));
    this.hashedUpTo = skipWhitespace(this.bytes, this.i);
    this.payloadStart = this.hashedUpTo;
    this.header = h;
    return h;
  }

  /** The records, in batches, after start(). Throws BackupError at the end when anything was wrong. */
  *rows(): Generator<RowBatch, void, undefined> {
    const h = this.header;
    if (!h) throw new Error('BackupReader.rows() before start()');
    yield* this.payload(h);
    this.hashBytesRead();
    // The rest of the envelope (fields after the payload are allowed, outside the checksum).
    while (this.more(0x7d)) {
      const k = this.key();
      this.value();
      if (k === 'payload') this.invalid();
    }
    if (skipWhitespace(this.bytes, this.i) !== this.bytes.length) this.broken();
    this.hasher.update(encoder.encode(']'));
    if (!this.options.checksumVerified && bytesToHex(this.hasher.digest()) !== h.checksum.value) {
      // Not the bytes JSON.stringify writes (re-indented, keys spelled with escapes…): the checksum
      // is over the values, so hash them that way before calling the file changed.
      if (this.options.canonical) this.refuse('tampered', MESSAGES.tampered);
      const again = new BackupReader(this.bytes, { validate: false, canonical: true });
      again.start();
      for (const _batch of again.rows()) {
        // Reading to the end verifies the checksum (it throws when it differs).
      }
    }
    const list = this.tableList;
    if (!list || this.meta['formatName'] !== 'dexie' || this.meta['formatVersion'] !== 1) this.invalid();
    for (const t of list ?? []) if ((this.seen.get(t.name) ?? 0) !== t.rowCount) this.invalid();
    if (this.problem) throw this.problem;
  }

  /**
   * One object of the payload, member by member, hashed as JSON.stringify writes it; `member`
   * reads each value (or descends into it, yielding batches). Anything but a non-empty object
   * is noted invalid (and hashed as it is).
   */
  private *object(member: (key: string) => Generator<RowBatch, void, undefined>): Generator<RowBatch, void, undefined> {
    if (this.peek() !== 0x7b) {
      this.plain();
      this.invalid();
      return;
    }
    this.i++;
    this.hash('{');
    if (this.peek() === 0x7d) {
      this.i++;
      this.hash('}');
      this.invalid();
      return;
    }
    let comma = false;
    do {
      const k = this.key();
      this.hash(`${comma ? ',' : ''}${JSON.stringify(k)}:`);
      comma = true;
      yield* member(k);
    } while (this.more(0x7d));
    this.hash('}');
  }

  /** A value read whole, hashed, returned. */
  private plain(): unknown {
    const v = this.value();
    this.hash(JSON.stringify(v));
    return v;
  }

  private *payload(h: BackupHeader): Generator<RowBatch, void, undefined> {
    yield* this.object((k) => this.payloadMember(h, k));
  }

  private *payloadMember(h: BackupHeader, k: string): Generator<RowBatch, void, undefined> {
    if (k === 'data') yield* this.object((key) => this.dataMember(h, key));
    else this.meta[k] = this.plain();
  }

  private *dataMember(h: BackupHeader, k: string): Generator<RowBatch, void, undefined> {
    if (k === 'data' && this.peek() === 0x5b) return yield* this.blocks(h);
    const v = this.plain();
    if (k === 'tables') this.checkTables(h, v);
    else if (k === 'databaseVersion' && v !== h.schemaVersion) this.invalid();
    else if (k === 'data') this.invalid();
  }

  /** The payload's table list: the stores of its schema version a backup holds, counted as the header says. */
  private checkTables(h: BackupHeader, v: unknown): void {
    const list = tableListSchema.safeParse(v);
    if (!list.success) return this.invalid();
    const stores = STORES_BY_VERSION[h.schemaVersion]!;
    const names = new Set(list.data.map((t) => t.name));
    if (names.size !== list.data.length || Object.keys(stores).some((s) => !names.has(s) && !NOT_BACKED_UP.has(s))) return this.invalid();
    for (const t of list.data) if (!(t.name in stores) || h.counts[t.name] !== t.rowCount) return this.invalid();
    if (Object.keys(h.counts).some((name) => !names.has(name))) return this.invalid();
    this.tableList = list.data;
  }

  /** Enters an array at its '[' (hashed); false, with its ']' consumed and hashed too, when it is empty. */
  private enterArray(): boolean {
    this.i++;
    this.hash('[');
    if (this.peek() !== 0x5d) return true;
    this.i++;
    this.hash(']');
    return false;
  }

  private *blocks(h: BackupHeader): Generator<RowBatch, void, undefined> {
    if (!this.enterArray()) return;
    let comma = false;
    do {
      this.hash(comma ? ',' : '');
      comma = true;
      yield* this.block(h);
    } while (this.more(0x5d));
    this.hash(']');
  }

  /** One table's block: {tableName, inbound, rows}, its name and kind before its rows. */
  private *block(h: BackupHeader): Generator<RowBatch, void, undefined> {
    const seen: { table: string | null; inbound: boolean } = { table: null, inbound: false };
    yield* this.object((k) => this.blockMember(h, seen, k));
  }

  private *blockMember(h: BackupHeader, seen: { table: string | null; inbound: boolean }, k: string): Generator<RowBatch, void, undefined> {
    if (k === 'rows' && this.peek() === 0x5b) {
      const { table, inbound } = seen;
      const usable = table !== null && inbound && this.tableList !== null && table in STORES_BY_VERSION[h.schemaVersion]!;
      if (!usable) this.invalid();
      return yield* this.rowArray(usable ? table : null);
    }
    const v = this.plain();
    if (k === 'tableName') seen.table = typeof v === 'string' ? v : null;
    else if (k === 'inbound') seen.inbound = v === true;
    else if (k === 'rows') this.invalid();
  }

  /** The rows of one table: parsed one by one, hashed as JSON.stringify writes them, yielded in batches. */
  private *rowArray(table: string | null): Generator<RowBatch, void, undefined> {
    if (!this.enterArray()) return;
    const limit = this.options.batchBytes ?? 2 * 1024 * 1024;
    const shape = table !== null && this.options.validate && table in RECORD_SCHEMAS;
    let index = table !== null ? (this.seen.get(table) ?? 0) : 0;
    let batch: Record<string, unknown>[] = [];
    let first = index;
    let bytesInBatch = 0;
    let comma = false;
    do {
      const [s, e] = this.span();
      const { value, text } = this.parse(s, e);
      if (this.options.canonical) {
        const canonical = JSON.stringify(value);
        if (comma) this.hash(',');
        // Written by JSON.stringify: the bytes are the canonical form already.
        this.hasher.update(canonical === text ? this.bytes.subarray(s, e) : encoder.encode(canonical));
      }
      comma = true;
      if (table === null) continue;
      if (this.problem) {
        index++;
        continue;
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        this.invalid(MESSAGES.badRecord(table, `số ${index + 1}`, '', 'không phải một bản ghi'));
        index++;
        continue;
      }
      const row = reviveTypes(value as Record<string, unknown>);
      if (BAD_TYPE in row) {
        this.invalid(MESSAGES.badRecord(table, recordLabel(table, value, index), row[BAD_TYPE], 'kiểu dữ liệu không được hỗ trợ'));
      } else {
        const p = shape ? recordProblem(table as RecordTable, row) : null;
        if (p) this.invalid(MESSAGES.badRecord(table, recordLabel(table, row, index), p.field, p.problem));
        else {
          batch.push(row);
          bytesInBatch += e - s;
        }
      }
      index++;
      if (bytesInBatch >= limit && !this.problem) {
        this.hashBytesRead();
        yield { table, rows: batch, first };
        batch = [];
        first = index;
        bytesInBatch = 0;
      }
    } while (this.more(0x5d));
    this.hash(']');
    if (table !== null) {
      this.seen.set(table, index);
      this.hashBytesRead();
      if (batch.length > 0 && !this.problem) yield { table, rows: batch, first };
    }
  }
}
