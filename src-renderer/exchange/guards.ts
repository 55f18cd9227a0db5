/**
 * Guards: look at a file's bytes BEFORE any spreadsheet library parses it, and refuse what
 * would crash, freeze or fool the reader, with a Vietnamese message naming the file.
 *
 * Pure module, fast: it reads the zip's end record and central directory only (no
 * decompression), so a 50 MB file is judged in milliseconds.
 *
 * What it refuses:
 * - too large a file (limits.maxFileBytes, default 50 MB), checked first;
 * - not a zip: empty, PDF, text, anything else → "not a workbook";
 * - a Compound File (D0 CF 11 E0): with EncryptionInfo/EncryptedPackage streams it is a
 *   password-protected .xlsx; with a Workbook/Book stream an Excel 97-2003 .xls; else an old
 *   Office document;
 * - a zip without its end-of-central-directory record, or whose central directory or entries
 *   point past the end of the file → truncated;
 * - a zip whose entries claim to expand to more than limits.maxUncompressedBytes (200 MB) in
 *   total, or one entry (above 1 MB) expanding more than limits.maxRatio (100) times → a zip
 *   bomb. Small entries are exempt from the ratio rule: a 40 KB sheet of repeated cells can
 *   legitimately compress 150:1 and cannot hurt anyone.
 * - encrypted zip entries (the zip's own password) → password-protected;
 * - a zip that is not an OOXML workbook: no [Content_Types].xml or no xl/workbook.xml (a .docx
 *   and an .ods get messages of their own).
 * The sizes checked here are the ones the central directory declares. A file lying about them
 * is caught by verifyInflatedSizes (below), which inflates every part with a running count
 * before any spreadsheet library does, in bounded memory.
 */
import { fileText, type FileDetail } from './problems';

export interface WorkbookLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Largest total of the entries' uncompressed sizes, in bytes. */
  maxUncompressedBytes: number;
  /** Largest uncompressed/compressed ratio of one entry bigger than `ratioMinBytes`. */
  maxRatio: number;
  /** Entries at most this big (uncompressed) are exempt from the ratio rule. */
  ratioMinBytes: number;
  /** Most entries a workbook may have. */
  maxEntries: number;
}

export const DEFAULT_LIMITS: Readonly<WorkbookLimits> = Object.freeze({
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxRatio: 100,
  ratioMinBytes: 1024 * 1024,
  maxEntries: 10_000,
});

/** What the guards refuse a file for (problems.ts words each). */
export type GuardDetail = Extract<
  FileDetail,
  {
    code:
      | 'empty'
      | 'not-workbook'
      | 'word-document'
      | 'open-document'
      | 'old-xls'
      | 'old-office'
      | 'password'
      | 'truncated'
      | 'corrupt'
      | 'too-large'
      | 'expands-too-much'
      | 'suspicious-ratio'
      | 'too-many-entries'
      | 'missing-part';
  }
>;

export type GuardCode = GuardDetail['code'];

const refusal = (file: string, d: GuardDetail): { ok: false; code: GuardCode; message: string } => ({ ok: false, code: d.code, message: fileText(file, d) });

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's local header. */
  localOffset: number;
  method: number;
  encrypted: boolean;
}

