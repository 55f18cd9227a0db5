/**
 * Schema version 2: the activity log, indicator adjustments and targets, and units
 * that carry the directory's fields. Never edit once shipped: add versions/v3.ts.
 */
import type { Transaction } from 'dexie';

export const V2_STORES = {
  plans: '&id, createdAt',
  // `name` so the directory can sort without loading every record first.
  units: '&code, level, active, name',
  itemStatuses: '&[planId+unitCode+periodKey+itemId], [planId+unitCode+periodKey]',
  settings: '&key',
  // The log is read per plan (and per plan and unit); dates are 'YYYY-MM-DD' so they sort.
  activities: '&id, planId, [planId+unitCode], [planId+date], updatedAt',
  indicatorAdjustments: '&[planId+unitCode+periodKey+indicatorCode], [planId+periodKey]',
  indicatorTargets: '&[planId+unitCode+periodKey+indicatorCode], [planId+periodKey]',
} as const;

/**
 * Version 1 units had optional directory fields; version 2 stores every field (null or '').
 * Installations made by version 1 already chose their own unit (it was seeded), so they are
 * not asked again by the first-run setup.
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table('units')
    .toCollection()
    .modify((u: Record<string, unknown>) => {
      u.type = typeof u.type === 'string' && u.type !== '' ? u.type : null;
      u.members = typeof u.members === 'number' ? u.members : null;
      u.contact = typeof u.contact === 'string' ? u.contact : '';
      u.phone = typeof u.phone === 'string' ? u.phone : '';
    });
  const settings = tx.table('settings');
  const seeded = await settings.get('seededAt');
  if (seeded && !(await settings.get('setupDoneAt'))) {
    await settings.put({ key: 'setupDoneAt', value: seeded.value });
  }
}
