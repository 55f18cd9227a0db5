/**
 * The log's prepared rows (domain/log-rows.ts, db/log-rows.ts): what an import stores beside each
 * submission, and the readers that take it, fall back to the report without it, and fill it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { activitySearchText } from '@domain/activity';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { LOG_PAGE_ROWS, logRowsOf, packLogKeys, packLogRows, reportSearchTexts, unpackLogKeys, unpackLogRows, type LogHead } from '@domain/log-rows';
import { materialize } from '@domain/merge';
import type { UnitReport } from '@domain/report';
import {
  activitiesOfPlan,
  applySubmission,
  db,
  ensureSeeded,
  forgetDerivedActivities,
  logHeadsOfPlan,
  previewImport,
  putSetting,
  wholeActivities,
  type SubmissionRecord,
} from '@db';
import { createBackup, restoreBackup } from '@db/backup';
import { fillMissingLogRows } from '@db/log-rows';
import { updateUnit } from '@db/unit-ops';
import { DEFAULT_ACTIVITY_SORT, filterAndSortActivities, firstActivities } from '@features/activities/activity-query';
import { testActivityRecord } from '../support/activity-fixtures';
import { numberedUnitReport, sampleReport } from '../support/exchange-writer-fixtures';

const PLAN = BUILTIN_PLAN.id;
const AT = '2025-06-20T00:00:00.000Z';
const scope = (r: UnitReport) => ({ unitCode: r.unit.code, planId: PLAN, periodKey: r.period.key });
const bytesOf = (r: UnitReport): Uint8Array => new TextEncoder().encode(JSON.stringify(r));

async function importReport(r: UnitReport): Promise<SubmissionRecord> {
  const result = await applySubmission(await previewImport(r, bytesOf(r), `${r.unit.code}.xlsx`), { addUnit: true });
  return result.submission!;
}

/** Records as plain objects (the derived ones compute searchText when read). */
const plain = <T extends { searchText: string }>(list: readonly T[]) => list.map((a) => ({ ...a, searchText: a.searchText }));
const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('packs (pure)', () => {
  const report = sampleReport(30);
  const rows = logRowsOf(report, 'f'.repeat(64), scope(report), AT);
  const base = { planId: PLAN, at: AT, submissionId: 'sub-1' };

  it('are the activities materialize gives, folded text included', () => {
    expect(rows).toEqual(materialize(report, 'f'.repeat(64), scope(report), AT).activities);
    // Folded beforehand (by a worker) or here: the same text.
    expect(logRowsOf(report, 'f'.repeat(64), scope(report), AT, reportSearchTexts(report))).toEqual(rows);
    // A list of the wrong length is not trusted.
    expect(logRowsOf(report, 'f'.repeat(64), scope(report), AT, ['x'])).toEqual(rows);
  });

  it('give back every row as stored, with its submission', () => {
    expect(unpackLogRows(packLogRows(rows), base)).toEqual(rows.map((r) => ({ ...r, submissionId: 'sub-1' })));
    expect(unpackLogRows(packLogRows([]), base)).toEqual([]);
  });

  const headFields = (h: LogHead) => ({ id: h.id, planId: h.planId, unitCode: h.unitCode, date: h.date, createdAt: h.createdAt, deletedAt: h.deletedAt, submissionId: h.submissionId, row: h.row });

  it('keys hold what the first screen orders and filters by, units per row when they differ', () => {
    const keys = packLogKeys(rows);
    expect(keys.ids).toBeInstanceOf(Uint8Array);
    const heads = unpackLogKeys(keys, base)!;
    expect(heads.map(headFields)).toEqual(rows.map((r, row) => ({ id: r.id, planId: PLAN, unitCode: r.unitCode, date: r.date, createdAt: AT, deletedAt: null, submissionId: 'sub-1', row })));
    const mixed = rows.map((r, i) => ({ ...r, unitCode: i % 2 ? 'CDCS-0001' : 'CDCS-0002' }));
    expect(unpackLogKeys(packLogKeys(mixed), base)!.map((h) => h.unitCode)).toEqual(mixed.map((r) => r.unitCode));
    // An id that is not a lowercase UUID is kept as text.
    const odd = rows.map((r, i) => ({ ...r, id: i === 3 ? r.id.toUpperCase() : r.id }));
    expect(typeof packLogKeys(odd).ids).toBe('string');
    expect(unpackLogKeys(packLogKeys(odd), base)!.map((h) => h.id)).toEqual(odd.map((r) => r.id));
  });

  it('a pack this version did not make is refused (the reader derives the rows again)', () => {
    const pack = packLogRows(rows);
    expect(unpackLogRows({ ...pack, count: pack.count + 1 }, base)).toBeNull();
    expect(unpackLogRows({ ...pack, columns: '{' }, base)).toBeNull();
    expect(unpackLogRows({ ...pack, columns: '[[]]' }, base)).toBeNull();
    const keys = packLogKeys(rows);
    expect(unpackLogKeys({ ...keys, dates: keys.dates.slice(1) }, base)).toBeNull();
    expect(unpackLogKeys({ ...keys, ids: (keys.ids as Uint8Array).slice(16) }, base)).toBeNull();
    expect(unpackLogKeys({ ...keys, units: ['CDCS-0001'] }, base)).toBeNull();
  });
});

