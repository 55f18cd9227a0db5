/**
 * Each unit counted once (domain/double-count.ts and its readers): a province holding a
 * district's consolidated report AND one of that district's CĐCS files directly counts the CĐCS
 * once — in the consolidation, its export, the activity log, the indicators — and the import
 * preview says so; a code two upper levels gave to two different units is not mistaken for one
 * unit; withdrawing the consolidated report brings the CĐCS's own file back.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { consolidate, type ConsolidateInput } from '@domain/consolidate';
import { coveredUnits, findDoubleCounts } from '@domain/double-count';
import { STANDARD_INDICATORS } from '@domain/indicators';
import {
  activitiesOfPlan,
  activitiesOfUnit,
  applySubmission,
  db,
  ensureSeeded,
  indicatorSummary,
  loadConsolidation,
  previewImport,
  putSetting,
  withdrawSubmission,
  type UnitRecord,
} from '@db';
import type { ConsolidatedReport, UnitReport } from '@domain/report';
import { sampleReport } from '../support/exchange-writer-fixtures';

const PLAN = BUILTIN_PLAN.id;
const PERIOD = { key: '2025-H1', name: '6 tháng đầu năm 2025', start: '2024-12-15', end: '2025-06-14' };
const T = '2025-01-01T00:00:00.000Z';
const DMC = { code: 'LDLD-DMC', name: 'LĐLĐ huyện Dương Minh Châu', level: 'district' as const, levelName: 'LĐLĐ huyện', parentName: 'LĐLĐ tỉnh Tây Ninh' };

function unitReportOf(code: string, name: string, activities: number, exportedAt: string): UnitReport {
  const r = sampleReport(activities);
  r.unit = { code, name, level: 'grassroots', parentName: DMC.name };
  r.activities = r.activities.map((a, i) => ({ ...a, id: `${code}-${i}`.padEnd(36, '0'), unitCode: code }));
  r.exportedAt = exportedAt;
  return r;
}

const A = () => unitReportOf('CDCS-0001', 'CĐCS Công ty TNHH Hòa Bình', 4, '2025-06-10T00:00:00.000Z');
const B = () => unitReportOf('CDCS-0002', 'CĐCS Trường THCS Suối Đá', 2, '2025-06-11T00:00:00.000Z');

/** The district's consolidated report of A and B, as its installation exports it. */
function districtReport(): ConsolidatedReport {
  const a = A();
  const input: ConsolidateInput = {
    unit: DMC,
    plan: a.plan,
    items: a.items.map((i) => ({ id: i.id, groupTitle: i.groupTitle, text: i.text })),
    period: PERIOD,
    indicators: STANDARD_INDICATORS.map((d) => ({ code: d.code, name: d.name, unit: d.unit, target: null })),
    expectedUnits: [],
    deadline: '',
    contributions: [a, B()].map((r) => ({ report: r, submittedAt: r.exportedAt })),
    exportedAt: '2025-06-15T00:00:00.000Z',
    exportedBy: '',
    appVersion: '',
  };
  return consolidate(input).report;
}

function unit(code: string, name: string, level: UnitRecord['level'], parentCode: string): UnitRecord {
  return { code, name, level, kind: level === 'district' ? 'ldld-huyen' : 'cdcs', parentName: '', parentCode, aliases: [], type: null, members: null, contact: '', phone: '', active: true, createdAt: T, updatedAt: T };
}

async function importReport(r: UnitReport, addUnit = false) {
  const bytes = new TextEncoder().encode(JSON.stringify(r));
  const preview = await previewImport(r, bytes, `${r.unit.code}.xlsx`);
  const result = await applySubmission(preview, { addUnit });
  return { preview, result };
}

