import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import {
  activitiesOfUnit,
  applySubmission,
  completeness,
  db,
  ensureSeeded,
  listSubmissions,
  OperationError,
  previewImport,
  putSetting,
  withdrawSubmission,
  type UnitRecord,
} from '@db';
import { sha256Hex } from '@domain/hash';
import type { UnitReport } from '@domain/report';
import { sampleReport } from '../support/exchange-writer-fixtures';

const PLAN = BUILTIN_PLAN.id;
const T = '2025-01-01T00:00:00.000Z';
const UNIT = 'CDCS-0012';

function unit(code: string, name: string, level: UnitRecord['level'], active = true): UnitRecord {
  return { code, name, level, parentName: '', type: null, members: null, contact: '', phone: '', active, createdAt: T, updatedAt: T };
}

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  await ensureSeeded();
  await db.units.bulkAdd([
    unit('LDLD-DMC', 'LĐLĐ huyện Dương Minh Châu', 'district'),
    unit(UNIT, 'CĐCS Công ty May Thành Công', 'grassroots'),
    unit('CDCS-0020', 'CĐCS Trường THCS Bàu Năng', 'grassroots'),
    unit('CDCS-0030', 'CĐCS Cao su (đã giải thể)', 'grassroots', false),
  ]);
  await putSetting('ownUnitCode', 'LDLD-DMC');
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** A file's bytes: the report's JSON (the hash is all the importer takes from them). */
const bytesOf = (r: UnitReport): Uint8Array => new TextEncoder().encode(JSON.stringify(r));

async function importReport(r: UnitReport, options: Parameters<typeof applySubmission>[1] = {}, fileName = 'BaoCao.xlsx') {
  const preview = await previewImport(r, bytesOf(r), fileName);
  return { preview, result: await applySubmission(preview, options) };
}

/** Every table's rows, for "nothing changed" checks. */
async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

/** The scope's data (activities and statuses), ordered, without the submission stamp. */
async function scopeData(periodKey = '2025-H1') {
  const activities = (await activitiesOfUnit(PLAN, UNIT)).filter((a) => a.submissionId);
  const statuses = await db.itemStatuses.where('[planId+unitCode+periodKey]').equals([PLAN, UNIT, periodKey]).toArray();
  const adjustments = (await db.indicatorAdjustments.where('[planId+periodKey]').equals([PLAN, periodKey]).toArray()).filter((a) => a.unitCode === UNIT);
  return { activities, statuses, adjustments };
}

function newer(r: UnitReport, at = '2025-06-30T01:00:00.000Z'): UnitReport {
  const n = structuredClone(r);
  n.exportedAt = at;
  return n;
}

describe('previewImport', () => {
  it('plans without writing anything', async () => {
    const r = sampleReport(8);
    const before = await snapshot();
    const p = await previewImport(r, bytesOf(r), 'BaoCao.xlsx');
    expect(await snapshot()).toEqual(before);
    expect(p.fileHash).toBe(await sha256Hex(bytesOf(r)));
    expect(p.fileHash).toMatch(/^[0-9a-f]{64}$/);
    expect(p.plan.decision).toBe('new');
    expect(p).toMatchObject({ unitKnown: true, isOwnUnit: false, planKnown: true, blockers: [], counts: { activities: 8 } });
    expect(p.mismatches?.allMatched).toBe(true);
  });

  it('names what would stop the import: unknown unit, own unit, unknown plan, changed items', async () => {
    const r = sampleReport(1);
    r.unit.code = 'CDCS-9999';
    expect((await previewImport(r, bytesOf(r), 'a.xlsx')).blockers.join(' ')).toMatch(/chưa có trong danh sách đơn vị/);
    r.unit.code = 'LDLD-DMC';
    expect((await previewImport(r, bytesOf(r), 'a.xlsx')).isOwnUnit).toBe(true);
    const other = sampleReport(1);
    other.plan.id = 'ke-hoach-khac';
    const p = await previewImport(other, bytesOf(other), 'a.xlsx');
    expect(p.planKnown).toBe(false);
    expect(p.blockers.join(' ')).toMatch(/Chưa có kế hoạch/);
    // Filed under a known plan chosen by the officer.
    const chosen = await previewImport(other, bytesOf(other), 'a.xlsx', { planId: PLAN });
    expect(chosen.plan.scope.planId).toBe(PLAN);
    expect(chosen.blockers).toEqual([]);
  });
});

