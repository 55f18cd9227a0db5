/**
 * Regenerates tests/fixtures/backups/*.json: MAKE_BACKUP_FIXTURES=1 npx vitest run tests/unit/backup-fixtures-make.test.ts
 * The expected messages and states (tests/fixtures/backups/expected.json) are written by hand.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBackupFixtures } from '../fixtures/backups/tools/make-backup-fixtures';

describe.skipIf(process.env['MAKE_BACKUP_FIXTURES'] !== '1')('make backup fixtures', () => {
  it('writes tests/fixtures/backups/*.json', async () => {
    const files = await buildBackupFixtures();
    for (const [name, text] of Object.entries(files)) writeFileSync(resolve(import.meta.dirname, '../fixtures/backups', name), text);
    expect(Object.keys(files).length).toBe(12);
  }, 60_000);
});
