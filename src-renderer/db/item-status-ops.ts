/**
 * The status, note and evidence an officer records for one plan item, unit and period: ONE
 * transaction, input validated first (OperationError, Vietnamese), text stored as NFC.
 */
import { z } from 'zod';
import { findNode } from '@domain/plan-tree';
import { parsePeriodKey } from '@domain/periods';
import { cleanText } from '@domain/vn-text';
import { firstIssue, now } from './write-helpers';
import { db } from './db';
import { OperationError } from './errors';
import { checkRecord } from './record-schemas';
import { ITEM_STATUS_VALUES, type ItemStatusRecord, type ItemStatusValue } from './types';


export const MAX_NOTE_CHARS = 2000;

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