export type GuardResult =
  | { ok: true; entries: ZipEntryInfo[]; uncompressedTotal: number }
  | { ok: false; code: GuardCode; message: string };

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Judge a file's bytes; `fileName` is only used in messages. */
export function inspectWorkbookBytes(
  bytes: Uint8Array,
  fileName: string,
  limits: Partial<WorkbookLimits> = {},
): GuardResult {
  const lim: WorkbookLimits = { ...DEFAULT_LIMITS, ...limits };
  const file = baseName(fileName);
  const refuse = (d: GuardDetail): GuardResult => refusal(file, d);

  if (bytes.length > lim.maxFileBytes) return refuse({ code: 'too-large', size: bytes.length, max: lim.maxFileBytes });
  if (bytes.length === 0) return refuse({ code: 'empty' });
  if (startsWith(bytes, CFB_SIGNATURE)) return inspectCompoundFile(bytes, file);
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
  if (!isZip) return refuse({ code: 'not-workbook' });

  const dir = readCentralDirectory(bytes, lim.maxEntries);
  if (dir.kind === 'truncated') return refuse({ code: 'truncated' });
  if (dir.kind === 'corrupt') return refuse({ code: 'corrupt' });
  if (dir.kind === 'too-many') return refuse({ code: 'too-many-entries', count: dir.count });
  const entries = dir.entries;

  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (e.uncompressedSize > lim.ratioMinBytes && e.uncompressedSize > lim.maxRatio * Math.max(e.compressedSize, 1)) {
      return refuse({ code: 'suspicious-ratio', entry: e.name });
    }
  }
  if (total > lim.maxUncompressedBytes) return refuse({ code: 'expands-too-much', total, max: lim.maxUncompressedBytes });
  if (entries.some((e) => e.encrypted)) return refuse({ code: 'password' });

  const names = new Set(entries.map((e) => e.name));
  if (names.has('word/document.xml')) return refuse({ code: 'word-document' });
  if (names.has('mimetype') && names.has('content.xml')) return refuse({ code: 'open-document' });
  if (!names.has('[Content_Types].xml')) {
    return names.has('xl/workbook.xml')
      ? refuse({ code: 'missing-part', part: '[Content_Types].xml' })
      : refuse({ code: 'not-workbook' });
  }
  if (!names.has('xl/workbook.xml')) return refuse({ code: 'missing-part', part: 'xl/workbook.xml' });
  return { ok: true, entries, uncompressedTotal: total };
}

/** The last path segment of a name, whichever separator the system used. */
export function baseName(name: string): string {
  // NFC: a name read from a macOS disk (or typed on some keyboards) is NFD; messages are NFC text.
  return name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).normalize('NFC');
}

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Zip central directory.

type DirectoryRead =
  | { kind: 'ok'; entries: ZipEntryInfo[] }
  | { kind: 'truncated' }
  | { kind: 'corrupt' }
  | { kind: 'too-many'; count: number };

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;

function readCentralDirectory(bytes: Uint8Array, maxEntries: number): DirectoryRead {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => u32(at) + u32(at + 4) * 0x1_0000_0000;

  // The end record is the last 22 bytes plus a comment of at most 65535 bytes.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === EOCD_SIG && at + 22 + u16(at + 20) <= bytes.length) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return { kind: 'truncated' };

  let count = u16(eocd + 10);
  let cdSize = u32(eocd + 12);
  let cdOffset = u32(eocd + 16);
  let cdEnd = eocd;
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(loc) !== ZIP64_LOCATOR_SIG) return { kind: 'corrupt' };
    const rec = u64(loc + 8);
    if (rec + 56 > loc) return { kind: 'truncated' };
    if (u32(rec) !== ZIP64_EOCD_SIG) return { kind: 'corrupt' };
    count = u64(rec + 32);
    cdSize = u64(rec + 40);
    cdOffset = u64(rec + 48);
    cdEnd = rec;
  }
  if (count > maxEntries) return { kind: 'too-many', count };
  if (cdOffset + cdSize > cdEnd) return { kind: 'truncated' };

  const entries: ZipEntryInfo[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > cdEnd) return { kind: 'truncated' };
    if (u32(at) !== CENTRAL_SIG) return { kind: 'corrupt' };
    const flags = u16(at + 8);
    const method = u16(at + 10);
    let compressedSize = u32(at + 20);
    let uncompressedSize = u32(at + 24);
    const nameLen = u16(at + 28);
    const extraLen = u16(at + 30);
    const commentLen = u16(at + 32);
    let localOffset = u32(at + 42);
    const next = at + 46 + nameLen + extraLen + commentLen;
    if (next > cdEnd) return { kind: 'truncated' };
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLen));

    // Zip64 extended sizes: only the fields saturated in the fixed part are present, in order.
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      let x = at + 46 + nameLen;
      const xEnd = x + extraLen;
      while (x + 4 <= xEnd) {
        const id = u16(x);
        const size = u16(x + 2);
        if (id === 0x0001) {
          let f = x + 4;
          if (uncompressedSize === 0xffffffff && f + 8 <= x + 4 + size) {
            uncompressedSize = u64(f);
            f += 8;
          }
          if (compressedSize === 0xffffffff && f + 8 <= x + 4 + size) {
            compressedSize = u64(f);
            f += 8;
          }
          if (localOffset === 0xffffffff && f + 8 <= x + 4 + size) localOffset = u64(f);
          break;
        }
        x += 4 + size;
      }
    }

    // The entry's local header and data must lie before the central directory.
    if (localOffset + 30 > cdOffset) return { kind: 'truncated' };
    if (u32(localOffset) !== LOCAL_SIG) return { kind: 'corrupt' };
    const dataStart = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28);
    if (dataStart + compressedSize > cdOffset) return { kind: 'truncated' };

    entries.push({ name, compressedSize, uncompressedSize, localOffset, method, encrypted: (flags & 1) === 1 });
    at = next;
  }
  return { kind: 'ok', entries };
}

