import { describe, expect, it } from 'vitest';
import { fieldErrors } from '@domain/fields';
import {
  childLevelOf,
  codeConflictMessage,
  findCodeConflict,
  generateUnitCode,
  isValidUnitCode,
  normalizeUnitCode,
  parseUnitLevel,
  parseUnitType,
  suggestCodeFromName,
  UNIT_LEVEL_LABELS,
  UNIT_TYPE_LABELS,
  UNIT_TYPES,
  unitInputSchema,
  type Unit,
} from '@domain/units';

const unit = (code: string, active = true, name = `Đơn vị ${code}`): Unit => ({
  code,
  name,
  level: 'grassroots',
  parentName: 'LĐLĐ huyện Dương Minh Châu',
  type: null,
  members: null,
  contact: '',
  phone: '',
  active,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
});

describe('labels', () => {
  it('has the Vietnamese labels of levels and types', () => {
    // The tiers have generic names: the kind names the unit (LĐLĐ huyện, công đoàn ngành…).
    expect(UNIT_LEVEL_LABELS).toEqual({ province: 'Cấp tỉnh', district: 'Cấp trên cơ sở', grassroots: 'CĐCS' });
    expect(UNIT_TYPES.map((t) => UNIT_TYPE_LABELS[t])).toEqual([
      'Doanh nghiệp nhà nước',
      'Doanh nghiệp ngoài nhà nước',
      'Hành chính sự nghiệp',
      'Trường học',
      'Khác',
    ]);
    expect(childLevelOf('district')).toBe('grassroots');
    expect(childLevelOf('grassroots')).toBeNull();
  });

  it('reads types and levels from labels and spreadsheet spellings, NFD included', () => {
    expect(parseUnitType('doanh nghiep ngoai nha nuoc')).toBe('non-state-enterprise');
    expect(parseUnitType('Trường học'.normalize('NFD'))).toBe('school');
    expect(parseUnitType('HCSN')).toBe('public-service');
    expect(parseUnitType('Nhà máy')).toBeNull();
    expect(parseUnitLevel('cđcs')).toBe('grassroots');
    expect(parseUnitLevel('Liên đoàn Lao động huyện')).toBe('district');
    // Files written before kinds existed say «LĐLĐ huyện» and «LĐLĐ tỉnh».
    expect(parseUnitLevel('LĐLĐ huyện')).toBe('district');
    expect(parseUnitLevel('LĐLĐ tỉnh')).toBe('province');
    expect(parseUnitLevel('Công đoàn các KCN')).toBe('district');
    expect(parseUnitLevel('Công đoàn ngành trung ương')).toBe('province');
  });
});

describe('normalizeUnitCode', () => {
  it('trims, upper-cases, folds đ and marks, and joins with single dashes', () => {
    expect(normalizeUnitCode(' cđcs 12 ')).toBe('CDCS-12');
    expect(normalizeUnitCode('LĐLĐ_H  dương minh châu')).toBe('LDLD-H-DUONG-MINH-CHAU');
    expect(normalizeUnitCode('--cdcs__--07--')).toBe('CDCS-07');
    expect(normalizeUnitCode('ctcp/12.ab')).toBe('CTCP-12-AB');
  });

  it('gives the same code for NFD input', () => {
    const nfd = 'CĐCS Trường Hòa Thành'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    expect(normalizeUnitCode(nfd)).toBe('CDCS-TRUONG-HOA-THANH');
  });

  it('is idempotent and returns empty for nothing usable', () => {
    const once = normalizeUnitCode(' Ủy ban / Xã Suối Đá ');
    expect(normalizeUnitCode(once)).toBe(once);
    expect(normalizeUnitCode(' #@! ')).toBe('');
  });

  it('accepts only canonical codes as valid', () => {
    expect(isValidUnitCode('CDCS-0001')).toBe(true);
    expect(isValidUnitCode('cdcs-0001')).toBe(false);
    expect(isValidUnitCode('CDCS--1')).toBe(false);
    expect(isValidUnitCode('-CDCS')).toBe(false);
    expect(isValidUnitCode('CĐCS')).toBe(false);
    expect(isValidUnitCode('')).toBe(false);
    expect(isValidUnitCode('A'.repeat(31))).toBe(false);
  });
});

