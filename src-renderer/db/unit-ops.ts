/**
 * Named operations on units: the first-run setup, the own unit, the directory of subordinate
 * units, the kinds of unit, aliases and the import of a list. Each is ONE transaction,
 * validates with unitInputSchema first (Vietnamese messages naming the field; OperationError.field
 * says which) and stores text as NFC. Code and name rules: domain/units.ts; matching files to
 * units: domain/unit-match.ts.
 *
 * A unit's code may change at any time; what is filed under it moves with it in the same
 * transaction (statuses, activities, indicator figures and targets, imported reports), and the
 * old code stays the unit's as an alias (files already sent carry it; it is never reused).
 */
import { z } from 'zod';
import {
  allUnitKinds,
  childLevelsOf,
  codeConflictMessage,
  codePrefixFor,
  customUnitKind,
  DEFAULT_KIND_OF_LEVEL,
  findCodeConflict,
  generateUnitCode,
  isValidUnitCode,
  kindOfUnit,
  normalizeUnitCode,
  suggestCodeFromName,
  unitInputSchema,
  unitsNamedLike,
  type UnitInput,
  type UnitKind,
  type UnitLevel,
} from '@domain/units';
import { recodeReport } from '@domain/unit-match';
import { identityFileName, writeIdentityFile } from '@exchange/identity-file';
import { ACTIVITY_TABLES, forgetDerivedActivities, unitCodesWithActivities, unitHasActivities } from './activity-read';
import { db } from './db';
import { forgetCoverage } from './double-count-ops';
import { storeDerivedRows } from './log-rows';
import { OVERVIEW_DIGEST_TABLES, storeOverviewDigest } from './overview-digests';
import { OperationError } from './errors';
import { getSetting, putSetting } from './settings-ops';
import { firstIssue, nfcDeep, now } from './write-helpers';
import type { ItemStatusKey, IndicatorKey } from './schema';
import type { UnitRecord } from './types';

/** Directory fields of a unit nobody has described yet. */
export const EMPTY_UNIT_DETAILS = { type: null, members: null, contact: '', phone: '' } as const;

/** The installation's unit suggested on first run. */
export const DEFAULT_OWN_UNIT = {
  code: 'LDLD-DMC',
  name: 'LĐLĐ huyện Dương Minh Châu',
  level: 'district' as UnitLevel,
  kind: 'ldld-huyen',
  parentName: 'LĐLĐ tỉnh Tây Ninh',
};

/** What a form or a file gives for a unit (before validation). */
export type UnitFormInput = z.input<typeof unitInputSchema>;

/** The first-run form: who this installation belongs to. */
export interface SetupInput {
  level: string;
  /** UnitKind id ('' or absent: the level's default). */
  kind?: string;
  name: string;
  /** '' → suggested from the name (suggestCodeFromName). */
  code: string;
  parentName: string;
  /** The code of the body above, when known (a «Tệp thiết lập» gives it). */
  parentCode?: string;
}

export const DEFAULT_SETUP: SetupInput = { ...DEFAULT_OWN_UNIT };

export const UNIT_HAS_DATA_MESSAGE = 'Đơn vị đã có dữ liệu, chỉ có thể ngừng hoạt động';
export const OWN_UNIT_MESSAGE = 'Đây là đơn vị của mình: sửa trong Cài đặt, không ngừng hoạt động hay xóa được';

/** Adding a unit whose name another unit already has: the officer must confirm (allowSameName). */
export class SameNameError extends OperationError {
  readonly units: UnitRecord[];
  constructor(units: UnitRecord[]) {
    const list = units.map((u) => `«${u.name}» (${u.code}${u.active ? '' : ', ngừng hoạt động'})`).join(', ');
    super(`Đã có đơn vị cùng tên: ${list}. Nếu đây là một đơn vị khác, bấm «Vẫn thêm đơn vị mới».`, 'name');
    this.name = 'SameNameError';
    this.units = units;
  }
}

