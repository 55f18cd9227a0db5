/**
 * What every named operation does with its input: the instant it writes, text stored as NFC
 * (cleanText), and the first schema issue as an OperationError beside its field.
 */
import { z } from 'zod';
import { cleanText } from '@domain/vn-text';
import { OperationError } from './errors';


export const now = (): string => new Date().toISOString();

/** Lets the page paint (progress, «Hủy») and handle input: the next task. Outside any transaction only. */
export const breathe = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * For work done in slices outside a transaction: `await due()` between two pieces yields to
 * the browser once the current slice has run `budgetMs`, so no task holds the page longer.
 */
export function timeSlicer(budgetMs = 25): () => Promise<void> {
  let start = performance.now();
  return async () => {
    if (performance.now() - start < budgetMs) return;
    await breathe();
    start = performance.now();
  };
}

/** Every string inside `value` as stored (cleanText: NFC, no control or bidi characters). Returns a copy. */
export function nfcDeep<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map((v) => nfcDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = nfcDeep(v);
    return out as T;
  }
  return value;
}

export function firstIssue(error: z.ZodError): OperationError {
  const issue = error.issues[0];
  const field = issue?.path[0];
  return new OperationError(issue?.message ?? 'Dữ liệu không hợp lệ.', typeof field === 'string' ? field : undefined);
}

