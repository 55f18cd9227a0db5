/**
 * Named operations of the activity log (nhật ký hoạt động). Each is ONE Dexie transaction; input
 * is validated with activityInputSchema before anything is written (OperationError with a
 * Vietnamese message and the field it belongs beside), text is stored NFC, and the folded
 * `searchText` is recomputed on every write so that the list never folds at query time.
 */
import type { z } from 'zod';
import {
  activityInputSchema,
  activitySearchText,
  applyActivityEdit,
  createActivity,
  looksLikeDuplicate,
  parseActivityDate,
  restoreActivity as restoredCopy,
  softDeleteActivity,
  type Activity,
  type ActivityInput,
} from '@domain/activity';
import { mergeIndicatorDefs, STANDARD_INDICATORS } from '@domain/indicators';
import { findNode } from '@domain/plan-tree';
import { normalizeUnitCode } from '@domain/units';
import { toNfc } from '@domain/vn-text';
import { activitiesOfUnit } from './activity-read';
import { db } from './db';
import { OperationError } from './errors';
import { nfcDeep, now } from './write-helpers';
import { checkRecord } from './record-schemas';
import type { ActivityRecord, PlanRecord } from './types';

/** What a form or a file gives: strings as typed; the schema turns them into an ActivityInput. */
export type ActivityFormInput = z.input<typeof activityInputSchema>;


/** Validates form input; the first problem becomes an OperationError naming its field. */
export function parseActivityInput(input: ActivityFormInput): ActivityInput {
  const parsed = activityInputSchema.safeParse(nfcDeep(input));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path[0];
  throw new OperationError(issue?.message ?? 'Dữ liệu không hợp lệ.', typeof field === 'string' ? field : undefined);
}

function withSearch(a: Activity): ActivityRecord {
  return { ...a, searchText: activitySearchText(a) };
}

/** The references of a validated input (plan, trackable items, unit, indicators) exist. */
async function checkReferences(input: ActivityInput): Promise<PlanRecord> {
  const plan = await db.plans.get(input.planId);
  if (!plan) throw new OperationError('Kế hoạch: không tìm thấy kế hoạch này', 'planId');
  for (const id of input.itemIds) {
    const node = findNode(plan.plan, id);
    if (!node) throw new OperationError(`Nhiệm vụ: kế hoạch không có nhiệm vụ ${id}`, 'itemIds');
    if (!node.trackable) throw new OperationError(`Nhiệm vụ: ${id} không phải nhiệm vụ được theo dõi`, 'itemIds');
  }
  if (!(await db.units.get(input.unitCode))) throw new OperationError('Đơn vị: không tìm thấy đơn vị này', 'unitCode');
  const codes = Object.keys(input.indicators);
  if (codes.length > 0) {
    const known = new Set(mergeIndicatorDefs(STANDARD_INDICATORS, plan.extraIndicators ?? []).map((d) => d.code));
    const unknown = codes.find((c) => !known.has(c));
    if (unknown) throw new OperationError(`Chỉ tiêu: kế hoạch không có chỉ tiêu «${unknown}»`, 'indicators');
  }
  return plan;
}

async function existing(id: string): Promise<ActivityRecord> {
  const rec = await db.activities.get(id);
  if (!rec) throw new OperationError('Không tìm thấy hoạt động này (có thể đã bị xóa vĩnh viễn).', 'id');
  return rec;
}

/** Logs a new activity; remembers its type as the entry form's next default. */
export async function addActivity(input: ActivityFormInput): Promise<ActivityRecord> {
  const data = parseActivityInput(input);
  return db.transaction('rw', [db.plans, db.units, db.activities, db.settings], async () => {
    await checkReferences(data);
    const record = withSearch(createActivity(data, now()));
    await db.activities.add(checkRecord('activities', record));
    await db.settings.put({ key: 'lastActivityType', value: record.type });
    return record;
  });
}

/** Replaces an activity's fields; its id and creation time stay, deleted or not. */
export async function updateActivity(id: string, input: ActivityFormInput): Promise<ActivityRecord> {
  const data = parseActivityInput(input);
  return db.transaction('rw', [db.plans, db.units, db.activities, db.settings], async () => {
    const old = await existing(id);
    await checkReferences(data);
    const record = withSearch(applyActivityEdit(old, data, now()));
    await db.activities.put(checkRecord('activities', record));
    await db.settings.put({ key: 'lastActivityType', value: record.type });
    return record;
  });
}

/** Soft delete: the activity goes to the trash (deletedAt) and can be restored. */
export function deleteActivity(id: string): Promise<ActivityRecord> {
  return rewriteActivity(id, softDeleteActivity);
}

/** Undo of a delete, or "Khôi phục" from the trash. */
export function restoreActivity(id: string): Promise<ActivityRecord> {
  return rewriteActivity(id, restoredCopy);
}

/** One stored activity through `change` (domain/activity.ts), written only when it changed. */
function rewriteActivity(id: string, change: (old: ActivityRecord, at: string) => Activity): Promise<ActivityRecord> {
  return db.transaction('rw', db.activities, async () => {
    const old = await existing(id);
    const record = withSearch(change(old, now()));
    if (record !== old) await db.activities.put(record);
    return record;
  });
}

/** Permanent removal; only an activity already in the trash can be purged. */
export async function purgeActivity(id: string): Promise<void> {
  await db.transaction('rw', db.activities, async () => {
    const old = await existing(id);
    if (old.deletedAt === null) {
      throw new OperationError('Chỉ xóa vĩnh viễn được hoạt động đã ở trong thùng rác.', 'id');
    }
    await db.activities.delete(id);
  });
}

/** What the duplicate check needs: the plan, the unit, the date as typed, the title, and the id when editing. */
export interface DuplicateQuery {
  planId: string;
  unitCode: string;
  date: string;
  title: string;
  id?: string;
}

/**
 * Live activities of the same plan and unit that look like this one (same date, same title
 * ignoring accents, case and punctuation). Empty when the date or title is not usable yet.
 */
export async function findDuplicates(query: DuplicateQuery): Promise<ActivityRecord[]> {
  const date = parseActivityDate(query.date ?? '');
  const unitCode = normalizeUnitCode(query.unitCode ?? '');
  if (!date.ok || unitCode === '' || !query.title?.trim()) return [];
  const sameUnit = await activitiesOfUnit(query.planId, unitCode);
  const candidate = { unitCode, date: date.date, title: toNfc(query.title), ...(query.id ? { id: query.id } : {}) };
  return looksLikeDuplicate(candidate, sameUnit) as ActivityRecord[];
}
