/**
 * One identity per unit across installations (db/unit-ops.ts, db/import-unit.ts,
 * exchange/identity-file.ts): the identity file the district hands its CĐCS and the first-run
 * setup that takes it exactly; a CĐCS set up by hand linked to its directory unit from the
 * import preview with one click, then matched by itself; a new unit named like another asked
 * about first; a unit re-coded with its imported reports; a hand-filled template's «Ngày lập báo
 * cáo» as its «Thời điểm nộp».
 */
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { submissionTime } from '@domain/consolidate';
import {
  addUnit,
  applySubmission,
  completeness,
  completeSetup,
  db,
  ensureSeeded,
  getSetting,
  identityFileOf,
  linkUnitAlias,
  OperationError,
  previewImport,
  SameNameError,
  updateUnit,
  activitiesOfUnit,
  type UnitRecord,
} from '@db';
import { IDENTITY_FILE_MAX_BYTES, readIdentityFile, writeIdentityFile } from '@exchange/identity-file';
import { readWorkbook } from '@exchange/reader';
import type { UnitReport } from '@domain/report';
import { sampleReport } from '../support/exchange-writer-fixtures';
import { builtinTemplate } from '../fixtures/workbooks/tools/template-fixture';

const DMC = 'LĐLĐ huyện Dương Minh Châu';

async function fresh(): Promise<void> {
  db.close();
  await db.delete();
  await db.open();
  await ensureSeeded();
}

async function asDistrict(): Promise<void> {
  await fresh();
  await completeSetup({ level: 'district', kind: 'ldld-huyen', name: DMC, code: 'LDLD-DMC', parentName: 'LĐLĐ tỉnh Tây Ninh' });
}

const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as OperationError);

function fileOf(code: string, name: string, exportedAt: string, activities = 2): UnitReport {
  const r = sampleReport(activities);
  r.unit = { code, name, level: 'grassroots', parentName: DMC };
  r.activities = r.activities.map((a, i) => ({ ...a, id: `${exportedAt}-${i}`.padEnd(36, '0'), unitCode: code }));
  r.exportedAt = exportedAt;
  return r;
}

const bytesOf = (r: UnitReport) => new TextEncoder().encode(JSON.stringify(r));

describe('the identity file («Tệp thiết lập»)', () => {
  beforeEach(asDistrict);

  it('the district hands each CĐCS its name, code and parent; the CĐCS setup takes them exactly', async () => {
    const a = await addUnit({ name: 'CĐCS Công ty TNHH Hòa Bình' });
    const b = await addUnit({ name: 'CĐCS UBND xã Bàu Năng' });
    expect([a.code, b.code]).toEqual(['CDCS-0001', 'CDCS-0002']);
    expect(a).toMatchObject({ level: 'grassroots', kind: 'cdcs', parentCode: 'LDLD-DMC', parentName: DMC });

    const all = await identityFileOf(null, new Date('2026-12-04T02:00:00.000Z'));
    expect(all.fileName).toBe('ThietLap_LDLD-DMC_tat-ca.json');
    expect(all.count).toBe(2);
    const one = await identityFileOf([b.code]);
    expect(one.fileName).toBe('ThietLap_CDCS-0002.json');
    const read = readIdentityFile(all.bytes, all.fileName);
    expect(read).toEqual({
      ok: true,
      file: {
        format: 'so-ke-hoach-cong-doan/thiet-lap',
        version: 1,
        issuedAt: '2026-12-04T02:00:00.000Z',
        issuer: { code: 'LDLD-DMC', name: DMC, level: 'district', kind: 'ldld-huyen', parentName: 'LĐLĐ tỉnh Tây Ninh' },
        units: [
          { code: 'CDCS-0001', name: 'CĐCS Công ty TNHH Hòa Bình', level: 'grassroots', kind: 'cdcs', parentCode: 'LDLD-DMC', parentName: DMC },
          { code: 'CDCS-0002', name: 'CĐCS UBND xã Bàu Năng', level: 'grassroots', kind: 'cdcs', parentCode: 'LDLD-DMC', parentName: DMC },
        ],
      },
    });

    // Another installation: the CĐCS sets itself up from the file.
    await fresh();
    const unit = read.ok ? read.file.units[1]! : null;
    const own = await completeSetup({ ...unit!, kind: unit!.kind });
    expect(own).toMatchObject({ code: 'CDCS-0002', name: 'CĐCS UBND xã Bàu Năng', level: 'grassroots', kind: 'cdcs', parentCode: 'LDLD-DMC', parentName: DMC });
    expect(await getSetting('ownUnitCode')).toBe('CDCS-0002');
  });

  it('refuses what is not one, with a message saying why (bounded: never parses a huge file)', () => {
    const bad = (text: string) => readIdentityFile(new TextEncoder().encode(text), 'x.json');
    expect(bad('{"format":"so-ke-hoach-backup"}')).toEqual({ ok: false, message: 'Không dùng được «x.json»: không phải tệp thiết lập của Sổ Kế hoạch Công đoàn.' });
    expect(bad('PK\u0003\u0004')).toMatchObject({ ok: false, message: expect.stringContaining('không phải tệp thiết lập') });
    const base = { issuer: { code: 'LDLD-DMC', name: DMC, level: 'district' }, units: [{ code: 'CDCS 1', name: 'A', level: 'grassroots' }] };
    expect(bad(JSON.stringify({ format: 'so-ke-hoach-cong-doan/thiet-lap', version: 9, ...base }))).toMatchObject({ message: expect.stringContaining('phiên bản mới hơn') });
    expect(readIdentityFile(writeIdentityFile({ issuedAt: '', ...base, units: [{ ...base.units[0]!, code: '###', kind: '', parentCode: '', parentName: '' }] } as never))).toEqual({
      ok: false,
      message: 'Không dùng được «tệp»: đơn vị thứ 1, Mã đơn vị: không phải mã đơn vị hợp lệ.',
    });
    const twice = { ...base, units: [base.units[0], base.units[0]] };
    expect(bad(JSON.stringify({ format: 'so-ke-hoach-cong-doan/thiet-lap', version: 1, ...twice }))).toMatchObject({ message: expect.stringContaining('mã CDCS-1 có hai lần') });
    expect(readIdentityFile(new Uint8Array(IDENTITY_FILE_MAX_BYTES + 1), 'lon.json')).toMatchObject({ ok: false, message: expect.stringContaining('lớn quá') });
  });
});

