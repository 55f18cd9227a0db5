import { beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import type { ParsedPlan, PlanNode } from '@domain/plan-types';
import { DEFAULT_PERIOD_CONFIG } from '@domain/periods';
import {
  addPlan,
  completeSetup,
  db,
  DEFAULT_OWN_UNIT,
  ensureSeeded,
  getSetting,
  OperationError,
  progressLabel,
  progressOf,
  setActivePlan,
  setItemStatus,
  setPeriodConfig,
  statusesOf,
  updateOwnUnit,
} from '@db';

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
});

const node = (id: string, kind: PlanNode['kind'], trackable: boolean, children: PlanNode[] = []): PlanNode => ({
  id,
  kind,
  label: null,
  text: `Nội dung ${id}`,
  trackable,
  children,
});

/** I (not tracked) / III with groups 1 (3 items) and 2 (2 items) / IV with 2 items directly. */
function smallPlan(number: string | null = '12/KH-CĐCS'): ParsedPlan {
  return {
    header: {
      issuingBody: 'Ban Chấp hành Công đoàn cơ sở',
      parentBody: null,
      number,
      placeAndDate: null,
      documentType: 'KẾ HOẠCH',
      title: 'Thực hiện phong trào thi đua năm 2025',
      implements: [],
      preamble: null,
    },
    sections: [
      node('I', 'section', false, [node('I.1', 'item', false)]),
      node('III', 'section', false, [
        node('III.1', 'group', false, [node('III.1.1', 'item', true), node('III.1.2', 'item', true), node('III.1.3', 'item', true)]),
        node('III.2', 'group', false, [node('III.2.1', 'item', true), node('III.2.2', 'item', true)]),
      ]),
      node('IV', 'section', false, [node('IV.1', 'item', true), node('IV.2', 'item', true)]),
    ],
    closing: null,
    recipients: [],
    signature: [],
    warnings: [],
  };
}

const status = (over: Partial<Parameters<typeof setItemStatus>[0]> = {}) => ({
  planId: BUILTIN_PLAN.id,
  unitCode: DEFAULT_OWN_UNIT.code,
  periodKey: '2025-H1',
  itemId: 'IV.3',
  status: 'xong' as const,
  note: '',
  evidence: '',
  ...over,
});

describe('ensureSeeded', () => {
  it('stores the built-in plan as the active plan, with the default cut-offs; the own unit comes from the setup', async () => {
    expect(await ensureSeeded()).toBe(true);
    const plan = await db.plans.get(BUILTIN_PLAN.id);
    expect(plan?.source).toBe('builtin');
    expect(plan?.number).toBe('63/KH-LĐLĐ');
    expect(plan?.periodConfig).toEqual(DEFAULT_PERIOD_CONFIG);
    expect(await getSetting('activePlanId')).toBe(BUILTIN_PLAN.id);
    expect(await getSetting('ownUnitCode')).toBeUndefined();
    // The app opens on the period that is due (domain/periods.ts defaultPeriod): no kind is stored.
    expect(await getSetting('selectedPeriodKind')).toBeUndefined();
    expect(await db.units.count()).toBe(0);
    await completeSetup(DEFAULT_OWN_UNIT);
    expect(await getSetting('ownUnitCode')).toBe('LDLD-DMC');
    const unit = await db.units.get('LDLD-DMC');
    expect(unit).toMatchObject({ name: 'LĐLĐ huyện Dương Minh Châu', level: 'district', parentName: 'LĐLĐ tỉnh Tây Ninh', active: true });
  });

  it('is idempotent and keeps what the officer changed since', async () => {
    await ensureSeeded();
    await completeSetup(DEFAULT_OWN_UNIT);
    const other = await addPlan({ plan: smallPlan(), source: 'paste', activate: true });
    expect(await ensureSeeded()).toBe(false);
    expect(await getSetting('activePlanId')).toBe(other);
    expect(await db.plans.count()).toBe(2);
    expect(await db.units.count()).toBe(1);
  });

  it('seeds exactly once when two callers race (two tabs opening together)', async () => {
    const results = await Promise.all([ensureSeeded(), ensureSeeded(), ensureSeeded()]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db.plans.count()).toBe(1);
    expect(await db.settings.count()).toBe(2);
  });
});