describe('the rule', () => {
  it('leaves out a unit report a consolidated report of the same plan and period covers, and nothing else', () => {
    const d = districtReport();
    const covers = coveredUnits(d);
    expect([...covers.keys()].sort()).toEqual(['CDCS-0001', 'CDCS-0002']);
    const entry = (id: string, code: string, name: string, extra: object = {}) => ({ id, unitCode: code, unitName: name, planId: PLAN, periodKey: '2025-H1', covers: new Map<string, string>(), ...extra });
    const found = findDoubleCounts([
      { ...entry('d', 'LDLD-DMC', DMC.name), covers },
      entry('a', 'CDCS-0001', 'Công đoàn cơ sở Công ty TNHH Hòa Bình'),
      // Another period, another plan: not covered by it.
      entry('a-y', 'CDCS-0001', 'CĐCS Công ty TNHH Hòa Bình', { periodKey: '2025-Y' }),
      entry('a-p', 'CDCS-0001', 'CĐCS Công ty TNHH Hòa Bình', { planId: 'other' }),
      // Same code, another unit (a code the province gave one of its own): a clash, both counted.
      entry('x', 'CDCS-0002', 'CĐCS Bệnh viện Đa khoa tỉnh'),
      // Same code and another name, but the directory places it under the district: the same unit.
      entry('y', 'CDCS-0002', 'CĐCS THCS Suối Đá (tên cũ)', { parentCode: 'LDLD-DMC', periodKey: '2025-H1', planId: PLAN }),
    ]);
    expect([...found.leftOut.keys()].sort()).toEqual(['a', 'y']);
    expect(found.leftOut.get('a')).toMatchObject({ byCode: 'LDLD-DMC', byName: DMC.name });
    expect(found.codeClashes).toEqual([{ unitCode: 'CDCS-0002', unitName: 'CĐCS Bệnh viện Đa khoa tỉnh', byCode: 'LDLD-DMC', byName: DMC.name, otherName: 'CĐCS Trường THCS Suối Đá' }]);
  });

  it('reports a unit two consolidated reports both cover (they cannot be separated)', () => {
    const d = districtReport();
    const other = { ...d, unit: { ...d.unit, code: 'CDN-0001', name: 'Công đoàn ngành Giáo dục' } } as ConsolidatedReport;
    const e = (id: string, r: ConsolidatedReport) => ({ id, unitCode: r.unit.code, unitName: r.unit.name, planId: PLAN, periodKey: '2025-H1', covers: coveredUnits(r) });
    const found = findDoubleCounts([e('d', d), e('n', other)]);
    expect(found.leftOut.size).toBe(0);
    expect(found.coveredTwice.map((t) => [t.unitCode, t.byIds])).toEqual([
      ['CDCS-0001', ['d', 'n']],
      ['CDCS-0002', ['d', 'n']],
    ]);
    // One code each body gave its own CĐCS (another name): two units, not one counted twice.
    const renamed = { ...other, consolidation: { ...other.consolidation, units: other.consolidation.units.map((u) => ({ ...u, unitName: `${u.unitName} (ngành)` })), unitNames: {} } } as ConsolidatedReport;
    renamed.activities = [];
    expect(findDoubleCounts([e('d', d), e('n', renamed)]).coveredTwice).toEqual([]);
  });

  it('consolidate() counts the CĐCS once: through the district, its own file left out of every figure', () => {
    const d = districtReport();
    const a = A();
    const base = {
      unit: { code: 'LDLD-TN', name: 'LĐLĐ tỉnh Tây Ninh', level: 'province' as const, parentName: '' },
      plan: d.plan,
      items: d.items.map((i) => ({ id: i.id, groupTitle: i.groupTitle, text: i.text })),
      period: PERIOD,
      indicators: STANDARD_INDICATORS.map((x) => ({ code: x.code, name: x.name, unit: x.unit, target: null })),
      expectedUnits: [
        { code: 'LDLD-DMC', name: DMC.name, level: 'district' as const },
        { code: 'CDCS-0001', name: a.unit.name, level: 'grassroots' as const },
      ],
      deadline: '' as const,
      exportedAt: '2025-06-20T00:00:00.000Z',
      exportedBy: '',
      appVersion: '',
    };
    const alone = consolidate({ ...base, contributions: [{ report: d, submittedAt: d.exportedAt }] }).report;
    const both = consolidate({ ...base, contributions: [{ report: a, submittedAt: a.exportedAt }, { report: d, submittedAt: d.exportedAt }] });
    const r = both.report;
    expect(r.activities).toHaveLength(alone.activities.length);
    expect(r.activities).toHaveLength(6);
    expect(r.indicators.map((i) => i.value)).toEqual(alone.indicators.map((i) => i.value));
    expect(r.consolidation.items.map((i) => i.counts)).toEqual(alone.consolidation.items.map((i) => i.counts));
    expect(r.consolidation.units.map((u) => u.unitCode)).toEqual(['LDLD-DMC']);
    expect(both.countedElsewhere).toEqual([expect.objectContaining({ unitCode: 'CDCS-0001', byCode: 'LDLD-DMC' })]);
    // The CĐCS still handed its own file in.
    expect(r.consolidation.completeness.find((e) => e.unitCode === 'CDCS-0001')?.state).toBe('da-nop');
  });
});