describe('a CĐCS set up by hand with another code', () => {
  beforeEach(asDistrict);

  it('is proposed by name in the preview, linked with one operation, and its next file matches by itself', async () => {
    const unit = await addUnit({ name: 'CĐCS UBND xã Bàu Năng' });
    const first = fileOf('CUXBN', 'Công đoàn cơ sở UBND xã Bàu Năng', '2026-11-20T02:00:00.000Z');
    const p1 = await previewImport(first, bytesOf(first), 'BaoCao_CUXBN.xlsx');
    expect(p1.unitKnown).toBe(false);
    expect(p1.unitMatch).toMatchObject({ kind: 'name', unit: { code: unit.code } });
    expect(p1.blockers).toContain('Mã CUXBN (Công đoàn cơ sở UBND xã Bàu Năng) chưa có trong danh sách đơn vị. Đây là đơn vị CDCS-0001 CĐCS UBND xã Bàu Năng?');
    // Never silently: without the officer's link (or «add as new») nothing is filed.
    expect(await errorOf(applySubmission(p1))).toBeInstanceOf(OperationError);

    await linkUnitAlias(unit.code, 'cuxbn');
    const p2 = await previewImport(first, bytesOf(first), 'BaoCao_CUXBN.xlsx');
    expect(p2).toMatchObject({ unitKnown: true, unitMatch: { kind: 'alias', unit: { code: unit.code } } });
    expect(p2.report.unit.code).toBe(unit.code);
    expect(p2.fileReport.unit.code).toBe('CUXBN');
    const applied = await applySubmission(p2);
    expect(applied.submission).toMatchObject({ unitCode: unit.code, unitCodes: [unit.code] });
    expect(await db.units.count()).toBe(2);
    expect((await activitiesOfUnit(first.plan.id, unit.code)).length).toBe(2);

    // The next file: matched by itself, superseding the first.
    const second = fileOf('CUXBN', 'CĐCS UBND xã Bàu Năng', '2026-12-01T02:00:00.000Z', 3);
    const p3 = await previewImport(second, bytesOf(second), 'BaoCao_CUXBN_2.xlsx');
    expect(p3).toMatchObject({ unitKnown: true, unitMatch: { kind: 'alias' }, plan: { decision: 'supersedes' } });
    await applySubmission(p3);
    const rows = (await completeness(first.plan.id, { key: first.period.key })).rows;
    expect(rows.map((r) => [r.unit.code, r.state])).toEqual([[unit.code, 'da-nop']]);
  });

  it('linking refuses a code another unit holds; adding a unit named like another asks first', async () => {
    const a = await addUnit({ name: 'CĐCS UBND xã Bàu Năng' });
    const b = await addUnit({ name: 'CĐCS Trạm Y tế xã Phan' });
    expect(await errorOf(linkUnitAlias(a.code, b.code))).toMatchObject({ message: expect.stringContaining(`đã là mã của «${b.name}»`) });
    const same = await errorOf(addUnit({ name: 'Công đoàn cơ sở Ủy ban nhân dân xã Bàu Năng' }));
    expect(same).toBeInstanceOf(SameNameError);
    expect((same as SameNameError).units.map((u: UnitRecord) => u.code)).toEqual([a.code]);
    expect(await db.units.count()).toBe(3);
    expect(await addUnit({ name: 'Công đoàn cơ sở Ủy ban nhân dân xã Bàu Năng' }, { allowSameName: true })).toMatchObject({ code: 'CDCS-0003' });
    // The alias is the unit's: never generated, never given to another.
    await linkUnitAlias(a.code, 'CDCS-0004');
    expect((await addUnit({ name: 'CĐCS Mới' })).code).toBe('CDCS-0005');
    expect(await errorOf(addUnit({ name: 'CĐCS Mới 2', code: 'CDCS-0004' }))).toMatchObject({ field: 'code' });
  });

  it('a unit re-coded keeps its imported reports: filed under the new code, the old code still matched', async () => {
    const unit = await addUnit({ name: 'CĐCS UBND xã Bàu Năng', code: 'CUXBN' });
    const file = fileOf('CUXBN', unit.name, '2026-11-20T02:00:00.000Z');
    await applySubmission(await previewImport(file, bytesOf(file), 'a.xlsx'));
    const moved = await updateUnit(unit.code, { ...unit, code: 'CDCS-0009' });
    expect(moved).toMatchObject({ code: 'CDCS-0009', aliases: ['CUXBN'] });
    const [sub] = await db.submissions.toArray();
    expect(sub).toMatchObject({ unitCode: 'CDCS-0009', unitCodes: ['CDCS-0009'], report: { unit: { code: 'CDCS-0009' } } });
    expect((await activitiesOfUnit(file.plan.id, 'CDCS-0009')).length).toBe(2);
    expect(await db.itemStatuses.filter((s) => s.unitCode === 'CUXBN').count()).toBe(0);
    expect(await db.itemStatuses.filter((s) => s.unitCode === 'CDCS-0009').count()).toBeGreaterThan(0);
    // The same file again is the same submission (identical), under the unit's code.
    expect((await previewImport(file, bytesOf(file), 'a.xlsx')).plan.decision).toBe('identical');
  });
});

