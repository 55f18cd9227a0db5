/**
 * Which directory unit a file comes from (domain/unit-match.ts): code, alias, the name folded
 * with its parent as a proposal, several of one name refused with a message; the name key; a
 * report re-coded to its unit's code; the parent of a unit added from its file.
 */
import { describe, expect, it } from 'vitest';
import { matchQuestion, matchUnit, parentCodeFor, recodeReport, type MatchableUnit } from '@domain/unit-match';
import { unitLabels, unitNameKey, unitsNamedLike } from '@domain/units';
import { sampleReport } from '../support/exchange-writer-fixtures';
import { sampleConsolidated } from '../fixtures/workbooks/tools/sample-consolidated';

const DMC = 'LĐLĐ huyện Dương Minh Châu';
const u = (code: string, name: string, extra: Partial<MatchableUnit> = {}): MatchableUnit => ({
  code,
  name,
  level: 'grassroots',
  parentName: DMC,
  active: true,
  aliases: [],
  ...extra,
});
const directory = [
  u('LDLD-DMC', DMC, { level: 'district', parentName: 'LĐLĐ tỉnh Tây Ninh' }),
  u('CDCS-0001', 'CĐCS Công ty TNHH Hòa Bình'),
  u('CDCS-0003', 'CĐCS UBND xã Bàu Năng', { aliases: ['CUXBN-OLD'] }),
  u('CDCS-0007', 'CĐCS Trường Tiểu học Suối Đá', { parentName: 'LĐLĐ huyện Dương Minh Châu' }),
  u('CDCS-0107', 'CĐCS Trường Tiểu học Suối Đá', { parentName: 'LĐLĐ huyện Tân Châu' }),
  u('CDCS-0200', 'CĐCS Trạm Y tế xã Phan'),
  u('CDCS-0201', 'Công đoàn cơ sở Trạm Y tế xã Phan'),
];
const file = (code: string, name: string, parentName = DMC) => ({ code, name, level: 'grassroots' as const, parentName });

describe('unitNameKey', () => {
  it('ignores accents, case, NFD, punctuation, the usual abbreviations and a leading «CĐCS»', () => {
    const key = unitNameKey('CĐCS UBND xã Bàu Năng');
    expect(key).toBe('ubnd xa bau nang');
    expect(unitNameKey('Công đoàn cơ sở Ủy ban nhân dân xã Bàu Năng')).toBe(key);
    expect(unitNameKey('  cđcs   ubnd XÃ bàu năng. '.normalize('NFD'))).toBe(key);
    expect(unitNameKey('Công đoàn UBND xã Bàu Năng')).toBe(key);
    expect(unitNameKey('Công đoàn cơ sở Công ty TNHH Hòa Bình')).toBe(unitNameKey('CĐCS Cty TNHH Hòa Bình'));
    expect(unitNameKey('CĐCS UBND xã Bàu Đồn')).not.toBe(key);
  });

  it('lists same-named units and labels them with their code only when two look alike', () => {
    expect(unitsNamedLike(directory, 'Công đoàn cơ sở UBND xã Bàu Năng').map((x) => x.code)).toEqual(['CDCS-0003']);
    expect(unitsNamedLike(directory, 'CĐCS UBND xã Bàu Năng', 'CDCS-0003')).toEqual([]);
    const labels = unitLabels(directory);
    expect(labels.get('CDCS-0001')).toBe('CĐCS Công ty TNHH Hòa Bình');
    expect(labels.get('CDCS-0007')).toBe('CĐCS Trường Tiểu học Suối Đá (CDCS-0007)');
    expect(labels.get('CDCS-0200')).toBe('CĐCS Trạm Y tế xã Phan (CDCS-0200)');
  });
});