// ---------------------------------------------------------------------------------------------
// Compound File Binary (OLE2): old .xls/.doc, and the wrapper Office puts around an encrypted
// .xlsx (MS-OFFCRYPTO: streams "EncryptionInfo" and "EncryptedPackage").

function inspectCompoundFile(bytes: Uint8Array, file: string): GuardResult {
  const names = compoundStreamNames(bytes);
  const has = (n: string) => names.has(n.toLowerCase());
  if (has('EncryptionInfo') || has('EncryptedPackage')) return refusal(file, { code: 'password' });
  if (has('Workbook') || has('Book')) return refusal(file, { code: 'old-xls' });
  return refusal(file, { code: 'old-office' });
}

/**
 * Lower-cased names of a compound file's directory entries. Follows the FAT chain of the
 * directory when the header allows it; when the file is damaged, falls back to scanning the
 * whole file for the UTF-16 names that matter, which is enough to choose a message.
 */
export function compoundStreamNames(bytes: Uint8Array): Set<string> {
  try {
    return walkCompoundDirectory(bytes);
  } catch {
    const names = new Set<string>();
    for (const n of ['EncryptionInfo', 'EncryptedPackage', 'Workbook', 'Book']) {
      if (containsUtf16(bytes, n)) names.add(n.toLowerCase());
    }
    return names;
  }
}

