/**
 * Schema version 3: import history. `submissions` holds every imported workbook
 * (db/import-ops.ts): one per file, keyed by a UUID, found by unit + plan + period, by the file's
 * SHA-256 and by import time. Activities and statuses that came from a submission carry its id
 * (`submissionId`, not indexed: they are always read per plan and unit first). The other tables
 * are unchanged. Never edit once shipped: add versions/v4.ts.
 */
import { V2_STORES } from './v2';

export const V3_STORES = {
  ...V2_STORES,
  submissions: '&id, [unitCode+planId+periodKey], fileHash, importedAt',
} as const;

/** Nothing to convert: the new table starts empty and the new record fields are optional. */
export async function upgradeToV3(): Promise<void> {}