function parseUnit(input: UnitFormInput): UnitInput {
  const parsed = unitInputSchema.safeParse(nfcDeep(input));
  if (!parsed.success) throw firstIssue(parsed.error);
  return parsed.data;
}

const notFound = () => new OperationError('Không tìm thấy đơn vị này.', 'code');

/** True when statuses, activities or indicator figures are filed under the unit's code. */
async function hasData(code: string): Promise<boolean> {
  const mine = (r: { unitCode: string }) => r.unitCode === code;
  return (
    (await db.itemStatuses.filter(mine).count()) > 0 ||
    (await unitHasActivities(code)) ||
    (await db.indicatorAdjustments.filter(mine).count()) > 0
  );
}

/** Codes of every unit that has data (see hasData), read from the indexes' keys only. */
export async function unitCodesWithData(): Promise<Set<string>> {
  return db.transaction('r', [db.itemStatuses, ...ACTIVITY_TABLES(), db.indicatorAdjustments], async () => {
    const [statusKeys, codes, adjustmentKeys] = await Promise.all([
      db.itemStatuses.orderBy('[planId+unitCode+periodKey]').uniqueKeys(),
      unitCodesWithActivities(),
      db.indicatorAdjustments.toCollection().primaryKeys(),
    ]);
    for (const key of [...statusKeys, ...adjustmentKeys]) {
      if (Array.isArray(key) && typeof key[1] === 'string') codes.add(key[1]);
    }
    return codes;
  });
}

// ---------------------------------------------------------------------------------------------
// Kinds of unit.

/** Every kind known here: the built-in ones, then the office's own (setting `unitKinds`). */
export async function knownUnitKinds(): Promise<UnitKind[]> {
  return allUnitKinds((await getSetting('unitKinds')) ?? []);
}

/** The kind id to store for a unit of `level` asked to be `kindId` ('' → the level's default). */
function checkedKind(kinds: readonly UnitKind[], kindId: string, level: UnitLevel): string {
  if (kindId === '') return DEFAULT_KIND_OF_LEVEL[level];
  const kind = kinds.find((k) => k.id === kindId);
  if (!kind) throw new OperationError('Loại đơn vị: không có loại này.', 'kind');
  if (kind.level !== level) throw new OperationError(`Loại đơn vị: «${kind.name}» không thuộc cấp này.`, 'kind');
  return kind.id;
}

/**
 * Adds a kind of «công đoàn cấp trên trực tiếp cơ sở» the office names itself («Công đoàn
 * Giáo dục»); the same name again returns the kind already stored. Inside a rw transaction over
 * settings, or on its own.
 */
export async function addUnitKind(name: string, level: UnitLevel = 'district'): Promise<UnitKind> {
  const clean = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (clean === '') throw new OperationError('Tên loại đơn vị: không được để trống', 'newKindName');
  if (clean.length > 80) throw new OperationError('Tên loại đơn vị: tối đa 80 ký tự', 'newKindName');
  return db.transaction('rw', db.settings, async () => {
    const custom = (await getSetting('unitKinds')) ?? [];
    const kind = customUnitKind(clean, level);
    const known = allUnitKinds(custom).find((k) => k.id === kind.id || k.name.toLowerCase() === clean.toLowerCase());
    if (known) return known;
    await putSetting('unitKinds', [...custom, kind]);
    return kind;
  });
}

// ---------------------------------------------------------------------------------------------
// Moving what is filed under a code.

/** Every table a re-code reads or writes. */
const RECODE_TABLES = () => [
  db.units,
  db.settings,
  db.itemStatuses,
  db.indicatorAdjustments,
  db.indicatorTargets,
  ...ACTIVITY_TABLES(),
  ...OVERVIEW_DIGEST_TABLES(),
];

/**
 * Files everything under `from` under `to` instead, inside the caller's rw transaction over
 * RECODE_TABLES: statuses, activities logged here, indicator adjustments and targets, imported
 * submissions (their scope and the report they hold), and the units directly below it.
 */