describe('applySubmission', () => {
  it('stores the submission and its data, marked with its id', async () => {
    const r = sampleReport(8);
    const { result } = await importReport(r, {}, 'BaoCao_CDCS-0012.xlsx');
    expect(result).toMatchObject({ outcome: 'applied', decision: 'new', superseded: null });
    const sub = result.submission!;
    expect(sub).toMatchObject({ state: 'active', unitCode: UNIT, planId: PLAN, periodKey: '2025-H1', fileName: 'BaoCao_CDCS-0012.xlsx', exportedAt: r.exportedAt, counts: { items: r.items.length, activities: 8 } });
    expect(sub.report).toEqual(r);
    const { activities, statuses } = await scopeData();
    expect(activities).toHaveLength(8);
    expect(activities.every((a) => a.submissionId === sub.id && a.sourceId)).toBe(true);
    expect(activities.map((a) => a.sourceId).sort()).toEqual(r.activities.map((a) => a.id).sort());
    expect(statuses).toHaveLength(r.items.filter((i) => i.status !== null).length);
    expect(statuses.every((s) => s.submissionId === sub.id)).toBe(true);
    // The unit's corrections (Điều chỉnh) come with it, so its totals here equal its own.
    const adjusted = r.indicators.filter((i) => i.adjustment !== 0);
    expect(adjusted.length).toBeGreaterThan(0);
    expect((await scopeData()).adjustments.map((a) => [a.indicatorCode, a.delta, a.reason, a.submissionId])).toEqual(
      adjusted.map((i) => [i.code, i.adjustment, i.adjustmentReason, sub.id]),
    );
  });

  it('a newer export drops what it no longer reports: a status, an adjustment, and what the officer typed for that unit', async () => {
    const r1 = sampleReport(4);
    await importReport(r1);
    const adjusted = r1.indicators.filter((i) => i.adjustment !== 0);
    expect(adjusted.length).toBeGreaterThan(0);
    const statusItem = r1.items.find((i) => i.status !== null)!;
    // Typed here for the unit and period (another indicator, another item): the file replaces it too.
    const spare = r1.indicators.find((i) => i.adjustment === 0)!;
    await db.indicatorAdjustments.put({ planId: PLAN, unitCode: UNIT, periodKey: '2025-H1', indicatorCode: spare.code, delta: 3, reason: 'Gõ tay', updatedAt: r1.exportedAt });
    // Another unit's data in the same period stays.
    await db.indicatorAdjustments.put({ planId: PLAN, unitCode: 'CDCS-0099', periodKey: '2025-H1', indicatorCode: spare.code, delta: 5, reason: 'Đơn vị khác', updatedAt: r1.exportedAt });
    const r2 = newer(r1);
    statusItem.status = null;
    r2.items.find((i) => i.id === statusItem.id)!.status = null;
    for (const i of r2.indicators) {
      i.adjustment = 0;
      i.adjustmentReason = '';
    }
    r2.indicators[0]!.adjustment = 2;
    r2.indicators[0]!.adjustmentReason = 'Bổ sung';
    await importReport(r2);
    const { statuses, adjustments } = await scopeData();
    expect(statuses.find((s) => s.itemId === statusItem.id)).toBeUndefined();
    expect(statuses).toHaveLength(r2.items.filter((i) => i.status !== null).length);
    expect(adjustments.map((a) => [a.indicatorCode, a.delta, a.reason])).toEqual([[r2.indicators[0]!.code, 2, 'Bổ sung']]);
    expect(await db.indicatorAdjustments.get([PLAN, 'CDCS-0099', '2025-H1', spare.code])).toMatchObject({ delta: 5 });
  });

  it('is idempotent: the same file again changes nothing at all, not even the history', async () => {
    const r = sampleReport(8);
    r.activities[2]!.id = '';
    r.activities[5]!.id = '';
    await importReport(r);
    const before = await snapshot();
    const { preview, result } = await importReport(structuredClone(r));
    expect(preview.plan.decision).toBe('identical');
    expect(preview.plan.activityDiff.unchanged).toHaveLength(8);
    expect(result.outcome).toBe('unchanged');
    expect(await snapshot()).toEqual(before);
  });

  it('a newer export supersedes: data replaced, the old one kept as history', async () => {
    const r1 = sampleReport(8);
    const first = (await importReport(r1)).result.submission!;
    const r2 = newer(r1);
    r2.activities[0]!.title = 'Tên đã sửa';
    r2.activities.splice(7, 1);
    r2.items[0]!.status = 'chua';
    const { preview, result } = await importReport(r2);
    expect(preview.plan.decision).toBe('supersedes');
    expect(preview.plan.activityDiff.changed).toHaveLength(1);
    expect(preview.plan.activityDiff.gone).toEqual([r1.activities[7]!.id]);
    expect(result.superseded).toMatchObject({ id: first.id, state: 'superseded', supersededBy: result.submission!.id });
    expect(result.submission).toMatchObject({ state: 'active', supersedes: first.id });
    const { activities, statuses } = await scopeData();
    expect(activities).toHaveLength(7);
    expect(activities.every((a) => a.submissionId === result.submission!.id)).toBe(true);
    expect(activities.find((a) => a.sourceId === r1.activities[0]!.id)?.title).toBe('Tên đã sửa');
    expect(statuses.find((s) => s.itemId === r1.items[0]!.id)?.status).toBe('chua');
    expect((await listSubmissions(PLAN, '2025-H1')).map((s) => s.state)).toEqual(['active', 'superseded']);
  });

  it('an older export never overwrites a newer one; it can be kept as history only', async () => {
    const r1 = sampleReport(6);
    const r2 = newer(r1);
    r2.activities[0]!.title = 'Bản mới';
    await importReport(r2);
    const before = await snapshot();
    const older = await previewImport(r1, bytesOf(r1), 'cu.xlsx');
    expect(older.plan.decision).toBe('older');
    await expect(applySubmission(older)).rejects.toThrow(OperationError);
    await expect(applySubmission(older)).rejects.toThrow(/không ghi đè/);
    expect(await snapshot()).toEqual(before);
    const kept = await applySubmission(older, { allowOlderAsHistory: true });
    expect(kept.outcome).toBe('history');
    expect(kept.submission).toMatchObject({ state: 'superseded' });
    const after = await snapshot();
    expect(after['activities']).toEqual(before['activities']);
    expect(after['importedActivities']).toEqual(before['importedActivities']);
    expect(after['itemStatuses']).toEqual(before['itemStatuses']);
    expect((await scopeData()).activities.find((a) => a.sourceId === r1.activities[0]!.id)?.title).toBe('Bản mới');
  });

  it('re-plans inside the transaction: a stale preview of an older file cannot overwrite a newer one applied since', async () => {
    const r1 = sampleReport(3);
    const r2 = newer(r1);
    r2.activities[0]!.title = 'Bản mới';
    const p1 = await previewImport(r1, bytesOf(r1), 'cu.xlsx');
    const p2 = await previewImport(r2, bytesOf(r2), 'moi.xlsx');
    expect([p1.plan.decision, p2.plan.decision]).toEqual(['new', 'new']);
    await applySubmission(p2);
    await expect(applySubmission(p1)).rejects.toThrow(OperationError);
    expect((await scopeData()).activities.find((a) => a.sourceId === r1.activities[0]!.id)?.title).toBe('Bản mới');
  });

  it('keeps what the officer logged by hand for that unit (no submissionId)', async () => {
    const hand = { ...(await materialized()), id: 'tay-1', title: 'Ghi tay' };
    await db.activities.add(hand);
    await importReport(sampleReport(4));
    await importReport(newer(sampleReport(2)));
    expect(await db.activities.get('tay-1')).toMatchObject({ title: 'Ghi tay' });
  });

  it('a crash inside the transaction leaves the database as it was (new and supersede)', async () => {
    const r1 = sampleReport(6);
    let before = await snapshot();
    const spy = vi.spyOn(db.itemStatuses, 'bulkPut').mockImplementation((() => Promise.reject(new Error('mất điện'))) as never);
    const p = await previewImport(r1, bytesOf(r1), 'a.xlsx');
    await expect(applySubmission(p)).rejects.toThrow('mất điện');
    expect(await snapshot()).toEqual(before);
    spy.mockRestore();
    await applySubmission(p);
    before = await snapshot();
    vi.spyOn(db.itemStatuses, 'bulkPut').mockImplementation((() => Promise.reject(new Error('mất điện'))) as never);
    const r2 = newer(r1);
    r2.activities.pop();
    await expect(applySubmission(await previewImport(r2, bytesOf(r2), 'b.xlsx'))).rejects.toThrow('mất điện');
    expect(await snapshot()).toEqual(before);
  });

  it('adds an unknown unit only when asked', async () => {
    const r = sampleReport(2);
    r.unit = { code: 'CDCS-0777', name: 'CĐCS Công ty Mới', level: 'grassroots', parentName: 'LĐLĐ huyện Dương Minh Châu' };
    const p = await previewImport(r, bytesOf(r), 'a.xlsx');
    await expect(applySubmission(p)).rejects.toThrow(/chưa có trong danh sách đơn vị/);
    expect(await db.submissions.count()).toBe(0);
    await applySubmission(p, { addUnit: true });
    expect(await db.units.get('CDCS-0777')).toMatchObject({ name: 'CĐCS Công ty Mới', level: 'grassroots', active: true });
  });

  it('refuses changed plan items until the officer accepts them, and the own unit always', async () => {
    const r = sampleReport(2);
    r.items[0]!.text = 'Nội dung khác hẳn';
    const p = await previewImport(r, bytesOf(r), 'a.xlsx');
    expect(p.mismatches?.items.filter((i) => i.match !== 'matched')).toHaveLength(1);
    await expect(applySubmission(p)).rejects.toThrow(/khác với kế hoạch/);
    expect((await applySubmission(p, { acceptMismatches: true })).outcome).toBe('applied');
    const own = sampleReport(1);
    own.unit.code = 'LDLD-DMC';
    await expect(applySubmission(await previewImport(own, bytesOf(own), 'o.xlsx'))).rejects.toThrow(/chính đơn vị/);
  });

  it('one activity reported for H1 and for the year is stored once per period', async () => {
    const h1 = sampleReport(3);
    const y = structuredClone(h1);
    y.period = { key: '2025-Y', name: 'Năm 2025', start: '2024-12-15', end: '2025-12-14' };
    await importReport(h1);
    await importReport(y);
    expect((await scopeData('2025-H1')).activities).toHaveLength(6);
    expect(await db.submissions.filter((s) => s.state === 'active').count()).toBe(2);
  });
});

