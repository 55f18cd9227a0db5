/**
 * db/revision.ts (the revision stamp every writing transaction changes), db/remembered.ts and the
 * marks of complete prepared data (db/prepared-per-submission.ts), on real IndexedDB semantics
 * (fake-indexeddb).
 */
import { liveQuery } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import type { UnitReport } from '@domain/report';
import { addActivity, applySubmission, currentRevision, db, ensureSeeded, previewImport, putSetting, remembered, setItemStatus, setReportDeadline, type UnitRecord } from '@db';
import { createBackup, restoreBackup } from '@db/backup';
import { fillMissingLogRows } from '@db/log-rows';
import { fillMissingOverviewDigests } from '@db/overview-digests';
import { sampleReport } from '../support/exchange-writer-fixtures';

const PLAN = BUILTIN_PLAN.id;
const T = '2025-01-01T00:00:00.000Z';
/** remembered() writes its entry after a timer: until it is there (however busy the machine). */
const entryWritten = (key: string) => vi.waitFor(async () => expect(await db.meta.get(`remembered|${key}`)).toBeDefined(), { timeout: 10_000 });

function unit(code: string, name: string): UnitRecord {
  return { code, name, level: 'grassroots', parentName: '', type: null, members: null, contact: '', phone: '', active: true, createdAt: T, updatedAt: T };
}

async function importReport(code: string, activities: number) {
  const r: UnitReport = sampleReport(activities);
  r.unit = { ...r.unit, code, name: `CĐCS ${code}` };
  r.activities = r.activities.map((a) => ({ ...a, unitCode: code }));
  const bytes = new TextEncoder().encode(JSON.stringify(r));
  return applySubmission(await previewImport(r, bytes, `${code}.xlsx`));
}

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  await ensureSeeded();
  await db.units.bulkAdd([unit('LDLD-DMC', 'LĐLĐ huyện Dương Minh Châu'), unit('CDCS-0001', 'CĐCS Một'), unit('CDCS-0002', 'CĐCS Hai')]);
  await putSetting('ownUnitCode', 'LDLD-DMC');
});

describe('the revision stamp', () => {
  it('changes with every kind of write, whichever function makes it, and not with a read', async () => {
    const writes: [string, () => Promise<unknown>][] = [
      ['a setting', () => putSetting('lastActivityType', 'conference')],
      ['a deadline', () => setReportDeadline(PLAN, '2025-H1', '2025-06-20')],
      ['an item status', () => setItemStatus({ planId: PLAN, unitCode: 'LDLD-DMC', periodKey: '2025-H1', itemId: 'III.1.1', status: 'xong', note: '', evidence: '' })],
      ['an activity', () => addActivity({ planId: PLAN, unitCode: 'LDLD-DMC', date: '2025-03-02', itemIds: ['III.1.1'], type: 'propaganda', title: 'Hội nghị', participants: 12, indicators: {} })],
      ['an import', () => importReport('CDCS-0001', 3)],
      ['a unit, directly', () => db.units.update('CDCS-0002', { name: 'CĐCS Hai (mới)' })],
      ['a delete', () => db.units.delete('CDCS-0002')],
      ['a transaction of several writes', () => db.transaction('rw', db.units, db.settings, async () => {
        await db.units.put(unit('CDCS-0003', 'CĐCS Ba'));
        await db.settings.put({ key: 'lastActivityType', value: 'propaganda' });
      })],
    ];
    const seen = new Set<string | null>([await currentRevision()]);
    for (const [what, write] of writes) {
      await write();
      const now = await currentRevision();
      expect(now, what).toMatch(/^[0-9a-f]{24}$/);
      expect(seen.has(now), `${what}: a new stamp`).toBe(false);
      seen.add(now);
      await db.units.toArray();
      await db.transaction('r', db.plans, db.settings, () => db.plans.toArray());
      expect(await currentRevision(), `${what}: reads change nothing`).toBe(now);
    }
  });

  it('stays as it was when the writing transaction fails', async () => {
    await putSetting('lastActivityType', 'conference');
    const before = await currentRevision();
    await expect(
      db.transaction('rw', db.units, async () => {
        await db.units.put(unit('CDCS-0009', 'CĐCS Chín'));
        throw new Error('thôi');
      }),
    ).rejects.toThrow('thôi');
    expect(await currentRevision()).toBe(before);
    expect(await db.units.get('CDCS-0009')).toBeUndefined();
  });

  it('a restore writes a new one, and leaves out what was remembered', async () => {
    await importReport('CDCS-0001', 2);
    const backup = await createBackup();
    await remembered('k', [db.units], async () => 1);
    await entryWritten('k');
    const before = await currentRevision();
    await restoreBackup(backup.bytes, 'replace');
    expect(await currentRevision()).not.toBe(before);
    expect((await remembered('k', [db.units], async () => 2)).value).toBe(2);
  });
});

