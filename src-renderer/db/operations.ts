/**
 * The named operations that change stored data. Each runs as ONE Dexie transaction, validates
 * its input first (throwing OperationError with a Vietnamese message, before anything is
 * written) and stores text as NFC. Components write only through these.
 */
import { z } from 'zod';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { findNode } from '@domain/plan-tree';
import type { ParsedPlan } from '@domain/plan-types';
import {
  DEFAULT_PERIOD_CONFIG,
  PERIOD_KINDS,
  parsePeriodKey,
  validatePeriodConfig,
  type PeriodConfig,
} from '@domain/periods';
import { cleanLine } from '@domain/fields';
import { asciiSlug, cleanText } from '@domain/vn-text';
import { db } from './db';
import { OperationError } from './errors';
import { checkRecord, parsedPlanSchema } from './record-schemas';
import {
  ITEM_STATUS_VALUES,
  type Issuer,
  type ItemStatusRecord,
  type ItemStatusValue,
  type PlanRecord,
  type PlanSource,
  type SettingKey,
  type SettingValues,
  type UnitLevel,
} from './types';

export const MAX_NOTE_CHARS = 2000;

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

export const now = (): string => new Date().toISOString();

/** Every string inside `value` as stored (cleanText: NFC, no control or bidi characters). Returns a copy. */
export function nfcDeep<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map((v) => nfcDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = nfcDeep(v);
    return out as T;
  }
  return value;
}

export function firstIssue(error: z.ZodError): OperationError {
  const issue = error.issues[0];
  const field = issue?.path[0];
  return new OperationError(issue?.message ?? 'Dữ liệu không hợp lệ.', typeof field === 'string' ? field : undefined);
}

export async function putSetting<K extends SettingKey>(key: K, value: SettingValues[K]): Promise<void> {
  await db.settings.put({ key, value });
}

export async function getSetting<K extends SettingKey>(key: K): Promise<SettingValues[K] | undefined> {
  const rec = await db.settings.get(key);
  return rec?.value as SettingValues[K] | undefined;
}

// ---------------------------------------------------------------------------------------------
// Who issues the exported reports.

/** Characters kept of «Nơi ban hành» and «Người xuất» (the export forms' limit). */
export const ISSUER_MAX = 100;

/** «Nơi ban hành» and «Người xuất» as last used on this installation ('' when never given). */
export async function getIssuer(): Promise<Issuer> {
  const stored = await getSetting('issuer');
  return { place: stored?.place ?? '', exportedBy: stored?.exportedBy ?? '' };
}

/** Remembers them for the next export (of any report): one line each, NFC. */
export async function saveIssuer(issuer: Issuer): Promise<Issuer> {
  const clean = (s: string) => cleanLine(s).slice(0, ISSUER_MAX);
  const value: Issuer = { place: clean(issuer.place), exportedBy: clean(issuer.exportedBy) };
  await db.transaction('rw', db.settings, () => putSetting('issuer', value));
  return value;
}

// ---------------------------------------------------------------------------------------------
// First run.

/**
 * First open: the built-in plan (active, default period cut-offs) and the settings. The own
 * unit is NOT created here: the officer chooses it in the first-run setup (completeSetup in
 * unit-ops.ts), which also writes `ownUnitCode` and `setupDoneAt`.
 * Idempotent: a second call, or a second tab racing the first, finds `seededAt` inside its own
 * read-write transaction (IndexedDB runs overlapping read-write transactions one after the
 * other) and writes nothing. Returns true when it seeded.
 */