describe('setItemStatus', () => {
  beforeEach(async () => {
    await ensureSeeded();
    await completeSetup(DEFAULT_OWN_UNIT);
  });

  it('round-trips a status with its note and evidence, stored as NFC', async () => {
    const note = 'Đã gửi báo cáo 6 tháng'.normalize('NFD');
    await setItemStatus(status({ note, evidence: 'Báo cáo số 12/BC-LĐLĐ' }));
    const [rec, ...rest] = await statusesOf(BUILTIN_PLAN.id, 'LDLD-DMC', '2025-H1');
    expect(rest).toHaveLength(0);
    expect(rec).toMatchObject({ itemId: 'IV.3', status: 'xong', note: 'Đã gửi báo cáo 6 tháng', evidence: 'Báo cáo số 12/BC-LĐLĐ' });
    expect(rec!.note).toBe(rec!.note.normalize('NFC'));
    expect(rec!.note).not.toBe(note);

    await setItemStatus(status({ status: 'dang', note: 'Đang tổng hợp' }));
    expect(await db.itemStatuses.count()).toBe(1);
    expect((await statusesOf(BUILTIN_PLAN.id, 'LDLD-DMC', '2025-H1'))[0]).toMatchObject({ status: 'dang', note: 'Đang tổng hợp' });
  });

  it('keeps statuses per period', async () => {
    await setItemStatus(status({ periodKey: '2025-H1', status: 'xong' }));
    await setItemStatus(status({ periodKey: '2025-Y', status: 'dang' }));
    expect((await statusesOf(BUILTIN_PLAN.id, 'LDLD-DMC', '2025-H1')).map((s) => s.status)).toEqual(['xong']);
    expect((await statusesOf(BUILTIN_PLAN.id, 'LDLD-DMC', '2025-Y')).map((s) => s.status)).toEqual(['dang']);
    expect(await statusesOf(BUILTIN_PLAN.id, 'LDLD-DMC', '2026-H1')).toEqual([]);
  });

  const refusals: [string, Parameters<typeof status>[0], string, RegExp][] = [
    ['an unknown status', { status: 'done' as never }, 'status', /Trạng thái không hợp lệ/],
    ['an item the plan does not have', { itemId: 'IX.9' }, 'itemId', /không có nội dung IX\.9/],
    ['an item that is not tracked', { itemId: 'I.1' }, 'itemId', /không theo dõi/],
    ['a note over 2000 characters', { note: 'a'.repeat(2001) }, 'note', /Đánh giá dài quá 2000 ký tự/],
    ['evidence over 2000 characters', { evidence: 'b'.repeat(2001) }, 'evidence', /Minh chứng dài quá 2000 ký tự/],
    ['an unknown unit', { unitCode: 'CDCS-X' }, 'unitCode', /Không tìm thấy đơn vị/],
    ['an unknown plan', { planId: 'nope' }, 'planId', /Không tìm thấy kế hoạch/],
    ['a malformed period', { periodKey: '2025-H3' }, 'periodKey', /Kỳ báo cáo không hợp lệ/],
  ];
  for (const [what, over, field, message] of refusals) {
    it(`refuses ${what} and writes nothing`, async () => {
      const err = await setItemStatus(status(over)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OperationError);
      expect((err as OperationError).field).toBe(field);
      expect((err as OperationError).message).toMatch(message);
      expect(await db.itemStatuses.count()).toBe(0);
    });
  }

  it('accepts 2000 characters counted after NFC', async () => {
    // 1000 "ệ" in NFD are 3000 code units but 1000 characters once composed.
    await setItemStatus(status({ note: 'ệ'.repeat(1000).normalize('NFD') + 'a'.repeat(1000) }));
    expect((await db.itemStatuses.toArray())[0]!.note).toHaveLength(2000);
  });
});

