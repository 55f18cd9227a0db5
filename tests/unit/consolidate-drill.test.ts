/**
 * domain/consolidation-drill.ts: what stands behind a figure of "Tổng hợp" — the units and
 * the activities — at the district (unit reports) and at the province (districts' reports).
 */
import { describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES } from '@domain/activity';
import { consolidate, type ConsolidateInput, type Contribution } from '@domain/consolidate';
import { STANDARD_INDICATORS } from '@domain/indicators';
import type { UnitReport } from '@domain/report';
import { drillDown } from '@domain/consolidation-drill';
import { planItems, sampleReport } from '../support/exchange-writer-fixtures';

const ITEMS = planItems();
const [I1, I2] = [ITEMS[0]!.id, ITEMS[1]!.id];
const PERIOD = { key: '2025-H1', name: '6 tháng đầu năm 2025', start: '2025-01-01', end: '2025-06-30' };

/** A unit report; `participantsAdjustment` is its Điều chỉnh of «Lượt người tham gia». */
function unit(code: string, status: 'xong' | 'dang' | null, acts: { item: string; participants: number | null; sessions?: number }[], participantsAdjustment: number): UnitReport {
  const r = sampleReport(0);
  return {
    ...r,
    unit: { code, name: `CĐCS ${code}`, level: 'grassroots', parentName: '' },
    period: PERIOD,
    items: ITEMS.map((it) => ({ ...it, status: it.id === I1 ? status : null, note: '', evidence: '', activityCount: 0 })),
    activities: acts.map((a, i) => ({
      id: `${code}-${i}`,
      date: `2025-03-${String(i + 1).padStart(2, '0')}`,
      unitCode: code,
      itemIds: [a.item],
      type: ACTIVITY_TYPES[0]!.code,
      title: `Hoạt động ${i} của ${code}`,
      content: '',
      location: '',
      participants: a.participants,
      evidenceDoc: '',
      evidenceFile: '',
      indicators: (a.sessions ? { 'propaganda-sessions': a.sessions } : {}) as Record<string, number>,
    })),
    indicators: STANDARD_INDICATORS.map((d) => ({ code: d.code, name: d.name, unit: d.unit, value: 0, target: null, adjustment: d.code === 'participants' ? participantsAdjustment : 0, adjustmentReason: '' })),
  };
}

function input(code: string, level: 'district' | 'province', contributions: Contribution[]): ConsolidateInput {
  const r = sampleReport(0);
  return {
    unit: { code, name: `Đơn vị ${code}`, level, parentName: '' },
    plan: r.plan,
    items: ITEMS,
    period: PERIOD,
    indicators: STANDARD_INDICATORS.map((d) => ({ code: d.code, name: d.name, unit: d.unit, target: null })),
    expectedUnits: [],
    deadline: '',
    contributions,
    exportedAt: '2025-07-01T00:00:00.000Z',
    exportedBy: '',
    appVersion: '',
  };
}

const A = unit('CDCS-A', 'xong', [{ item: I1, participants: 30 }, { item: I2, participants: null, sessions: 2 }], 0);
const B = unit('CDCS-B', 'xong', [{ item: I1, participants: 10 }], 5); // 10 from its activity + 5 adjusted
const C = unit('CDCS-C', 'dang', [{ item: I1, participants: null }], 0);
const district = consolidate(input('LDLD-X', 'district', [A, B, C].map((r) => ({ report: r, submittedAt: r.exportedAt }))));

describe('drillDown at the district', () => {
  it('a status figure: the units giving it and their activities for that item only', () => {
    const d = drillDown(district, { kind: 'item-status', itemId: I1, status: 'xong' });
    expect(d.title).toBe(`${I1} · Đã hoàn thành: 2 đơn vị`);
    expect(d.units.map((u) => [u.unitCode, u.figure])).toEqual([
      ['CDCS-A', 1],
      ['CDCS-B', 1],
    ]);
    expect(d.activities.map((a) => a.activity.id)).toEqual(['CDCS-A-0', 'CDCS-B-0']);
  });

  it('an item’s activity count: every unit’s activities for it', () => {
    const d = drillDown(district, { kind: 'item-activities', itemId: I1 });
    expect(d.activities).toHaveLength(3);
    expect(d.units.map((u) => [u.unitCode, u.figure])).toEqual([
      ['CDCS-A', 1],
      ['CDCS-B', 1],
      ['CDCS-C', 1],
    ]);
  });

  it('an indicator cell: the unit’s activities carrying it, with values, and the adjustment named', () => {
    const d = drillDown(district, { kind: 'indicator', code: 'participants', unitCode: 'CDCS-B' });
    expect(d.title).toBe('Lượt người tham gia · CĐCS CDCS-B: 15 lượt người');
    expect(d.activities.map((a) => [a.activity.id, a.value])).toEqual([['CDCS-B-0', 10]]);
    expect(d.note).toContain('điều chỉnh');
    expect(d.note).toContain('+5');
    const total = drillDown(district, { kind: 'indicator', code: 'participants', unitCode: null });
    expect(total.title).toBe('Lượt người tham gia · Tổng cộng: 45 lượt người');
    expect(total.units.map((u) => [u.unitCode, u.figure])).toEqual([
      ['CDCS-A', 30],
      ['CDCS-B', 15],
    ]);
    expect(total.activities.map((a) => a.value)).toEqual([30, 10]);
    expect(drillDown(district, { kind: 'indicator', code: 'participants', unitCode: 'CDCS-A' }).note).toBe('');
  });
});

describe('drillDown at the province', () => {
  const other = consolidate(input('LDLD-Y', 'district', [{ report: unit('CDCS-D', 'xong', [{ item: I1, participants: 7 }], 0), submittedAt: '2025-06-01T00:00:00.000Z' }]));
  const province = consolidate(
    input('LDLD-TN', 'province', [
      { report: district.report, submittedAt: district.report.exportedAt },
      { report: other.report, submittedAt: other.report.exportedAt },
    ]),
  );

  it('a status figure lists the districts with their counts, and the CĐCS activities behind them', () => {
    const d = drillDown(province, { kind: 'item-status', itemId: I1, status: 'xong' });
    expect(d.title).toBe(`${I1} · Đã hoàn thành: 3 đơn vị`);
    expect(d.units.map((u) => [u.unitCode, u.figure])).toEqual([
      ['LDLD-X', 2],
      ['LDLD-Y', 1],
    ]);
    // The district's own shares do not say which of its units gave which status: its activities
    // for the item are shown (CĐCS C's included), each under the CĐCS that did it.
    expect(d.activities.map((a) => [a.activity.unitCode, a.unitName])).toEqual([
      ['CDCS-A', 'CĐCS CDCS-A'],
      ['CDCS-B', 'CĐCS CDCS-B'],
      ['CDCS-C', 'CĐCS CDCS-C'],
      ['CDCS-D', 'CĐCS CDCS-D'],
    ]);
    expect(d.note).toContain('không ghi trạng thái của từng đơn vị');
    expect(drillDown(district, { kind: 'item-status', itemId: I1, status: 'xong' }).note).not.toContain('không ghi trạng thái');
  });

  it('a district’s row opens all of its units’ activities', () => {
    const d = drillDown(province, { kind: 'unit', unitCode: 'LDLD-X' });
    expect(d.activities).toHaveLength(4);
    expect(d.units).toEqual([{ unitCode: 'LDLD-X', unitName: 'Đơn vị LDLD-X', figure: 3 }]);
  });
});
