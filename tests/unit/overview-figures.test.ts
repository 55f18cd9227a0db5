/**
 * db/consolidation-ops.ts loadOverviewFigures and db/overview-digests.ts on real IndexedDB
 * semantics (fake-indexeddb): «Tổng quan» from the digests stored at import equals «Tổng quan»
 * from loadConsolidation, deep equality, both scopes, at every step of a district's period:
 * imports (a template with its «Ngày lập báo cáo», activities outside the period, a replaced
 * file), the own data, the deadline, a withdrawal, a lower body's consolidated report stored
 * without a digest, a unit re-coded, the digests lost and made again; the same period a year
 * earlier. And the screen's remembered figures (features/overview/load-overview.ts) equal them at
 * every step.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { consolidate } from '@domain/consolidate';
import { submissionUnitCodes, type UnitReport } from '@domain/report';
import {
  addActivity,
  applySubmission,
  db,
  ensureSeeded,
  loadConsolidation,
  loadOverviewFigures,
  previewImport,
  putSetting,
  setItemStatus,
  setReportDeadline,
  updateUnit,
  withdrawSubmission,
  type UnitRecord,
} from '@db';
import { fillMissingOverviewDigests } from '@db/overview-digests';
import { buildOverview, buildTalliedOverview, taskGroupsOf } from '@features/overview/overview-data';
import { loadOverview } from '@features/overview/load-overview';
import { sampleReport } from '../support/exchange-writer-fixtures';

const PLAN = BUILTIN_PLAN.id;
const GROUPS = taskGroupsOf(BUILTIN_PLAN.plan);
const T = '2025-01-01T00:00:00.000Z';
const PERIOD = { key: '2025-H1', name: '6 tháng đầu năm 2025', start: '2024-12-15', end: '2025-06-14' };
const BEFORE = { key: '2024-H1', name: '6 tháng đầu năm 2024', start: '2023-12-15', end: '2024-06-14' };
const OWN = 'LDLD-DMC';
const NOW = new Date('2025-07-01T00:00:00.000Z');

function unit(code: string, name: string, level: UnitRecord['level']): UnitRecord {
  return { code, name, level, parentName: '', type: null, members: null, contact: '', phone: '', active: true, createdAt: T, updatedAt: T };
}

function reportOf(code: string, name: string, activities: number, exportedAt: string, period = PERIOD): UnitReport {
  const r = sampleReport(activities);
  r.unit = { ...r.unit, code, name };
  r.period = period;
  // sampleReport's dates are in 2025: a report of another period keeps them, so all fall outside it.
  r.activities = r.activities.map((a) => ({ ...a, unitCode: code }));
  r.exportedAt = exportedAt;
  return r;
}

async function importReport(r: UnitReport, at?: string) {
  const bytes = new TextEncoder().encode(JSON.stringify(r));
  return applySubmission(await previewImport(r, bytes, `${r.unit.code}-${r.exportedAt}.xlsx`), at ? { at } : {});
}

/** remembered() writes its entry after a timer: let it. */
const flushRemembered = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Both ways, both scopes: equal. Returns the consolidated overview for further checks. */
async function expectSameBothWays() {
  const [now, before] = [await loadConsolidation({ planId: PLAN, period: PERIOD, now: NOW }), await loadConsolidation({ planId: PLAN, period: BEFORE, now: NOW })];
  const [fNow, fBefore] = [await loadOverviewFigures({ planId: PLAN, period: PERIOD, now: NOW }), await loadOverviewFigures({ planId: PLAN, period: BEFORE, now: NOW })];
  let consolidated;
  for (const scope of ['consolidated', 'unit'] as const) {
    const full = buildOverview({ scope, groups: GROUPS, period: PERIOD, result: now.result, previous: { period: BEFORE, result: before.result } });
    const digested = buildTalliedOverview({ scope, groups: GROUPS, period: PERIOD, result: fNow.result, activities: fNow.activities, previous: { period: BEFORE, activities: fBefore.activities } });
    expect(digested, scope).toEqual(full);
    // As the screen loads it (on today's clock, remembered under the revision): the same, and
    // once remembered, the same again.
    const shown = await loadOverview({ planId: PLAN, period: PERIOD, previousPeriod: BEFORE, scope, groups: GROUPS });
    expect(shown.value, `${scope}, as the screen loads it`).toEqual(full);
    await flushRemembered();
    const again = await loadOverview({ planId: PLAN, period: PERIOD, previousPeriod: BEFORE, scope, groups: GROUPS });
    expect(again, `${scope}, remembered`).toEqual(shown);
    if (scope === 'consolidated') consolidated = full;
  }
  return consolidated!;
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
    unit('CDCS-0040', 'CĐCS Xã Suối Đá', 'grassroots'),
  ]);
  await putSetting('ownUnitCode', OWN);
});

