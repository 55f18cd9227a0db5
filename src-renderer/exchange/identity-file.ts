/**
 * «Tệp thiết lập»: the identity file an upper level hands its units, so that each installation
 * starts with the name, code and parent the upper level gave it (one identity per unit across
 * installations). A small JSON document (FORMAT.md, «Tệp thiết lập»):
 *
 *   { "format": "so-ke-hoach-cong-doan/thiet-lap", "version": 1, "issuedAt": "…Z",
 *     "issuer": { "code", "name", "level", "kind", "parentName" },
 *     "units": [ { "code", "name", "level", "kind", "parentCode", "parentName" }, … ] }
 *
 * Written by the upper level for one unit or for all of them; read by the first-run setup.
 * Reading is strict and bounded: the file is at most IDENTITY_FILE_MAX_BYTES, holds at most
 * IDENTITY_FILE_MAX_UNITS units, every code is a valid unit code, and anything else is refused
 * with a Vietnamese message. Pure module.
 */
import { z } from 'zod';
import { isValidUnitCode, normalizeUnitCode, UNIT_LEVELS, type UnitLevel } from '@domain/units';
import { unitFilePart } from '@domain/file-names';

export const IDENTITY_FORMAT = 'so-ke-hoach-cong-doan/thiet-lap';
export const IDENTITY_FORMAT_VERSION = 1;
/** A province's thousands of units fit in well under a megabyte; anything bigger is not one. */
export const IDENTITY_FILE_MAX_BYTES = 2 * 1024 * 1024;
export const IDENTITY_FILE_MAX_UNITS = 10_000;

export interface IdentityUnit {
  code: string;
  name: string;
  level: UnitLevel;
  /** UnitKind id ('' when the writer had none). */
  kind: string;
  /** The unit directly above (the issuer, or an intermediate body of its directory). */
  parentCode: string;
  parentName: string;
}

export interface IdentityFile {
  format: typeof IDENTITY_FORMAT;
  version: number;
  /** ISO instant. */
  issuedAt: string;
  issuer: Omit<IdentityUnit, 'parentCode'>;
  units: IdentityUnit[];
}

const text = (max: number, what: string) =>
  z
    .string({ error: `${what}: phải là chữ` })
    .transform((v) => v.normalize('NFC').replace(/\s+/g, ' ').trim())
    .pipe(z.string().max(max, { error: `${what}: tối đa ${max} ký tự` }));

const code = (what: string, optional = false) =>
  z
    .string({ error: `${what}: phải là chữ` })
    .transform((v) => normalizeUnitCode(v))
    .refine((c) => (optional && c === '') || isValidUnitCode(c), { error: `${what}: không phải mã đơn vị hợp lệ` });

const level = z.enum(UNIT_LEVELS as [UnitLevel, ...UnitLevel[]], { error: 'Cấp: phải là province, district hoặc grassroots' });

const unitSchema = z.object({
  code: code('Mã đơn vị'),
  name: text(200, 'Tên đơn vị').pipe(z.string().min(1, { error: 'Tên đơn vị: không được để trống' })),
  level,
  kind: text(60, 'Loại đơn vị').default(''),
  parentCode: code('Mã đơn vị cấp trên', true).default(''),
  parentName: text(200, 'Tên đơn vị cấp trên').default(''),
});

const fileSchema = z.object({
  format: z.literal(IDENTITY_FORMAT, { error: 'không phải tệp thiết lập của Sổ Kế hoạch Công đoàn' }),
  version: z
    .number({ error: 'thiếu phiên bản' })
    .int()
    .min(1)
    .max(IDENTITY_FORMAT_VERSION, { error: 'tệp do phiên bản mới hơn của ứng dụng lập: hãy cập nhật ứng dụng' }),
  issuedAt: z.string().max(40).default(''),
  issuer: unitSchema.omit({ parentCode: true }),
  units: z
    .array(unitSchema, { error: 'thiếu danh sách đơn vị' })
    .min(1, { error: 'tệp không có đơn vị nào' })
    .max(IDENTITY_FILE_MAX_UNITS, { error: `tệp có quá ${IDENTITY_FILE_MAX_UNITS} đơn vị` }),
});

export type IdentityReadResult = { ok: true; file: IdentityFile } | { ok: false; message: string };

/** Reads a «Tệp thiết lập» (its bytes as chosen). Never throws. */
export function readIdentityFile(bytes: Uint8Array, fileName = 'tệp'): IdentityReadResult {
  const refuse = (why: string): IdentityReadResult => ({ ok: false, message: `Không dùng được «${fileName}»: ${why}.` });
  if (bytes.byteLength > IDENTITY_FILE_MAX_BYTES) return refuse(`tệp lớn quá ${IDENTITY_FILE_MAX_BYTES / 1024 / 1024} MB, không phải tệp thiết lập`);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return refuse('không phải tệp thiết lập (tệp .json do cấp trên xuất từ ứng dụng)');
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path[0] === 'units' && typeof issue.path[1] === 'number' ? `đơn vị thứ ${issue.path[1] + 1}, ` : '';
    return refuse(`${where}${issue.message}`);
  }
  const seen = new Set<string>();
  for (const u of parsed.data.units) {
    if (seen.has(u.code)) return refuse(`mã ${u.code} có hai lần`);
    seen.add(u.code);
  }
  return { ok: true, file: { ...parsed.data, format: IDENTITY_FORMAT } };
}

/** The file's bytes (UTF-8 JSON, indented: an officer may open it to look). */
export function writeIdentityFile(file: Omit<IdentityFile, 'format' | 'version'>): Uint8Array {
  const out: IdentityFile = { format: IDENTITY_FORMAT, version: IDENTITY_FORMAT_VERSION, ...file };
  return new TextEncoder().encode(`${JSON.stringify(out, null, 2)}\n`);
}

/** "ThietLap_CDCS-0003.json" for one unit, "ThietLap_LDLD-DMC_tat-ca.json" for all of an issuer's. */
export function identityFileName(issuerCode: string, unitCode: string | null): string {
  return unitCode === null ? `ThietLap_${unitFilePart(issuerCode)}_tat-ca.json` : `ThietLap_${unitFilePart(unitCode)}.json`;
}
