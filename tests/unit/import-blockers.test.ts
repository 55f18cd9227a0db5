import { beforeEach, describe, expect, it } from 'vitest';
import { blockersOf, blockerText, isHardBlocker, type ImportBlocker, type ImportFacts } from '@domain/import-blockers';
import { applySubmission, db, ensureSeeded, OperationError, previewImport, putSetting, type UnitRecord } from '@db';
import type { UnitReport } from '@domain/report';
import { sampleReport } from '../support/exchange-writer-fixtures';

const UNIT = { code: 'CDCS-0012', name: 'CĐCS May Thành Công' };
const NAMESAKE = { code: 'CDCS-0003', name: 'CĐCS UBND xã Bàu Năng', level: 'grassroots' as const, parentName: '', active: true };

/** A file that can be imported as it is. */
const clean: ImportFacts = {
  periodKey: '2025-H1',
  ownUnit: false,
  unit: UNIT,
  unitMatch: { kind: 'code', unit: { ...UNIT, level: 'grassroots', parentName: '', active: true } },
  planKnown: true,
  itemsMatch: true,
  decision: 'new',
  reason: 'Đơn vị chưa có báo cáo nào được nhập cho kế hoạch và kỳ này.',
};

const codes = (bs: ImportBlocker[]) => bs.map((b) => b.code);

describe('blockersOf: one code per reason, one sentence per code', () => {
  it('nothing blocks a clean file, whatever its decision but older', () => {
    expect(blockersOf(clean)).toEqual([]);
    expect(blockersOf({ ...clean, decision: 'supersedes' })).toEqual([]);
    expect(blockersOf({ ...clean, decision: 'identical' })).toEqual([]);
  });

  it('period-missing', () => {
    const [b] = blockersOf({ ...clean, periodKey: '' });
    expect(b).toEqual({ code: 'period-missing' });
    expect(blockerText(b!)).toBe('Tệp chưa ghi kỳ báo cáo: không nhập được.');
  });

  it('own-unit', () => {
    const [b] = blockersOf({ ...clean, ownUnit: true });
    expect(b).toEqual({ code: 'own-unit' });
    expect(blockerText(b!)).toBe('Tệp là báo cáo của chính đơn vị này: dữ liệu của đơn vị mình được nhập trực tiếp, không nhập từ tệp.');
  });

  it('unit-unknown, with the namesake to confirm when there is one', () => {
    const [b] = blockersOf({ ...clean, unitMatch: { kind: 'unknown' } });
    expect(b).toEqual({ code: 'unit-unknown', unit: UNIT, proposal: null });
    expect(blockerText(b!)).toBe('Mã CDCS-0012 (CĐCS May Thành Công) chưa có trong danh sách đơn vị.');
    const [named] = blockersOf({ ...clean, unitMatch: { kind: 'name', unit: NAMESAKE, parentAgrees: true } });
    expect(named).toMatchObject({ code: 'unit-unknown', proposal: NAMESAKE });
    expect(blockerText(named!)).toBe('Mã CDCS-0012 (CĐCS May Thành Công) chưa có trong danh sách đơn vị. Đây là đơn vị CDCS-0003 CĐCS UBND xã Bàu Năng?');
  });

  it('unit-ambiguous', () => {
    const [b] = blockersOf({ ...clean, unitMatch: { kind: 'ambiguous', candidates: [NAMESAKE, NAMESAKE], message: 'Danh sách có 2 đơn vị cùng tên.' } });
    expect(b).toEqual({ code: 'unit-ambiguous', unit: UNIT, detail: 'Danh sách có 2 đơn vị cùng tên.' });
    expect(blockerText(b!)).toBe('Mã CDCS-0012 (CĐCS May Thành Công) chưa có trong danh sách đơn vị. Danh sách có 2 đơn vị cùng tên.');
  });

  it('plan-unknown (whether the items match is then not asked)', () => {
    const bs = blockersOf({ ...clean, planKnown: false, itemsMatch: false });
    expect(bs).toEqual([{ code: 'plan-unknown' }]);
    expect(blockerText(bs[0]!)).toBe('Chưa có kế hoạch của tệp này trong ứng dụng: chọn kế hoạch để nhập vào.');
  });

  it('plan-mismatch', () => {
    const [b] = blockersOf({ ...clean, itemsMatch: false });
    expect(b).toEqual({ code: 'plan-mismatch' });
    expect(blockerText(b!)).toBe('Nhiệm vụ trong tệp khác với kế hoạch: cần kiểm tra từng nhiệm vụ trước khi nhập.');
  });

  it('older says the merge rules’ reason', () => {
    const [b] = blockersOf({ ...clean, decision: 'older', reason: 'Tệp này được xuất trước báo cáo đang dùng.' });
    expect(b).toEqual({ code: 'older', reason: 'Tệp này được xuất trước báo cáo đang dùng.' });
    expect(blockerText(b!)).toBe('Tệp này được xuất trước báo cáo đang dùng.');
  });

  it('says every reason in one order, and the options lift only theirs', () => {
    const worst: ImportFacts = { ...clean, periodKey: '', ownUnit: true, unitMatch: { kind: 'unknown' }, itemsMatch: false, decision: 'older' };
    expect(codes(blockersOf(worst))).toEqual(['period-missing', 'own-unit', 'unit-unknown', 'plan-mismatch', 'older']);
    expect(codes(blockersOf(worst, { addUnit: true, acceptMismatches: true, allowOlderAsHistory: true }))).toEqual(['period-missing', 'own-unit']);
    expect(blockersOf(worst).filter(isHardBlocker).map((b) => b.code)).toEqual(['period-missing', 'own-unit']);
    const ambiguous = blockersOf({ ...clean, unitMatch: { kind: 'ambiguous', candidates: [], message: '' } }, { addUnit: true });
    expect(codes(ambiguous)).toEqual(['unit-ambiguous']);
    expect(isHardBlocker(ambiguous[0]!)).toBe(true);
  });
});

