import { beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { activitySearchText, createActivity, type ActivityInput } from '@domain/activity';
import { DEFAULT_PERIOD_CONFIG, periodOf } from '@domain/periods';
import {
  addPlanIndicator,
  db,
  ensureSeeded,
  indicatorSummary,
  OperationError,
  percentReached,
  removeIndicatorAdjustment,
  removePlanIndicator,
  setIndicatorAdjustment,
  setIndicatorTarget,
  type ActivityRecord,
} from '@db';

const PLAN = BUILTIN_PLAN.id;
const OWN = 'LDLD-DMC';
const CDCS = 'CDCS-001';
const H1 = periodOf(DEFAULT_PERIOD_CONFIG, { kind: 'half', year: 2025 }); // 2024-12-15 … 2025-06-14
const YEAR = periodOf(DEFAULT_PERIOD_CONFIG, { kind: 'year', year: 2025 });
const H1_2024 = periodOf(DEFAULT_PERIOD_CONFIG, { kind: 'half', year: 2024 });

const ref = (over: Partial<{ unitCode: string; periodKey: string; indicatorCode: string }> = {}) => ({
  planId: PLAN,
  unitCode: OWN,
  periodKey: H1.key,
  indicatorCode: 'new-members',
  ...over,
});

let seq = 0;
async function log(over: Partial<ActivityInput> & { deletedAt?: string | null } = {}): Promise<ActivityRecord> {
  const input: ActivityInput = {
    planId: PLAN,
    unitCode: OWN,
    date: '2025-03-10',
    itemIds: ['III.1.1'],
    type: 'propaganda',
    title: `Tuyên truyền Nghị quyết 43 lần ${++seq}`,
    content: '',
    location: '',
    participants: null,
    evidenceDoc: '',
    evidenceFile: '',
    indicators: {},
    ...over,
  };
  const a = createActivity(input, '2025-03-10T08:00:00.000Z');
  const rec: ActivityRecord = { ...a, deletedAt: over.deletedAt ?? null, searchText: activitySearchText(a) };
  await db.activities.put(rec);
  return rec;
}

async function expectRefused(p: Promise<unknown>, field: string, message?: RegExp): Promise<void> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OperationError);
  expect((err as OperationError).field).toBe(field);
  if (message) expect((err as OperationError).message).toMatch(message);
}

const row = async (unitCode: string | null, period = H1, code = 'new-members') => {
  const s = await indicatorSummary(PLAN, unitCode, period);
  const r = s.rows.find((x) => x.def.code === code);
  if (!r) throw new Error(`no row ${code}`);
  return r;
};

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  await ensureSeeded();
  // Units written directly: the first-run setup (another module) is not what is tested here.
  const t = '2025-01-01T00:00:00.000Z';
  const unit = { type: null, members: null, contact: '', phone: '', active: true, createdAt: t, updatedAt: t };
  await db.units.bulkPut([
    { ...unit, code: OWN, name: 'LĐLĐ huyện Dương Minh Châu', level: 'district', parentName: 'LĐLĐ tỉnh Tây Ninh' },
    { ...unit, code: CDCS, name: 'CĐCS Công ty TNHH Giày da Mỹ Phong', level: 'grassroots', parentName: 'LĐLĐ huyện Dương Minh Châu' },
  ]);
  await db.settings.put({ key: 'ownUnitCode', value: OWN });
});

