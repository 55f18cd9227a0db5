/**
 * Units (đơn vị): this installation's own unit and the directory of subordinate units.
 *
 * Pure module. A unit's code is its identity in every exchanged file, so:
 * - codes are normalized (`normalizeUnitCode`): upper-case ASCII letters, digits and single
 *   dashes, e.g. " cđcs 12 " → "CDCS-12"; two spellings of one code are the same code;
 * - a code is never held by two units, and a code is NEVER reused, not even the code of a
 *   deactivated unit: workbooks sent earlier still carry it, and importing one of them must
 *   reach the unit that sent it, not a newcomer (`findCodeConflict`);
 * - a code the unit's files carried before (an alias: a CĐCS set up by hand, a re-coded unit)
 *   stays the unit's: it is matched on import (domain/unit-match.ts) and is never reused;
 * - a missing code is generated per kind, "CDCS-0001", "LDLD-H-0001", "CDN-0001", always after
 *   the highest number already used with that prefix, never filling gaps (`generateUnitCode`);
 * - a code may be suggested from the unit's name (`suggestCodeFromName`, rules there).
 * Units with data are deactivated (`active: false`), never hard-deleted.
 */
import { z } from 'zod';
import { cleanLine, countTransform, optionalText, requiredLine } from './fields';
import { asciiSlug, fold, foldedKey, toNfc } from './vn-text';

// ---------------------------------------------------------------------------------------------
// Levels and kinds.

/**
 * The three tiers of the union's hierarchy, as stored and exchanged (never renamed: every
 * workbook and backup carries them):
 * - 'province': the top of an installation's tree, a Liên đoàn Lao động tỉnh or a công đoàn
 *   ngành trung ương;
 * - 'district': any «công đoàn cấp trên trực tiếp cơ sở» (LĐLĐ huyện, công đoàn ngành, công
 *   đoàn các khu công nghiệp, công đoàn viên chức…: see UnitKind);
 * - 'grassroots': a công đoàn cơ sở, under a 'district' unit or directly under a 'province'.
 */
export type UnitLevel = 'province' | 'district' | 'grassroots';
export const UNIT_LEVELS: readonly UnitLevel[] = ['province', 'district', 'grassroots'];

/** Short names of the tiers, for where no kind is known (the kind's own name is used otherwise). */
export const UNIT_LEVEL_LABELS: Record<UnitLevel, string> = {
  province: 'Cấp tỉnh',
  district: 'Cấp trên cơ sở',
  grassroots: 'CĐCS',
};

export const UNIT_LEVEL_FULL_LABELS: Record<UnitLevel, string> = {
  province: 'Công đoàn cấp tỉnh, ngành trung ương',
  district: 'Công đoàn cấp trên trực tiếp cơ sở',
  grassroots: 'Công đoàn cơ sở',
};

/**
 * A kind of unit within a tier, with its own name: the levels are data, so a province can hold
 * LĐLĐ huyện, công đoàn ngành, công đoàn các KCN and CĐCS side by side, and an office can add a
 * kind of its own (customUnitKind, stored in the settings).
 */
export interface UnitKind {
  /** Stable id stored on units ('ldld-huyen'); a custom one starts with CUSTOM_KIND_PREFIX. */
  id: string;
  level: UnitLevel;
  /** Short name, as lists and the «Cấp đơn vị» cell show it: «LĐLĐ huyện». */
  name: string;
  /** Full name: «Liên đoàn Lao động huyện». */
  fullName: string;
  /** Prefix of the codes generated for units of this kind (generateUnitCode). */
  codePrefix: string;
}