async function moveUnitData(from: string, to: string): Promise<void> {
  const mine = (r: { unitCode: string }) => r.unitCode === from;
  const [statuses, adjustments, targets, submissions] = await Promise.all([
    db.itemStatuses.filter(mine).toArray(),
    db.indicatorAdjustments.filter(mine).toArray(),
    db.indicatorTargets.filter(mine).toArray(),
    db.submissions.where('unitCodes').equals(from).toArray(),
  ]);
  const statusKey = (s: { planId: string; unitCode: string; periodKey: string; itemId: string }): ItemStatusKey => [s.planId, s.unitCode, s.periodKey, s.itemId];
  const indicatorKey = (s: { planId: string; unitCode: string; periodKey: string; indicatorCode: string }): IndicatorKey => [s.planId, s.unitCode, s.periodKey, s.indicatorCode];
  const codes = new Map([[from, to]]);
  const recoded = submissions.map((s) => ({
    ...s,
    unitCode: s.unitCode === from ? to : s.unitCode,
    unitCodes: [...new Set(s.unitCodes.map((c) => (c === from ? to : c)))],
    report: recodeReport(s.report, codes),
  }));
  await Promise.all([
    db.itemStatuses.bulkDelete(statuses.map(statusKey)),
    db.indicatorAdjustments.bulkDelete(adjustments.map(indicatorKey)),
    db.indicatorTargets.bulkDelete(targets.map(indicatorKey)),
  ]);
  await Promise.all([
    db.itemStatuses.bulkPut(statuses.map((s) => ({ ...s, unitCode: to }))),
    db.indicatorAdjustments.bulkPut(adjustments.map((s) => ({ ...s, unitCode: to }))),
    db.indicatorTargets.bulkPut(targets.map((s) => ({ ...s, unitCode: to }))),
    db.activities.filter(mine).modify({ unitCode: to }),
    db.submissions.bulkPut(recoded),
    // The log's rows hold the unit's code (and ids made from it): prepared again.
    ...recoded.map((s) => storeDerivedRows(s)),
    // So do the overview's digests (the unit the submission is filed under).
    ...recoded.map((s) => storeOverviewDigest(s)),
    db.units.where('parentCode').equals(from).modify({ parentCode: to }),
  ]);
  // Those submissions' activities (and what they cover) were derived under the old code.
  if (submissions.length > 0) {
    forgetDerivedActivities();
    forgetCoverage();
  }
}

/** The aliases a unit keeps when its code changes from `old` to a new one. */
function aliasesAfterRecode(unit: Pick<UnitRecord, 'code' | 'aliases'>, newCode: string): string[] {
  return [...new Set([...(unit.aliases ?? []), unit.code])].filter((a) => a !== newCode);
}

// ---------------------------------------------------------------------------------------------
// First run and the own unit.

/**
 * Saves who this installation belongs to: the own unit, `ownUnitCode` and `setupDoneAt`, together.
 * A second call after setup (a second window finishing the same form) changes nothing when it
 * names the same unit, and is refused otherwise: later changes go through updateOwnUnit.
 */
export async function completeSetup(input: SetupInput): Promise<UnitRecord> {
  const parsed = parseUnit({ ...input, active: true });
  const code = parsed.code || suggestCodeFromName(parsed.name) || generateUnitCode(parsed.level, []);
  return db.transaction('rw', db.units, db.settings, async () => {
    const kind = checkedKind(await knownUnitKinds(), parsed.kind, parsed.level);
    if (await getSetting('setupDoneAt')) {
      const ownCode = await getSetting('ownUnitCode');
      const own = ownCode ? await db.units.get(ownCode) : undefined;
      if (own && own.code === code) return own;
      throw new OperationError('Ứng dụng đã được thiết lập (có thể ở một cửa sổ khác). Đổi đơn vị của mình trong Cài đặt.');
    }
    const t = now();
    const old = await db.units.get(code);
    const record: UnitRecord = {
      ...(old ?? { ...EMPTY_UNIT_DETAILS, createdAt: t }),
      code,
      name: parsed.name,
      level: parsed.level,
      kind,
      parentName: parsed.parentName,
      parentCode: parsed.parentCode,
      aliases: old?.aliases ?? [],
      active: true,
      updatedAt: t,
    };
    await db.units.put(record);
    await putSetting('ownUnitCode', code);
    await putSetting('setupDoneAt', t);
    return record;
  });
}

