/**
 * Schema version 7: the activity log reads prepared rows instead of deriving them.
 *
 * Two tables, written in the transaction that stores the submission (db/log-rows.ts):
 * - `logRows`: the submission's activities as the log shows them, folded search text included,
 *   in pages of a few dozen (key [submissionId+page]), so that the list's first screen reads
 *   only the pages its rows are on;
 * - `logKeys`: one record per submission (key submissionId) holding only what the first screen
 *   chooses, counts and orders by (ids, dates, units, types, items), small enough to read for a
 *   province's 2,000 submissions at once.
 * Neither is ever the only copy of anything: both are derived from the submission's report, a
 * backup leaves them out, and a submission without them is read from its report as before.
 *
 * No upgrade function: filling them for the submissions already stored needs the live rules
 * that make the ids and fold the text (domain/merge.ts, domain/activity.ts), which a frozen
 * version file may not import and must not copy. The app fills them after opening instead
 * (db/log-rows.ts fillMissingLogRows), and reads the reports meanwhile.
 *
 * Frozen: imports nothing live. Never edit once shipped: add versions/v8.ts.
 */
import { V6_STORES } from './v6';

export const V7_STORES = {
  ...V6_STORES,
  logRows: '&[submissionId+page], submissionId',
  logKeys: '&submissionId, planId',
} as const;