export async function ensureSeeded(): Promise<boolean> {
  return db.transaction('rw', db.plans, db.units, db.settings, async () => {
    if (await db.settings.get('seededAt')) return false;
    const t = now();
    if (!(await db.plans.get(BUILTIN_PLAN.id))) {
      await db.plans.add(planRecord(BUILTIN_PLAN.id, nfcDeep(BUILTIN_PLAN.plan), 'builtin', undefined, t));
    }
    if (!(await db.settings.get('activePlanId'))) await putSetting('activePlanId', BUILTIN_PLAN.id);
    await putSetting('seededAt', t);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Plans.

function planRecord(id: string, plan: ParsedPlan, source: PlanSource, fileName: string | undefined, t: string): PlanRecord {
  const title = plan.header.title?.trim() || plan.sections[0]?.text.trim() || 'Kế hoạch chưa có tên';
  return {
    id,
    number: plan.header.number?.trim() ?? '',
    title,
    source,
    ...(fileName ? { fileName } : {}),
    plan,
    periodConfig: structuredClone(DEFAULT_PERIOD_CONFIG),
    createdAt: t,
    updatedAt: t,
  };
}

const addPlanSchema = z.object({
  plan: parsedPlanSchema,
  source: z.enum(['builtin', 'paste', 'docx']),
  fileName: z.string().max(260).optional(),
  activate: z.boolean(),
});

export interface AddPlanInput {
  plan: ParsedPlan;
  source: PlanSource;
  fileName?: string;
  activate: boolean;
}

/** A new, unique plan id from the plan's number: "kh-63-kh-ldld-m3x9k2-a1b2". */
function newPlanId(number: string | null): string {
  const slug = asciiSlug(number ?? '').slice(0, 40);
  const rand = Math.random().toString(36).slice(2, 6).padEnd(4, '0');
  return `kh-${slug || 'khong-so'}-${Date.now().toString(36)}-${rand}`;
}

/** Saves a parsed plan as a new plan (default period cut-offs); returns its id. */
export async function addPlan(input: AddPlanInput): Promise<string> {
  const parsed = addPlanSchema.safeParse(input);
  if (!parsed.success) throw firstIssue(parsed.error);
  const plan = nfcDeep(input.plan);
  const fileName = input.fileName ? cleanText(input.fileName) : undefined;
  return db.transaction('rw', db.plans, db.settings, async () => {
    let id = newPlanId(plan.header.number);
    while (await db.plans.get(id)) id = newPlanId(plan.header.number);
    await db.plans.add(checkRecord('plans', planRecord(id, plan, input.source, fileName, now())));
    if (input.activate) await putSetting('activePlanId', id);
    return id;
  });
}

export async function setActivePlan(id: string): Promise<void> {
  await db.transaction('rw', db.plans, db.settings, async () => {
    if (!(await db.plans.get(id))) throw new OperationError('Không tìm thấy kế hoạch này.', 'planId');
    await putSetting('activePlanId', id);
  });
}

/** Saves a plan's reporting cut-offs after checking them (messages beside the fields). */
export async function setPeriodConfig(planId: string, config: PeriodConfig): Promise<void> {
  const errors = validatePeriodConfig(config);
  if (errors.length > 0) throw new OperationError(errors[0]!.message, errors[0]!.field);
  const clean: PeriodConfig = {
    kinds: PERIOD_KINDS.filter((k) => config.kinds.includes(k)),
    halfEnd: { day: config.halfEnd.day, month: config.halfEnd.month },
    yearEnd: { day: config.yearEnd.day, month: config.yearEnd.month },
  };
  await db.transaction('rw', db.plans, db.settings, async () => {
    // get + put rather than update(): Dexie's key-path typing of update() recurses forever
    // through the plan tree's children.
    const plan = await db.plans.get(planId);
    if (!plan) throw new OperationError('Không tìm thấy kế hoạch này.', 'planId');
    await db.plans.put({ ...plan, periodConfig: clean, updatedAt: now() });
  });
}

// ---------------------------------------------------------------------------------------------
// Item statuses.

const tooLong = (what: string) => ({ error: `${what} dài quá ${MAX_NOTE_CHARS} ký tự.` });

const itemStatusSchema = z.object({
  planId: z.string().min(1, { error: 'Chưa chọn kế hoạch.' }),
  unitCode: z.string().min(1, { error: 'Chưa chọn đơn vị.' }),
  periodKey: z.string().refine((k) => parsePeriodKey(k) !== null, { error: 'Kỳ báo cáo không hợp lệ.' }),
  itemId: z.string().min(1, { error: 'Thiếu mã nội dung.' }),
  status: z.enum(ITEM_STATUS_VALUES as [ItemStatusValue, ...ItemStatusValue[]], {
    error: 'Trạng thái không hợp lệ.',
  }),
  note: z.string().max(MAX_NOTE_CHARS, tooLong('Đánh giá')),
  evidence: z.string().max(MAX_NOTE_CHARS, tooLong('Minh chứng')),
});

export type SetItemStatusInput = Omit<ItemStatusRecord, 'updatedAt'>;

/** Records the status, note and evidence of one trackable item for a unit and period. */
export async function setItemStatus(input: SetItemStatusInput): Promise<ItemStatusRecord> {
  const nfc = {
    ...input,
    note: typeof input.note === 'string' ? cleanText(input.note) : input.note,
    evidence: typeof input.evidence === 'string' ? cleanText(input.evidence) : input.evidence,
  };
  const parsed = itemStatusSchema.safeParse(nfc);
  if (!parsed.success) throw firstIssue(parsed.error);
  const record: ItemStatusRecord = { ...parsed.data, updatedAt: now() };
  return db.transaction('rw', db.plans, db.units, db.itemStatuses, async () => {
    const plan = await db.plans.get(record.planId);
    if (!plan) throw new OperationError('Không tìm thấy kế hoạch này.', 'planId');
    const node = findNode(plan.plan, record.itemId);
    if (!node) throw new OperationError(`Kế hoạch không có nội dung ${record.itemId}.`, 'itemId');
    if (!node.trackable) throw new OperationError(`Nội dung ${record.itemId} không theo dõi trạng thái.`, 'itemId');
    if (!(await db.units.get(record.unitCode))) throw new OperationError('Không tìm thấy đơn vị này.', 'unitCode');
    await db.itemStatuses.put(checkRecord('itemStatuses', record));
    return record;
  });
}

/** The statuses one unit recorded for one plan and period. */
export function statusesOf(planId: string, unitCode: string, periodKey: string): Promise<ItemStatusRecord[]> {
  return db.itemStatuses.where('[planId+unitCode+periodKey]').equals([planId, unitCode, periodKey]).toArray();
}
