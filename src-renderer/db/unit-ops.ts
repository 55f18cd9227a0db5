/**
 * Named operations on units: the first-run setup and the directory of subordinate units.
 * Each is ONE transaction, validates with unitInputSchema first (Vietnamese messages naming the
 * field; OperationError.field says which) and stores text as NFC. Code rules: domain/units.ts.
 */
import { z } from 'zod';
import {
  childLevelOf,
  codeConflictMessage,
  findCodeConflict,
  generateUnitCode,
  normalizeUnitCode,
  suggestCodeFromName,
  unitInputSchema,
  type UnitInput,
} from '@domain/units';
import { ACTIVITY_TABLES, unitCodesWithActivities, unitHasActivities } from './activity-read';
import { db } from './db';
import { OperationError } from './errors';
import { DEFAULT_OWN_UNIT, firstIssue, getSetting, nfcDeep, now, putSetting } from './operations';
import type { UnitRecord } from './types';

/** What a form or a file gives for a unit (before validation). */
export type UnitFormInput = z.input<typeof unitInputSchema>;

/** The first-run form: who this installation belongs to. */
export interface SetupInput {
  level: string;
  name: string;
  /** '' → suggested from the name (suggestCodeFromName). */
  code: string;
  parentName: string;
}

export const DEFAULT_SETUP: SetupInput = { ...DEFAULT_OWN_UNIT };

export const UNIT_HAS_DATA_MESSAGE = 'Đơn vị đã có dữ liệu, chỉ có thể ngừng hoạt động';
export const CODE_LOCKED_MESSAGE =
  'Mã đơn vị: đơn vị đã có dữ liệu (trạng thái, hoạt động) ghi theo mã này nên không đổi được mã; mã là định danh trong các tệp đã trao đổi';
export const OWN_UNIT_MESSAGE = 'Đây là đơn vị của mình: sửa trong Cài đặt, không ngừng hoạt động hay xóa được';

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
// First run.

/**
 * Saves who this installation belongs to: the own unit, `ownUnitCode` and `setupDoneAt`, together.
 * A second call after setup (a second window finishing the same form) changes nothing when it
 * names the same unit, and is refused otherwise: later changes go through updateOwnUnit.
 */
export async function completeSetup(input: SetupInput): Promise<UnitRecord> {
  const parsed = parseUnit({ ...input, active: true });
  const code = parsed.code || suggestCodeFromName(parsed.name) || generateUnitCode(parsed.level, []);
  return db.transaction('rw', db.units, db.settings, async () => {
    if (await getSetting('setupDoneAt')) {
      const ownCode = await getSetting('ownUnitCode');
      const own = ownCode ? await db.units.get(ownCode) : undefined;
      if (own && own.code === code) return own;
      throw new OperationError('Ứng dụng đã được thiết lập (có thể ở một cửa sổ khác). Đổi đơn vị của mình trong Cài đặt.');
    }
    const t = now();
    const old = await db.units.get(code);
    const record: UnitRecord = {
      ...(old ?? { type: null, members: null, contact: '', phone: '', createdAt: t }),
      code,
      name: parsed.name,
      level: parsed.level,
      parentName: parsed.parentName,
      active: true,
      updatedAt: t,
    };
    await db.units.put(record);
    await putSetting('ownUnitCode', code);
    await putSetting('setupDoneAt', t);
    return record;
  });
}

// ---------------------------------------------------------------------------------------------
// The directory.

/** Level and parent body of new directory units when the input does not say: below the own unit. */
async function directoryDefaults(): Promise<{ level: string; parentName: string }> {
  const ownCode = await getSetting('ownUnitCode');
  const own = ownCode ? await db.units.get(ownCode) : undefined;
  return { level: (own && childLevelOf(own.level)) ?? 'grassroots', parentName: own?.name ?? '' };
}

/** Adds a unit; an empty code is generated (CDCS-0001…). A code already used is refused. */
export async function addUnit(input: UnitFormInput): Promise<UnitRecord> {
  const defaults = await directoryDefaults();
  const parsed = parseUnit({
    ...input,
    level: input.level ?? defaults.level,
    parentName: input.parentName ?? defaults.parentName,
  });
  return db.transaction('rw', db.units, db.settings, async () => {
    const units = await db.units.toArray();
    const code = parsed.code || generateUnitCode(parsed.level, units.map((u) => u.code));
    const holder = findCodeConflict(units, { code });
    if (holder) throw new OperationError(codeConflictMessage(holder), 'code');
    const t = now();
    const record: UnitRecord = { ...parsed, code, createdAt: t, updatedAt: t };
    await db.units.add(record);
    return record;
  });
}

/**
 * Edits a directory unit. Its code can change only while nothing is filed under it (statuses,
 * activities): the code is its identity in exchanged files. Not for the own unit (updateOwnUnit).
 */
export async function updateUnit(code: string, input: UnitFormInput): Promise<UnitRecord> {
  const parsed = parseUnit(input);
  return db.transaction(
    'rw',
    [db.units, db.settings, db.itemStatuses, ...ACTIVITY_TABLES(), db.indicatorAdjustments],
    async () => {
      const old = await db.units.get(code);
      if (!old) throw notFound();
      if ((await getSetting('ownUnitCode')) === code) throw new OperationError(OWN_UNIT_MESSAGE);
      const newCode = parsed.code || old.code;
      if (newCode !== old.code) {
        if (await hasData(old.code)) throw new OperationError(CODE_LOCKED_MESSAGE, 'code');
        const holder = findCodeConflict(await db.units.toArray(), { code: newCode }, old.code);
        if (holder) throw new OperationError(codeConflictMessage(holder), 'code');
        await db.units.delete(old.code);
      }
      const record: UnitRecord = { ...old, ...parsed, code: newCode, createdAt: old.createdAt, updatedAt: now() };
      await db.units.put(record);
      return record;
    },
  );
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
  unit: UnitInput | null;
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
    const t = now();
    const records: UnitRecord[] = [];
    for (const { row, unit } of writes) {
      const old = await db.units.get(unit.code);
      if (unit.code === ownCode) {
        throw new OperationError(`Dòng ${row.rowNumber}: «${unit.code}» là mã của đơn vị mình. Chưa ghi đơn vị nào.`);
      }
      if (row.action === 'add' && old) {
        throw new OperationError(`Dòng ${row.rowNumber}: ${codeConflictMessage(old)} (vừa được thêm). Hãy xem trước lại.`);
      }
      if (row.action === 'update' && !old) {
        throw new OperationError(`Dòng ${row.rowNumber}: không còn đơn vị mã «${unit.code}». Hãy xem trước lại.`);
      }
      records.push({ ...(old ?? {}), ...unit, createdAt: old?.createdAt ?? t, updatedAt: t });
    }
    await db.units.bulkPut(records);
    return {
      added: rows.filter((r) => r.action === 'add').length,
      updated: rows.filter((r) => r.action === 'update').length,
      unchanged: rows.filter((r) => r.action === 'unchanged').length,
    };
  });
}