describe('generateUnitCode', () => {
  it('starts at 0001 with the prefix of each level', () => {
    expect(generateUnitCode('grassroots', [])).toBe('CDCS-0001');
    expect(generateUnitCode('district', [])).toBe('LDLD-H-0001');
    expect(generateUnitCode('province', [])).toBe('LDLD-T-0001');
  });

  it('goes past the highest taken number, never filling gaps, whatever the spelling', () => {
    expect(generateUnitCode('grassroots', ['CDCS-0001', 'CDCS-0002', 'CDCS-0004'])).toBe('CDCS-0005');
    expect(generateUnitCode('grassroots', [' cdcs 12 ', 'CDCS-0003'])).toBe('CDCS-0013');
    // Other levels' and hand-made codes do not count.
    expect(generateUnitCode('district', ['CDCS-0040', 'LDLD-T-0009', 'LDLD-H-DMC'])).toBe('LDLD-H-0001');
  });

  it('never returns a taken code, even with odd padding, and grows past 9999', () => {
    const taken = ['CDCS-7', 'CDCS-0007', 'CDCS-0008'];
    expect(generateUnitCode('grassroots', taken)).toBe('CDCS-0009');
    expect(generateUnitCode('grassroots', ['CDCS-9999'])).toBe('CDCS-10000');
    const many = Array.from({ length: 300 }, (_, i) => `CDCS-${String(i + 1).padStart(4, '0')}`);
    const next = generateUnitCode('grassroots', new Set(many));
    expect(many).not.toContain(next);
    expect(isValidUnitCode(next)).toBe(true);
  });
});

describe('findCodeConflict', () => {
  const units = [unit('CDCS-0001'), unit('CDCS-0002', false, 'CĐCS Công ty cũ'), unit('CDCS-0003')];

  it('finds the active unit holding the code, spelling ignored', () => {
    expect(findCodeConflict(units, { code: ' cdcs 0001', active: true })?.code).toBe('CDCS-0001');
    expect(findCodeConflict(units, { code: 'CDCS-0009', active: true })).toBeNull();
  });

  it('never lets a code be reused, even one of an inactive unit', () => {
    const holder = findCodeConflict(units, { code: 'CDCS-0002', active: true });
    expect(holder?.name).toBe('CĐCS Công ty cũ');
    expect(codeConflictMessage(holder!)).toContain('không được dùng lại');
    // An inactive candidate does not change the rule.
    expect(findCodeConflict(units, { code: 'CDCS-0002', active: false })).toBe(holder);
  });

  it('lets a unit keep its own code when edited, but not take another one', () => {
    expect(findCodeConflict(units, { code: 'CDCS-0003', active: true }, 'cdcs-0003')).toBeNull();
    expect(findCodeConflict(units, { code: 'CDCS-0001', active: true }, 'CDCS-0003')?.code).toBe('CDCS-0001');
    expect(codeConflictMessage(units[0]!)).toBe('Mã đơn vị: «CDCS-0001» đã là mã của «Đơn vị CDCS-0001»');
  });
});

describe('suggestCodeFromName', () => {
  it('abbreviates well-known phrases and keeps short names whole', () => {
    expect(suggestCodeFromName('Công ty TNHH Hòa Bình')).toBe('CTY-TNHH-HOA-BINH');
    expect(suggestCodeFromName('Trường Tiểu học Phan Bội Châu')).toBe('TH-PHAN-BOI-CHAU');
    expect(suggestCodeFromName('Ủy ban nhân dân xã Suối Đá')).toBe('UBND-XA-SUOI-DA');
  });

  it('reduces the other words to initials when the code would be long, keeping numbers', () => {
    expect(suggestCodeFromName('Công đoàn cơ sở Công ty Cổ phần Cao su Tây Ninh')).toBe('CDCS-CTCP-CSTN');
    expect(suggestCodeFromName('Công đoàn cơ sở Trường Trung học cơ sở số 2 Thị trấn')).toBe('CDCS-THCS-S-2-TT');
    expect(suggestCodeFromName('Công đoàn cơ sở Trường Trung học cơ sở số 2 Thị trấn'.normalize('NFD'))).toBe(
      'CDCS-THCS-S-2-TT',
    );
  });

  it('appends a number when the suggestion is taken, and gives empty for no letters', () => {
    expect(suggestCodeFromName('Công ty TNHH Hòa Bình', ['cty-tnhh-hoa-binh'])).toBe('CTY-TNHH-HOA-BINH-2');
    expect(suggestCodeFromName('Công ty TNHH Hòa Bình', ['CTY-TNHH-HOA-BINH', 'CTY-TNHH-HOA-BINH-2'])).toBe(
      'CTY-TNHH-HOA-BINH-3',
    );
    expect(suggestCodeFromName(' -- ')).toBe('');
  });

  it('always suggests a valid code', () => {
    for (const name of ['Bệnh viện Đa khoa', 'Hợp tác xã Nông nghiệp Thành Công 1', 'x'.repeat(80), 'Đ']) {
      expect(isValidUnitCode(suggestCodeFromName(name))).toBe(true);
    }
  });
});

