/** «Nơi ban hành» and «Người xuất» are remembered on the installation: stored, read back after the database is opened again. */
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@db/db';
import { getIssuer, saveIssuer } from '@db/settings-ops';

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('issuer', () => {
  it('is empty until an export gives it, then survives closing the database (an app restart)', async () => {
    expect(await getIssuer()).toEqual({ place: '', exportedBy: '' });
    await saveIssuer({ place: '  Dương Minh Châu ', exportedBy: 'Nguyễn  Thị Hằng'.normalize('NFD') });
    db.close();
    await db.open();
    expect(await getIssuer()).toEqual({ place: 'Dương Minh Châu', exportedBy: 'Nguyễn Thị Hằng' });
  });

  it('keeps at most 100 characters of each', async () => {
    const saved = await saveIssuer({ place: 'x'.repeat(150), exportedBy: 'y' });
    expect(saved.place).toHaveLength(100);
    expect((await getIssuer()).place).toHaveLength(100);
  });
});