function walkCompoundDirectory(bytes: Uint8Array): Set<string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorShift = view.getUint16(30, true);
  if (sectorShift !== 9 && sectorShift !== 12) throw new Error('bad sector size');
  const sectorSize = 1 << sectorShift;
  const fatSectors = view.getUint32(44, true);
  const firstDirSector = view.getUint32(48, true);
  const sectorAt = (s: number) => {
    const off = (s + 1) * sectorSize;
    if (off + sectorSize > bytes.length) throw new Error('sector past the end');
    return off;
  };
  // The first 109 FAT sectors are listed in the header; enough for files up to ~7 MB
  // (512-byte sectors) — beyond that, fall back to the scan.
  const fat: number[] = [];
  for (let i = 0; i < Math.min(fatSectors, 109); i++) {
    const s = view.getUint32(76 + i * 4, true);
    const off = sectorAt(s);
    for (let j = 0; j < sectorSize; j += 4) fat.push(view.getUint32(off + j, true));
  }
  if (fatSectors > 109) throw new Error('large compound file');
  const names = new Set<string>();
  const seen = new Set<number>();
  for (let s = firstDirSector; s !== 0xfffffffe; s = fat[s] ?? 0xfffffffe) {
    if (seen.has(s) || seen.size > 100_000) throw new Error('directory chain loops');
    seen.add(s);
    const off = sectorAt(s);
    for (let e = off; e < off + sectorSize; e += 128) {
      const len = view.getUint16(e + 64, true);
      if (len < 2 || len > 64) continue;
      let name = '';
      for (let k = 0; k < len - 2; k += 2) name += String.fromCharCode(view.getUint16(e + k, true));
      names.add(name.toLowerCase());
    }
  }
  return names;
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const pat: number[] = [];
  for (const ch of text) pat.push(ch.charCodeAt(0), 0);
  outer: for (let i = 0; i + pat.length <= bytes.length; i++) {
    for (let k = 0; k < pat.length; k++) if (bytes[i + k] !== pat[k]) continue outer;
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Second line: the sizes a zip declares can lie. Before the spreadsheet library inflates every
// part into memory, inflate each part as a stream with a running count and stop at the first
// byte beyond what the part declared (or beyond the allowed total).
//
// Memory is bounded only if the inflater is never handed much compressed input at once. A
// DecompressionStream inflates each chunk written to it completely, in one go, before anything
// can be read: Chromium queues the whole output of a chunk (about 1,000 times the chunk, the
// most deflate can expand) before the reader sees its first byte. Handed a whole part, a 1 MB
// part that inflates to 1 GB took the renderer past 1 GB. So the input goes in slices of
// INFLATE_SLICE bytes, each written only after the output of the one before has been counted:
// at most about INFLATE_SLICE × 1,032 bytes (17 MB) of output are held at any moment.

/** Compressed bytes handed to the inflater at a time (see above). */
export const INFLATE_SLICE = 16 * 1024;

export type InflateCheck = { ok: true } | { ok: false; code: GuardCode; message: string };

/**
 * Sizes as they really are when inflated; needs the web-standard DecompressionStream (every
 * Chromium, Electron and Node 18+ has it; without it the check is skipped).
 */
export async function verifyInflatedSizes(
  bytes: Uint8Array,
  fileName: string,
  entries: readonly ZipEntryInfo[],
  limits: Partial<WorkbookLimits> = {},
): Promise<InflateCheck> {
  const lim: WorkbookLimits = { ...DEFAULT_LIMITS, ...limits };
  const file = baseName(fileName);
  if (typeof DecompressionStream !== 'function') return { ok: true };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const e of entries) {
    if (e.method !== 8 || e.encrypted) continue; // stored parts are their declared size
    const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
    const counted = await inflatedSize(bytes.subarray(start, start + e.compressedSize), Math.min(e.uncompressedSize, lim.maxUncompressedBytes - total));
    if (counted === 'corrupt') return refusal(file, { code: 'corrupt' });
    // Within the declared sizes the total cannot pass the limit (inspectWorkbookBytes checked
    // their sum), so either way the part said less than it holds.
    if (counted === 'exceeded') return refusal(file, { code: 'expands-too-much', entry: e.name });
    total += counted;
  }
  return { ok: true };
}

/**
 * Inflates raw deflate `data` slice by slice, counting, and gives up at the first byte past
 * `max`: the size, 'exceeded', or 'corrupt' (not a valid deflate stream).
 */
async function inflatedSize(data: Uint8Array, max: number): Promise<number | 'exceeded' | 'corrupt'> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // Writes wait for the reader (the stream's backpressure): the next slice is inflated only once
  // the output of the previous ones has been read. A failed write shows up as a failed read.
  const feeding = (async () => {
    for (let at = 0; at < data.length; at += INFLATE_SLICE) await writer.write(data.subarray(at, at + INFLATE_SLICE) as Uint8Array<ArrayBuffer>);
    await writer.close();
  })().catch(() => undefined);
  let produced = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      produced += value.byteLength;
      if (produced > max) {
        await reader.cancel().catch(() => undefined);
        await writer.abort().catch(() => undefined);
        return 'exceeded';
      }
    }
  } catch {
    await writer.abort().catch(() => undefined);
    return 'corrupt';
  } finally {
    await feeding;
  }
  return produced;
}
