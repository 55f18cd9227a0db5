/**
 * db/consolidation-ops.ts on real IndexedDB semantics (fake-indexeddb): imported submissions and
 * the own unit's data consolidated for a plan and period; the deadline stored per plan+period;
 * completeness on the same data.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { sumIndicators } from '@domain/indicators';
import {
  activitiesOfPlan,
  applySubmission,
  completeness,
  db,
  ensureSeeded,
  getReportDeadline,
  loadConsolidation,
  OperationError,
  previewImport,
  putSetting,
  setItemStatus,
  setReportDeadline,
  withdrawSubmission,
  type UnitRecord,
} from '@db';
import { submissionUnitCodes } from '@domain/report';
import type { UnitReport } from '@domain/report';
import { sampleReport } from '../support/exchange-writer-fixtures';

const PLAN = BUILTIN_PLAN.id;
const T = '2025-01-01T00:00:00.000Z';
const PERIOD = { key: '2025-H1', name: '6 tháng đầu năm 2025', start: '2024-12-15', end: '2025-06-14' };
const OWN = 'LDLD-DMC';

function unit(code: string, name: string, level: UnitRecord['level'], active = true): UnitRecord {
  return { code, name, level, parentName: '', type: null, members: null, contact: '', phone: '', active, createdAt: T, updatedAt: T };
}

function reportOf(code: string, name: string, activities: number, exportedAt: string): UnitReport {
  const r = sampleReport(activities);
  r.unit = { ...r.unit, code, name };
  r.activities = r.activities.map((a) => ({ ...a, unitCode: code }));
  r.exportedAt = exportedAt;
  return r;
}

async function importReport(r: UnitReport, at?: string) {
  const bytes = new TextEncoder().encode(JSON.stringify(r));
  return applySubmission(await previewImport(r, bytes, `${r.unit.code}.xlsx`), at ? { at } : {});
}

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  await ensureSeeded();
  await db.units.bulkAdd([
    unit(OWN, 'LĐLĐ huyện Dương Minh Châu', 'district'),
    unit('CDCS-0012', 'CĐCS Công ty May Thành Công', 'grassroots'),
    unit('CDCS-0020', 'CĐCS Trường THCS Bàu Năng', 'grassroots'),
    unit('CDCS-0030', 'CĐCS Xã Phan', 'grassroots'),
    unit('CDCS-0040', 'CĐCS Cao su (đã giải thể)', 'grassroots', false),
  ]);
  await putSetting('ownUnitCode', OWN);
});

describe('loadConsolidation', () => {
  it('consolidates the active submissions; the own unit joins only with data; the stored deadline applies', async () => {
    const a = reportOf('CDCS-0012', 'CĐCS Công ty May Thành Công', 6, '2025-06-14T02:30:00.000Z');
    const b = reportOf('CDCS-0020', 'CĐCS Trường THCS Bàu Năng', 4, '2025-06-21T01:00:00.000Z');
    await importReport(a);
    await importReport(b);
    await setReportDeadline(PLAN, PERIOD.key, '2025-06-20');
    expect(await getReportDeadline(PLAN, PERIOD.key)).toBe('2025-06-20');
    expect(await getReportDeadline(PLAN, '2025-Y')).toBe('');

    const data = await loadConsolidation({ planId: PLAN, period: PERIOD, now: new Date('2025-07-01T00:00:00.000Z') });
    const r = data.result.report;
    expect(data).toMatchObject({ deadline: '2025-06-20', submissions: 2, ownIncluded: false });
    expect(r).toMatchObject({ kind: 'consolidated', unit: { code: OWN }, exportedAt: '2025-07-01T00:00:00.000Z' });
    expect(r.activities).toHaveLength(10);
    expect(r.consolidation.units.map((u) => u.unitCode)).toEqual(['CDCS-0012', 'CDCS-0020']);
    expect(r.consolidation.completeness.map((e) => [e.unitCode, e.state])).toEqual([
      ['CDCS-0012', 'da-nop'],
      ['CDCS-0020', 'nop-muon'],
      ['CDCS-0030', 'chua-nop'],
    ]);
    // Every item: 2 unit reports behind it.
    for (const it of r.consolidation.items) expect(Object.values(it.counts).reduce((s, n) => s + n, 0)).toBe(2);
    // Each unit counts what the import stores for it: its activities' sums plus its adjustment.
    const stored = sumIndicators({
      activities: await activitiesOfPlan(PLAN),
      adjustments: await db.indicatorAdjustments.toArray(),
      range: PERIOD,
      periodKey: PERIOD.key,
    });
    expect(Object.values(stored).some((s) => s.adjustment !== 0 && s.fromActivities !== 0)).toBe(true);
    for (const ind of r.indicators) expect(ind.value, ind.code).toBe(stored[ind.code]?.total ?? 0);
    // The activity ids are the ones the import stored.
    const storedIds = new Set((await activitiesOfPlan(PLAN)).map((x) => x.id));
    for (const x of r.activities) expect(storedIds.has(x.id)).toBe(true);

    await setItemStatus({ planId: PLAN, unitCode: OWN, periodKey: PERIOD.key, itemId: r.items[0]!.id, status: 'xong', note: '', evidence: '' });
    const withOwn = await loadConsolidation({ planId: PLAN, period: PERIOD });
    expect(withOwn.ownIncluded).toBe(true);
    expect(withOwn.result.contributors[0]).toMatchObject({ unitCode: OWN, own: true, reports: 1 });
    expect(withOwn.result.report.consolidation.completeness.map((e) => e.unitCode)).not.toContain(OWN);
    expect(withOwn.result.report.consolidation.items[0]!.counts.xong).toBe(r.consolidation.items[0]!.counts.xong + 1);
  });

  it('a withdrawn submission no longer counts', async () => {
    const res = await importReport(reportOf('CDCS-0012', 'CĐCS Công ty May Thành Công', 3, '2025-06-14T02:30:00.000Z'));
    expect((await loadConsolidation({ planId: PLAN, period: PERIOD })).result.report.activities).toHaveLength(3);
    await withdrawSubmission(res.submission!.id);
    const after = await loadConsolidation({ planId: PLAN, period: PERIOD });
    expect(after.result.report.activities).toHaveLength(0);
    expect(after.submissions).toBe(0);
  });
});

describe('deadline and completeness', () => {
  it('refuses a date that is not one, keeps deadlines per plan and period, removes with ""', async () => {
    await expect(setReportDeadline(PLAN, PERIOD.key, '2025-02-30')).rejects.toThrow(OperationError);
    await expect(setReportDeadline(PLAN, PERIOD.key, 'mai')).rejects.toThrow(/Hạn nộp/);
    await setReportDeadline(PLAN, PERIOD.key, '2025-06-20');
    await setReportDeadline(PLAN, '2025-Y', '2025-12-20');
    expect(await getReportDeadline(PLAN, PERIOD.key)).toBe('2025-06-20');
    await setReportDeadline(PLAN, PERIOD.key, '');
    expect(await getReportDeadline(PLAN, PERIOD.key)).toBe('');
    expect(await getReportDeadline(PLAN, '2025-Y')).toBe('2025-12-20');
  });

  it('completeness uses the stored deadline unless one is given; a template counts from its import', async () => {
    await importReport(reportOf('CDCS-0012', 'CĐCS Công ty May Thành Công', 2, '2025-06-21T01:00:00.000Z'));
    const t = reportOf('CDCS-0020', 'CĐCS Trường THCS Bàu Năng', 1, '2025-01-01T00:00:00.000Z');
    t.kind = 'template';
    await importReport(t, '2025-06-19T03:00:00.000Z');
    expect((await completeness(PLAN, PERIOD)).counts).toEqual({ 'da-nop': 2, 'nop-muon': 0, 'chua-nop': 1, total: 3 });
    await setReportDeadline(PLAN, PERIOD.key, '2025-06-20');
    const c = await completeness(PLAN, PERIOD);
    expect(c.deadline).toBe('2025-06-20');
    expect(c.rows.map((x) => [x.unit.code, x.state, x.submittedAt])).toEqual([
      ['CDCS-0012', 'nop-muon', '2025-06-21T01:00:00.000Z'],
      ['CDCS-0020', 'da-nop', '2025-06-19T03:00:00.000Z'],
      ['CDCS-0030', 'chua-nop', null],
    ]);
    expect((await completeness(PLAN, PERIOD, '')).counts['nop-muon']).toBe(0);
    // Same answer as the consolidation's completeness.
    const cons = await loadConsolidation({ planId: PLAN, period: PERIOD });
    expect(cons.result.report.consolidation.completeness.map((e) => e.state)).toEqual(c.rows.map((x) => x.state));
  });
});

describe('at a province', () => {
  it('districts’ consolidated submissions consolidate into the province; expected units are the districts', async () => {
    const { consolidate } = await import('@domain/consolidate');
    await db.units.bulkAdd([unit('LDLD-TN', 'LĐLĐ tỉnh Tây Ninh', 'province'), unit('LDLD-TB', 'LĐLĐ huyện Tân Biên', 'district')]);
    await putSetting('ownUnitCode', 'LDLD-TN');
    // The district LDLD-DMC consolidated two units; its report is stored as the import stores it.
    const a = reportOf('CDCS-0012', 'CĐCS Công ty May Thành Công', 4, '2025-06-10T00:00:00.000Z');
    const b = reportOf('CDCS-0020', 'CĐCS Trường THCS Bàu Năng', 2, '2025-06-11T00:00:00.000Z');
    const dmc = consolidate({
      unit: { code: OWN, name: 'LĐLĐ huyện Dương Minh Châu', level: 'district', parentName: 'LĐLĐ tỉnh Tây Ninh' },
      plan: a.plan,
      items: a.items.map((i) => ({ id: i.id, groupTitle: i.groupTitle, text: i.text })),
      period: PERIOD,
      indicators: a.indicators.map((i) => ({ code: i.code, name: i.name, unit: i.unit, target: null })),
      expectedUnits: [],
      deadline: '',
      contributions: [a, b].map((r) => ({ report: r, submittedAt: r.exportedAt })),
      exportedAt: '2025-06-15T00:00:00.000Z',
      exportedBy: '',
      appVersion: '',
    }).report;
    await db.submissions.add({
      id: 'sub-dmc',
      fileName: 'TongHop_DMC.xlsx',
      fileHash: 'f'.repeat(64),
      unitCode: OWN,
      unitName: dmc.unit.name,
      level: 'district',
      planId: PLAN,
      planNumber: dmc.plan.number,
      planFingerprint: dmc.plan.fingerprint,
      periodKey: PERIOD.key,
      exportedAt: dmc.exportedAt,
      importedAt: '2025-06-25T00:00:00.000Z',
      state: 'active',
      counts: { items: dmc.items.length, activities: dmc.activities.length, indicators: dmc.indicators.length },
      unitCodes: submissionUnitCodes(OWN, dmc),
      report: dmc,
    });
    await setReportDeadline(PLAN, PERIOD.key, '2025-06-14');
    const data = await loadConsolidation({ planId: PLAN, period: PERIOD });
    const r = data.result.report;
    expect(r.unit).toMatchObject({ code: 'LDLD-TN', level: 'province' });
    expect(r.consolidation.completeness.map((e) => [e.unitCode, e.state, e.submittedAt])).toEqual([
      [OWN, 'nop-muon', '2025-06-15T00:00:00.000Z'], // a consolidated report counts from its export
      ['LDLD-TB', 'chua-nop', ''],
    ]);
    expect(r.consolidation.units).toEqual([expect.objectContaining({ unitCode: OWN, reports: 2, activityCount: 6 })]);
    expect(new Set(r.activities.map((x) => x.unitCode))).toEqual(new Set(['CDCS-0012', 'CDCS-0020']));
    for (const it of r.consolidation.items) expect(Object.values(it.counts).reduce((s, n) => s + n, 0)).toBe(2);
    for (const ind of r.indicators) expect(ind.value).toBe(dmc.indicators.find((i) => i.code === ind.code)!.value);
  });
});