export const BUILTIN_UNIT_KINDS: readonly UnitKind[] = [
  { id: 'ldld-tinh', level: 'province', name: 'LĐLĐ tỉnh', fullName: 'Liên đoàn Lao động tỉnh', codePrefix: 'LDLD-T' },
  { id: 'cd-nganh-tw', level: 'province', name: 'CĐ ngành trung ương', fullName: 'Công đoàn ngành trung ương', codePrefix: 'CDN-TW' },
  { id: 'ldld-huyen', level: 'district', name: 'LĐLĐ huyện', fullName: 'Liên đoàn Lao động huyện', codePrefix: 'LDLD-H' },
  { id: 'cd-nganh', level: 'district', name: 'Công đoàn ngành', fullName: 'Công đoàn ngành', codePrefix: 'CDN' },
  { id: 'cd-kcn', level: 'district', name: 'Công đoàn các KCN', fullName: 'Công đoàn các khu công nghiệp', codePrefix: 'CD-KCN' },
  { id: 'cd-vien-chuc', level: 'district', name: 'Công đoàn Viên chức', fullName: 'Công đoàn Viên chức', codePrefix: 'CDVC' },
  { id: 'cd-tong-cong-ty', level: 'district', name: 'CĐ tổng công ty', fullName: 'Công đoàn tổng công ty', codePrefix: 'CD-TCT' },
  {
    id: 'cap-tren-co-so',
    level: 'district',
    name: 'CĐ cấp trên cơ sở',
    fullName: 'Công đoàn cấp trên trực tiếp cơ sở khác',
    codePrefix: 'CDCT',
  },
  { id: 'cdcs', level: 'grassroots', name: 'CĐCS', fullName: 'Công đoàn cơ sở', codePrefix: 'CDCS' },
];

/**
 * The kind a unit of a tier has when nothing says more (a unit added from an older file). A
 * 'district' unit stored before kinds existed was an LĐLĐ huyện: the schema upgrade says so.
 */
export const DEFAULT_KIND_OF_LEVEL: Record<UnitLevel, string> = {
  province: 'ldld-tinh',
  district: 'cap-tren-co-so',
  grassroots: 'cdcs',
};

export const CUSTOM_KIND_PREFIX = 'rieng-';

/** The built-in kinds followed by the office's own (`custom`), ids unique (a built-in wins). */
export function allUnitKinds(custom: readonly UnitKind[] = []): UnitKind[] {
  const out = [...BUILTIN_UNIT_KINDS];
  for (const k of custom) if (!out.some((o) => o.id === k.id)) out.push(k);
  return out;
}

/** The kind of a unit: its own `kind` when known and of its tier, else its tier's default. */
export function kindOfUnit(unit: { level: UnitLevel; kind?: string | undefined }, kinds: readonly UnitKind[] = BUILTIN_UNIT_KINDS): UnitKind {
  const own = unit.kind ? kinds.find((k) => k.id === unit.kind && k.level === unit.level) : undefined;
  return own ?? kinds.find((k) => k.id === DEFAULT_KIND_OF_LEVEL[unit.level])!;
}

/** A kind an office names itself («Công đoàn Giáo dục»): an intermediate tier unless told. */
export function customUnitKind(name: string, level: UnitLevel = 'district'): UnitKind {
  const clean = toNfc(name).replace(/\s+/g, ' ').trim();
  const slug = asciiSlug(clean).slice(0, 40);
  // The initials of its words: «Công đoàn Giáo dục» → CDGD.
  const prefix = fold(clean)
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w[0]!.toUpperCase())
    .join('')
    .slice(0, 6) || 'DV';
  return { id: `${CUSTOM_KIND_PREFIX}${slug || 'loai'}`, level, name: clean, fullName: clean, codePrefix: prefix };
}

/** A kind from its id, short or full name, accents and case ignored. */
export function parseUnitKind(text: string, kinds: readonly UnitKind[] = BUILTIN_UNIT_KINDS): UnitKind | null {
  const key = foldedKey(text);
  if (key === '') return null;
  return kinds.find((k) => key === k.id || key === fold(k.name) || key === fold(k.fullName)) ?? null;
}

/**
 * `{ levelName }` for a report's unit when the «Cấp đơn vị» text names more than the level's
 * own label (a kind: «LĐLĐ huyện», «Công đoàn ngành»), else `{}` (so that a file written without
 * one reads back as it was).
 */
export function levelNameOf(text: string, level: UnitLevel | null): { levelName?: string } {
  const clean = toNfc(text).replace(/\s+/g, ' ').trim();
  if (clean === '' || !level || fold(clean) === fold(UNIT_LEVEL_LABELS[level]) || fold(clean) === fold(UNIT_LEVEL_FULL_LABELS[level]) || fold(clean) === level) return {};
  return { levelName: clean };
}

