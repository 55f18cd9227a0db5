/**
 * Units (đơn vị): this installation's own unit and the directory of subordinate units.
 *
 * Pure module. A unit's code is its identity in every exchanged file, so:
 * - codes are normalized (`normalizeUnitCode`): upper-case ASCII letters, digits and single
 *   dashes, e.g. " cđcs 12 " → "CDCS-12"; two spellings of one code are the same code;
 * - a code is never held by two units, and a code is NEVER reused, not even the code of a
 *   deactivated unit: workbooks sent earlier still carry it, and importing one of them must
 *   reach the unit that sent it, not a newcomer (`findCodeConflict`);
 * - a missing code is generated per level, "CDCS-0001", "LDLD-H-0001", "LDLD-T-0001", always
 *   after the highest number already used with that prefix, never filling gaps
 *   (`generateUnitCode`);
 * - a code may be suggested from the unit's name (`suggestCodeFromName`, rules there).
 * Units with data are deactivated (`active: false`), never hard-deleted.
 */
import { z } from 'zod';
import { cleanLine, countTransform } from './indicators';
import { fold, toNfc } from './vn-text';

// ---------------------------------------------------------------------------------------------
// Levels and types.

export type UnitLevel = 'province' | 'district' | 'grassroots';
export const UNIT_LEVELS: readonly UnitLevel[] = ['province', 'district', 'grassroots'];

export const UNIT_LEVEL_LABELS: Record<UnitLevel, string> = {
  province: 'LĐLĐ tỉnh',
  district: 'LĐLĐ huyện',
  grassroots: 'CĐCS',
};

export const UNIT_LEVEL_FULL_LABELS: Record<UnitLevel, string> = {
  province: 'Liên đoàn Lao động tỉnh',
  district: 'Liên đoàn Lao động huyện',
  grassroots: 'Công đoàn cơ sở',
};

/** The level of the units a level's directory lists (null: grassroots has none). */
export function childLevelOf(level: UnitLevel): UnitLevel | null {
  return level === 'province' ? 'district' : level === 'district' ? 'grassroots' : null;
}

export type UnitType = 'state-enterprise' | 'non-state-enterprise' | 'public-service' | 'school' | 'other';
export const UNIT_TYPES: readonly UnitType[] = [
  'state-enterprise',
  'non-state-enterprise',
  'public-service',
  'school',
  'other',
];

export const UNIT_TYPE_LABELS: Record<UnitType, string> = {
  'state-enterprise': 'Doanh nghiệp nhà nước',
  'non-state-enterprise': 'Doanh nghiệp ngoài nhà nước',
  'public-service': 'Hành chính sự nghiệp',
  school: 'Trường học',
  other: 'Khác',
};

/** Folded spellings seen in office spreadsheets, besides the codes and the labels. */
const UNIT_TYPE_ALIASES: Record<string, UnitType> = {
  dnnn: 'state-enterprise',
  'dn nha nuoc': 'state-enterprise',
  'dn ngoai nha nuoc': 'non-state-enterprise',
  'dn ngoai nn': 'non-state-enterprise',
  'doanh nghiep ngoai nn': 'non-state-enterprise',
  dnnnn: 'non-state-enterprise',
  hcsn: 'public-service',
  'hanh chinh, su nghiep': 'public-service',
  'truong': 'school',
};

/** A unit type from its code, its label or a common abbreviation, accents and case ignored. */
export function parseUnitType(text: string): UnitType | null {
  const key = fold(text).replace(/\s+/g, ' ').trim();
  for (const t of UNIT_TYPES) if (key === t || key === fold(UNIT_TYPE_LABELS[t])) return t;
  return UNIT_TYPE_ALIASES[key] ?? null;
}

