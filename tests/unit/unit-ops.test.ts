import { beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import {
  addUnit,
  applyUnitImport,
  completeSetup,
  db,
  DEFAULT_SETUP,
  deleteUnit,
  ensureSeeded,
  getSetting,
  OperationError,
  setItemStatus,
  setUnitActive,
  unitCodesWithData,
  updateOwnUnit,
  updateUnit,
  UNIT_HAS_DATA_MESSAGE,
} from '@db';

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  await ensureSeeded();
});

const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as OperationError);

async function setUpDistrict() {
  await completeSetup(DEFAULT_SETUP);
}

describe('completeSetup', () => {
  it('ensureSeeded alone creates no own unit and no setupDoneAt', async () => {
    expect(await db.units.count()).toBe(0);
    expect(await getSetting('setupDoneAt')).toBeUndefined();
    expect(await getSetting('ownUnitCode')).toBeUndefined();
  });

  it('saves the own unit, ownUnitCode and setupDoneAt together, NFC, code normalized', async () => {
    const unit = await completeSetup({
      level: 'grassroots',
      name: 'Công đoàn cơ sở Trường Tiểu học Phước Minh'.normalize('NFD'),
      code: ' cđcs th phuoc minh ',
      parentName: 'LĐLĐ huyện Dương Minh Châu',
    });
    expect(unit).toMatchObject({ code: 'CDCS-TH-PHUOC-MINH', level: 'grassroots', name: 'Công đoàn cơ sở Trường Tiểu học Phước Minh', active: true });
    expect(await getSetting('ownUnitCode')).toBe('CDCS-TH-PHUOC-MINH');
    expect(await getSetting('setupDoneAt')).toMatch(/^\d{4}-/);
  });

  it('suggests the code from the name when empty; refuses an empty name writing nothing', async () => {
    const err = await errorOf(completeSetup({ ...DEFAULT_SETUP, name: '  ' }));
    expect(err).toMatchObject({ field: 'name', message: 'Tên đơn vị: không được để trống' });
    expect(await getSetting('setupDoneAt')).toBeUndefined();
    expect(await db.units.count()).toBe(0);
    const unit = await completeSetup({ ...DEFAULT_SETUP, code: '', name: 'Liên đoàn Lao động huyện Gò Dầu' });
    expect(unit.code).toBe('LDLD-HUYEN-GO-DAU');
  });

  it('a second window finishing the same setup changes nothing; a different one is refused', async () => {
    await Promise.all([completeSetup(DEFAULT_SETUP), completeSetup(DEFAULT_SETUP)]);
    expect(await db.units.count()).toBe(1);
    expect(await errorOf(completeSetup({ ...DEFAULT_SETUP, code: 'KHAC' }))).toBeInstanceOf(OperationError);
  });
});