/**
 * A unit as an exchanged file names it: code, name, level, the kind's name when it says more
 * than the level («LĐLĐ huyện»: levelName) and the body above.
 */
export function unitIdentity(
  unit: Pick<Unit, 'code' | 'name' | 'level' | 'kind' | 'parentName'>,
  kinds: readonly UnitKind[] = BUILTIN_UNIT_KINDS,
): { code: string; name: string; level: UnitLevel; levelName?: string; parentName: string } {
  // A unit without a kind of its own (an older record) is named by its level only.
  const levelName = unit.kind ? levelNameOf(kindOfUnit(unit, kinds).name, unit.level) : {};
  return { code: unit.code, name: unit.name, level: unit.level, ...levelName, parentName: unit.parentName };
}

/** The tiers a directory of a unit of `level` lists: a province holds both lower tiers. */
export function childLevelsOf(level: UnitLevel): UnitLevel[] {
  return level === 'province' ? ['district', 'grassroots'] : level === 'district' ? ['grassroots'] : [];
}

/** The first tier below `level` (null: grassroots has none). */
export function childLevelOf(level: UnitLevel): UnitLevel | null {
  return childLevelsOf(level)[0] ?? null;
}

/**
 * True when `unit` reports directly to `upper`: its parent is `upper` (parentCode), or, when its
 * parent is not known, it is of the tier right below `upper` (districts for a province, CĐCS for
 * a district: all a directory held before parents were recorded). A CĐCS directly under a
 * province is recorded with the province as its parent; one under a district of the province's
 * directory is not directly under the province: the district reports for it.
 */
export function isDirectlyUnder(unit: Pick<Unit, 'level' | 'parentCode'>, upper: Pick<Unit, 'code' | 'level'>): boolean {
  if (unit.parentCode) return unit.parentCode === upper.code;
  return unit.level === childLevelOf(upper.level);
}