describe('stored with each submission', () => {
  beforeEach(async () => {
    db.close();
    await db.delete();
    await db.open();
    await ensureSeeded();
    await putSetting('ownUnitCode', 'LDLD-DMC');
  });

  it('the import writes them in its transaction, in pages; the log reads the same activities from them', async () => {
    const subs = [];
    for (const [n, count] of [[1, 20], [2, LOG_PAGE_ROWS], [3, 2 * LOG_PAGE_ROWS + 1]] as const) subs.push(await importReport(numberedUnitReport(n, count)));
    expect(await db.logRows.count()).toBe(1 + 1 + 3);
    expect(await db.logKeys.count()).toBe(3);
    const expected = subs.flatMap((s) =>
      materialize(s.report, s.fileHash, { unitCode: s.unitCode, planId: s.planId, periodKey: s.periodKey }, s.importedAt).activities.map((a) => ({ ...a, submissionId: s.id })),
    );
    forgetDerivedActivities();
    expect(byId(plain(await activitiesOfPlan(PLAN)))).toEqual(byId(expected));
    // Taken from the packs, not derived: a pack's text is what the reader returns.
    const [first] = subs;
    for (const pack of await db.logRows.where('submissionId').equals(first!.id).toArray()) {
      await db.logRows.put({ ...pack, columns: pack.columns.replace(/"tuyen/g, '"TUYEN') });
    }
    forgetDerivedActivities();
    const read = await activitiesOfPlan(PLAN);
    expect(read.some((a) => a.submissionId === first!.id && a.searchText.startsWith('TUYEN'))).toBe(true);
  });

  it("the first screen's heads and rows are those of the whole list, from memory or from the keys", async () => {
    for (let n = 1; n <= 4; n++) await importReport(numberedUnitReport(n, 30 * n));
    await db.activities.add(testActivityRecord({ planId: PLAN, unitCode: 'LDLD-DMC', date: '2025-03-01' }));
    for (const fresh of [true, false]) {
      if (fresh) forgetDerivedActivities();
      const heads = await logHeadsOfPlan(PLAN);
      const whole = filterAndSortActivities(await activitiesOfPlan(PLAN), {}, DEFAULT_ACTIVITY_SORT);
      const first = firstActivities([...heads.own, ...heads.imported], {}, DEFAULT_ACTIVITY_SORT, 25)!;
      expect(first.count).toBe(whole.length);
      expect(plain(await wholeActivities(first.rows))).toEqual(plain(whole.slice(0, 25)));
    }
  });

  it('a submission without them is read from its report, and fillMissingLogRows prepares them', async () => {
    const s1 = await importReport(numberedUnitReport(1, 12));
    const s2 = await importReport(numberedUnitReport(2, 12));
    forgetDerivedActivities();
    const before = plain(await activitiesOfPlan(PLAN));
    await db.logRows.clear();
    await db.logKeys.clear();
    forgetDerivedActivities();
    expect(plain(await activitiesOfPlan(PLAN))).toEqual(before);
    forgetDerivedActivities();
    const heads = await logHeadsOfPlan(PLAN);
    expect(heads.imported).toHaveLength(24);
    expect(await fillMissingLogRows()).toBe(2);
    expect((await db.logKeys.toCollection().primaryKeys()).sort()).toEqual([s1.id, s2.id].sort());
    expect(await fillMissingLogRows()).toBe(0);
    forgetDerivedActivities();
    expect(plain(await activitiesOfPlan(PLAN))).toEqual(before);
    for (const a of await activitiesOfPlan(PLAN)) expect(a.searchText).toBe(activitySearchText(a));
  });

  it('a page missing (never written whole, or damaged) sends the reader to the report', async () => {
    const s = await importReport(numberedUnitReport(1, LOG_PAGE_ROWS + 10));
    forgetDerivedActivities();
    const before = plain(await activitiesOfPlan(PLAN));
    await db.logRows.delete([s.id, 0]);
    forgetDerivedActivities();
    expect(plain(await activitiesOfPlan(PLAN))).toEqual(before);
    forgetDerivedActivities();
    const heads = await logHeadsOfPlan(PLAN);
    expect(plain(await wholeActivities(heads.imported))).toEqual(before);
  });

  it('a unit whose code changes has its rows prepared again under the new code', async () => {
    const s = await importReport(numberedUnitReport(1, 5));
    const unit = (await db.units.get(s.unitCode))!;
    await updateUnit(unit.code, { ...unit, code: 'CDCS-9001' });
    const keys = unpackLogKeys((await db.logKeys.get(s.id))!, { planId: PLAN, at: s.importedAt, submissionId: s.id })!;
    expect(new Set(keys.map((k) => k.unitCode))).toEqual(new Set(['CDCS-9001']));
    const read = (await activitiesOfPlan(PLAN)).filter((a) => a.submissionId === s.id);
    expect(read.map((a) => a.id).sort()).toEqual(keys.map((k) => k.id).sort());
  });

  it('a backup leaves them out; a restore clears them, and they are prepared again', async () => {
    await importReport(numberedUnitReport(1, 8));
    await importReport(numberedUnitReport(2, 8));
    forgetDerivedActivities();
    const before = plain(await activitiesOfPlan(PLAN));
    const backup = await createBackup();
    const text = new TextDecoder().decode(backup.bytes);
    expect(text).not.toContain('"logRows"');
    expect(backup.counts).not.toHaveProperty('logRows');
    await restoreBackup(backup.bytes, 'replace');
    expect(await db.logRows.count()).toBe(0);
    expect(plain(await activitiesOfPlan(PLAN))).toEqual(before);
    expect(await fillMissingLogRows()).toBe(2);
    forgetDerivedActivities();
    expect(plain(await activitiesOfPlan(PLAN))).toEqual(before);
    // «Gộp» files through the import, which prepares them itself.
    db.close();
    await db.delete();
    await db.open();
    await restoreBackup(backup.bytes, 'merge');
    expect(await db.logKeys.count()).toBe(2);
    expect(await db.logRows.count()).toBe(2);
  });
});