export type OwnUnitInput = Pick<UnitRecord, 'code' | 'name' | 'level' | 'parentName'> & Partial<Pick<UnitRecord, 'kind' | 'parentCode'>>;

/**
 * Changes this installation's unit. The code is stored normalized ("ldld.dmc" → "LDLD-DMC"); a
 * code another unit holds (or held), even an inactive one, is refused (codes are never reused).
 * A new code moves everything filed under the old one (moveUnitData), and the old code stays
 * the unit's as an alias.
 */
export async function updateOwnUnit(input: OwnUnitInput): Promise<UnitRecord> {
  if (typeof input.name === 'string' && input.name.trim() === '') throw new OperationError('Nhập tên đơn vị.', 'name');
  const raw = typeof input.code === 'string' ? input.code.trim() : '';
  // As typed in Cài đặt: ASCII letters, digits, '.', '_' or '-' (normalized below: "ldld.dmc" → "LDLD-DMC").
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(raw) || !isValidUnitCode(normalizeUnitCode(raw))) {
    throw new OperationError('Mã đơn vị: chỉ gồm chữ không dấu A–Z, chữ số và dấu gạch ngang (-), tối đa 30 ký tự', 'code');
  }
  const parsed = parseUnit({ ...input, active: true });
  return db.transaction('rw', RECODE_TABLES(), async () => {
    const kind = checkedKind(await knownUnitKinds(), parsed.kind, parsed.level);
    const oldCode = await getSetting('ownUnitCode');
    const old = oldCode ? await db.units.get(oldCode) : undefined;
    const t = now();
    let aliases = old?.aliases ?? [];
    if (old && old.code !== parsed.code) {
      const holder = findCodeConflict(await db.units.toArray(), parsed, old.code);
      if (holder) throw new OperationError(codeConflictMessage(holder, parsed.code), 'code');
      await moveUnitData(old.code, parsed.code);
      await db.units.delete(old.code);
      aliases = aliasesAfterRecode(old, parsed.code);
    }
    const record: UnitRecord = {
      ...(old ?? { ...EMPTY_UNIT_DETAILS, createdAt: t }),
      code: parsed.code,
      name: parsed.name,
      level: parsed.level,
      kind,
      parentName: parsed.parentName,
      parentCode: input.parentCode === undefined ? (old?.parentCode ?? '') : parsed.parentCode,
      aliases,
      active: true,
      updatedAt: t,
    };
    await db.units.put(record);
    await putSetting('ownUnitCode', parsed.code);
    return record;
  });
}

// ---------------------------------------------------------------------------------------------
// The directory.

/** Level, kind and parent of new directory units when the input does not say: directly below the own unit. */
async function directoryDefaults(kinds: readonly UnitKind[], kindId: string | null | undefined): Promise<{ level: UnitLevel; parentName: string; parentCode: string }> {
  const ownCode = await getSetting('ownUnitCode');
  const own = ownCode ? await db.units.get(ownCode) : undefined;
  const kind = kindId ? kinds.find((k) => k.id === kindId) : undefined;
  const level = kind?.level ?? (own ? childLevelsOf(own.level)[0] : undefined) ?? 'grassroots';
  return { level, parentName: own?.name ?? '', parentCode: own?.code ?? '' };
}

/**
 * Code conflicts of a unit's aliases (each must be free: not another unit's code or alias).
 * `code`: the unit's code as it will be; `storedCode`: its record's code now (skipped).
 */