describe('indicatorSummary', () => {
  it('lists every standard indicator with zeros for an empty period', async () => {
    const s = await indicatorSummary(PLAN, OWN, H1);
    expect(s.rows.map((r) => r.def.code)).toEqual([
      'propaganda-sessions',
      'participants',
      'new-members',
      'new-grassroots-unions',
      'new-collective-agreements',
      'workplace-dialogues',
      'legal-advice',
      'training-classes',
      'party-referrals',
      'party-admissions',
      'commendations',
    ]);
    expect(s.rows.every((r) => r.total === 0 && r.target === null && r.percent === null)).toBe(true);
    expect(s.activityCount).toBe(0);
  });

  it('sums activities of the unit in the period; deleted, other units, other plans and dates outside are left out', async () => {
    const a = await log({ date: '2024-12-15', indicators: { 'new-members': 5 }, participants: 40 }); // first day of H1
    const b = await log({ date: '2025-06-14', indicators: { 'new-members': 3 } }); // last day
    await log({ date: '2025-06-15', indicators: { 'new-members': 100 } }); // next period
    await log({ date: '2024-12-14', indicators: { 'new-members': 100 } }); // previous year
    await log({ indicators: { 'new-members': 100 }, deletedAt: '2025-03-11T00:00:00.000Z' });
    await log({ unitCode: CDCS, indicators: { 'new-members': 7 } });
    await log({ planId: 'another-plan', indicators: { 'new-members': 100 } });

    const own = await indicatorSummary(PLAN, OWN, H1);
    const nm = own.rows.find((r) => r.def.code === 'new-members')!;
    expect(nm).toMatchObject({ fromActivities: 8, adjustment: 0, total: 8 });
    expect(nm.activities.map((x) => [x.id, x.value])).toEqual([
      [b.id, 3],
      [a.id, 5],
    ]);
    expect(own.rows.find((r) => r.def.code === 'participants')!.total).toBe(40);
    expect(own.activityCount).toBe(2);

    const all = await row(null);
    expect(all.fromActivities).toBe(15);
    expect(all.activities.map((x) => x.unitCode).sort()).toEqual([CDCS, OWN, OWN]);
  });

  it('adds the period adjustment, negative too, and shows its reason; other periods and units are excluded', async () => {
    await log({ indicators: { 'new-members': 10 } });
    await setIndicatorAdjustment({ ...ref(), delta: 4, reason: 'Kết nạp trước khi dùng ứng dụng' });
    await setIndicatorAdjustment({ ...ref({ periodKey: YEAR.key }), delta: 50, reason: 'Cả năm' });
    await setIndicatorAdjustment({ ...ref({ periodKey: H1_2024.key }), delta: 60, reason: 'Năm trước' });
    await setIndicatorAdjustment({ ...ref({ unitCode: CDCS }), delta: -2, reason: 'Trùng 2 người đã báo cáo' });

    const own = await row(OWN);
    expect(own).toMatchObject({ fromActivities: 10, adjustment: 4, total: 14 });
    expect(own.adjustments.map((a) => a.reason)).toEqual(['Kết nạp trước khi dùng ứng dụng']);

    const cdcs = await row(CDCS);
    expect(cdcs).toMatchObject({ fromActivities: 0, adjustment: -2, total: -2 });

    const all = await row(null);
    expect(all).toMatchObject({ fromActivities: 10, adjustment: 2, total: 12 });
    expect(all.adjustments.map((a) => a.unitCode).sort()).toEqual([CDCS, OWN]);

    // The year report has its own adjustment; the H1 one is not carried into it.
    expect(await row(OWN, YEAR)).toMatchObject({ fromActivities: 10, adjustment: 50, total: 60 });
  });

  it('a second adjustment replaces the first; delta 0 deletes it; removeIndicatorAdjustment too', async () => {
    await setIndicatorAdjustment({ ...ref(), delta: 4, reason: 'Lần đầu' });
    await setIndicatorAdjustment({ ...ref(), delta: -3, reason: 'Sửa lại' });
    expect(await row(OWN)).toMatchObject({ adjustment: -3, total: -3 });
    expect((await row(OWN)).adjustments.map((a) => a.reason)).toEqual(['Sửa lại']);
    expect(await db.indicatorAdjustments.count()).toBe(1);

    expect(await setIndicatorAdjustment({ ...ref(), delta: 0, reason: '' })).toBeNull();
    expect(await db.indicatorAdjustments.count()).toBe(0);

    await setIndicatorAdjustment({ ...ref(), delta: '-1.200', reason: 'Số âm viết có dấu chấm' });
    expect((await row(OWN)).adjustment).toBe(-1200);
    expect(await removeIndicatorAdjustment(ref())).toBe(true);
    expect(await removeIndicatorAdjustment(ref())).toBe(false);
    expect((await row(OWN)).adjustment).toBe(0);
  });

  it('targets give % đạt (rounded down); for all units the own unit’s target is used', async () => {
    await log({ indicators: { 'new-members': 7 } });
    await log({ unitCode: CDCS, indicators: { 'new-members': 5 } });
    await setIndicatorTarget({ ...ref(), target: '30' });
    await setIndicatorTarget({ ...ref({ unitCode: CDCS }), target: 6 });
    await setIndicatorTarget({ ...ref({ periodKey: YEAR.key }), target: 1000 });

    expect(await row(OWN)).toMatchObject({ total: 7, target: 30, percent: 23 });
    expect(await row(CDCS)).toMatchObject({ total: 5, target: 6, percent: 83 });
    const all = await indicatorSummary(PLAN, null, H1);
    expect(all.targetUnitCode).toBe(OWN);
    expect(all.rows.find((r) => r.def.code === 'new-members')).toMatchObject({ total: 12, target: 30, percent: 40 });

    expect(await setIndicatorTarget({ ...ref(), target: '' })).toBeNull();
    expect(await row(OWN)).toMatchObject({ target: null, percent: null });
    expect(await db.indicatorTargets.count()).toBe(2);
  });

  it('percentReached', () => {
    expect(percentReached(199, 200)).toBe(99);
    expect(percentReached(250, 200)).toBe(125);
    expect(percentReached(5, 0)).toBeNull();
    expect(percentReached(5, null)).toBeNull();
  });
});