describe('directory operations', () => {
  beforeEach(setUpDistrict);

  it('adds units below the own unit with generated codes, never filling gaps', async () => {
    const a = await addUnit({ name: 'CĐCS Công ty TNHH Hòa Bình' });
    const b = await addUnit({ name: 'CĐCS Trường THCS Phan Bội Châu', code: 'cdcs-0009' });
    const c = await addUnit({ name: 'CĐCS Trạm Y tế xã Suối Đá', members: '12', phone: 912345678 });
    expect([a.code, b.code, c.code]).toEqual(['CDCS-0001', 'CDCS-0009', 'CDCS-0010']);
    expect(a).toMatchObject({ level: 'grassroots', parentName: 'LĐLĐ huyện Dương Minh Châu', active: true, type: null });
    expect(c).toMatchObject({ members: 12, phone: '0912345678' });
  });

  it('refuses a code already used, even by an inactive unit, on the code field', async () => {
    await addUnit({ name: 'CĐCS A', code: 'CDCS-A' });
    await setUnitActive('CDCS-A', false);
    const err = await errorOf(addUnit({ name: 'CĐCS B', code: 'cdcs a' }));
    expect(err).toBeInstanceOf(OperationError);
    expect(err!.field).toBe('code');
    expect(err!.message).toContain('đã ngừng hoạt động');
    expect(await db.units.count()).toBe(2);
    expect(await errorOf(addUnit({ name: 'B', code: 'LDLD-DMC' }))).toMatchObject({ field: 'code' });
  });

  it('validates with Vietnamese messages beside the field', async () => {
    expect(await errorOf(addUnit({ name: 'X', members: '-3' }))).toMatchObject({ field: 'members', message: 'Số đoàn viên: phải là số nguyên không âm' });
    expect(await errorOf(addUnit({ name: 'X', phone: '12' }))).toMatchObject({ field: 'phone' });
    expect(await errorOf(addUnit({ name: 'X', type: 'Hợp tác' }))).toMatchObject({ field: 'type' });
  });

  it('changes a code at any time: what is filed under it moves along, the old code stays the unit\'s', async () => {
    const u = await addUnit({ name: 'CĐCS Công ty Cao su', code: 'CDCS-CS' });
    const renamed = await updateUnit(u.code, { ...u, code: 'CDCS-CAO-SU', members: 30 });
    expect(renamed).toMatchObject({ code: 'CDCS-CAO-SU', members: 30, aliases: ['CDCS-CS'] });
    expect(await db.units.get('CDCS-CS')).toBeUndefined();
    await setItemStatus({ planId: BUILTIN_PLAN.id, unitCode: 'CDCS-CAO-SU', periodKey: '2025-H1', itemId: 'IV.3', status: 'dang', note: '', evidence: '' });
    const moved = await updateUnit('CDCS-CAO-SU', { ...renamed, code: 'CDCS-0007' });
    expect(moved).toMatchObject({ code: 'CDCS-0007', aliases: ['CDCS-CS', 'CDCS-CAO-SU'] });
    expect(await db.itemStatuses.where('[planId+unitCode+periodKey]').equals([BUILTIN_PLAN.id, 'CDCS-0007', '2025-H1']).count()).toBe(1);
    expect(await db.itemStatuses.filter((x) => x.unitCode === 'CDCS-CAO-SU').count()).toBe(0);
    expect(await updateUnit('CDCS-0007', { ...moved, name: 'CĐCS Công ty CP Cao su' })).toMatchObject({ name: 'CĐCS Công ty CP Cao su', aliases: ['CDCS-CS', 'CDCS-CAO-SU'] });
    expect(await unitCodesWithData()).toEqual(new Set(['CDCS-0007']));
    // An old code is never given to another unit.
    expect(await errorOf(addUnit({ name: 'CĐCS Mới', code: 'CDCS-CAO-SU' }))).toMatchObject({ field: 'code' });
  });

  it('re-codes a unit with activities and imported reports without losing any', async () => {
    const u = await addUnit({ name: 'CĐCS Bưu điện', code: 'CDCS-BD' });
    await db.activities.add({ id: 'a1', planId: BUILTIN_PLAN.id, unitCode: 'CDCS-BD' } as never);
    const r = await updateUnit(u.code, { ...u, code: 'CDCS-BUU-DIEN' });
    expect(r).toMatchObject({ code: 'CDCS-BUU-DIEN', aliases: ['CDCS-BD'] });
    expect(await db.activities.get('a1')).toMatchObject({ unitCode: 'CDCS-BUU-DIEN' });
    expect(await errorOf(deleteUnit(r.code))).toMatchObject({ message: UNIT_HAS_DATA_MESSAGE });
  });

  it('deactivates and reactivates; deletes only a unit without data, never the own unit', async () => {
    const a = await addUnit({ name: 'CĐCS A' });
    const b = await addUnit({ name: 'CĐCS B' });
    await setUnitActive(a.code, false);
    expect((await db.units.get(a.code))!.active).toBe(false);
    await setUnitActive(a.code, true);
    expect((await db.units.get(a.code))!.active).toBe(true);
    await setItemStatus({ planId: BUILTIN_PLAN.id, unitCode: b.code, periodKey: '2025-H1', itemId: 'IV.3', status: 'xong', note: '', evidence: '' });
    expect(await errorOf(deleteUnit(b.code))).toMatchObject({ message: UNIT_HAS_DATA_MESSAGE });
    await deleteUnit(a.code);
    expect(await db.units.get(a.code)).toBeUndefined();
    expect(await errorOf(deleteUnit('LDLD-DMC'))).toBeInstanceOf(OperationError);
    expect(await errorOf(setUnitActive('LDLD-DMC', false))).toBeInstanceOf(OperationError);
    expect(await errorOf(updateUnit('LDLD-DMC', { name: 'X', level: 'district' }))).toBeInstanceOf(OperationError);
  });

  it('updateOwnUnit normalizes the code and refuses one a directory unit holds', async () => {
    await addUnit({ name: 'CĐCS A', code: 'CDCS-A' });
    expect(await errorOf(updateOwnUnit({ ...DEFAULT_SETUP, level: 'district', code: 'cdcs-a' }))).toMatchObject({ field: 'code' });
    const own = await updateOwnUnit({ ...DEFAULT_SETUP, level: 'district', code: 'ldld.dmc2' });
    expect(own.code).toBe('LDLD-DMC2');
    expect(await getSetting('ownUnitCode')).toBe('LDLD-DMC2');
  });
});

describe('applyUnitImport', () => {
  beforeEach(setUpDistrict);

  it('refuses when a row is an error or the code was taken meanwhile, writing nothing', async () => {
    const unit = { code: 'CDCS-X', name: 'CĐCS X', level: 'grassroots' as const, parentName: '', type: null, members: null, contact: '', phone: '', active: true };
    const ok = { rowNumber: 4, action: 'add' as const, code: 'CDCS-X', unit, messages: [] };
    const bad = { rowNumber: 5, action: 'error' as const, code: '', unit: null, messages: ['Dòng 5, cột «Tên»: không được để trống'] };
    expect(await errorOf(applyUnitImport([ok, bad]))).toMatchObject({ message: expect.stringContaining('Còn 1 dòng lỗi') });
    expect(await db.units.count()).toBe(1);
    await addUnit({ name: 'Khác', code: 'CDCS-Y' });
    const y = { ...ok, rowNumber: 6, code: 'CDCS-Y', unit: { ...unit, code: 'CDCS-Y' } };
    expect(await errorOf(applyUnitImport([ok, y]))).toBeInstanceOf(OperationError);
    expect(await db.units.get('CDCS-X')).toBeUndefined();
    expect(await applyUnitImport([ok])).toEqual({ added: 1, updated: 0, unchanged: 0 });
  });
});