describe('matchUnit', () => {
  it('matches by code first, normalized, whatever the name says', () => {
    expect(matchUnit(file(' cdcs 0001 ', 'Tên khác hẳn'), directory)).toMatchObject({ kind: 'code', unit: { code: 'CDCS-0001' } });
  });

  it('matches a code the unit carries as an alias', () => {
    expect(matchUnit(file('cuxbn-old', 'CĐCS UBND xã Bàu Năng'), directory)).toMatchObject({ kind: 'alias', unit: { code: 'CDCS-0003' } });
  });

  it('proposes the unit of the same folded name (never settles it), noting a parent that differs', () => {
    const m = matchUnit(file('CUXBN', 'Công đoàn cơ sở Ủy ban nhân dân xã Bàu Năng'.normalize('NFD')), directory);
    expect(m).toMatchObject({ kind: 'name', unit: { code: 'CDCS-0003' }, parentAgrees: true });
    expect(matchQuestion((m as { unit: MatchableUnit }).unit)).toBe('Đây là đơn vị CDCS-0003 CĐCS UBND xã Bàu Năng?');
    expect(matchUnit(file('CUXBN', 'CĐCS UBND xã Bàu Năng', 'LĐLĐ huyện Gò Dầu'), directory)).toMatchObject({ kind: 'name', parentAgrees: false });
    // A file that names no parent does not contradict one.
    expect(matchUnit(file('CUXBN', 'CĐCS UBND xã Bàu Năng', ''), directory)).toMatchObject({ kind: 'name', parentAgrees: true });
  });

  it('lets the parent pick among units of one name', () => {
    expect(matchUnit(file('THSD', 'CĐCS Trường TH Suối Đá'.replace('TH', 'Tiểu học'), 'LĐLĐ huyện Tân Châu'), directory)).toMatchObject({
      kind: 'name',
      unit: { code: 'CDCS-0107' },
    });
  });

  it('refuses several units of one name that the parent cannot tell apart, with a message naming them', () => {
    const m = matchUnit(file('TYT-PHAN', 'CĐCS Trạm Y tế xã Phan'), directory);
    expect(m.kind).toBe('ambiguous');
    if (m.kind !== 'ambiguous') return;
    expect(m.candidates.map((c) => c.code)).toEqual(['CDCS-0200', 'CDCS-0201']);
    expect(m.message).toBe(
      'Danh sách có 2 đơn vị cùng tên «CĐCS Trạm Y tế xã Phan» (CDCS-0200 thuộc LĐLĐ huyện Dương Minh Châu; CDCS-0201 thuộc LĐLĐ huyện Dương Minh Châu): ' +
        'ứng dụng không tự chọn được. Mở «Đơn vị», ghi mã TYT-PHAN vào ô «Mã khác» của đúng đơn vị, rồi xem trước lại tệp.',
    );
    const noParent = matchUnit(file('THSD', 'CĐCS Trường Tiểu học Suối Đá', ''), directory);
    expect(noParent.kind).toBe('ambiguous');
  });

  it('knows nothing of another level or an unknown name, and never proposes the own unit', () => {
    expect(matchUnit({ ...file('X', 'CĐCS UBND xã Bàu Năng'), level: 'district' }, directory)).toEqual({ kind: 'unknown' });
    expect(matchUnit(file('X', 'CĐCS Công ty May Mới'), directory)).toEqual({ kind: 'unknown' });
    expect(matchUnit({ code: 'DMC2', name: DMC, level: 'district', parentName: '' }, directory, { ownCode: 'LDLD-DMC' })).toEqual({ kind: 'unknown' });
  });
});

describe('recodeReport and parentCodeFor', () => {
  it('files a unit report under its unit\'s code, activities included; returns the same report when nothing changes', () => {
    const r = sampleReport(3);
    const code = r.unit.code;
    const moved = recodeReport(r, new Map([[code, 'CDCS-0003']]));
    expect(moved.unit.code).toBe('CDCS-0003');
    expect(moved.activities.every((a) => a.unitCode === 'CDCS-0003' || a.unitCode === '')).toBe(true);
    expect(r.unit.code).toBe(code);
    expect(recodeReport(r, new Map([['NOT-HERE', 'X']]))).toBe(r);
  });

  it('re-codes a consolidated report\'s rows, completeness and names', () => {
    const c = sampleConsolidated();
    const one = c.consolidation.units[0]!.unitCode;
    const moved = recodeReport(c, new Map([[one, 'CDCS-NEW']]));
    expect(moved.consolidation!.units[0]!.unitCode).toBe('CDCS-NEW');
    expect(moved.activities.some((a) => a.unitCode === one)).toBe(false);
    expect(Object.keys(moved.consolidation!.unitNames)).not.toContain(one);
  });

  it('places a unit added from its file under the body it names, the own unit, or nowhere', () => {
    const own = { code: 'LDLD-TN', name: 'LĐLĐ tỉnh Tây Ninh' };
    const dir = [{ code: 'LDLD-DMC', name: DMC, level: 'district' as const }];
    expect(parentCodeFor('Liên đoàn Lao động huyện Dương Minh Châu', dir, own)).toBe('LDLD-DMC');
    expect(parentCodeFor('LĐLĐ huyện Dương Minh Châu', dir, own)).toBe('LDLD-DMC');
    expect(parentCodeFor('ldld tinh tay ninh', dir, own)).toBe('LDLD-TN');
    expect(parentCodeFor('', dir, own)).toBe('LDLD-TN');
    expect(parentCodeFor('LĐLĐ huyện Gò Dầu', dir, own)).toBe('');
  });
});
