import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { parsePlan } from '@domain/plan-parser';

const ROOT = resolve(import.meta.dirname, '../..');
const SHIPPED_TEXT = resolve(ROOT, 'resources/plans/ke-hoach-63-KH-LDLD.md');
// /work/shared (../shared beside the repo) holds the original seed, in CI too.
const SEED = resolve(ROOT, '../shared/seed/ke-hoach-63-KH-LDLD.md');

describe('built-in plan', () => {
  it('ships the seed text unchanged', () => {
    const shipped = readFileSync(SHIPPED_TEXT);
    if (existsSync(SEED)) expect(shipped.equals(readFileSync(SEED))).toBe(true);
    expect(shipped.length).toBeGreaterThan(1000);
  });

  // `npx vitest run -u` regenerates the JSON; with CI=true vitest never writes snapshots, so a
  // parser change that alters the built-in plan fails here until the file is regenerated.
  it('is exactly the parser output for the shipped text', async () => {
    const plan = parsePlan(readFileSync(SHIPPED_TEXT, 'utf8'));
    const wrapped = { id: 'ke-hoach-63-KH-LDLD', source: 'ke-hoach-63-KH-LDLD.md', plan };
    await expect(JSON.stringify(wrapped, null, 2) + '\n').toMatchFileSnapshot(
      '../../resources/plans/ke-hoach-63-KH-LDLD.json',
    );
  });

  it('is loaded by the typed loader', () => {
    expect(BUILTIN_PLAN.id).toBe('ke-hoach-63-KH-LDLD');
    expect(BUILTIN_PLAN.source).toBe('ke-hoach-63-KH-LDLD.md');
    expect(BUILTIN_PLAN.plan).toEqual(parsePlan(readFileSync(SHIPPED_TEXT, 'utf8')));
  });
});