describe('unitInputSchema', () => {
  const base = { name: 'CĐCS Công ty TNHH Hòa Bình', level: 'grassroots' };

  it('normalizes a valid unit: NFC, trimmed, code, members, phone, defaults', () => {
    const r = unitInputSchema.parse({
      ...base,
      name: '  CĐCS  Công ty TNHH Hòa Bình '.normalize('NFD'),
      code: ' cđcs 12 ',
      type: 'Doanh nghiệp ngoài nhà nước',
      members: '1.250',
      phone: '(0276) 3.851-234',
    });
    expect(r).toEqual({
      code: 'CDCS-12',
      name: 'CĐCS Công ty TNHH Hòa Bình',
      level: 'grassroots',
      parentName: '',
      kind: '',
      parentCode: '',
      aliases: [],
      type: 'non-state-enterprise',
      members: 1250,
      contact: '',
      phone: '(0276) 3.851-234',
      active: true,
    });
    // The parsed input is a Unit without timestamps.
    const asUnit: Omit<Unit, 'createdAt' | 'updatedAt'> = r;
    expect(asUnit.code).toBe('CDCS-12');
    expect(unitInputSchema.parse({ ...base, code: '' }).code).toBe('');
    expect(unitInputSchema.parse({ ...base, phone: 912345678 }).phone).toBe('0912345678');
  });

  const errorOf = (input: Record<string, unknown>): Record<string, string> => {
    const r = unitInputSchema.safeParse({ ...base, ...input });
    expect(r.success).toBe(false);
    return r.success ? {} : fieldErrors(r.error);
  };

  it('names the field in each Vietnamese message', () => {
    expect(errorOf({ name: '   ' }).name).toBe('Tên đơn vị: không được để trống');
    expect(errorOf({ name: undefined }).name).toBe('Tên đơn vị: không được để trống');
    expect(errorOf({ name: 'a'.repeat(201) }).name).toBe('Tên đơn vị: tối đa 200 ký tự');
    expect(errorOf({ code: '###' }).code).toBe('Mã đơn vị: chỉ gồm chữ không dấu A–Z, chữ số và dấu gạch ngang (-)');
    expect(errorOf({ code: 'A'.repeat(31) }).code).toBe('Mã đơn vị: tối đa 30 ký tự');
    expect(errorOf({ members: -1 }).members).toBe('Số đoàn viên: phải là số nguyên không âm');
    expect(errorOf({ members: '12,5' }).members).toBe('Số đoàn viên: phải là số nguyên không âm');
    expect(errorOf({ members: 2.5 }).members).toBe('Số đoàn viên: phải là số nguyên không âm');
    expect(errorOf({ phone: '0276-abc-123' }).phone).toBe(
      'Điện thoại: chỉ gồm chữ số, dấu cách và các ký tự + - . ( )',
    );
    expect(errorOf({ phone: '1234567' }).phone).toBe('Điện thoại: phải có từ 8 đến 15 chữ số');
    expect(errorOf({ phone: '1234567890123456' }).phone).toBe('Điện thoại: phải có từ 8 đến 15 chữ số');
    expect(errorOf({ level: 'xã' }).level).toContain('Cấp đơn vị');
    expect(errorOf({ type: 'Nhà máy' }).type).toContain('Loại hình');
  });

  it('accepts empty optional fields and boundary values', () => {
    const r = unitInputSchema.parse({ ...base, members: '', phone: '', type: null, contact: null });
    expect([r.members, r.phone, r.type, r.contact]).toEqual([null, '', null, '']);
    expect(unitInputSchema.parse({ ...base, members: 0, phone: '12345678' }).members).toBe(0);
    expect(unitInputSchema.parse({ ...base, phone: '+84 123 456 789 012' }).phone).toBe('+84 123 456 789 012');
    expect(unitInputSchema.parse({ ...base, name: 'a'.repeat(200) }).name).toHaveLength(200);
  });
});