describe('validation (Vietnamese, beside the field, nothing written)', () => {
  it('adjustment: reason required, integer delta, known plan/unit/period/indicator', async () => {
    await expectRefused(setIndicatorAdjustment({ ...ref(), delta: 3, reason: '   ' }), 'reason', /Lý do điều chỉnh: không được để trống/);
    await expectRefused(setIndicatorAdjustment({ ...ref(), delta: '2,5', reason: 'x' }), 'delta', /Số điều chỉnh/);
    await expectRefused(setIndicatorAdjustment({ ...ref(), delta: 'ba', reason: 'x' }), 'delta');
    await expectRefused(setIndicatorAdjustment({ ...ref({ unitCode: 'KHONG-CO' }), delta: 1, reason: 'x' }), 'unitCode');
    await expectRefused(setIndicatorAdjustment({ ...ref({ periodKey: '2025-H3' }), delta: 1, reason: 'x' }), 'periodKey');
    await expectRefused(setIndicatorAdjustment({ ...ref({ indicatorCode: 'x-chua-co' }), delta: 1, reason: 'x' }), 'indicatorCode');
    await expectRefused(setIndicatorAdjustment({ ...ref(), planId: 'nope', delta: 1, reason: 'x' }), 'planId');
    expect(await db.indicatorAdjustments.count()).toBe(0);
  });

  it('target: a non-negative integer', async () => {
    await expectRefused(setIndicatorTarget({ ...ref(), target: -5 }), 'target', /Chỉ tiêu phấn đấu/);
    await expectRefused(setIndicatorTarget({ ...ref(), target: '10%' }), 'target');
    expect(await db.indicatorTargets.count()).toBe(0);
  });

  it('stores the reason NFC and trimmed', async () => {
    const nfd = 'Bổ sung số liệu quý I'.normalize('NFD');
    const rec = await setIndicatorAdjustment({ ...ref(), delta: 2, reason: `  ${nfd}  ` });
    expect(rec!.reason).toBe('Bổ sung số liệu quý I'.normalize('NFC'));
  });
});

describe('plan indicators', () => {
  it('addPlanIndicator extends the list with an x- code; duplicates are refused', async () => {
    const def = await addPlanIndicator(PLAN, { name: '  Hộ nghèo được hỗ trợ ', unit: 'hộ' });
    expect(def).toEqual({ code: 'x-ho-ngheo-duoc-ho-tro', name: 'Hộ nghèo được hỗ trợ', unit: 'hộ', builtin: false });
    const s = await indicatorSummary(PLAN, OWN, H1);
    expect(s.rows.at(-1)!.def.code).toBe('x-ho-ngheo-duoc-ho-tro');
    expect(s.rows).toHaveLength(12);

    await expectRefused(addPlanIndicator(PLAN, { name: 'HO NGHEO DUOC HO TRO', unit: 'hộ' }), 'name', /đã có/);
    await expectRefused(addPlanIndicator(PLAN, { name: 'Số cuộc tuyên truyền', unit: 'cuộc' }), 'name', /đã có/);
    await expectRefused(addPlanIndicator(PLAN, { name: 'Hộ khác', unit: 'hộ', code: 'ho ngheo duoc ho tro' }), 'code');
    await expectRefused(addPlanIndicator(PLAN, { name: '', unit: 'hộ' }), 'name', /Tên chỉ tiêu: không được để trống/);
    await expectRefused(addPlanIndicator(PLAN, { name: 'Nhà mái ấm', unit: ' ' }), 'unit', /Đơn vị tính/);
    await expectRefused(addPlanIndicator('nope', { name: 'Nhà mái ấm', unit: 'căn' }), 'planId');
    expect((await db.plans.get(PLAN))!.extraIndicators).toHaveLength(1);

    // An extra can be adjusted and targeted like a standard one.
    await setIndicatorAdjustment({ ...ref({ indicatorCode: def.code }), delta: 3, reason: 'Hỗ trợ Tết' });
    await log({ indicators: { [def.code]: 2 } });
    expect(await row(OWN, H1, def.code)).toMatchObject({ fromActivities: 2, adjustment: 3, total: 5 });
  });

  it('removePlanIndicator: refused while an activity (even in the trash) or an adjustment uses it; takes its targets', async () => {
    const def = await addPlanIndicator(PLAN, { name: 'Mái ấm công đoàn', unit: 'căn' });
    await expectRefused(removePlanIndicator(PLAN, 'new-members'), 'code', /chuẩn/);

    const a = await log({ indicators: { [def.code]: 1 }, deletedAt: '2025-04-01T00:00:00.000Z' });
    await expectRefused(removePlanIndicator(PLAN, def.code), 'code', /1 hoạt động/);
    await db.activities.delete(a.id);

    await setIndicatorAdjustment({ ...ref({ indicatorCode: def.code }), delta: 1, reason: 'Bàn giao' });
    await expectRefused(removePlanIndicator(PLAN, def.code), 'code', /điều chỉnh/);
    await setIndicatorAdjustment({ ...ref({ indicatorCode: def.code }), delta: 0, reason: '' });

    await setIndicatorTarget({ ...ref({ indicatorCode: def.code }), target: 2 });
    await removePlanIndicator(PLAN, def.code);
    expect((await db.plans.get(PLAN))!.extraIndicators).toEqual([]);
    expect(await db.indicatorTargets.count()).toBe(0);
    await expectRefused(removePlanIndicator(PLAN, def.code), 'code');
  });

  it('a code found in activities but not in the list still shows, marked unlisted', async () => {
    await log({ indicators: { 'x-cu': 4 } });
    const r = await row(OWN, H1, 'x-cu');
    expect(r).toMatchObject({ listed: false, total: 4 });
  });
});
