/**
 * db/activity-read.ts: imported activities derived from the stored reports, joined with the
 * logged ones. (Import, supersede and withdrawal through these readers: import-ops.test.ts.)
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { activitySearchText } from '@domain/activity';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { materialize } from '@domain/merge';
import { liveQuery } from 'dexie';
import { ACTIVITY_TABLES, activitiesInRange, activitiesOfPlan, activitiesOfUnit, db, type SubmissionRecord } from '@db';
import { submissionUnitCodes } from '@domain/report';
import type { UnitReport } from '@domain/report';
import { testActivityRecord } from '../support/activity-fixtures';
import { sampleReport } from '../support/exchange-writer-fixtures';

const PLAN = BUILTIN_PLAN.id;
const AT = '2025-06-20T00:00:00.000Z';

function submission(n: number, state: SubmissionRecord['state'] = 'active', activities = 1): SubmissionRecord {
  const code = `CDCS-${String(n).padStart(4, '0')}`;
  const report: UnitReport = { ...sampleReport(activities), unit: { code, name: `CĐCS ${n}`, level: 'grassroots', parentName: '' } };
  return {
    id: `sub-${n}-${state}`,
    fileName: `${code}.xlsx`,
    fileHash: String(n).padStart(64, '0'),
    unitCode: code,
    unitName: report.unit.name,
    level: 'grassroots',
    planId: PLAN,
    planNumber: report.plan.number,
    planFingerprint: report.plan.fingerprint,
    periodKey: report.period.key,
    exportedAt: report.exportedAt,
    importedAt: AT,
    state,
    counts: { items: report.items.length, activities: report.activities.length, indicators: report.indicators.length },
    unitCodes: submissionUnitCodes(code, report),
    report,
  };
}

/** What the import wrote as rows before schema v5, for comparison. */
const rowsOf = (s: SubmissionRecord) =>
  materialize(s.report, s.fileHash, { unitCode: s.unitCode, planId: s.planId, periodKey: s.periodKey }, s.importedAt).activities.map((a) => ({ ...a, submissionId: s.id }));
const plain = (list: readonly { searchText: string }[]) => list.map((a) => ({ ...a, searchText: a.searchText }));

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
});

describe('imported activities, derived from the reports', () => {
  it("are the rows the import used to write, only the active submissions', with the logged ones", async () => {
    const active = submission(1, 'active', 3);
    const old = submission(1, 'superseded', 2);
    await db.submissions.bulkAdd([active, old]);
    const own = testActivityRecord({ planId: PLAN, unitCode: 'LDLD-DMC', date: '2025-03-01' });
    await db.activities.add(own);
    const all = await activitiesOfPlan(PLAN);
    expect(all).toHaveLength(4);
    expect(plain(all.filter((a) => a.submissionId))).toEqual(rowsOf(active));
    expect(all.find((a) => !a.submissionId)).toEqual(own);
    // The folded text, computed when read, is the one the import stored.
    for (const a of all) expect(a.searchText).toBe(activitySearchText(a));
    expect((await activitiesOfUnit(PLAN, active.unitCode)).map((a) => a.id).sort()).toEqual(rowsOf(active).map((a) => a.id).sort());
    const { date } = rowsOf(active)[0]!;
    expect((await activitiesInRange(PLAN, date, date)).every((a) => a.date === date)).toBe(true);
  });

  it('a plan with many active submissions is read whole, twice', async () => {
    const subs = Array.from({ length: 420 }, (_, i) => submission(i + 1));
    await db.submissions.bulkAdd(subs);
    const expected = subs.flatMap((s) => rowsOf(s).map((a) => a.id)).sort();
    expect((await activitiesOfPlan(PLAN)).map((a) => a.id).sort()).toEqual(expected);
    expect((await activitiesOfPlan(PLAN)).map((a) => a.id).sort()).toEqual(expected);
  });

  it("a province's 2,000 submissions stay remembered whole: the second read derives nothing again", { timeout: 60_000 }, async () => {
    const subs = Array.from({ length: 2000 }, (_, i) => submission(i + 1));
    await db.submissions.bulkAdd(subs);
    expect(await activitiesOfPlan(PLAN)).toHaveLength(2000);
    const bulkGet = vi.spyOn(db.submissions, 'bulkGet');
    try {
      expect(await activitiesOfPlan(PLAN)).toHaveLength(2000);
      expect(bulkGet).not.toHaveBeenCalled();
    } finally {
      bulkGet.mockRestore();
    }
  });

  it('what was derived is forgotten when the database opens again (a restore may bring other records)', async () => {
    const first = submission(7, 'active', 2);
    await db.submissions.add(first);
    expect(await activitiesOfPlan(PLAN)).toHaveLength(2);
    db.close();
    await db.delete();
    await db.open();
    // Another record under the same id (only a test does that): read from the record, not remembered.
    await db.submissions.add({ ...submission(7, 'active', 5), id: first.id });
    expect(await activitiesOfPlan(PLAN)).toHaveLength(5);
  });
});

