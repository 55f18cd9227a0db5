/**
 * Pieces of the names of the files the app writes: ASCII only, so that they are safe on every
 * file system and in email attachments. The workbook names (exchange/spec.ts), the Word report
 * and the setup files are built from these.
 */
import type { ReportPlan } from './report';
import { fold } from './vn-text';

/** ASCII piece of a file name: accents folded (đ → d), '/' and spaces → '-', others dropped. */
export function asciiPart(text: string, upper = false): string {
  const folded = fold(text)
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  if (!upper) return folded;
  return folded.toUpperCase();
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
