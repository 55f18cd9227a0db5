import { beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { activitySearchText, createActivity, type ActivityInput } from '@domain/activity';
import { DEFAULT_PERIOD_CONFIG, periodOf } from '@domain/periods';
import { planFingerprint, trackableItems } from '@domain/plan-tree';
import {
  buildTemplateInput,
  buildUnitReport,
  db,
  ensureSeeded,
  OperationError,
  setIndicatorAdjustment,
  setIndicatorTarget,
  setItemStatus,
  type ActivityRecord,
} from '@db';
import { readWorkbook } from '@exchange/reader';
import { reportFileName } from '@exchange/spec';
import { writeUnitReport } from '@exchange/writer';

const PLAN = BUILTIN_PLAN.id;
const OWN = 'LDLD-DMC';
const CDCS = 'CDCS-001';
const H1 = periodOf(DEFAULT_PERIOD_CONFIG, { kind: 'half', year: 2025 }); // 2024-12-15 … 2025-06-14
const NOW = new Date('2025-06-20T03:15:00.000Z');

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
  const a = createActivity(input, `2025-03-10T08:00:${String(seq % 60).padStart(2, '0')}.000Z`);
  const rec: ActivityRecord = { ...a, deletedAt: over.deletedAt ?? null, searchText: activitySearchText(a) };
  await db.activities.put(rec);
  return rec;
}

const build = (unitCode = OWN, period = H1) =>
  buildUnitReport({ planId: PLAN, unitCode, period, exportedBy: 'Nguyễn Thị Hoa', appVersion: '1.2.3', now: NOW });

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  await ensureSeeded();
  const t = '2025-01-01T00:00:00.000Z';
  const unit = { type: null, members: null, contact: '', phone: '', active: true, createdAt: t, updatedAt: t };
  await db.units.bulkPut([
    { ...unit, code: OWN, name: 'LĐLĐ huyện Dương Minh Châu', level: 'district', parentName: 'LĐLĐ tỉnh Tây Ninh' },
    { ...unit, code: CDCS, name: 'CĐCS Công ty TNHH Giày da Mỹ Phong', level: 'grassroots', parentName: 'LĐLĐ huyện Dương Minh Châu' },
  ]);
  await db.settings.put({ key: 'ownUnitCode', value: OWN });
});