function checkAliases(units: readonly UnitRecord[], aliases: readonly string[], code: string, storedCode = code): void {
  for (const a of aliases) {
    if (a === code) throw new OperationError(`Mã khác: «${a}» là mã chính của đơn vị này.`, 'aliases');
    const holder = findCodeConflict(units, { code: a }, storedCode);
    if (holder) throw new OperationError(`Mã khác: ${codeConflictMessage(holder, a).replace(/^Mã đơn vị: /, '')}`, 'aliases');
  }
}

export interface AddUnitOptions {
  /** The officer confirmed a new unit although another one has the same name (see SameNameError). */
  allowSameName?: boolean;
}

/**
 * Adds a unit; an empty code is generated from its kind (CDCS-0001…, LDLD-H-0001…). A code
 * already used is refused; a name another unit has is refused with SameNameError unless the
 * officer confirmed it.
 */
export async function addUnit(input: UnitFormInput, options: AddUnitOptions = {}): Promise<UnitRecord> {
  return db.transaction('rw', db.units, db.settings, async () => {
    const kinds = await knownUnitKinds();
    const defaults = await directoryDefaults(kinds, input.kind);
    const parsed = parseUnit({
      ...input,
      level: input.level ?? defaults.level,
      parentName: input.parentName ?? defaults.parentName,
      parentCode: input.parentCode ?? defaults.parentCode,
    });
    const kindId = checkedKind(kinds, parsed.kind, parsed.level);
    const kind = kinds.find((k) => k.id === kindId)!;
    const units = await db.units.toArray();
    const ownCode = await getSetting('ownUnitCode');
    const own = units.find((u) => u.code === ownCode);
    const code = parsed.code || generateUnitCode({ codePrefix: codePrefixFor(kind, own) }, units.flatMap((u) => [u.code, ...(u.aliases ?? [])]));
    const holder = findCodeConflict(units, { code });
    if (holder) throw new OperationError(codeConflictMessage(holder, code), 'code');
    checkAliases(units, parsed.aliases, code);
    if (!options.allowSameName) {
      const same = unitsNamedLike(units, parsed.name).filter((u) => u.code !== ownCode);
      if (same.length > 0) throw new SameNameError(same);
    }
    const t = now();
    const record: UnitRecord = { ...parsed, kind: kindId, code, createdAt: t, updatedAt: t };
    await db.units.add(record);
    return record;
  });
}

/**
 * Edits a directory unit (not the own unit: updateOwnUnit). A new code moves everything filed
 * under the old one (moveUnitData) and keeps the old code as an alias; the new code must be free.
 */
export async function updateUnit(code: string, input: UnitFormInput): Promise<UnitRecord> {
  const parsed = parseUnit(input);
  return db.transaction('rw', RECODE_TABLES(), async () => {
    const old = await db.units.get(code);
    if (!old) throw notFound();
    if ((await getSetting('ownUnitCode')) === code) throw new OperationError(OWN_UNIT_MESSAGE);
    const kindId = checkedKind(await knownUnitKinds(), parsed.kind || (old.level === parsed.level ? (old.kind ?? '') : ''), parsed.level);
    const newCode = parsed.code || old.code;
    const units = await db.units.toArray();
    // A form that does not show the other codes keeps them.
    let aliases = input.aliases === undefined ? (old.aliases ?? []) : parsed.aliases;
    if (newCode !== old.code) {
      const holder = findCodeConflict(units, { code: newCode }, old.code);
      if (holder) throw new OperationError(codeConflictMessage(holder, newCode), 'code');
      aliases = aliasesAfterRecode({ code: old.code, aliases }, newCode);
    }
    checkAliases(units, aliases, newCode, old.code);
    if (newCode !== old.code) {
      await moveUnitData(old.code, newCode);
      await db.units.delete(old.code);
    }
    const record: UnitRecord = {
      ...old,
      ...parsed,
      code: newCode,
      kind: kindId,
      parentCode: input.parentCode === undefined ? (old.parentCode ?? '') : parsed.parentCode,
      aliases,
      createdAt: old.createdAt,
      updatedAt: now(),
    };
    await db.units.put(record);
    return record;
  });
}