async function materialized() {
  return {
    planId: PLAN, unitCode: UNIT, date: '2025-03-01', itemIds: [sampleReport(0).items[0]!.id], type: 'other' as const, title: 'x', content: '', location: '',
    participants: null, evidenceDoc: '', evidenceFile: '', indicators: {}, createdAt: T, updatedAt: T, deletedAt: null, searchText: 'ghi tay',
  };
}

describe('withdrawSubmission', () => {
  it('removes its data and restores the one it had superseded, exactly as it was', async () => {
    const r1 = sampleReport(8);
    const first = (await importReport(r1)).result.submission!;
    const dataOfFirst = await scopeData();
    const r2 = newer(r1);
    r2.activities.splice(0, 3);
    r2.items[1]!.status = 'xong';
    const second = (await importReport(r2)).result.submission!;
    const { withdrawn, restored } = await withdrawSubmission(second.id);
    expect(withdrawn).toMatchObject({ id: second.id, state: 'withdrawn' });
    expect(restored).toMatchObject({ id: first.id, state: 'active' });
    expect(restored?.supersededBy).toBeUndefined();
    expect(await scopeData()).toEqual(dataOfFirst);
    await expect(withdrawSubmission(second.id)).rejects.toThrow(/đã được rút/);
  });

  it('withdrawing the only submission leaves the unit unreported (no data)', async () => {
    const sub = (await importReport(sampleReport(5))).result.submission!;
    const res = await withdrawSubmission(sub.id);
    expect(res.restored).toBeNull();
    expect(await scopeData()).toEqual({ activities: [], statuses: [], adjustments: [] });
    expect((await completeness(PLAN, { key: '2025-H1' })).rows.find((r) => r.unit.code === UNIT)?.state).toBe('chua-nop');
    // The same file again is then a new submission.
    expect((await importReport(sampleReport(5))).result.decision).toBe('new');
  });

  it('withdrawing history only marks it; an unknown id is refused', async () => {
    const r1 = sampleReport(3);
    const first = (await importReport(r1)).result.submission!;
    await importReport(newer(r1));
    const data = await scopeData();
    const res = await withdrawSubmission(first.id);
    expect(res).toMatchObject({ withdrawn: { state: 'withdrawn' }, restored: null });
    expect(await scopeData()).toEqual(data);
    await expect(withdrawSubmission('khong-co')).rejects.toThrow(OperationError);
  });
});

