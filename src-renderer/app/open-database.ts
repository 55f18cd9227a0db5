/** Opens and seeds the database, translating failures into what the officer can do about them. */
import { db, ensureSeeded } from '../db';
import { requestPersistentStorage } from '../db/backup-storage';
import { autoBackupIfDue, prepareDatabaseOpen } from '../features/backup/auto-backup';

export interface OpenFailure {
  title: string;
  advice: string;
  detail: string;
}

function describe(error: unknown): OpenFailure {
  const name = error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (typeof indexedDB === 'undefined' || name === 'MissingAPIError') {
    return {
      title: 'Không mở được kho dữ liệu của ứng dụng',
      advice:
        'Trình duyệt này không cho phép lưu dữ liệu (IndexedDB), thường do đang ở chế độ duyệt riêng tư (ẩn danh) hoặc đã tắt lưu trữ. Hãy mở ứng dụng trong cửa sổ thường, hoặc dùng bản ứng dụng máy tính.',
      detail,
    };
  }
  if (name === 'VersionError' || name === 'UpgradeError') {
    return {
      title: 'Dữ liệu được tạo bởi phiên bản mới hơn',
      advice:
        'Dữ liệu trong máy đã được một phiên bản mới hơn của ứng dụng cập nhật. Hãy dùng phiên bản mới nhất của Sổ Kế hoạch Công đoàn; dữ liệu không bị xóa.',
      detail,
    };
  }
  if (name === 'QuotaExceededError') {
    return {
      title: 'Ổ đĩa đã đầy',
      advice: 'Không còn chỗ để lưu dữ liệu. Hãy giải phóng dung lượng ổ đĩa rồi bấm “Thử lại”.',
      detail,
    };
  }
  return {
    title: 'Không mở được kho dữ liệu của ứng dụng',
    advice:
      'Có thể ứng dụng đang mở ở một cửa sổ khác đang cập nhật dữ liệu. Hãy đóng các cửa sổ khác của ứng dụng rồi bấm “Thử lại”. Dữ liệu đã lưu không bị xóa.',
    detail,
  };
}

/** Resolves when the database is open and seeded; rejects with an OpenFailure. */
export async function openDatabase(): Promise<void> {
  try {
    if (typeof indexedDB === 'undefined') throw Object.assign(new Error('indexedDB is undefined'), { name: 'MissingAPIError' });
    // Issue 6: a newer database is refused untouched; an older one is backed up before Dexie upgrades it.
    await prepareDatabaseOpen();
    await db.open();
    await ensureSeeded();
  } catch (error) {
    throw describe(error);
  }
  void requestPersistentStorage();
  // Desktop: today's automatic backup, unless there is one.
  autoBackupIfDue().catch((error: unknown) => console.warn('[backup] daily:', error));
}

export function isOpenFailure(x: unknown): x is OpenFailure {
  return typeof x === 'object' && x !== null && 'title' in x && 'advice' in x;
}
