/**
 * Schema version 8: «Tổng quan» reads a digest per submission instead of every whole report.
 *
 * One table, `overviewDigests` (key submissionId), written in the transaction that stores the
 * submission (db/overview-digests.ts): what the overview's figures need of the report, a few
 * kilobytes instead of the report's ~90. Read a period at a time ([planId+periodKey]: one request
 * for a province's 2,000, where a lookup per submission would be 2,000). Never the only copy of anything: derived from the
 * submission's report, left out of a backup, and a submission without one is read whole.
 *
 * No upgrade function: a digest is made by the live consolidation rules (domain/consolidate.ts),
 * which a frozen version file may not import and must not copy. The app makes the missing ones
 * after opening (fillMissingOverviewDigests), and reads the reports meanwhile.
 *
 * Frozen: imports nothing live. Never edit once shipped: add versions/v9.ts.
 */
import { V7_STORES } from './v7';

export const V8_STORES = {
  ...V7_STORES,
  overviewDigests: '&submissionId, [planId+periodKey]',
} as const;