describe('completeness', () => {
  it('lists every active subordinate unit: đã nộp, nộp muộn (after the deadline, Vietnam time) or chưa nộp', async () => {
    const onTime = sampleReport(1);
    onTime.exportedAt = '2025-06-20T16:59:00.000Z'; // 23:59 on the 20th in Vietnam
    await importReport(onTime, { at: '2025-06-25T00:00:00.000Z' });
    const late = sampleReport(1);
    late.unit = { code: 'CDCS-0020', name: 'CĐCS Trường THCS Bàu Năng', level: 'grassroots', parentName: '' };
    late.exportedAt = '2025-06-20T17:00:00.000Z'; // 00:00 on the 21st
    await importReport(late);
    const c = await completeness(PLAN, { key: '2025-H1' }, '2025-06-20');
    expect(c.rows.map((r) => [r.unit.code, r.state])).toEqual([
      [UNIT, 'da-nop'],
      ['CDCS-0020', 'nop-muon'],
    ]);
    expect(c.rows[0]!.submittedAt).toBe(onTime.exportedAt);
    expect(c.counts).toEqual({ 'da-nop': 1, 'nop-muon': 1, 'chua-nop': 0, total: 2 });
    expect((await completeness(PLAN, { key: '2025-Y' })).counts).toMatchObject({ 'chua-nop': 2 });
    expect((await completeness(PLAN, { key: '2025-H1' })).counts).toMatchObject({ 'da-nop': 2, 'nop-muon': 0 });
  });

  it('a hand-filled template counts from its import instant (its export time is the blank template’s)', async () => {
    const t = sampleReport(1);
    t.kind = 'template';
    t.exportedAt = '2025-01-01T00:00:00.000Z';
    await importReport(t, { at: '2025-07-01T03:00:00.000Z' });
    const row = (await completeness(PLAN, { key: '2025-H1' }, '2025-06-30')).rows.find((r) => r.unit.code === UNIT)!;
    expect(row).toMatchObject({ state: 'nop-muon', submittedAt: '2025-07-01T03:00:00.000Z' });
  });
});