/**
 * «Đây là đơn vị …?» confirmed: `alias` (a code a file carries) becomes one of the unit's other
 * codes, so this file and every later one with that code is filed under the unit. Refused when
 * another unit already holds the code (then it is that unit's file, or the two must be sorted
 * out in «Đơn vị»). Linking twice is harmless.
 */
export async function linkUnitAlias(unitCode: string, alias: string): Promise<UnitRecord> {
  const code = normalizeUnitCode(alias);
  if (!isValidUnitCode(code)) throw new OperationError(`Mã «${alias}» không phải mã đơn vị hợp lệ.`, 'aliases');
  return db.transaction('rw', db.units, db.settings, async () => {
    const unit = await db.units.get(unitCode);
    if (!unit) throw notFound();
    if (unit.code === code || (unit.aliases ?? []).includes(code)) return unit;
    const holder = findCodeConflict(await db.units.toArray(), { code }, unit.code);
    if (holder) {
      throw new OperationError(
        `Không ghép được: mã ${code} đã là mã của «${holder.name}» (${holder.code}). Mở «Đơn vị» để xem lại hai đơn vị này.`,
        'aliases',
      );
    }
    const record: UnitRecord = { ...unit, aliases: [...(unit.aliases ?? []), code], updatedAt: now() };
    await db.units.put(record);
    return record;
  });
}

/** Deactivates (keeps every record; the code stays taken) or reactivates a directory unit. */
export async function setUnitActive(code: string, active: boolean): Promise<void> {
  await db.transaction('rw', db.units, db.settings, async () => {
    const unit = await db.units.get(code);
    if (!unit) throw notFound();
    if ((await getSetting('ownUnitCode')) === code) throw new OperationError(OWN_UNIT_MESSAGE);
    if (unit.active !== active) await db.units.put({ ...unit, active, updatedAt: now() });
  });
}