describe('the preview announces what applying refuses', () => {
  const T = '2025-01-01T00:00:00.000Z';
  const unit = (code: string, name: string, level: UnitRecord['level']): UnitRecord => ({
    code, name, level, parentName: '', type: null, members: null, contact: '', phone: '', active: true, createdAt: T, updatedAt: T,
  });
  const bytesOf = (r: UnitReport): Uint8Array => new TextEncoder().encode(JSON.stringify(r));

  beforeEach(async () => {
    db.close();
    await db.delete();
    await db.open();
    await ensureSeeded();
    await db.units.bulkAdd([unit('LDLD-DMC', 'LĐLĐ huyện Dương Minh Châu', 'district'), unit('CDCS-0012', 'CĐCS Công ty May Thành Công', 'grassroots')]);
    await putSetting('ownUnitCode', 'LDLD-DMC');
  });

  /** The preview's first blocker and applying's refusal: the same code and the same sentence. */
  async function both(r: UnitReport, fileName = 'a.xlsx') {
    const preview = await previewImport(r, bytesOf(r), fileName);
    const refusal = await applySubmission(preview).then(
      () => null,
      (e: unknown) => (e instanceof OperationError ? { code: e.code, text: e.message } : Promise.reject(e)),
    );
    return { preview: preview.blocks.map((b) => ({ code: b.code, text: blockerText(b) })), texts: preview.blockers, refusal };
  }

  const cases: [string, (r: UnitReport) => void, string][] = [
    ['period-missing', (r) => (r.period.key = ''), 'period-missing'],
    ['own-unit', (r) => (r.unit.code = 'LDLD-DMC'), 'own-unit'],
    ['unit-unknown', (r) => (r.unit = { ...r.unit, code: 'CDCS-0777', name: 'CĐCS Công ty Mới' }), 'unit-unknown'],
    ['plan-unknown', (r) => (r.plan.id = 'ke-hoach-khac'), 'plan-unknown'],
    ['plan-mismatch', (r) => (r.items[0]!.text = 'Nội dung khác hẳn'), 'plan-mismatch'],
  ];
  for (const [name, change, code] of cases) {
    it(name, async () => {
      const r = sampleReport(2);
      change(r);
      const { preview, texts, refusal } = await both(r);
      expect(preview[0]?.code).toBe(code);
      expect(texts).toEqual(preview.map((p) => p.text));
      expect(refusal).toEqual(preview[0]);
      expect(await db.submissions.count()).toBe(0);
    });
  }

  it('older', async () => {
    const r = sampleReport(2);
    const newer = structuredClone(r);
    newer.exportedAt = '2025-06-30T01:00:00.000Z';
    await applySubmission(await previewImport(newer, bytesOf(newer), 'moi.xlsx'));
    const { preview, refusal } = await both(r, 'cu.xlsx');
    expect(preview.map((p) => p.code)).toEqual(['older']);
    expect(refusal).toEqual(preview[0]);
    expect(await db.submissions.count()).toBe(1);
  });

  it('several reasons: applying refuses with the first the preview says', async () => {
    const r = sampleReport(2);
    r.unit = { ...r.unit, code: 'CDCS-0777', name: 'CĐCS Công ty Mới' };
    r.items[0]!.text = 'Nội dung khác hẳn';
    const { preview, refusal } = await both(r);
    expect(preview.map((p) => p.code)).toEqual(['unit-unknown', 'plan-mismatch']);
    expect(refusal).toEqual(preview[0]);
  });
});
