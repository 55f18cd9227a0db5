/**
 * Levels as data (domain/units.ts): three stored tiers, kinds with their own names and code
 * prefixes, what a directory holds at each level, «Loại hình» per level, which units report
 * directly to a body, a unit's identity as files name it.
 */
import { describe, expect, it } from 'vitest';
import {
  allUnitKinds,
  BUILTIN_UNIT_KINDS,
  childKindsOf,
  childLevelsOf,
  codePrefixFor,
  customUnitKind,
  generateUnitCode,
  isDirectlyUnder,
  kindOfUnit,
  levelNameOf,
  parseUnitKind,
  unitIdentity,
  unitTypesFor,
  UNIT_TYPES,
} from '@domain/units';

describe('kinds of unit', () => {
  it('places the province (or công đoàn ngành trung ương) on top, the intermediate kinds, and the CĐCS', () => {
    const by = (level: string) => BUILTIN_UNIT_KINDS.filter((k) => k.level === level).map((k) => k.name);
    expect(by('province')).toEqual(['LĐLĐ tỉnh', 'CĐ ngành trung ương']);
    expect(by('district')).toEqual(['LĐLĐ huyện', 'Công đoàn ngành', 'Công đoàn các KCN', 'Công đoàn Viên chức', 'CĐ tổng công ty', 'CĐ cấp trên cơ sở']);
    expect(by('grassroots')).toEqual(['CĐCS']);
    expect(new Set(BUILTIN_UNIT_KINDS.map((k) => k.codePrefix)).size).toBe(BUILTIN_UNIT_KINDS.length);
  });

  it('a province holds intermediate bodies and CĐCS; a district CĐCS; a CĐCS nothing', () => {
    expect(childLevelsOf('province')).toEqual(['district', 'grassroots']);
    expect(childLevelsOf('district')).toEqual(['grassroots']);
    expect(childLevelsOf('grassroots')).toEqual([]);
    expect(childKindsOf('province').map((k) => k.id)).toEqual(['ldld-huyen', 'cd-nganh', 'cd-kcn', 'cd-vien-chuc', 'cd-tong-cong-ty', 'cap-tren-co-so', 'cdcs']);
    expect(childKindsOf('district').map((k) => k.id)).toEqual(['cdcs']);
  });

  it('an office names a kind of its own; it joins the list once, without replacing a built-in one', () => {
    const gd = customUnitKind('  Công đoàn Giáo dục ');
    expect(gd).toEqual({ id: 'rieng-cong-doan-giao-duc', level: 'district', name: 'Công đoàn Giáo dục', fullName: 'Công đoàn Giáo dục', codePrefix: 'CDGD' });
    const kinds = allUnitKinds([gd, gd, { ...gd, id: 'cdcs' }]);
    expect(kinds.filter((k) => k.id === gd.id)).toHaveLength(1);
    expect(kinds.find((k) => k.id === 'cdcs')?.name).toBe('CĐCS');
    expect(childKindsOf('province', kinds).map((k) => k.id)).toContain(gd.id);
  });

  it('reads a kind from its id or names; a unit without one has its level\'s default', () => {
    expect(parseUnitKind('cong doan cac khu cong nghiep')?.id).toBe('cd-kcn');
    expect(parseUnitKind('LĐLĐ huyện')?.id).toBe('ldld-huyen');
    expect(parseUnitKind('Nhà máy')).toBeNull();
    expect(kindOfUnit({ level: 'district' }).id).toBe('cap-tren-co-so');
    expect(kindOfUnit({ level: 'district', kind: 'cd-nganh' }).name).toBe('Công đoàn ngành');
    // A kind of another level is not the unit's.
    expect(kindOfUnit({ level: 'grassroots', kind: 'cd-nganh' }).id).toBe('cdcs');
  });

  it('«Loại hình» is a CĐCS\'s (enterprise, agency, school); a body above is described by its kind', () => {
    expect(unitTypesFor('grassroots')).toEqual(UNIT_TYPES);
    expect(unitTypesFor('district')).toEqual([]);
    expect(unitTypesFor('province')).toEqual([]);
  });
});

describe('codes and files', () => {
  it('generates codes per kind; a province adds its own code so its CĐCS never take a district\'s code', () => {
    const cdn = BUILTIN_UNIT_KINDS.find((k) => k.id === 'cd-nganh')!;
    const cdcs = BUILTIN_UNIT_KINDS.find((k) => k.id === 'cdcs')!;
    expect(generateUnitCode(cdn, ['CDN-0001', 'CDCS-0009'])).toBe('CDN-0002');
    expect(codePrefixFor(cdcs, { code: 'LDLD-DMC', level: 'district' })).toBe('CDCS');
    expect(codePrefixFor(cdcs, { code: 'LDLD-TN', level: 'province' })).toBe('CDCS-TN');
    expect(generateUnitCode({ codePrefix: codePrefixFor(cdcs, { code: 'LDLD-TN', level: 'province' }) }, ['CDCS-0001'])).toBe('CDCS-TN-0001');
    expect(codePrefixFor(cdn, { code: 'LDLD-T-0001', level: 'province' })).toBe('CDN-LDLD-T-0001');
  });

  it('names a unit in files by its kind when that says more than its level, and reads it back', () => {
    expect(unitIdentity({ code: 'LDLD-DMC', name: 'LĐLĐ huyện Dương Minh Châu', level: 'district', kind: 'ldld-huyen', parentName: 'LĐLĐ tỉnh Tây Ninh' })).toEqual({
      code: 'LDLD-DMC',
      name: 'LĐLĐ huyện Dương Minh Châu',
      level: 'district',
      levelName: 'LĐLĐ huyện',
      parentName: 'LĐLĐ tỉnh Tây Ninh',
    });
    expect(unitIdentity({ code: 'C', name: 'CĐCS A', level: 'grassroots', parentName: '' })).not.toHaveProperty('levelName');
    expect(levelNameOf('Công đoàn ngành', 'district')).toEqual({ levelName: 'Công đoàn ngành' });
    expect(levelNameOf('Cấp trên cơ sở', 'district')).toEqual({});
    expect(levelNameOf('CĐCS', 'grassroots')).toEqual({});
  });
});

describe('isDirectlyUnder', () => {
  const province = { code: 'LDLD-TN', level: 'province' as const };
  const district = { code: 'LDLD-DMC', level: 'district' as const };
  it('follows the recorded parent: a CĐCS directly under the province, another under a district', () => {
    expect(isDirectlyUnder({ level: 'grassroots', parentCode: 'LDLD-TN' }, province)).toBe(true);
    expect(isDirectlyUnder({ level: 'grassroots', parentCode: 'LDLD-DMC' }, province)).toBe(false);
    expect(isDirectlyUnder({ level: 'district', parentCode: 'LDLD-TN' }, province)).toBe(true);
  });

  it('without a recorded parent, the tier right below (what a directory held before parents were kept)', () => {
    expect(isDirectlyUnder({ level: 'district' }, province)).toBe(true);
    expect(isDirectlyUnder({ level: 'grassroots', parentCode: '' }, province)).toBe(false);
    expect(isDirectlyUnder({ level: 'grassroots' }, district)).toBe(true);
  });
});
