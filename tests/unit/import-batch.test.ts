/**
 * Import beyond one file: applyBatch (many files in ONE transaction, progress,
 * cancel, a failure mid-batch), consolidated workbooks (a province importing its districts'
 * files), older exports kept as history in a batch, and the plan choice (suggestedPlanId,
 * previewImportAs). Real Dexie over fake-indexeddb; every "nothing changed" check compares every
 * table, row by row.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import {
  activitiesOfPlan,
  applyBatch,
  applySubmission,
  db,
  ensureSeeded,
  previewImport,
  previewImportAs,
  previewImports,
  putSetting,
  withdrawSubmission,
  type BatchProgress,
  type ImportPreview,
  type UnitRecord,
} from '@db';
import { STATUS_COUNT_KEYS, type ConsolidatedReport, type StatusCounts, type UnitReport } from '@domain/report';
import { numberedUnitReport, sampleActivities, sampleReport } from '../support/exchange-writer-fixtures';

const PLAN = BUILTIN_PLAN.id;
const T = '2025-01-01T00:00:00.000Z';

function unit(code: string, name: string, level: UnitRecord['level']): UnitRecord {
  return { code, name, level, parentName: '', type: null, members: null, contact: '', phone: '', active: true, createdAt: T, updatedAt: T };
}

const bytesOf = (r: UnitReport): Uint8Array => new TextEncoder().encode(JSON.stringify(r));

async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

const zeroCounts = (): StatusCounts => Object.fromEntries(STATUS_COUNT_KEYS.map((k) => [k, 0])) as StatusCounts;

/**
 * A district's consolidated report (what helper A's reader returns for kind 'consolidated'):
 * two CĐCS, `perUnit` activities each, each keeping its own unitCode.
 */
function consolidatedReport(district = 'LDLD-TB', perUnit = 3, at = '2025-06-20T03:00:00.000Z'): ConsolidatedReport {
  const base = sampleReport(0);
  const ids = base.items.map((i) => i.id);
  const contributors = [`${district}-CS1`, `${district}-CS2`];
  const activities = contributors.flatMap((code) => sampleActivities(perUnit, ids, code).map((a, i) => ({ ...a, id: `${code}-act-${i}` })));
  return {
    ...base,
    kind: 'consolidated',
    formatVersion: 2,
    unit: { code: district, name: `LĐLĐ huyện ${district}`, level: 'district', parentName: 'LĐLĐ tỉnh Tây Ninh' },
    exportedAt: at,
    items: base.items.map((i) => ({ ...i, status: null, note: '', evidence: '', activityCount: activities.filter((a) => a.itemIds.includes(i.id)).length })),
    activities,
    indicators: base.indicators.map((i) => ({ ...i, adjustment: 0, adjustmentReason: '' })),
    consolidation: {
      deadline: '',
      items: base.items.map((i) => ({ id: i.id, groupTitle: i.groupTitle, text: i.text, counts: { ...zeroCounts(), xong: 2 }, activityCount: 0 })),
      units: contributors.map((code) => ({ unitCode: code, unitName: `CĐCS ${code}`, level: 'grassroots', reports: 1, activityCount: perUnit, values: {} })),
      completeness: [],
      unitNames: Object.fromEntries(contributors.map((c) => [c, `CĐCS ${c}`])),
    },
  };
}

const preview = (r: UnitReport, name = `${r.unit.code}.xlsx`): Promise<ImportPreview> => previewImport(r, bytesOf(r), name);

/** Imported activities of the plan, by submission. */
async function importedActivities() {
  return (await activitiesOfPlan(PLAN)).filter((a) => a.submissionId !== undefined);
}

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  await ensureSeeded();
  await db.units.bulkAdd([
    unit('LDLD-DMC', 'LĐLĐ huyện Dương Minh Châu', 'district'),
    ...Array.from({ length: 12 }, (_, i) => unit(`CDCS-${1000 + i}`, `CĐCS số ${i}`, 'grassroots')),
  ]);
  await putSetting('ownUnitCode', 'LDLD-DMC');
  vi.restoreAllMocks();
});