describe('addPlan, setActivePlan, setPeriodConfig', () => {
  beforeEach(async () => {
    await ensureSeeded();
  });

  it('adds plans with unique ids, NFC text and default cut-offs, activating on request', async () => {
    const plan = smallPlan();
    plan.header.title = plan.header.title!.normalize('NFD');
    const a = await addPlan({ plan, source: 'paste', activate: false });
    const b = await addPlan({ plan, source: 'docx', fileName: 'Kế hoạch.docx'.normalize('NFD'), activate: true });
    expect(a).not.toBe(b);
    expect(a).toMatch(/^kh-12-kh-cdcs-/);
    expect(await getSetting('activePlanId')).toBe(b);
    const rec = await db.plans.get(b);
    expect(rec).toMatchObject({ number: '12/KH-CĐCS', source: 'docx', fileName: 'Kế hoạch.docx', title: 'Thực hiện phong trào thi đua năm 2025' });
    expect(rec!.plan.header.title).toBe(rec!.plan.header.title!.normalize('NFC'));
    expect(rec!.periodConfig).toEqual(DEFAULT_PERIOD_CONFIG);
    await setActivePlan(a);
    expect(await getSetting('activePlanId')).toBe(a);
  });

  it('refuses a plan without sections, and an unknown active plan, writing nothing', async () => {
    const empty = { ...smallPlan(), sections: [] };
    await expect(addPlan({ plan: empty, source: 'paste', activate: true })).rejects.toThrow(/chưa có mục nào/);
    await expect(setActivePlan('nope')).rejects.toThrow(/Không tìm thấy kế hoạch/);
    expect(await db.plans.count()).toBe(1);
    expect(await getSetting('activePlanId')).toBe(BUILTIN_PLAN.id);
  });

  it('saves valid cut-offs and refuses a half cut-off after the year cut-off', async () => {
    await setPeriodConfig(BUILTIN_PLAN.id, { kinds: ['year', 'half'], halfEnd: { day: 30, month: 6 }, yearEnd: { day: 31, month: 12 } });
    expect((await db.plans.get(BUILTIN_PLAN.id))!.periodConfig).toEqual({
      kinds: ['half', 'year'],
      halfEnd: { day: 30, month: 6 },
      yearEnd: { day: 31, month: 12 },
    });
    const err = await setPeriodConfig(BUILTIN_PLAN.id, {
      kinds: ['half', 'year'],
      halfEnd: { day: 15, month: 12 },
      yearEnd: { day: 14, month: 12 },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OperationError);
    expect((err as OperationError).field).toBe('halfEnd');
    expect((err as OperationError).message).toBe('Ngày chốt 6 tháng (15/12) phải trước ngày chốt năm (14/12).');
    expect((await db.plans.get(BUILTIN_PLAN.id))!.periodConfig.halfEnd).toEqual({ day: 30, month: 6 });
  });

});

describe('updateOwnUnit', () => {
  beforeEach(async () => {
    await ensureSeeded();
    await completeSetup(DEFAULT_OWN_UNIT);
  });

  it('renames in place and, on a new code, carries the statuses over', async () => {
    await setItemStatus(status());
    await updateOwnUnit({ code: 'CDCS-ABC', name: 'Công đoàn cơ sở Công ty ABC', level: 'grassroots', parentName: 'LĐLĐ huyện Dương Minh Châu' });
    expect(await getSetting('ownUnitCode')).toBe('CDCS-ABC');
    expect(await db.units.get('LDLD-DMC')).toBeUndefined();
    expect(await db.units.get('CDCS-ABC')).toMatchObject({ level: 'grassroots', name: 'Công đoàn cơ sở Công ty ABC' });
    expect((await statusesOf(BUILTIN_PLAN.id, 'CDCS-ABC', '2025-H1')).map((s) => s.itemId)).toEqual(['IV.3']);
    expect(await statusesOf(BUILTIN_PLAN.id, 'LDLD-DMC', '2025-H1')).toEqual([]);
  });

  it('a new code carries every figure over (adjustments and targets too) and keeps the old code as the unit\'s', async () => {
    const key = { planId: BUILTIN_PLAN.id, periodKey: '2025-H1', indicatorCode: 'propaganda-sessions' };
    await db.indicatorAdjustments.put({ ...key, unitCode: 'LDLD-DMC', delta: 2, reason: 'Trước khi dùng ứng dụng', updatedAt: '2025-06-01T00:00:00.000Z' });
    await db.indicatorTargets.put({ ...key, unitCode: 'LDLD-DMC', target: 10 });
    await updateOwnUnit({ ...DEFAULT_OWN_UNIT, code: 'LDLD-H-0007' });
    expect(await db.indicatorAdjustments.get([key.planId, 'LDLD-H-0007', key.periodKey, key.indicatorCode])).toMatchObject({ delta: 2 });
    expect(await db.indicatorTargets.get([key.planId, 'LDLD-H-0007', key.periodKey, key.indicatorCode])).toMatchObject({ target: 10 });
    expect(await db.indicatorAdjustments.count()).toBe(1);
    expect(await db.units.get('LDLD-H-0007')).toMatchObject({ aliases: ['LDLD-DMC'], kind: 'ldld-huyen' });
  });

  it('refuses an empty name or a code with spaces, writing nothing', async () => {
    await expect(updateOwnUnit({ ...DEFAULT_OWN_UNIT, name: '  ' })).rejects.toThrow('Nhập tên đơn vị.');
    await expect(updateOwnUnit({ ...DEFAULT_OWN_UNIT, code: 'LĐLĐ DMC' })).rejects.toMatchObject({ field: 'code' });
    expect(await db.units.get('LDLD-DMC')).toMatchObject({ name: 'LĐLĐ huyện Dương Minh Châu' });
  });
});

describe('progressOf', () => {
  it('counts per group, per section and overall; percent = xong / (trackable − không áp dụng)', () => {
    const p = progressOf(smallPlan(), [
      { itemId: 'III.1.1', status: 'xong' },
      { itemId: 'III.1.2', status: 'khong-ap-dung' },
      { itemId: 'III.2.1', status: 'dang' },
      { itemId: 'IV.2', status: 'xong' },
      { itemId: 'I.1', status: 'xong' }, // not trackable: ignored
    ]);
    expect(p.overall).toEqual({
      trackable: 7,
      counts: { chua: 3, dang: 1, xong: 2, 'khong-ap-dung': 1 },
      applicable: 6,
      done: 2,
      percent: 33,
    });
    expect(p.byNode['III.1']).toMatchObject({ trackable: 3, applicable: 2, done: 1, percent: 50 });
    expect(p.byNode['III.2']).toMatchObject({ trackable: 2, applicable: 2, done: 0, percent: 0 });
    expect(p.byNode['III']).toMatchObject({ trackable: 5, done: 1, applicable: 4, percent: 25 });
    expect(p.byNode['IV']).toMatchObject({ trackable: 2, done: 1, percent: 50 });
    expect(p.byNode['I']).toBeUndefined();
    expect(progressLabel(p.overall)).toBe('2/6 đã hoàn thành (33%)');
  });

  it('never rounds to 100% before everything is done, nor to 0% after the first', () => {
    const items = Array.from({ length: 300 }, (_, i) => node(`III.1.${i + 1}`, 'item', true));
    const plan = smallPlan();
    plan.sections = [node('III', 'section', false, [node('III.1', 'group', false, items)])];
    const almost = progressOf(plan, items.slice(0, 299).map((n) => ({ itemId: n.id, status: 'xong' as const })));
    expect(almost.overall.percent).toBe(99);
    const one = progressOf(plan, [{ itemId: 'III.1.1', status: 'xong' }]);
    expect(one.overall.percent).toBe(1);
    const allNa = progressOf(plan, items.map((n) => ({ itemId: n.id, status: 'khong-ap-dung' as const })));
    expect(allNa.overall).toMatchObject({ applicable: 0, percent: 0 });
  });

  it('on the built-in plan, everything starts at 0 with IV.3 among the tracked items', () => {
    const p = progressOf(BUILTIN_PLAN.plan, []);
    expect(p.overall.done).toBe(0);
    expect(p.overall.trackable).toBeGreaterThan(20);
    const withIv3 = progressOf(BUILTIN_PLAN.plan, [{ itemId: 'IV.3', status: 'xong' }]);
    expect(withIv3.byNode['IV']!.done).toBe(1);
  });
});
