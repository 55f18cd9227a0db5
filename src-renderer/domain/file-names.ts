/**
 * Pieces of the names of the files the app writes: ASCII only, so that they are safe on every
 * file system and in email attachments. The workbook names (exchange/spec.ts), the Word report
 * and the setup files are built from these.
 */
import type { ReportPlan } from './report';
import { asciiSlug } from './vn-text';

/** ASCII piece of a file name: accents folded (đ → d), '/' and spaces → '-', others dropped. */
export function asciiPart(text: string, upper = false): string {
  const slug = asciiSlug(text);
  return upper ? slug.toUpperCase() : slug;
}

/** The unit part of a file name: its code ("CDCS-0012"), or "DONVI" when it has none. */
export function unitFilePart(unitCode: string): string {
  return asciiPart(unitCode, true) || 'DONVI';
}

/** "<prefix>_<plan>_<unit>_<period>.<extension>": the name of every report file the app writes. */
export function reportFileNameFor(
  prefix: string,
  report: { unit: { code: string }; plan: Pick<ReportPlan, 'number' | 'title'>; period: { key: string } },
  extension: string,
): string {
  return `${prefix}_${planFilePart(report.plan)}_${unitFilePart(report.unit.code)}_${periodFilePart(report.period.key)}.${extension}`;
}

/** "2025-H1" → "6T-2025", "2025-Y" → "Nam-2025", "2025-Q1" → "Q1-2025"; other keys folded. */
export function periodFilePart(periodKey: string): string {
  const m = /^(\d{4})-(H1|Y|Q[1-4])$/.exec(periodKey);
  if (!m) return asciiPart(periodKey, true);
  const tag = m[2] === 'H1' ? '6T' : m[2] === 'Y' ? 'Nam' : m[2];
  return `${tag}-${m[1]}`;
}

/** The plan part of a file name: "63-KH-LDLD" (its number), else its title, shortened. */
export function planFilePart(plan: Pick<ReportPlan, 'number' | 'title'>): string {
  return asciiPart(plan.number, true) || asciiPart(plan.title, true).slice(0, 30) || 'KH';
}