/** A unit level from its code or its short or full label, accents and case ignored. */
export function parseUnitLevel(text: string): UnitLevel | null {
  const key = fold(text).replace(/\s+/g, ' ').trim();
  for (const l of UNIT_LEVELS) {
    if (key === l || key === fold(UNIT_LEVEL_LABELS[l]) || key === fold(UNIT_LEVEL_FULL_LABELS[l])) return l;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The record.

export interface Unit {
  /** Normalized code (see normalizeUnitCode): identity in every exchanged file. */
  code: string;
  name: string;
  level: UnitLevel;
  /** Name of the body above, e.g. "LĐLĐ huyện Dương Minh Châu" ('' when unknown). */
  parentName: string;
  type: UnitType | null;
  /** Member count (số đoàn viên), null when unknown. */
  members: number | null;
  /** Contact person ('' when none). */
  contact: string;
  /** Phone as typed, e.g. "0276 3851 234" ('' when none). */
  phone: string;
  active: boolean;
  /** ISO instants. */
  createdAt: string;
  updatedAt: string;
}

// ---------------------------------------------------------------------------------------------
// Codes.

export const UNIT_CODE_MAX_LENGTH = 30;
const UNIT_CODE_RE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

/**
 * The canonical form of a unit code: NFC, Vietnamese letters folded to ASCII (Đ → D), upper
 * case; every run of other characters (spaces, '_', '.', '/', …) becomes one '-', with no
 * leading or trailing dash. " cđcs 12 " → "CDCS-12"; "ldld_h--dmc" → "LDLD-H-DMC".
 * Returns '' when nothing usable remains. Idempotent.
 */
export function normalizeUnitCode(raw: string): string {
  return fold(toNfc(raw).trim())
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** True for a code already in canonical form, 1..30 characters. */
export function isValidUnitCode(code: string): boolean {
  return code.length > 0 && code.length <= UNIT_CODE_MAX_LENGTH && UNIT_CODE_RE.test(code);
}

export const UNIT_CODE_PREFIX: Record<UnitLevel, string> = {
  province: 'LDLD-T',
  district: 'LDLD-H',
  grassroots: 'CDCS',
};

/**
 * The next generated code of a level: PREFIX-NNNN with the number one above the highest already
 * used after that prefix (gaps are never filled, see the module comment). Existing codes are
 * compared in normalized form, so "cdcs 12" counts as CDCS-12. Four digits, more when needed.
 */
export function generateUnitCode(level: UnitLevel, existingCodes: Iterable<string>): string {
  const prefix = UNIT_CODE_PREFIX[level];
  const re = new RegExp(`^${prefix}-(\\d+)$`);
  const taken = new Set<string>();
  let max = 0;
  for (const raw of existingCodes) {
    const code = normalizeUnitCode(raw);
    taken.add(code);
    const m = re.exec(code);
    if (m) max = Math.max(max, Number(m[1]));
  }
  let n = max + 1;
  let code = `${prefix}-${String(n).padStart(4, '0')}`;
  // Only reachable if a code of the same number with other padding exists ("CDCS-7" vs "CDCS-0007").
  while (taken.has(code)) code = `${prefix}-${String(++n).padStart(4, '0')}`;
  return code;
}

/**
 * The unit that already holds `candidate.code` (normalized), other than the unit being edited
 * (`selfCode`, its code before the edit), or null. Because codes are never reused, an inactive
 * holder is a conflict just like an active one, whatever `candidate.active` is (the field is
 * accepted so callers can pass the form as it is).
 */
export function findCodeConflict<U extends Pick<Unit, 'code' | 'active'>>(
  units: Iterable<U>,
  candidate: { code: string; active?: boolean },
  selfCode?: string,
): U | null {
  const code = normalizeUnitCode(candidate.code);
  if (code === '') return null;
  const self = selfCode === undefined ? undefined : normalizeUnitCode(selfCode);
  for (const u of units) {
    const uCode = normalizeUnitCode(u.code);
    if (uCode === code && uCode !== self) return u;
  }
  return null;
}

/** The Vietnamese message for a conflict found by findCodeConflict. */
export function codeConflictMessage(holder: Pick<Unit, 'code' | 'name' | 'active'>): string {
  return holder.active
    ? `Mã đơn vị: «${holder.code}» đã là mã của «${holder.name}»`
    : `Mã đơn vị: «${holder.code}» là mã của «${holder.name}» (đã ngừng hoạt động); mã đã dùng không được dùng lại`;
}

/** Folded phrases abbreviated in suggested codes, longest first within each start word. */
const NAME_ABBREVIATIONS: readonly [string, string][] = [
  ['cong doan co so', 'CDCS'],
  ['lien doan lao dong', 'LDLD'],
  ['cong ty trach nhiem huu han', 'CTY-TNHH'],
  ['cong ty co phan', 'CTCP'],
  ['cong ty', 'CTY'],
  ['trach nhiem huu han', 'TNHH'],
  ['mot thanh vien', 'MTV'],
  ['doanh nghiep tu nhan', 'DNTN'],
  ['hop tac xa', 'HTX'],
  ['uy ban nhan dan', 'UBND'],
  ['truong mam non', 'MN'],
  ['truong mau giao', 'MG'],
  ['truong tieu hoc', 'TH'],
  ['truong trung hoc co so', 'THCS'],
  ['truong trung hoc pho thong', 'THPT'],
  ['trung tam y te', 'TTYT'],
  ['trung tam', 'TT'],
  ['benh vien', 'BV'],
  ['tram y te', 'TYT'],
];

/** Target length of a suggested code; longer ones are shortened (see suggestCodeFromName). */
export const SUGGESTED_CODE_LENGTH = 20;

/**
 * A code suggested from a unit's name, for the officer to accept or change:
 * 1. the name is folded (accents, đ → d) and split into words;
 * 2. well-known phrases become their usual abbreviations (Công đoàn cơ sở → CDCS, Công ty →
 *    CTY, TNHH, Công ty cổ phần → CTCP, Trường tiểu học → TH, Ủy ban nhân dân → UBND, …);
 * 3. the other words are kept whole if the code stays within 20 characters
 *    ("Công ty TNHH Hòa Bình" → "CTY-TNHH-HOA-BINH"); otherwise they are reduced to their
 *    initials, numbers kept whole
 *    ("Công đoàn cơ sở Công ty Cổ phần Cao su Tây Ninh" → "CDCS-CTCP-CSTN");
 * 4. cut to 30 characters; when `existingCodes` holds the result, "-2", "-3"… is appended.
 * Returns '' for a name with no letters or digits.
 */
export function suggestCodeFromName(name: string, existingCodes: Iterable<string> = []): string {
  const words = fold(toNfc(name))
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  const tokens: { text: string; abbrev: boolean }[] = [];
  for (let i = 0; i < words.length; ) {
    const hit = NAME_ABBREVIATIONS.find(([phrase]) => {
      const parts = phrase.split(' ');
      return parts.every((p, k) => words[i + k] === p);
    });
    if (hit) {
      tokens.push({ text: hit[1], abbrev: true });
      i += hit[0].split(' ').length;
    } else {
      tokens.push({ text: words[i]!.toUpperCase(), abbrev: false });
      i += 1;
    }
  }
  if (tokens.length === 0) return '';
  let code = tokens.map((t) => t.text).join('-');
  if (code.length > SUGGESTED_CODE_LENGTH) {
    const parts: string[] = [];
    let initials = '';
    for (const t of tokens) {
      if (t.abbrev || /^\d+$/.test(t.text)) {
        if (initials) parts.push(initials);
        initials = '';
        parts.push(t.text);
      } else initials += t.text[0];
    }
    if (initials) parts.push(initials);
    code = parts.join('-');
  }
  code = normalizeUnitCode(code.slice(0, UNIT_CODE_MAX_LENGTH));
  const taken = new Set([...existingCodes].map(normalizeUnitCode));
  if (!taken.has(code)) return code;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = normalizeUnitCode(code.slice(0, UNIT_CODE_MAX_LENGTH - suffix.length)) + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}

// ---------------------------------------------------------------------------------------------
// Phone.

const PHONE_CHARS_RE = /^[0-9 +\-.()]*$/;

/**
 * A phone from a form or a cell, trimmed. A numeric cell has lost its leading zero
 * (912345678 → "0912345678"; 84912345678 → "+84912345678").
 */
function phoneText(input: unknown): unknown {
  if (typeof input === 'number' && Number.isSafeInteger(input) && input > 0) {
    const digits = String(input);
    return digits.startsWith('84') && digits.length >= 11 ? `+${digits}` : `0${digits}`;
  }
  if (input === undefined || input === null) return '';
  return typeof input === 'string' ? cleanLine(input) : input;
}

// ---------------------------------------------------------------------------------------------
// Validation (forms and imported files). Messages name the field, in Vietnamese.

function optionalLine(field: string, max: number) {
  return z
    .string({ error: `${field}: không hợp lệ` })
    .nullish()
    .transform((v) => cleanLine(v ?? ''))
    .pipe(z.string().max(max, { error: `${field}: tối đa ${max} ký tự` }));
}

export const unitInputSchema = z.object({
  /** '' (or absent) means: generate one (generateUnitCode) before saving. */
  code: z
    .string({ error: 'Mã đơn vị: không hợp lệ' })
    .nullish()
    .transform((v, ctx) => {
      const raw = v ?? '';
      const code = normalizeUnitCode(raw);
      if (raw.trim() !== '' && code === '') {
        ctx.addIssue({
          code: 'custom',
          message: 'Mã đơn vị: chỉ gồm chữ không dấu A–Z, chữ số và dấu gạch ngang (-)',
          input: v,
        });
        return z.NEVER;
      }
      return code;
    })
    .pipe(
      z
        .string()
        .max(UNIT_CODE_MAX_LENGTH, { error: `Mã đơn vị: tối đa ${UNIT_CODE_MAX_LENGTH} ký tự` })
        .refine((c) => c === '' || isValidUnitCode(c), {
          error: 'Mã đơn vị: chỉ gồm chữ không dấu A–Z, chữ số và dấu gạch ngang (-)',
        }),
    ),
  name: z
    .string({ error: 'Tên đơn vị: không được để trống' })
    .transform(cleanLine)
    .pipe(
      z
        .string()
        .min(1, { error: 'Tên đơn vị: không được để trống' })
        .max(200, { error: 'Tên đơn vị: tối đa 200 ký tự' }),
    ),
  level: z.unknown().optional().transform((v, ctx): UnitLevel => {
    const level = typeof v === 'string' ? parseUnitLevel(v) : null;
    if (!level) {
      ctx.addIssue({ code: 'custom', message: 'Cấp đơn vị: chọn LĐLĐ tỉnh, LĐLĐ huyện hoặc CĐCS', input: v });
      return z.NEVER;
    }
    return level;
  }),
  parentName: optionalLine('Đơn vị cấp trên', 200),
  type: z.unknown().optional().transform((v, ctx): UnitType | null => {
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return null;
    const type = typeof v === 'string' ? parseUnitType(v) : null;
    if (!type) {
      ctx.addIssue({
        code: 'custom',
        message: `Loại hình: chọn một trong ${UNIT_TYPES.map((t) => UNIT_TYPE_LABELS[t]).join(', ')}`,
        input: v,
      });
      return z.NEVER;
    }
    return type;
  }),
  members: z.unknown().optional().transform(countTransform('Số đoàn viên: phải là số nguyên không âm')),
  contact: optionalLine('Người liên hệ', 200),
  phone: z
    .unknown()
    .optional()
    .transform(phoneText)
    .pipe(
      z
        .string({ error: 'Điện thoại: không hợp lệ' })
        .regex(PHONE_CHARS_RE, { error: 'Điện thoại: chỉ gồm chữ số, dấu cách và các ký tự + - . ( )' })
        .refine(
          (p) => {
            const digits = p.replace(/\D/g, '').length;
            return p === '' || (digits >= 8 && digits <= 15);
          },
          { error: 'Điện thoại: phải có từ 8 đến 15 chữ số' },
        ),
    ),
  active: z.boolean({ error: 'Trạng thái: không hợp lệ' }).default(true),
});

/** A unit as validated: all of Unit but the timestamps; code may be '' (to be generated). */
export type UnitInput = z.output<typeof unitInputSchema>;
