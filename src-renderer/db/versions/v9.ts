/**
 * Schema version 9: a table `meta` (key → value) for what the database records about itself,
 * never an officer's data: the revision stamp that every transaction writing anything else
 * changes, and figures remembered under a revision (db/remembered.ts), so that a province's
 * «Tổng quan» at start is one read instead of 2,000 digests.
 *
 * No upgrade function: an empty table is a database whose figures are not remembered yet. Left
 * out of backups, like every derived table.
 *
 * Frozen: imports nothing live. Never edit once shipped: add versions/v10.ts.
 */
import { V8_STORES } from './v8';

export const V9_STORES = {
  ...V8_STORES,
  meta: 'key',
} as const;
