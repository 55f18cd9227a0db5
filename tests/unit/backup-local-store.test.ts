import { beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { LOCAL_BACKUPS_DB_NAME, LOCAL_BACKUPS_KEPT, latestLocalBackup, storeLocalBackup } from '@db/backup-local-store';

beforeEach(async () => {
  await Dexie.delete(LOCAL_BACKUPS_DB_NAME);
});

describe('backups kept in the browser', () => {
  it("keeps and offers the backup stored last even when the PC's clock went back", async () => {
    // Stored while the clock was right…
    for (let i = 1; i <= LOCAL_BACKUPS_KEPT; i++) {
      await storeLocalBackup({ fileName: `dung-${i}.json`, createdAt: `2026-11-0${i}T00:00:00.000Z`, reason: 'auto', bytes: new Uint8Array([i]) });
    }
    // …then the CMOS battery died and the clock says 2020.
    await storeLocalBackup({ fileName: 'moi-nhat.json', createdAt: '2020-01-01T00:00:00.000Z', reason: 'before-upgrade', bytes: new Uint8Array([99]) });
    const latest = await latestLocalBackup();
    expect(latest?.fileName).toBe('moi-nhat.json');
    expect(latest?.bytes).toEqual(new Uint8Array([99]));
  });

  it('drops the oldest stored beyond the kept count', async () => {
    for (let i = 1; i <= LOCAL_BACKUPS_KEPT + 2; i++) {
      await storeLocalBackup({ fileName: `b${i}.json`, createdAt: `2025-06-0${i}T00:00:00.000Z`, reason: 'auto', bytes: new Uint8Array([i]) });
    }
    const d = new Dexie(LOCAL_BACKUPS_DB_NAME);
    await d.open();
    const names = (await d.table('backups').toArray()).map((r: { fileName: string }) => r.fileName);
    d.close();
    expect(names).toEqual(Array.from({ length: LOCAL_BACKUPS_KEPT }, (_, i) => `b${i + 3}.json`));
  });
});