describe('«Thời điểm nộp» of a hand-filled template', () => {
  it('is the «Ngày lập báo cáo» typed in «Thông tin» when present, else the import instant, said plainly', async () => {
    const wb = new ExcelJS.Workbook();
    const blank = await builtinTemplate();
    await wb.xlsx.load(blank.buffer.slice(blank.byteOffset, blank.byteOffset + blank.byteLength) as ArrayBuffer);
    const info = wb.getWorksheet('Thông tin')!;
    let row = 0;
    info.eachRow((r, n) => {
      if (r.getCell(1).value === 'Ngày lập báo cáo') row = n;
    });
    expect(row).toBeGreaterThan(0);
    // The one editable cell of the protected sheet.
    expect(info.getRow(row).getCell(2).protection?.locked).toBe(false);
    expect(info.getRow(row - 1).getCell(2).protection?.locked).not.toBe(false);
    info.getRow(row).getCell(2).value = '3/12/2026';
    const typed = await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), { fileName: 'mau.xlsx' });
    expect(typed.report?.reportDate).toBe('2026-12-03');
    expect(submissionTime({ report: typed.report!, exportedAt: '2026-11-01T00:00:00.000Z', importedAt: '2026-12-10T03:00:00.000Z' })).toEqual({
      at: '2026-12-02T17:00:00.000Z',
      source: 'report-date',
    });

    info.getRow(row).getCell(2).value = 'hôm qua';
    const wrong = await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), { fileName: 'mau.xlsx' });
    expect(wrong.report?.reportDate).toBeUndefined();
    expect(wrong.problems.map((p) => p.message)).toContainEqual(expect.stringContaining('thời điểm nộp sẽ tính là lúc nhập tệp'));
    const blankRead = await readWorkbook(blank, { fileName: 'trong.xlsx' });
    expect(submissionTime({ report: blankRead.report!, exportedAt: 'x', importedAt: '2026-12-10T03:00:00.000Z' })).toEqual({ at: '2026-12-10T03:00:00.000Z', source: 'imported' });
    expect(submissionTime({ report: { kind: 'unit-report' }, exportedAt: '2026-12-01T00:00:00.000Z', importedAt: 'y' })).toEqual({ at: '2026-12-01T00:00:00.000Z', source: 'exported' });
  });
});
