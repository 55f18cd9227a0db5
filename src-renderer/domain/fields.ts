/**
 * Field rules shared by every form and every file the app reads: how one line or a block of text
 * is stored, how a count is typed (Vietnamese or English thousands separators) and written
 * (Vietnamese: dots between thousands), and how a failed schema parse becomes one message per
 * field. The unit, activity and indicator schemas, the screens and the readers all use these.
 *
 * Pure module: no React, Dexie, Electron, Node or DOM.
 */
import { z } from 'zod';
import { cleanText } from './vn-text';

// ---------------------------------------------------------------------------------------------
// Text.

/** One line of text as stored (cleanText), trimmed, runs of whitespace collapsed to one space. */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/\s+/gu, ' ').trim();
}

/** Multi-line text as stored (cleanText: NFC, line endings as "\n"), trimmed. */
export function cleanBlock(text: string): string {
  return cleanText(text).trim();
}

// ---------------------------------------------------------------------------------------------
// Counts.

export type ParsedInteger = { ok: true; value: number | null } | { ok: false };

const GROUPED_RE = /^[+-]?\d{1,3}(?:[.,\s\u00a0]\d{3})+$/u;
const PLAIN_RE = /^[+-]?\d+$/;

/**
 * An integer from a form field or a spreadsheet cell: a number, or a string of digits, possibly
 * with thousands separators as written in Vietnamese ("1.200", "1 200") or English ("1,200").
 * Empty (undefined, null, '') → { ok: true, value: null }. Decimals, text, unsafe integers and
 * (unless `allowNegative`) negatives → { ok: false }.
 */
export function parseInteger(input: unknown, allowNegative = false): ParsedInteger {
  let n: number;
  if (input === undefined || input === null) return { ok: true, value: null };
  if (typeof input === 'number') n = input;
  else if (typeof input === 'string') {
    const s = input.trim();
    if (s === '') return { ok: true, value: null };
    if (PLAIN_RE.test(s)) n = Number(s);
    else if (GROUPED_RE.test(s)) n = Number(s.replace(/[.,\s\u00a0]/gu, ''));
    else return { ok: false };
  } else return { ok: false };
  if (!Number.isSafeInteger(n)) return { ok: false };
  if (n < 0 && !allowNegative) return { ok: false };
  return { ok: true, value: n === 0 ? 0 : n }; // no -0
}

/** "1.000.000": a count as Vietnamese text writes it (dots between thousands). */
export function formatCount(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** "1.200", "−1.200": a count on screen, with a real minus sign. */
export function formatSignedCount(n: number): string {
  return formatCount(n).replace('-', '\u2212');
}

/** "+4", "−3", "0": an adjustment on screen. */
export function formatDelta(n: number): string {
  if (n > 0) return `+${formatCount(n)}`;
  return formatSignedCount(n);
}

/** A number typed in a form, with a typographic minus or dash accepted as "-". */
export function normalizeTypedNumber(text: string): string {
  return text.replace(/[\u2212\u2012\u2013\u2014]/gu, '-').trim();
}

// ---------------------------------------------------------------------------------------------
// Schemas.

/** The message for a text field over its limit ("Nội dung: tối đa 10.000 ký tự"). */
export function tooLongMessage(field: string, max: number): string {
  return `${field}: tối đa ${formatCount(max)} ký tự`;
}

/** A one-line text field that must not be empty: cleaned (cleanLine), at most `max` characters. */
export function requiredLine(field: string, max: number) {
  return z
    .string({ error: `${field}: không được để trống` })
    .transform(cleanLine)
    .pipe(
      z
        .string()
        .min(1, { error: `${field}: không được để trống` })
        .max(max, { error: tooLongMessage(field, max) }),
    );
}

/** A text field that may be empty or absent (→ ''): cleaned with `clean`, at most `max` characters. */
export function optionalText(field: string, max: number, clean: (s: string) => string = cleanLine) {
  return z
    .string({ error: `${field}: không hợp lệ` })
    .nullish()
    .transform((v) => clean(v ?? ''))
    .pipe(z.string().max(max, { error: tooLongMessage(field, max) }));
}

/**
 * A zod transform turning a count field into number | null, with `message` when invalid and
 * `tooBig` when it is above `max` (when given).
 */
export function countTransform(message: string, limit?: { max: number; tooBig: string }) {
  return (v: unknown, ctx: z.RefinementCtx): number | null => {
    const r = parseInteger(v);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message, input: v });
      return z.NEVER;
    }
    if (limit && r.value !== null && r.value > limit.max) {
      ctx.addIssue({ code: 'custom', message: limit.tooBig, input: v });
      return z.NEVER;
    }
    return r.value;
  };
}

/**
 * First message per top-level field of a failed parse, for showing beside each field:
 * `{ title: 'Tiêu đề: không được để trống', … }`. Issues without a path go under '_form'.
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : '_form';
    out[key] ??= issue.message;
  }
  return out;
}
