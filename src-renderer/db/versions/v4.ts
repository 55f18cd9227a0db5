/**
 * Schema version 4 (consolidation): `submissions` gains the index
 * [planId+periodKey+state], so that the consolidation and the completeness of one plan and period
 * read only that period's active submissions (each record holds its whole parsed workbook; a
 * district keeps every period's imports and their history for years), and the import history of
 * a plan or of one of its periods is a key range instead of a scan. Nothing else changes.
 * Never edit once shipped: add versions/v5.ts.
 */
import { V3_STORES } from './v3';

export const V4_STORES = {
  ...V3_STORES,
  submissions: '&id, [unitCode+planId+periodKey], [planId+periodKey+state], fileHash, importedAt',
} as const;

/** Nothing to convert: IndexedDB builds the new index from the stored records. */
export async function upgradeToV4(): Promise<void> {}