describe('«Tổng quan» from the digests stored at import equals «Tổng quan» from loadConsolidation', () => {
  it('through a period: imports, own data, deadline, replacement, withdrawal, a report without digest, a re-code, digests lost and made again', async () => {
    let o = await expectSameBothWays();
    expect(o.reports).toBe(0);

    await importReport(reportOf('CDCS-0012', 'CĐCS Công ty May Thành Công', 6, '2025-06-14T02:30:00.000Z'));
    const late = await importReport(reportOf('CDCS-0020', 'CĐCS Trường THCS Bàu Năng', 4, '2025-06-21T01:00:00.000Z'));
    const t = reportOf('CDCS-0030', 'CĐCS Xã Phan', 3, '2025-01-01T00:00:00.000Z');
    t.kind = 'template';
    t.reportDate = '2025-06-19';
    await importReport(t, '2025-06-25T03:00:00.000Z');
    // A year earlier: its activities (dated 2025) all fall outside that period.
    await importReport(reportOf('CDCS-0012', 'CĐCS Công ty May Thành Công', 5, '2024-06-10T00:00:00.000Z', BEFORE));
    expect(await db.overviewDigests.count()).toBe(await db.submissions.count());
    o = await expectSameBothWays();
    expect(o.reports).toBe(3);
    expect(o.activityCount).toBe(13);

    await setReportDeadline(PLAN, PERIOD.key, '2025-06-20');
    o = await expectSameBothWays();
    expect(o.completeness).toMatchObject({ 'da-nop': 2, 'nop-muon': 1, 'chua-nop': 1 });

    await setItemStatus({ planId: PLAN, unitCode: OWN, periodKey: PERIOD.key, itemId: GROUPS[0]!.itemIds[0]!, status: 'xong', note: '', evidence: '' });
    await addActivity({ planId: PLAN, unitCode: OWN, date: '2025-03-02', itemIds: [GROUPS[1]!.itemIds[0]!], type: 'propaganda', title: 'Hội nghị', participants: 120, indicators: {} });
    await addActivity({ planId: PLAN, unitCode: OWN, date: '2024-03-02', itemIds: [GROUPS[1]!.itemIds[0]!], type: 'propaganda', title: 'Hội nghị năm trước', participants: 80, indicators: {} });
    o = await expectSameBothWays();
    expect(o.grid![0]).toMatchObject({ unitCode: OWN, state: 'own' });
    expect(o.monthly.previous).not.toBeNull();

    // A newer file of the same unit replaces the older one.
    await importReport(reportOf('CDCS-0012', 'CĐCS Công ty May Thành Công', 2, '2025-06-16T02:30:00.000Z'));
    o = await expectSameBothWays();
    expect(o.activityCount).toBe(10);

    await withdrawSubmission(late.submission!.id);
    o = await expectSameBothWays();
    expect(o.completeness['chua-nop']).toBe(2);

    // A lower body's consolidated report covering CĐCS 0012 (counted once), stored without a digest.
    const sub = reportOf('CDCS-0012', 'CĐCS Công ty May Thành Công', 4, '2025-06-10T00:00:00.000Z');
    const body = consolidate({
      unit: { code: 'CDCS-0040', name: 'CĐCS Xã Suối Đá', level: 'grassroots', parentName: '' },
      plan: sub.plan,
      items: sub.items.map((i) => ({ id: i.id, groupTitle: i.groupTitle, text: i.text })),
      period: PERIOD,
      indicators: sub.indicators.map((i) => ({ code: i.code, name: i.name, unit: i.unit, target: null })),
      expectedUnits: [],
      deadline: '',
      contributions: [{ report: sub, submittedAt: sub.exportedAt }],
      exportedAt: '2025-06-15T00:00:00.000Z',
      exportedBy: '',
      appVersion: '',
    }).report;
    await db.submissions.add({
      id: 'sub-body',
      fileName: 'TongHop.xlsx',
      fileHash: 'f'.repeat(64),
      unitCode: 'CDCS-0040',
      unitName: body.unit.name,
      level: 'grassroots',
      planId: PLAN,
      planNumber: body.plan.number,
      planFingerprint: body.plan.fingerprint,
      periodKey: PERIOD.key,
      exportedAt: body.exportedAt,
      importedAt: '2025-06-26T00:00:00.000Z',
      state: 'active',
      counts: { items: body.items.length, activities: body.activities.length, indicators: body.indicators.length },
      unitCodes: submissionUnitCodes('CDCS-0040', body),
      report: body,
    });
    expect(await db.overviewDigests.get('sub-body')).toBeUndefined();
    o = await expectSameBothWays();
    const full = await loadConsolidation({ planId: PLAN, period: PERIOD, now: NOW });
    expect(full.result.countedElsewhere.map((c) => c.unitCode)).toEqual(['CDCS-0012']);

    // A unit re-coded: its submissions (and their digests) are filed under the new code.
    await updateUnit('CDCS-0030', { ...unit('CDCS-0031', 'CĐCS Xã Phan', 'grassroots') });
    expect((await db.overviewDigests.toArray()).filter((d) => d.unitCode === 'CDCS-0031')).toHaveLength(1);
    o = await expectSameBothWays();
    expect(o.grid!.map((r) => r.unitCode)).toContain('CDCS-0031');

    // Digests lost (a restored backup leaves them out): read whole meanwhile, then made again.
    await db.overviewDigests.clear();
    await expectSameBothWays();
    expect(await fillMissingOverviewDigests()).toBe(await db.submissions.count());
    expect(await fillMissingOverviewDigests()).toBe(0);
    await expectSameBothWays();
  });
});