/** Removes a directory unit that has no data at all; otherwise refuses (deactivate it instead). */
export async function deleteUnit(code: string): Promise<void> {
  await db.transaction(
    'rw',
    [db.units, db.settings, db.itemStatuses, ...ACTIVITY_TABLES(), db.indicatorAdjustments],
    async () => {
      if (!(await db.units.get(code))) throw notFound();
      if ((await getSetting('ownUnitCode')) === code) throw new OperationError(OWN_UNIT_MESSAGE);
      if (await hasData(code)) throw new OperationError(UNIT_HAS_DATA_MESSAGE);
      await db.units.delete(code);
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Import (the preview is built by features/units/unit-import.ts, a pure module).

/** One previewed row, as applyUnitImport needs it. */
export interface UnitImportRow {
  rowNumber: number;
  action: 'add' | 'update' | 'unchanged' | 'error';
  /** The unit's code (generated for a row without one). */
  code: string;
  /** The unit as it will be stored (add, update), null for errors. */
  unit: (Omit<UnitInput, 'kind' | 'parentCode' | 'aliases'> & Partial<Pick<UnitInput, 'kind' | 'parentCode' | 'aliases'>>) | null;
  messages: string[];
}

export interface UnitImportResult {
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Writes a previewed import in one transaction, all or nothing: refused when any row is an
 * error, or when the database changed since the preview (a code added meanwhile, a unit gone).
 * Units added are placed directly below the own unit.
 */
export async function applyUnitImport(rows: readonly UnitImportRow[]): Promise<UnitImportResult> {
  const errors = rows.filter((r) => r.action === 'error');
  if (errors.length > 0) {
    throw new OperationError(`Còn ${errors.length} dòng lỗi: sửa tệp rồi nhập lại. Chưa ghi đơn vị nào.`);
  }
  const writes = rows
    .filter((r) => r.action === 'add' || r.action === 'update')
    .map((r) => {
      const unit = parseUnit({ ...r.unit!, code: r.code });
      if (normalizeUnitCode(r.code) !== unit.code || unit.code === '') {
        throw new OperationError(`Dòng ${r.rowNumber}: mã đơn vị không hợp lệ. Chưa ghi đơn vị nào.`);
      }
      return { row: r, unit };
    });
  return db.transaction('rw', db.units, db.settings, async () => {
    const ownCode = await getSetting('ownUnitCode');
    const all = await db.units.toArray();
    const t = now();
    const records: UnitRecord[] = [];
    for (const { row, unit } of writes) {
      const old = all.find((u) => u.code === unit.code);
      if (unit.code === ownCode) {
        throw new OperationError(`Dòng ${row.rowNumber}: «${unit.code}» là mã của đơn vị mình. Chưa ghi đơn vị nào.`);
      }
      if (row.action === 'add' && old) {
        throw new OperationError(`Dòng ${row.rowNumber}: ${codeConflictMessage(old)} (vừa được thêm). Hãy xem trước lại.`);
      }
      if (row.action === 'add') {
        const holder = findCodeConflict(all, { code: unit.code });
        if (holder) throw new OperationError(`Dòng ${row.rowNumber}: ${codeConflictMessage(holder, unit.code)}. Chưa ghi đơn vị nào.`);
      }
      if (row.action === 'update' && !old) {
        throw new OperationError(`Dòng ${row.rowNumber}: không còn đơn vị mã «${unit.code}». Hãy xem trước lại.`);
      }
      records.push({
        ...(old ?? {}),
        ...unit,
        kind: unit.kind || old?.kind || DEFAULT_KIND_OF_LEVEL[unit.level],
        parentCode: old?.parentCode ?? (unit.parentCode || ownCode || ''),
        aliases: old?.aliases ?? unit.aliases,
        createdAt: old?.createdAt ?? t,
        updatedAt: t,
      });
    }
    await db.units.bulkPut(records);
    return {
      added: rows.filter((r) => r.action === 'add').length,
      updated: rows.filter((r) => r.action === 'update').length,
      unchanged: rows.filter((r) => r.action === 'unchanged').length,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// «Tệp thiết lập»: the identity the upper level hands its units (exchange/identity-file.ts).

/**
 * The identity file of some of the directory's units (`codes`), or of every active one (null),
 * issued by this installation's own unit: each unit with its code, name, level, kind and the
 * body directly above it (the own unit unless the directory says another).
 */
export async function identityFileOf(codes: readonly string[] | null, at: Date = new Date()): Promise<{ bytes: Uint8Array; fileName: string; count: number }> {
  return db.transaction('r', db.units, db.settings, async () => {
    const ownCode = await getSetting('ownUnitCode');
    const own = ownCode ? await db.units.get(ownCode) : undefined;
    if (!own) throw new OperationError('Chưa có đơn vị của máy này (Cài đặt → Đơn vị của tôi).');
    const kinds = await knownUnitKinds();
    const all = await db.units.toArray();
    const byCode = new Map(all.map((u) => [u.code, u]));
    const chosen = codes === null ? all.filter((u) => u.active && u.code !== own.code) : codes.map((c) => byCode.get(c)).filter((u): u is UnitRecord => u !== undefined);
    if (chosen.length === 0) throw new OperationError('Chưa có đơn vị nào để xuất tệp thiết lập.');
    const kindOf = (u: UnitRecord) => kindOfUnit(u, kinds).id;
    const bytes = writeIdentityFile({
      issuedAt: at.toISOString(),
      issuer: { code: own.code, name: own.name, level: own.level, kind: kindOf(own), parentName: own.parentName },
      units: chosen.map((u) => {
        const parent = (u.parentCode && byCode.get(u.parentCode)) || own;
        return { code: u.code, name: u.name, level: u.level, kind: kindOf(u), parentCode: parent.code, parentName: parent.name };
      }),
    });
    return { bytes, fileName: identityFileName(own.code, codes !== null && chosen.length === 1 ? chosen[0]!.code : null), count: chosen.length };
  });
}