/** The kinds a unit of `level` may have directly under it, in display order. */
export function childKindsOf(level: UnitLevel, kinds: readonly UnitKind[] = BUILTIN_UNIT_KINDS): UnitKind[] {
  const levels = childLevelsOf(level);
  return kinds.filter((k) => levels.includes(k.level));
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

/**
 * The «Loại hình» a unit of `level` can have: enterprises, agencies and schools are what a CĐCS
 * is formed in; a body above the CĐCS is described by its kind instead (none offered).
 */
export function unitTypesFor(level: UnitLevel): readonly UnitType[] {
  return level === 'grassroots' ? UNIT_TYPES : [];
}

/** A unit type from its code, its label or a common abbreviation, accents and case ignored. */
export function parseUnitType(text: string): UnitType | null {
  const key = foldedKey(text);
  for (const t of UNIT_TYPES) if (key === t || key === fold(UNIT_TYPE_LABELS[t])) return t;
  return UNIT_TYPE_ALIASES[key] ?? null;
}

/**
 * A unit level from its code, its short or full label, or the name of one of its kinds
 * («LĐLĐ huyện», «Công đoàn ngành»: files written before kinds existed say «LĐLĐ huyện» and
 * «LĐLĐ tỉnh»), accents and case ignored.
 */
export function parseUnitLevel(text: string, kinds: readonly UnitKind[] = BUILTIN_UNIT_KINDS): UnitLevel | null {
  const key = foldedKey(text);
  for (const l of UNIT_LEVELS) {
    if (key === l || key === fold(UNIT_LEVEL_LABELS[l]) || key === fold(UNIT_LEVEL_FULL_LABELS[l])) return l;
  }
  return parseUnitKind(key, kinds)?.level ?? null;
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
  /**
   * UnitKind id («ldld-huyen», «cd-nganh», «cdcs»…). Every record written since schema v6 has
   * one; read it through kindOfUnit (older records and restored backups may lack it).
   */
  kind?: string;
  /**
   * Code of the unit directly above when it is in this installation's directory (or is the
   * installation's own unit), '' when unknown or outside it.
   */
  parentCode?: string;
  /**
   * Other codes this unit's files have carried (a CĐCS that set itself up by hand before it
   * got its code, a unit re-coded): normalized, matched on import like the code, and never
   * given to another unit. Absent = none.
   */
  aliases?: string[];
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

/** Prefix of the codes generated for a tier when no kind is given (its default kind's). */
export const UNIT_CODE_PREFIX: Record<UnitLevel, string> = {
  province: 'LDLD-T',
  district: 'LDLD-H',
  grassroots: 'CDCS',
};

/**
 * The next generated code of a kind (or of a tier): PREFIX-NNNN with the number one above the
 * highest already used after that prefix (gaps are never filled, see the module comment).
 * Existing codes are compared in normalized form, so "cdcs 12" counts as CDCS-12. Four digits,
 * more when needed. Pass aliases among `existingCodes`: they are taken too.
 */
export function generateUnitCode(kind: UnitLevel | Pick<UnitKind, 'codePrefix'>, existingCodes: Iterable<string>): string {
  const prefix = typeof kind === 'string' ? UNIT_CODE_PREFIX[kind] : normalizeUnitCode(kind.codePrefix) || 'DV';
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
 * The prefix of the codes a directory generates for units of `kind`. A district's CĐCS get
 * «CDCS-0001…». A body above the districts adds its own code («CDCS-TN-0001» at LĐLĐ tỉnh Tây
 * Ninh, LDLD-TN), so that a CĐCS it places directly under itself never gets a code a district
 * gave one of its own CĐCS (both show up at the province).
 */
export function codePrefixFor(kind: Pick<UnitKind, 'codePrefix'>, own: Pick<Unit, 'code' | 'level'> | null | undefined): string {
  if (!own || own.level !== 'province') return kind.codePrefix;
  const stripped = own.code.replace(/^(LDLD-T|LDLD|CDN-TW|CD)-/, '');
  const part = (stripped === '' || /^[0-9-]+$/.test(stripped) ? own.code : stripped).slice(0, 12).replace(/-+$/, '');
  return `${kind.codePrefix}-${part}`;
}

/**
 * The unit that already holds `candidate.code` (normalized), other than the unit being edited
 * (`selfCode`, its code before the edit), or null. Because codes are never reused, an inactive
 * holder is a conflict just like an active one, whatever `candidate.active` is (the field is
 * accepted so callers can pass the form as it is).
 */
export function findCodeConflict<U extends Pick<Unit, 'code' | 'active' | 'aliases'>>(
  units: Iterable<U>,
  candidate: { code: string; active?: boolean },
  selfCode?: string,
): U | null {
  const code = normalizeUnitCode(candidate.code);
  if (code === '') return null;
  const self = selfCode === undefined ? undefined : normalizeUnitCode(selfCode);
  for (const u of units) {
    const uCode = normalizeUnitCode(u.code);
    if (uCode === self) continue;
    // An alias is the unit's too: its earlier files carry it.
    if (uCode === code || (u.aliases ?? []).some((a) => normalizeUnitCode(a) === code)) return u;
  }
  return null;
}

/** The Vietnamese message for a conflict found by findCodeConflict (`code`: the code asked for). */
export function codeConflictMessage(holder: Pick<Unit, 'code' | 'name' | 'active'>, code?: string): string {
  if (code !== undefined && normalizeUnitCode(code) !== holder.code) {
    return `Mã đơn vị: «${normalizeUnitCode(code)}» là mã khác (mã cũ) của «${holder.name}» (${holder.code}); mã đã dùng không được dùng lại`;
  }
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
  name: requiredLine('Tên đơn vị', 200),
  level: z.unknown().optional().transform((v, ctx): UnitLevel => {
    const level = typeof v === 'string' ? parseUnitLevel(v) : null;
    if (!level) {
      ctx.addIssue({ code: 'custom', message: 'Cấp đơn vị: chọn LĐLĐ tỉnh, LĐLĐ huyện hoặc CĐCS', input: v });
      return z.NEVER;
    }
    return level;
  }),
  parentName: optionalText('Đơn vị cấp trên', 200),
  /** A UnitKind id; checked against the known kinds by the operation that stores it. */
  kind: z
    .string({ error: 'Loại đơn vị: không hợp lệ' })
    .nullish()
    .transform((v) => (v ?? '').trim())
    .pipe(z.string().max(60, { error: 'Loại đơn vị: không hợp lệ' })),
  parentCode: z
    .string({ error: 'Mã đơn vị cấp trên: không hợp lệ' })
    .nullish()
    .transform((v) => normalizeUnitCode(v ?? ''))
    .pipe(z.string().max(UNIT_CODE_MAX_LENGTH, { error: `Mã đơn vị cấp trên: tối đa ${UNIT_CODE_MAX_LENGTH} ký tự` })),
  /** Other codes of the unit (see Unit.aliases): a list, or one text with codes separated by ',' ';' or spaces. */
  aliases: z
    .union([z.array(z.string()), z.string()], { error: 'Mã khác: không hợp lệ' })
    .nullish()
    .transform((v, ctx) => {
      const raw = v === null || v === undefined ? [] : typeof v === 'string' ? v.split(/[\s,;]+/) : v;
      const out: string[] = [];
      for (const r of raw) {
        if (r.trim() === '') continue;
        const code = normalizeUnitCode(r);
        if (!isValidUnitCode(code)) {
          ctx.addIssue({ code: 'custom', message: `Mã khác: «${r.trim()}» không phải mã hợp lệ (chữ không dấu A–Z, chữ số, dấu gạch ngang)`, input: v });
          return z.NEVER;
        }
        if (!out.includes(code)) out.push(code);
      }
      return out;
    }),
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
  contact: optionalText('Người liên hệ', 200),
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

/**
 * A unit as validated: all of Unit but the timestamps; code may be '' (to be generated), kind
 * '' (its tier's default), parentCode '' (none known), aliases [] (none).
 */
export type UnitInput = z.output<typeof unitInputSchema>;

// ---------------------------------------------------------------------------------------------
// Names: two spellings of one unit.

/** Folded phrases that stand for the same words, abbreviated (longest first). */
const NAME_KEY_PHRASES: readonly [string, string][] = [
  ...NAME_ABBREVIATIONS.map(([phrase, abbrev]): [string, string] => [phrase, abbrev.toLowerCase().replace(/-/g, ' ')]),
  ['cong doan', 'cd'],
  ['xi nghiep', 'xn'],
];

/**
 * The key two names of one unit share: folded (accents, đ, case), punctuation dropped, well-known
 * phrases abbreviated («Công đoàn cơ sở» = «CĐCS», «Ủy ban nhân dân» = «UBND», «Công ty TNHH» =
 * «Cty TNHH»), and a leading «CĐCS»/«Công đoàn» dropped (the same union, named with or without
 * it). "CĐCS UBND xã Bàu Năng" and "Công đoàn cơ sở Ủy ban nhân dân xã Bàu Năng" → "ubnd xa bau nang".
 */
export function unitNameKey(name: string): string {
  const words = fold(toNfc(name))
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    const hit = NAME_KEY_PHRASES.find(([phrase]) => phrase.split(' ').every((p, k) => words[i + k] === p));
    if (hit) {
      out.push(...hit[1].split(' '));
      i += hit[0].split(' ').length;
    } else out.push(words[i++]!);
  }
  while (out.length > 1 && (out[0] === 'cdcs' || out[0] === 'cd')) out.shift();
  return out.join(' ');
}

/** The units (other than `selfCode`) whose name is the same as `name` (unitNameKey). */
export function unitsNamedLike<U extends Pick<Unit, 'code' | 'name'>>(units: Iterable<U>, name: string, selfCode?: string): U[] {
  const key = unitNameKey(name);
  if (key === '') return [];
  const out: U[] = [];
  for (const u of units) if (u.code !== selfCode && unitNameKey(u.name) === key) out.push(u);
  return out;
}

/**
 * How each unit is shown where units are listed side by side: its name, and its code too when
 * another unit of the list has the same name (two «CĐCS UBND xã Bàu Năng» must not look alike).
 */
export function unitLabels<U extends Pick<Unit, 'code' | 'name'>>(units: Iterable<U>): Map<string, string> {
  // Each name folded once: a province lists 2,000 units, and folding is most of the cost.
  const keyed = [...units].map((u) => ({ u, key: unitNameKey(u.name) }));
  const count = new Map<string, number>();
  for (const { key } of keyed) count.set(key, (count.get(key) ?? 0) + 1);
  return new Map(keyed.map(({ u, key }) => [u.code, (count.get(key) ?? 0) > 1 ? `${u.name} (${u.code})` : u.name]));
}
