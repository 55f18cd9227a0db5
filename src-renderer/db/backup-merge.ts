/**
 * «Gộp»: what a backup's records do to this installation's data, batch by batch, inside the
 * restore's one transaction (db/backup.ts).
 *
 * - Imported reports (submissions) are filed by the import's own rules (applyInTransaction of
 *   db/import-ops.ts, planSubmission of domain/merge.ts): per unit + plan + period one active
 *   report, the newer export wins and the other is kept as history; a report already here (same
 *   file) changes nothing. Merging another installation's backup therefore gives the state that
 *   importing its files would have given, never two active reports of one unit and period.
 *   A report the other installation withdrew comes as history only.
 * - Statuses and indicator adjustments that came from a report (submissionId) are not copied:
 *   they follow whichever report is active here, and the rules above rewrite them when the
 *   backup's report becomes active. A status or adjustment typed by hand is merged like any
 *   record below, except that it never replaces one that came from an active report (the unit's
 *   report is authoritative for its own scope, as in an import).
 * - Every other record: added when its key is new; when both sides have it, the one with the
 *   newer updatedAt wins; a table without updatedAt (settings, targets) keeps ours.
 */
import type { IndexableType, Table } from 'dexie';
import { applyInTransaction, type TxCache } from './import-ops';
import { db } from './db';
import type { SubmissionRecord } from './types';

export type MergeCounts = Record<string, number>;

/** The incoming record wins when its key is new, or when both carry updatedAt and its is newer. */
export function incomingWins(existing: unknown, incoming: unknown): boolean {
  if (existing === undefined) return true;
  const a = (existing as { updatedAt?: unknown }).updatedAt;
  const b = (incoming as { updatedAt?: unknown }).updatedAt;
  return typeof a === 'string' && typeof b === 'string' && b > a;
}

function keyOf(table: Table, record: Record<string, unknown>): IndexableType {
  const path = table.schema.primKey.keyPath!;
  if (Array.isArray(path)) return path.map((p) => record[p]) as IndexableType;
  return record[path] as IndexableType;
}

const fromReport = (r: Record<string, unknown>) => typeof r['submissionId'] === 'string';

export class BackupMerge {
  /** Records written per table (new and newer ones; reports filed as active or history). */
  readonly written: MergeCounts = {};
  /** Reports of the backup not filed, with the reason (Vietnamese). */
  readonly notFiled: { fileName: string; reason: string }[] = [];
  private cache: TxCache = { plans: new Map() };

  /** Merges one batch of `table`'s records; call inside a rw transaction over every table. */
  async apply(tableName: string, rows: Record<string, unknown>[]): Promise<void> {
    this.written[tableName] ??= 0;
    if (tableName === 'submissions') {
      for (const s of rows) await this.fileSubmission(s as unknown as SubmissionRecord);
      return;
    }
    // The plans (and own unit) a report is checked against, and the bodies a unit added from a
    // report is placed under, may have just been merged.
    if (tableName === 'plans' || tableName === 'settings' || tableName === 'units') this.cache = { plans: new Map() };
    const table = db.table(tableName);
    const derived = tableName === 'itemStatuses' || tableName === 'indicatorAdjustments';
    const incoming = derived ? rows.filter((r) => !fromReport(r)) : rows;
    if (incoming.length === 0) return;
    const existing = (await table.bulkGet(incoming.map((r) => keyOf(table, r)))) as (Record<string, unknown> | undefined)[];
    const toWrite = incoming.filter((r, i) => {
      const here = existing[i];
      if (derived && here !== undefined && fromReport(here)) return false;
      return incomingWins(here, r);
    });
    if (toWrite.length > 0) await table.bulkPut(toWrite);
    this.written[tableName] += toWrite.length;
  }

  private async fileSubmission(s: SubmissionRecord): Promise<void> {
    const scope = { unitCode: s.unitCode, planId: s.planId, periodKey: s.periodKey };
    // The same file already here (imported here too, or merged before): nothing to do.
    const same = await db.submissions
      .where('[unitCode+planId+periodKey]')
      .equals([scope.unitCode, scope.planId, scope.periodKey])
      .filter((x) => x.fileHash === s.fileHash || x.id === s.id)
      .count();
    if (same > 0 || (await db.submissions.get(s.id))) return;
    if (s.state === 'withdrawn') {
      await db.submissions.add({ ...s, unitCodes: [] });
      this.written['submissions']!++;
      return;
    }
    const r = await applyInTransaction(
      { report: s.report, fileHash: s.fileHash, fileName: s.fileName, plan: { scope } },
      // The other installation's officer already added the unit, checked the differences with
      // the plan and chose to keep older exports as history.
      { allowOlderAsHistory: true, addUnit: true, acceptMismatches: true, at: s.importedAt },
      this.cache,
    );
    if ('refused' in r) this.notFiled.push({ fileName: s.fileName, reason: r.refused });
    else if (r.outcome !== 'unchanged') this.written['submissions']!++;
  }
}
