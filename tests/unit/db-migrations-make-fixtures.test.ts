/**
 * Regenerates tests/fixtures/db/vN.json: MAKE_DB_FIXTURES=1 npx vitest run tests/unit/db-migrations-make-fixtures.test.ts
 * Only for a version not yet released: a released version's fixture is never rewritten
 * (it stands for the databases already out there).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_BUILDERS } from '../fixtures/db/tools/make-fixtures';

const make = process.env['MAKE_DB_FIXTURES'] === '1';

describe.skipIf(!make)('make schema fixtures', () => {
  for (const [version, builder] of Object.entries(FIXTURE_BUILDERS)) {
    it(`writes v${version}.json`, async () => {
      const text = await builder();
      writeFileSync(resolve(import.meta.dirname, `../fixtures/db/v${version}.json`), text);
      expect(text.length).toBeGreaterThan(100);
    });
  }
});