describe('at a province installation', () => {
  beforeEach(async () => {
    db.close();
    await db.delete();
    await db.open();
    await ensureSeeded();
    await db.units.bulkAdd([
      unit('LDLD-TN', 'LĐLĐ tỉnh Tây Ninh', 'province', ''),
      unit('LDLD-DMC', DMC.name, 'district', 'LDLD-TN'),
      // A CĐCS directly under the province, whose code a district also gave one of its CĐCS.
      unit('CDCS-0002', 'CĐCS Bệnh viện Đa khoa tỉnh', 'grassroots', 'LDLD-TN'),
    ]);
    await putSetting('ownUnitCode', 'LDLD-TN');
  });

  it('the import preview says so, both ways round, and the CĐCS is counted once everywhere', async () => {
    const d = districtReport();
    await importReport(d);
    const totals = async () => (await indicatorSummary(PLAN, null, PERIOD)).rows.map((row) => [row.def.code, row.total]);
    const districtOnly = await totals();
    const a = A();
    const direct = await importReport(a, true);
    expect(direct.preview.countingNotes).toEqual([
      'CĐCS Công ty TNHH Hòa Bình (CDCS-0001) đã có trong báo cáo tổng hợp của LĐLĐ huyện Dương Minh Châu (LDLD-DMC): số liệu của đơn vị chỉ được tính một lần, theo báo cáo tổng hợp; tệp đơn vị nộp trực tiếp được giữ trong lịch sử nhập nhưng không cộng thêm.',
    ]);
    // Added from its file, it is placed under the district it names.
    expect(await db.units.get('CDCS-0001')).toMatchObject({ parentCode: 'LDLD-DMC', kind: 'cdcs' });
    // A newer district file, previewed now that the CĐCS's own is active: said too.
    const d2 = { ...d, exportedAt: '2025-06-16T00:00:00.000Z' };
    const again = await previewImport(d2, new TextEncoder().encode(JSON.stringify(d2)), 'TongHop_DMC_2.xlsx');
    expect(again.countingNotes).toHaveLength(1);

    // The log: the CĐCS's activities once (the district's copies), not twice.
    const log = (await activitiesOfPlan(PLAN)).filter((x) => x.deletedAt === null);
    expect(log.filter((x) => x.unitCode === 'CDCS-0001')).toHaveLength(4);
    expect(log).toHaveLength(6);
    expect((await activitiesOfUnit(PLAN, 'CDCS-0001')).length).toBe(4);
    // The indicators of the whole province: what the district's report alone gave, not more.
    expect(await totals()).toEqual(districtOnly);
    expect(districtOnly.some(([, v]) => (v as number) > 0)).toBe(true);
    // The consolidation and what it exports.
    const data = await loadConsolidation({ planId: PLAN, period: PERIOD });
    expect(data.result.report.activities).toHaveLength(6);
    expect(data.result.report.consolidation.units.map((u) => u.unitCode)).toEqual(['LDLD-DMC']);
    expect(data.result.countedElsewhere.map((c) => c.unitCode)).toEqual(['CDCS-0001']);

    // Withdrawn, the district's report no longer counts it: the CĐCS's own file does.
    const district = await db.submissions.filter((x) => x.unitCode === 'LDLD-DMC').first();
    await withdrawSubmission(district!.id);
    expect((await activitiesOfPlan(PLAN)).filter((x) => x.deletedAt === null)).toHaveLength(4);
    const after = await loadConsolidation({ planId: PLAN, period: PERIOD });
    expect(after.result.countedElsewhere).toEqual([]);
    expect(after.result.report.consolidation.units.map((u) => u.unitCode)).toEqual(['CDCS-0001']);
  });

  it('a CĐCS directly under the province with a code the district also gave is its own unit: both counted, the officer told', async () => {
    await importReport(districtReport());
    const hospital = unitReportOf('CDCS-0002', 'CĐCS Bệnh viện Đa khoa tỉnh', 3, '2025-06-12T00:00:00.000Z');
    hospital.unit.parentName = 'LĐLĐ tỉnh Tây Ninh';
    const { preview } = await importReport(hospital);
    expect(preview.countingNotes).toEqual([
      'Mã CDCS-0002 là mã của CĐCS Bệnh viện Đa khoa tỉnh nhưng báo cáo tổng hợp của LĐLĐ huyện Dương Minh Châu dùng mã này cho «CĐCS Trường THCS Suối Đá»: hai đơn vị khác nhau cùng mã, cả hai đều được tính. Nên đổi mã một đơn vị ở «Đơn vị» (mã cũ vẫn được nhận ra).',
    ]);
    const data = await loadConsolidation({ planId: PLAN, period: PERIOD });
    expect(data.result.report.consolidation.units.map((u) => u.unitCode).sort()).toEqual(['CDCS-0002', 'LDLD-DMC']);
    expect(data.result.countedElsewhere).toEqual([]);
    expect(data.result.codeClashes.map((c) => c.unitCode)).toEqual(['CDCS-0002']);
    expect((await activitiesOfPlan(PLAN)).filter((x) => x.deletedAt === null)).toHaveLength(9);
  });
});
