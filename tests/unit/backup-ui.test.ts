import { describe, expect, it } from 'vitest';
import { problemKind } from '../../src-renderer/features/backup/DatabaseProblem';
import { autoBackupName } from '../../src-renderer/features/backup/auto-backup';
import { formatDateTime } from '../../src-renderer/features/backup/format';
import { AUTO_BACKUP_NAME } from '@contract';

describe('backup UI helpers', () => {
  it('tells the kinds of open failure apart from the error name', () => {
    const f = (detail: string) => problemKind({ title: '', advice: '', detail });
    expect(f('VersionError: The database is at schema version 99.9')).toBe('newer');
    expect(f('UpgradeError: x')).toBe('newer');
    expect(f('QuotaExceededError: full')).toBe('quota');
    expect(f('MissingAPIError: indexedDB is undefined')).toBe('missing-api');
    expect(f('UnknownError: Internal error opening backing store')).toBe('broken');
    expect(f('DataError: x')).toBe('broken');
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
