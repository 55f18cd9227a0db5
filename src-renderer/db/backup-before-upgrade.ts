/**
 * "An upgrade takes an automatic backup first".
 *
 * Dexie runs upgrades inside the versionchange transaction of the first open, so the backup
 * has to be taken BEFORE the app's SoKeHoachDb is opened: open the database without a version
 * (Dexie's dynamic mode: no upgrade, no schema change, and it does not create a missing
 * database), read its version, and when it is older than this build's schema export it from
 * that plain connection and hand the file to `store` (desktop: backup:writeAuto; browser: the
 * "so-ke-hoach-backups" database). Call it in app/open-database.ts right before `db.open()`.
 *
 * When the stored version is NEWER than this build, nothing is touched: the caller must not
 * open the database either (Dexie would fail with VersionError anyway) and shows the
 * "hãy dùng phiên bản mới hơn" screen.
 */
import { Dexie } from 'dexie';
import { BackupError, backupOf, CURRENT_SCHEMA_VERSION, type BackupFile } from './backup';
import { DB_NAME } from './schema';

export type OnDiskState =
  | { kind: 'absent' }
  | { kind: 'current'; version: number }
  | { kind: 'older'; version: number }
  | { kind: 'newer'; version: number };

/** Opens `name` without a version, never upgrading or creating it. */
async function openPlain(name: string): Promise<Dexie | null> {
  const plain = new Dexie(name);
  try {
    await plain.open();
    return plain;
  } catch (error) {
    plain.close();
    if ((error as Error).name === 'NoSuchDatabaseError') return null;
    throw error;
  }
}

/**
 * The schema version of `name` on disk as Dexie counts it (the native version / 10), or null when
 * there is no such database. `indexedDB.databases()` answers from the browser's list of
 * databases, without opening one: opening in dynamic mode reads the whole schema, about 300 ms of
 * a cold start over a large database. Where that call is missing, the plain open answers.
 */
async function storedVersion(name: string): Promise<number | null> {
  if (typeof indexedDB.databases === 'function') {
    const found = (await indexedDB.databases()).find((d) => d.name === name);
    return found?.version === undefined ? null : found.version / 10;
  }
  const plain = await openPlain(name);
  if (!plain) return null;
  plain.close();
  return plain.verno;
}

/** The schema version of the database on disk, compared with this build's. */
export async function onDiskState(name = DB_NAME): Promise<OnDiskState> {
  const version = await storedVersion(name);
  if (version === null) return { kind: 'absent' };
  if (version > CURRENT_SCHEMA_VERSION) return { kind: 'newer', version };
  if (version < CURRENT_SCHEMA_VERSION) return { kind: 'older', version };
  return { kind: 'current', version };
}

export type BeforeUpgradeResult = OnDiskState & { backup?: BackupFile };

/**
 * When the database on disk is older than this build: exports it as it is and stores the file
 * with `store`, then resolves (the caller opens the app database, which upgrades). Throws
 * BackupError when the backup cannot be made or stored: the caller should not upgrade then.
 */
export async function backupBeforeUpgrade(
  store: (file: BackupFile) => Promise<void>,
  name = DB_NAME,
  now = new Date(),
): Promise<BeforeUpgradeResult> {
  const plain = await openPlain(name);
  if (!plain) return { kind: 'absent' };
  try {
    const version = plain.verno;
    if (version > CURRENT_SCHEMA_VERSION) return { kind: 'newer', version };
    if (version === CURRENT_SCHEMA_VERSION) return { kind: 'current', version };
    let file: BackupFile;
    try {
      file = await backupOf(plain, now, `TruocNangCap_v${version}`);
    } catch (error) {
      throw new BackupError(`Không sao lưu được dữ liệu trước khi nâng cấp; chưa nâng cấp. (${(error as Error).message})`);
    }
    try {
      await store(file);
    } catch (error) {
      throw new BackupError(`Không lưu được bản sao lưu trước khi nâng cấp; chưa nâng cấp. (${(error as Error).message})`);
    }
    return { kind: 'older', version, backup: file };
  } finally {
    plain.close();
  }
}
