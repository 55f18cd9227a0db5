import { describe, expect, it } from 'vitest';
import { describeOpenFailure } from '@features/backup/open-failure';
import { autoBackupName } from '@features/backup/auto-backup';
import { formatDateTime } from '@features/backup/format';
import { AUTO_BACKUP_NAME } from '@contract';

describe('backup UI helpers', () => {
  it('tells the kinds of open failure apart from the error name', () => {
    const f = (name: string) => describeOpenFailure(Object.assign(new Error('x'), { name })).kind;
    expect(f('VersionError')).toBe('newer');
    // A failed upgrade of older data is restorable (the pre-upgrade backup exists), not "newer".
    expect(f('UpgradeError')).toBe('broken');
    expect(f('QuotaExceededError')).toBe('quota');
    expect(f('MissingAPIError')).toBe('missing-api');
    expect(f('UnknownError')).toBe('broken');
    expect(f('DataError')).toBe('broken');
    expect(describeOpenFailure(Object.assign(new Error('at schema version 99.9'), { name: 'VersionError' })).detail).toBe(
      'VersionError: at schema version 99.9',
    );
  });

  it('names one automatic backup per day, a name the shell accepts', () => {
    const name = autoBackupName(new Date(2025, 5, 4, 23, 59));
    expect(name).toBe('TuDong_SoKeHoach_2025-06-04.json');
    expect(AUTO_BACKUP_NAME.test(name)).toBe(true);
    expect(AUTO_BACKUP_NAME.test('TruocNangCap_v1_SoKeHoach_2025-06-14_0830.json')).toBe(true);
  });

  it('formats dates as dd/mm/yyyy lúc hh:mm', () => {
    expect(formatDateTime(new Date(2025, 5, 14, 8, 5).toISOString())).toBe('14/06/2025 lúc 08:05');
    expect(formatDateTime('không phải ngày')).toBe('không phải ngày');
  });
});

describe('restoring over a database that cannot be opened', () => {
  it('refuses a bad file before deleting anything; a good one replaces the database', async () => {
    await import('../fixtures/db/tools/node-blob-env');
    const { db, ensureSeeded } = await import('@db');
    const { createBackup } = await import('@db/backup');
    const { deleteAndRestore } = await import('@features/backup/DatabaseProblem');
    db.close();
    await db.delete();
    await db.open();
    await ensureSeeded();
    await db.settings.put({ key: 'ownUnitCode', value: 'TRONG-BAN-SAO-LUU' });
    const good = await createBackup();
    await db.settings.put({ key: 'ownUnitCode', value: 'HIEN-TAI' });
    const tampered = new TextEncoder().encode(new TextDecoder().decode(good.bytes).replace('TRONG-BAN-SAO-LUU', 'TRONG-BAN-SAO-LUX'));
    await expect(deleteAndRestore(tampered)).rejects.toThrow('sai mã kiểm tra');
    expect(db.isOpen()).toBe(true);
    expect(await db.settings.get('ownUnitCode')).toEqual({ key: 'ownUnitCode', value: 'HIEN-TAI' });
    await deleteAndRestore(good.bytes);
    expect(await db.settings.get('ownUnitCode')).toEqual({ key: 'ownUnitCode', value: 'TRONG-BAN-SAO-LUU' });
  });
});