describe('the active submissions of a plan, remembered until a submission is written', () => {
  it('a second read is the same list; filing, withdrawing or replacing a submission shows at once', async () => {
    await db.submissions.bulkAdd([submission(1, 'active', 2), submission(2, 'active', 3)]);
    const first = await activitiesOfPlan(PLAN);
    expect(first).toHaveLength(5);
    // Nothing written: the same array (the log's sorted orders are kept per array).
    expect(await activitiesOfPlan(PLAN)).toBe(first);
    await db.submissions.add(submission(3, 'active', 4));
    const filed = await activitiesOfPlan(PLAN);
    expect(filed).not.toBe(first);
    expect(filed).toHaveLength(9);
    await db.submissions.update('sub-1-active', { state: 'withdrawn' });
    expect(await activitiesOfPlan(PLAN)).toHaveLength(7);
    // An activity logged here joins the list without a submission written.
    await db.activities.add(testActivityRecord({ planId: PLAN, unitCode: 'LDLD-DMC', date: '2025-03-01' }));
    expect(await activitiesOfPlan(PLAN)).toHaveLength(8);
  });

  it('inside a write transaction, what it wrote is read, not what was remembered before', async () => {
    await db.submissions.add(submission(1, 'active', 2));
    expect(await activitiesOfPlan(PLAN)).toHaveLength(2);
    await db.transaction('rw', ACTIVITY_TABLES(), async () => {
      await db.submissions.add(submission(2, 'active', 3));
      expect(await activitiesOfPlan(PLAN)).toHaveLength(5);
      await db.submissions.update('sub-1-active', { state: 'superseded' });
      expect(await activitiesOfPlan(PLAN)).toHaveLength(3);
    });
    expect(await activitiesOfPlan(PLAN)).toHaveLength(3);
  });

  it('a live query answered from memory still runs again when a submission is filed, withdrawn or rewritten in place', async () => {
    await db.submissions.bulkAdd([submission(1, 'active', 2), submission(2, 'active', 3)]);
    await activitiesOfPlan(PLAN); // remembered before the live query starts
    const seen: number[] = [];
    /** Resolves at the live query's next answer, or after 3 s without one (the check after it then fails). */
    const next = () =>
      new Promise<void>((resolve) => {
        const at = seen.length;
        const until = Date.now() + 3000;
        const wait = () => (seen.length > at || Date.now() > until ? resolve() : setTimeout(wait, 5));
        wait();
      });
    const sub = liveQuery(() => activitiesOfPlan(PLAN)).subscribe((list) => seen.push(list.length));
    try {
      await next();
      expect(seen).toEqual([5]);
      let answered = next();
      await db.submissions.add(submission(3, 'active', 4));
      await answered;
      expect(seen.at(-1)).toBe(9);
      answered = next();
      await db.submissions.update('sub-2-active', { state: 'withdrawn' });
      await answered;
      expect(seen.at(-1)).toBe(6);
      // Rewritten in place, no index changed (a unit renamed in its stored report): still observed.
      answered = next();
      const stored = (await db.submissions.get('sub-1-active'))!;
      await db.submissions.put({ ...stored, unitName: 'CĐCS đổi tên' });
      await answered;
      expect(seen.at(-1)).toBe(6);
    } finally {
      sub.unsubscribe();
    }
  });
});