describe('remembered()', () => {
  it('answers from the entry until anything is written, then computes again', async () => {
    const compute = vi.fn(async () => (await db.units.count()) * 10);
    const first = await remembered('units', [db.units], compute);
    expect(first.value).toBe(30);
    await entryWritten('units');
    expect(await remembered('units', [db.units], compute)).toEqual(first);
    expect(compute).toHaveBeenCalledTimes(1);
    // A write to a table the computation does not even read: computed again all the same.
    await putSetting('lastActivityType', 'conference');
    expect((await remembered('units', [db.units], compute)).value).toBe(30);
    expect(compute).toHaveBeenCalledTimes(2);
    await db.units.put(unit('CDCS-0004', 'CĐCS Bốn'));
    expect((await remembered('units', [db.units], compute)).value).toBe(40);
    // Each key has its own entry.
    expect((await remembered('other', [db.units], async () => 'khác')).value).toBe('khác');
  });

  it('is what is answered: an entry made under the current revision is taken as it is', async () => {
    await remembered('units', [db.units], async () => 'tính');
    await entryWritten('units');
    const entry = (await db.meta.get('remembered|units'))!;
    // Writing `meta` itself changes no revision: the entry below answers.
    await db.meta.put({ ...entry, value: { ...(entry.value as object), value: 'đã nhớ' } });
    expect((await remembered('units', [db.units], async () => 'tính')).value).toBe('đã nhớ');
    // Another build's entry does not.
    await db.meta.put({ ...entry, value: { ...(entry.value as object), build: 'khác', value: 'đã nhớ' } });
    expect((await remembered('units', [db.units], async () => 'tính')).value).toBe('tính');
  });

  it('works inside a live query: its entry is written outside it, and a later write is seen', async () => {
    const values: number[] = [];
    const sub = liveQuery(async () => (await remembered('live', [db.units], async () => db.units.count())).value).subscribe({
      next: (v) => values.push(v),
      error: (e: unknown) => values.push(-1, String(e).length),
    });
    const until = (check: () => Promise<void> | void) => vi.waitFor(check, { timeout: 10_000 });
    await until(() => expect(values[0]).toBe(3));
    await db.units.put(unit('CDCS-0005', 'CĐCS Năm'));
    await until(() => expect(values.at(-1)).toBe(4));
    await until(async () => expect((await db.meta.get('remembered|live'))?.value).toMatchObject({ revision: await currentRevision(), value: 4 }));
    sub.unsubscribe();
    expect(values.filter((v) => v < 0)).toEqual([]);
    expect(values[0]).toBe(3);
  });
});

describe('complete prepared data is marked, and not looked for again', () => {
  it('marks both kinds once nothing is missing, skips the scan then, and a restore removes the marks', async () => {
    await importReport('CDCS-0001', 2);
    await db.transaction('rw', db.logKeys, db.logRows, db.overviewDigests, async () => {
      await Promise.all([db.logKeys.clear(), db.logRows.clear(), db.overviewDigests.clear()]);
    });
    expect(await fillMissingLogRows()).toBe(1);
    expect(await fillMissingOverviewDigests()).toBe(1);
    expect(await db.meta.bulkGet(['prepared|logKeys', 'prepared|overviewDigests'])).toEqual([
      { key: 'prepared|logKeys', value: true },
      { key: 'prepared|overviewDigests', value: true },
    ]);
    const scan = vi.spyOn(db.submissions, 'toCollection');
    expect(await fillMissingLogRows()).toBe(0);
    expect(await fillMissingOverviewDigests()).toBe(0);
    expect(scan).not.toHaveBeenCalled();
    scan.mockRestore();

    const backup = await createBackup();
    await restoreBackup(backup.bytes, 'replace');
    expect(await db.meta.bulkGet(['prepared|logKeys', 'prepared|overviewDigests'])).toEqual([undefined, undefined]);
    expect(await db.logKeys.count()).toBe(0);
    expect(await fillMissingLogRows()).toBe(1);
    expect(await fillMissingOverviewDigests()).toBe(1);
  });

  it('is not marked while something is still missing (cancelled)', async () => {
    await importReport('CDCS-0001', 2);
    await db.overviewDigests.clear();
    const stop = new AbortController();
    stop.abort();
    expect(await fillMissingOverviewDigests({ signal: stop.signal })).toBe(0);
    expect(await db.meta.get('prepared|overviewDigests')).toBeUndefined();
    expect(await fillMissingOverviewDigests()).toBe(1);
  });
});