describe('buildUnitReport', () => {
  it('carries the unit, plan, period and export identity', async () => {
    const r = await build();
    expect(r.kind).toBe('unit-report');
    expect(r.unit).toEqual({ code: OWN, name: 'LĐLĐ huyện Dương Minh Châu', level: 'district', parentName: 'LĐLĐ tỉnh Tây Ninh' });
    expect(r.plan).toEqual({ id: PLAN, number: '63/KH-LĐLĐ', title: expect.any(String), fingerprint: planFingerprint(BUILTIN_PLAN.plan) });
    expect(r.period).toEqual({ key: '2025-H1', name: '6 tháng đầu năm 2025', start: '2024-12-15', end: '2025-06-14' });
    expect(r.exportedAt).toBe('2025-06-20T03:15:00.000Z');
    expect(r.exportedBy).toBe('Nguyễn Thị Hoa');
    expect(r.appVersion).toBe('1.2.3');
    expect(reportFileName(r)).toBe('BaoCao_63-KH-LDLD_LDLD-DMC_6T-2025.xlsx');
  });

  it('lists every trackable item with its group, status (null when none) and activity count', async () => {
    await setItemStatus({ planId: PLAN, unitCode: OWN, periodKey: H1.key, itemId: 'IV.3', status: 'xong', note: 'Đã gửi đúng hạn', evidence: '12/BC-LĐLĐ' });
    await setItemStatus({ planId: PLAN, unitCode: OWN, periodKey: '2025-Y', itemId: 'III.1.1', status: 'dang', note: 'năm', evidence: '' });
    await setItemStatus({ planId: PLAN, unitCode: CDCS, periodKey: H1.key, itemId: 'III.1.1', status: 'xong', note: 'khác đơn vị', evidence: '' });
    await log({ itemIds: ['III.1.1', 'III.2.4'] });
    await log({ itemIds: ['III.1.1'], date: H1.start });
    await log({ itemIds: ['III.1.1'], date: H1.end });
    const r = await build();
    const expectedIds = trackableItems(BUILTIN_PLAN.plan).map((n) => n.id);
    expect(r.items.map((i) => i.id)).toEqual(expectedIds);
    const byId = new Map(r.items.map((i) => [i.id, i]));
    expect(byId.get('IV.3')).toMatchObject({ status: 'xong', note: 'Đã gửi đúng hạn', evidence: '12/BC-LĐLĐ', activityCount: 0 });
    // Another period's and another unit's statuses do not leak in.
    expect(byId.get('III.1.1')).toMatchObject({ status: null, note: '', evidence: '', activityCount: 3 });
    expect(byId.get('III.2.4')).toMatchObject({ activityCount: 1 });
    expect(byId.get('III.1.1')!.groupTitle).toMatch(/^Tăng cường tuyên truyền/);
    expect(r.items.filter((i) => i.status !== null)).toHaveLength(1);
  });

  it('includes activities on both period boundaries, excludes the days outside, deleted ones and other units', async () => {
    const first = await log({ date: H1.start, title: 'Ngày đầu kỳ' });
    const last = await log({ date: H1.end, title: 'Ngày cuối kỳ' });
    const mid = await log({ date: '2025-02-01', title: 'Giữa kỳ' });
    await log({ date: '2024-12-14', title: 'Trước kỳ một ngày' });
    await log({ date: '2025-06-15', title: 'Sau kỳ một ngày' });
    await log({ date: '2025-03-01', title: 'Đã xóa', deletedAt: '2025-03-02T00:00:00.000Z' });
    await log({ date: '2025-03-01', title: 'Của CĐCS', unitCode: CDCS });
    await log({ date: '2025-03-01', title: 'Kế hoạch khác', planId: 'other-plan' });
    const r = await build();
    expect(r.activities.map((a) => a.title)).toEqual(['Ngày đầu kỳ', 'Giữa kỳ', 'Ngày cuối kỳ']);
    expect(r.activities.map((a) => a.id)).toEqual([first.id, mid.id, last.id]);
    expect(r.items.find((i) => i.id === 'III.1.1')!.activityCount).toBe(3);

    const other = await build(CDCS);
    expect(other.activities.map((a) => a.title)).toEqual(['Của CĐCS']);
    expect(other.unit.level).toBe('grassroots');
  });

  it('takes indicators from indicatorSummary: total with adjustment, reason and target', async () => {
    await log({ indicators: { 'new-members': 5 }, participants: 40 });
    await log({ indicators: { 'new-members': 2 }, deletedAt: '2025-03-03T00:00:00.000Z' });
    await log({ indicators: { 'new-members': 9 }, unitCode: CDCS });
    await setIndicatorAdjustment({ planId: PLAN, unitCode: OWN, periodKey: H1.key, indicatorCode: 'new-members', delta: 3, reason: 'Kết nạp trước khi dùng ứng dụng' });
    await setIndicatorTarget({ planId: PLAN, unitCode: OWN, periodKey: H1.key, indicatorCode: 'new-members', target: 50 });
    const r = await build();
    expect(r.indicators.find((i) => i.code === 'new-members')).toEqual({
      code: 'new-members',
      name: expect.any(String),
      unit: expect.any(String),
      value: 8,
      target: 50,
      adjustment: 3,
      adjustmentReason: 'Kết nạp trước khi dùng ứng dụng',
    });
    expect(r.indicators.find((i) => i.code === 'participants')).toMatchObject({ value: 40, target: null, adjustment: 0, adjustmentReason: '' });
  });

  it('returns NFC text even when records hold NFD', async () => {
    const nfd = 'Hội nghị người lao động'.normalize('NFD');
    await log({ title: nfd, location: 'Hội trường'.normalize('NFD') });
    await db.units.update(OWN, { name: 'LĐLĐ huyện Dương Minh Châu'.normalize('NFD') });
    const r = await build();
    expect(r.activities[0]!.title).toBe('Hội nghị người lao động'.normalize('NFC'));
    expect(r.activities[0]!.location).toBe('Hội trường');
    expect(r.unit.name).toBe('LĐLĐ huyện Dương Minh Châu');
    expect(r.unit.name).toBe(r.unit.name.normalize('NFC'));
  });

  it('refuses an unknown plan or unit with a Vietnamese message', async () => {
    await expect(buildUnitReport({ planId: 'nope', unitCode: OWN, period: H1, exportedBy: '', appVersion: '1' })).rejects.toBeInstanceOf(OperationError);
    await expect(build('KHONG-CO')).rejects.toThrow('Không tìm thấy đơn vị này.');
  });
});