describe('applyBatch', () => {
  it('applies every file in one go, reports progress per file and a result per file', async () => {
    const previews = await Promise.all(Array.from({ length: 10 }, (_, i) => preview(numberedUnitReport(i, 3))));
    const seen: BatchProgress[] = [];
    const out = await applyBatch(
      previews.map((p) => ({ preview: p })),
      { onProgress: (p) => seen.push(p) },
    );
    expect(out.status).toBe('done');
    expect(out.files.map((f) => f.ok && f.result.outcome)).toEqual(Array(10).fill('applied'));
    expect(seen.map((p) => p.done)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(seen[3]).toEqual({ done: 3, total: 10, fileName: 'CDCS-1003.xlsx' });
    expect(await db.submissions.count()).toBe(10);
    expect(await importedActivities()).toHaveLength(30);
    // Idempotent: the same batch again writes nothing at all.
    const before = await snapshot();
    const again = await applyBatch(previews.map((p) => ({ preview: p })));
    expect(again.files.map((f) => f.ok && f.result.outcome)).toEqual(Array(10).fill('unchanged'));
    expect(await snapshot()).toEqual(before);
  });

  it('cancel mid-batch: the database is exactly as before, every table', async () => {
    await applySubmission(await preview(numberedUnitReport(0, 2)));
    const previews = await Promise.all(Array.from({ length: 8 }, (_, i) => preview(numberedUnitReport(i, 4, '2025-06-15T00:00:00.000Z'))));
    const before = await snapshot();
    const controller = new AbortController();
    let progressed = 0;
    const out = await applyBatch(
      previews.map((p) => ({ preview: p })),
      {
        signal: controller.signal,
        onProgress: (p) => {
          progressed = p.done;
          if (p.done === 5) controller.abort();
        },
      },
    );
    expect(out).toEqual({ status: 'cancelled', files: [] });
    expect(progressed).toBe(5);
    expect(await snapshot()).toEqual(before);
    // A signal aborted before the start does nothing either.
    expect(await applyBatch([{ preview: previews[1]! }], { signal: AbortSignal.abort() })).toEqual({ status: 'cancelled', files: [] });
    expect(await snapshot()).toEqual(before);
  });

  it('a failure injected mid-batch (after three files were written) leaves the database as it was', async () => {
    const previews = await Promise.all(Array.from({ length: 6 }, (_, i) => preview(numberedUnitReport(i, 3))));
    const before = await snapshot();
    await expect(
      applyBatch(
        previews.map((p) => ({ preview: p })),
        {
          afterFile: (i) => {
            if (i === 2) throw new Error('mất điện');
          },
        },
      ),
    ).rejects.toThrow('mất điện');
    expect(await snapshot()).toEqual(before);
    // A database error inside a file (its statuses cannot be written) too: files filed one by
    // one here, so that the fourth file's statuses are the fourth write of them.
    let calls = 0;
    const real = db.itemStatuses.bulkPut.bind(db.itemStatuses);
    vi.spyOn(db.itemStatuses, 'bulkPut').mockImplementation(((...args: Parameters<typeof real>) =>
      ++calls === 4 ? Promise.reject(new Error('ổ đĩa đầy')) : real(...args)) as never);
    await expect(applyBatch(previews.map((p) => ({ preview: p })), { groupFiles: 1 })).rejects.toThrow('ổ đĩa đầy');
    expect(calls).toBe(4);
    expect(await snapshot()).toEqual(before);
  });

  it('a refused file writes nothing and the others land; order in the batch never matters', async () => {
    const oldR = numberedUnitReport(1, 2, '2025-06-10T00:00:00.000Z');
    const newR = numberedUnitReport(1, 5, '2025-06-12T00:00:00.000Z');
    const stranger = numberedUnitReport(1, 1);
    stranger.unit = { code: 'CDCS-LA', name: 'CĐCS Lạ', level: 'grassroots', parentName: '' };
    const entries = [{ preview: await preview(newR, 'moi.xlsx') }, { preview: await preview(oldR, 'cu.xlsx') }, { preview: await preview(stranger, 'la.xlsx') }];
    const out = await applyBatch(entries);
    expect(out.files.map((f) => (f.ok ? f.result.outcome : f.message))).toEqual([
      'applied',
      expect.stringMatching(/xuất trước báo cáo đang dùng/),
      expect.stringMatching(/CDCS-LA \(CĐCS Lạ\) chưa có trong danh sách đơn vị/),
    ]);
    expect(await db.units.get('CDCS-LA')).toBeUndefined();
    const subs = await db.submissions.toArray();
    expect(subs.map((s) => [s.fileName, s.state])).toEqual([['moi.xlsx', 'active']]);
    expect((await importedActivities()).length).toBe(5);
  });

  it('an older export kept as history (allowOlderAsHistory) never overwrites the newer one, even applied before it in the same batch', async () => {
    const oldR = numberedUnitReport(2, 2, '2025-06-10T00:00:00.000Z');
    const newR = numberedUnitReport(2, 5, '2025-06-12T00:00:00.000Z');
    const pOld = await preview(oldR, 'cu.xlsx');
    const pNew = await preview(newR, 'moi.xlsx');
    // The old one first: it lands as 'new', then the newer one supersedes it.
    let out = await applyBatch([
      { preview: pOld, options: { allowOlderAsHistory: true } },
      { preview: pNew, options: { allowOlderAsHistory: true } },
    ]);
    expect(out.files.map((f) => f.ok && [f.result.outcome, f.result.decision])).toEqual([
      ['applied', 'new'],
      ['applied', 'supersedes'],
    ]);
    const data = (await importedActivities()).map((a) => a.title).sort();
    expect(data).toHaveLength(5);
    // Fresh database, the other order: the old one becomes history only.
    await db.submissions.clear();
    await db.itemStatuses.clear();
    await db.indicatorAdjustments.clear();
    out = await applyBatch([{ preview: pNew }, { preview: pOld, options: { allowOlderAsHistory: true } }]);
    expect(out.files.map((f) => f.ok && f.result.outcome)).toEqual(['applied', 'history']);
    expect((await importedActivities()).map((a) => a.title).sort()).toEqual(data);
    const subs = (await db.submissions.toArray()).sort((x, y) => x.fileName.localeCompare(y.fileName));
    expect(subs.map((s) => [s.fileName, s.state])).toEqual([
      ['cu.xlsx', 'superseded'],
      ['moi.xlsx', 'active'],
    ]);
  });
});

describe('a batch filed in groups', () => {
  it('previewImports of many files gives what previewImport gives file by file', async () => {
    await applySubmission(await preview(numberedUnitReport(1, 3, '2025-06-10T00:00:00.000Z')), { addUnit: true });
    const reports = [numberedUnitReport(1, 4, '2025-06-12T00:00:00.000Z'), numberedUnitReport(2, 2), numberedUnitReport(1, 3, '2025-06-10T00:00:00.000Z')];
    const alone = await Promise.all(reports.map((r, i) => preview(r, `${i}.xlsx`)));
    const together = await previewImports(await Promise.all(reports.map(async (r, i) => ({ report: r, fileHash: (await preview(r, `${i}.xlsx`)).fileHash, fileName: `${i}.xlsx` }))));
    expect(together).toEqual(alone);
    expect(together.map((p) => p.plan.decision)).toEqual(['supersedes', 'new', 'identical']);
  });

  it('two files of one unknown unit (two periods) in one group: the unit is added once, both are filed', async () => {
    const h1 = numberedUnitReport(7, 2);
    const year = numberedUnitReport(7, 3);
    year.period = { key: '2025-Y', name: 'Năm 2025', start: '2024-12-15', end: '2025-12-14' };
    const out = await applyBatch([h1, year].map((r, i) => ({ preview: { report: r, fileHash: `h${i}`, fileName: `${i}.xlsx`, plan: { scope: { unitCode: r.unit.code, planId: PLAN, periodKey: r.period.key } } }, options: { addUnit: true } })));
    expect(out.files.map((f) => f.ok && f.result.outcome)).toEqual(['applied', 'applied']);
    expect(await db.units.where('code').equals('CDCS-1007').count()).toBe(1);
    expect((await db.submissions.toArray()).map((s) => s.periodKey).sort()).toEqual(['2025-H1', '2025-Y']);
  });

  it('two files of one scope in a batch are never filed from the same read: the second sees the first', async () => {
    const first = numberedUnitReport(8, 2, '2025-06-10T00:00:00.000Z');
    const second = numberedUnitReport(8, 4, '2025-06-12T00:00:00.000Z');
    const out = await applyBatch([
      { preview: await preview(first, 'a.xlsx'), options: { addUnit: true } },
      { preview: await preview(second, 'b.xlsx'), options: { addUnit: true } },
    ]);
    expect(out.files.map((f) => f.ok && [f.result.outcome, f.result.decision])).toEqual([
      ['applied', 'new'],
      ['applied', 'supersedes'],
    ]);
    const subs = (await db.submissions.toArray()).sort((x, y) => x.fileName.localeCompare(y.fileName));
    expect(subs.map((s) => [s.fileName, s.state])).toEqual([
      ['a.xlsx', 'superseded'],
      ['b.xlsx', 'active'],
    ]);
    expect(await importedActivities()).toHaveLength(4);
  });
});

describe('consolidated reports (a province imports its districts)', () => {
  beforeEach(async () => {
    await db.units.add(unit('LDLD-TINH', 'LĐLĐ tỉnh Tây Ninh', 'province'));
    await putSetting('ownUnitCode', 'LDLD-TINH');
  });

  it('previews and applies like a unit report: activities keep their CĐCS, no statuses or adjustments', async () => {
    const r = consolidatedReport('LDLD-TB', 3);
    const p = await preview(r, 'TongHop_TB.xlsx');
    expect(p.plan.decision).toBe('new');
    expect(p.plan.scope).toEqual({ unitCode: 'LDLD-TB', planId: PLAN, periodKey: '2025-H1' });
    expect(p.plan.activityDiff.new).toHaveLength(6);
    expect(p.plan.statusDiff).toEqual({ new: [], changed: [], unchanged: [], gone: [] });
    expect(p.unitKnown).toBe(false);
    expect(p.mismatches?.allMatched).toBe(true);
    await expect(applySubmission(p)).rejects.toThrow(/LDLD-TB .* chưa có trong danh sách đơn vị/);
    const { submission } = await applySubmission(p, { addUnit: true });
    // The lower body is added with the level the file gives.
    expect(await db.units.get('LDLD-TB')).toMatchObject({ level: 'district', name: 'LĐLĐ huyện LDLD-TB', active: true });
    expect(submission).toMatchObject({ unitCode: 'LDLD-TB', level: 'district', state: 'active', counts: { activities: 6 } });
    expect(submission!.report.consolidation).toEqual(r.consolidation);
    const acts = await importedActivities();
    expect(acts).toHaveLength(6);
    expect(new Set(acts.map((a) => a.unitCode))).toEqual(new Set(['LDLD-TB-CS1', 'LDLD-TB-CS2']));
    expect(acts.every((a) => a.submissionId === submission!.id && a.planId === PLAN)).toBe(true);
    expect(await db.itemStatuses.count()).toBe(0);
    expect(await db.indicatorAdjustments.count()).toBe(0);
    // The same file again: identical, nothing changes.
    const before = await snapshot();
    const again = await preview(structuredClone(r), 'TongHop_TB (1).xlsx');
    expect(again.plan.decision).toBe('identical');
    expect(again.plan.activityDiff.unchanged).toHaveLength(6);
    expect((await applySubmission(again)).outcome).toBe('unchanged');
    expect(await snapshot()).toEqual(before);
  });

  it('a newer consolidation supersedes (its CĐCS rows replaced), an older one never overwrites it, withdrawal restores', async () => {
    await db.units.add(unit('LDLD-TB', 'LĐLĐ huyện Tân Biên', 'district'));
    const first = consolidatedReport('LDLD-TB', 3, '2025-06-20T03:00:00.000Z');
    const a = await applySubmission(await preview(first, 'v1.xlsx'));
    const afterFirst = (await importedActivities()).map(({ submissionId: _, ...rest }) => rest);
    const second = consolidatedReport('LDLD-TB', 2, '2025-06-25T03:00:00.000Z');
    second.activities = second.activities.filter((x) => x.unitCode.endsWith('CS2'));
    const p2 = await preview(second, 'v2.xlsx');
    expect(p2.plan.decision).toBe('supersedes');
    expect(p2.plan.activityDiff.gone).toEqual(expect.arrayContaining(['LDLD-TB-CS1-act-0', 'LDLD-TB-CS1-act-1', 'LDLD-TB-CS1-act-2']));
    const b = await applySubmission(p2);
    expect(b.superseded?.id).toBe(a.submission!.id);
    expect((await importedActivities()).map((x) => x.unitCode).sort()).toEqual(['LDLD-TB-CS2', 'LDLD-TB-CS2']);

    const older = consolidatedReport('LDLD-TB', 4, '2025-06-22T03:00:00.000Z');
    const pOld = await preview(older, 'v-cu.xlsx');
    expect(pOld.plan.decision).toBe('older');
    await expect(applySubmission(pOld)).rejects.toThrow(/không ghi đè/);
    expect((await applySubmission(pOld, { allowOlderAsHistory: true })).outcome).toBe('history');
    expect((await importedActivities()).map((x) => x.unitCode).sort()).toEqual(['LDLD-TB-CS2', 'LDLD-TB-CS2']);

    // Withdraw the active one: the newest remaining (the older kept as history) becomes active.
    const w = await withdrawSubmission(b.submission!.id);
    expect(w.restored?.fileName).toBe('v-cu.xlsx');
    expect(await importedActivities()).toHaveLength(8);
    const w2 = await withdrawSubmission(w.restored!.id);
    expect(w2.restored?.id).toBe(a.submission!.id);
    expect((await importedActivities()).map(({ submissionId: _, ...rest }) => rest).sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual(
      afterFirst.sort((x, y) => (x.id < y.id ? -1 : 1)),
    );
    await withdrawSubmission(a.submission!.id);
    expect(await importedActivities()).toHaveLength(0);
  });

  it('a district’s consolidation and a CĐCS report of another district land in one batch; the district’s own unit report is replaced by its consolidation', async () => {
    await db.units.add(unit('LDLD-TB', 'LĐLĐ huyện Tân Biên', 'district'));
    const own = numberedUnitReport(3, 2, '2025-06-18T00:00:00.000Z');
    own.unit = { code: 'LDLD-TB', name: 'LĐLĐ huyện Tân Biên', level: 'district', parentName: '' };
    await applySubmission(await preview(own, 'rieng.xlsx'));
    expect(await db.itemStatuses.count()).toBeGreaterThan(0);
    const out = await applyBatch([{ preview: await preview(consolidatedReport('LDLD-TB', 2), 'tonghop.xlsx') }, { preview: await preview(numberedUnitReport(4, 3)) }]);
    expect(out.files.map((f) => f.ok && f.result.decision)).toEqual(['supersedes', 'new']);
    // The district's own statuses are gone with its own report (one active submission per scope).
    expect(await db.itemStatuses.where('[planId+unitCode+periodKey]').equals([PLAN, 'LDLD-TB', '2025-H1']).count()).toBe(0);
    const codes = (await importedActivities()).map((a) => a.unitCode);
    expect(codes.filter((c) => c.startsWith('LDLD-TB'))).toHaveLength(4);
    expect(codes.filter((c) => c === 'CDCS-1004')).toHaveLength(3);
  });
});

describe('plan choice', () => {
  it('suggests a plan with the same items or number and files the data under the chosen one', async () => {
    const r = numberedUnitReport(5, 3);
    r.plan = { ...r.plan, id: 'ke-hoach-cua-don-vi' };
    const p = await preview(structuredClone(r));
    expect(p.planKnown).toBe(false);
    expect(p.mismatches).toBeNull();
    expect(p.suggestedPlanId).toBe(PLAN); // same fingerprint
    r.plan.fingerprint = 'fnv1a64:khac';
    expect((await preview(r)).suggestedPlanId).toBe(PLAN); // same number 63/KH-LĐLĐ
    r.plan.number = '99/KH-XYZ';
    expect((await preview(r)).suggestedPlanId).toBeNull();

    const chosen = await previewImportAs(p, PLAN);
    expect(chosen).toMatchObject({ planKnown: true, fileHash: p.fileHash, blockers: [] });
    expect(chosen.plan.scope.planId).toBe(PLAN);
    expect(chosen.mismatches?.samePlanId).toBe(false);
    expect(chosen.mismatches?.sameFingerprint).toBe(true);
    const out = await applyBatch([{ preview: chosen }]);
    expect(out.files[0]).toMatchObject({ ok: true, result: { outcome: 'applied' } });
    expect((await db.submissions.toArray())[0]).toMatchObject({ planId: PLAN, unitCode: 'CDCS-1005' });
  });

  it('item mismatches are shown item by item and block until accepted', async () => {
    const r = numberedUnitReport(6, 2);
    r.plan = { ...r.plan, id: 'ke-hoach-khac' };
    r.items[0]!.text = 'Nội dung đã sửa';
    const moved = r.items.pop()!;
    r.items.push({ ...moved, id: 'IX.9.9' });
    const p = await previewImportAs(await preview(r), PLAN);
    const m = p.mismatches!.items.filter((i) => i.match !== 'matched');
    expect(m.map((i) => [i.itemId, i.match])).toEqual([
      [r.items[0]!.id, 'text-changed'],
      ['IX.9.9', 'missing-in-plan'],
      [moved.id, 'missing-in-file'],
    ]);
    const out = await applyBatch([{ preview: p }]);
    expect(out.files[0]).toMatchObject({ ok: false, message: expect.stringMatching(/khác với kế hoạch/) });
    expect(await db.submissions.count()).toBe(0);
    const ok = await applyBatch([{ preview: p, options: { acceptMismatches: true } }]);
    expect(ok.files[0]).toMatchObject({ ok: true });
  });
});