describe('buildUnitReport → writeUnitReport → readWorkbook', () => {
  it('reads back the same report', async () => {
    await setItemStatus({ planId: PLAN, unitCode: OWN, periodKey: H1.key, itemId: 'IV.3', status: 'xong', note: 'Đã gửi báo cáo 6 tháng\nđúng hạn', evidence: '=12/BC-LĐLĐ' });
    await setItemStatus({ planId: PLAN, unitCode: OWN, periodKey: H1.key, itemId: 'III.2.4', status: 'khong-ap-dung', note: '', evidence: '' });
    await log({ date: H1.start, itemIds: ['III.1.1', 'IV.3'], title: 'Tuyên truyền ngày đầu kỳ', participants: 120, indicators: { 'propaganda-sessions': 1 }, location: 'Hội trường UBND xã' });
    await log({ date: H1.end, type: 'dialogue', itemIds: ['III.2.4'], title: '+Đối thoại cuối kỳ', content: 'Nội dung\nhai dòng', evidenceDoc: '5/BB-CĐ', evidenceFile: 'bien-ban.pdf' });
    await setIndicatorAdjustment({ planId: PLAN, unitCode: OWN, periodKey: H1.key, indicatorCode: 'new-members', delta: -2, reason: 'Chuyển công tác' });
    await setIndicatorTarget({ planId: PLAN, unitCode: OWN, periodKey: H1.key, indicatorCode: 'participants', target: 500 });
    const report = await build();
    const bytes = await writeUnitReport(report, { place: 'Dương Minh Châu' });
    const read = await readWorkbook(bytes, { fileName: reportFileName(report) });
    expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(read.report).toEqual(report);
    expect(read.counts).toMatchObject({ itemsWithStatus: 2, activities: 2 });
  });
});

describe('buildTemplateInput', () => {
  it('gives the unit, the plan items as planReportItems does, indicators with the unit targets', async () => {
    const { planReportItems, writeTemplate } = await import('@exchange/template');
    await setIndicatorTarget({ planId: PLAN, unitCode: CDCS, periodKey: H1.key, indicatorCode: 'new-members', target: 12 });
    const input = await buildTemplateInput({ planId: PLAN, unitCode: CDCS, period: H1, exportedBy: '', appVersion: '1.2.3', now: NOW });
    expect(input.items).toEqual(planReportItems(BUILTIN_PLAN.plan));
    expect(input.unit.code).toBe(CDCS);
    expect(input.period?.key).toBe('2025-H1');
    expect(input.indicators.find((i) => i.code === 'new-members')?.target).toBe(12);
    const noPeriod = await buildTemplateInput({ planId: PLAN, unitCode: CDCS, period: null, exportedBy: '', appVersion: '1', now: NOW });
    expect(noPeriod.period).toBeNull();
    expect(noPeriod.indicators.map((i) => i.code)).toEqual(input.indicators.map((i) => i.code));
    const read = await readWorkbook(await writeTemplate(input), { fileName: 'mau.xlsx' });
    expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(read.report?.kind).toBe('template');
    expect(read.report?.unit.code).toBe(CDCS);
    expect(read.report?.items.map((i) => i.id)).toEqual(input.items.map((i) => i.id));
  });
});
