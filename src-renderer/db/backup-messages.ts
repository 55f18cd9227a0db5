/**
 * Why a backup is refused or a restore stopped: the one place their Vietnamese text is built.
 * Every refusal leaves the database as it was.
 */
import { MAX_BACKUP_FILE_BYTES } from '@contract';
import { officerMessage } from '@domain/officer-message';

export type RefusalReason = 'too-large' | 'not-backup' | 'tampered' | 'too-new' | 'invalid';

/** A backup or restore could not be done; `message` is Vietnamese. Nothing was changed. */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly reason: RefusalReason | 'failed' | 'cancelled' = 'failed',
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

export const BACKUP_TABLE_LABELS = {
  plans: 'Kế hoạch',
  units: 'Đơn vị',
  itemStatuses: 'Trạng thái nhiệm vụ',
  activities: 'Hoạt động (nhật ký)',
  indicatorAdjustments: 'Điều chỉnh chỉ tiêu',
  indicatorTargets: 'Chỉ tiêu phấn đấu',
  submissions: 'Lịch sử nhập báo cáo',
  settings: 'Cài đặt',
} as const;

const NOTHING_CHANGED = 'Không khôi phục; dữ liệu hiện tại giữ nguyên.';

export const MESSAGES = {
  tooLarge: `Tệp quá lớn để là một bản sao lưu (tối đa ${MAX_BACKUP_FILE_BYTES / 1024 / 1024} MB); không khôi phục.`,
  notBackup: 'Tệp này không phải bản sao lưu của Sổ Kế hoạch Công đoàn; không khôi phục.',
  tampered: 'Tệp sao lưu đã bị thay đổi hoặc hỏng (sai mã kiểm tra); không khôi phục.',
  tooNew:
    'Bản sao lưu này được tạo bởi phiên bản mới hơn của ứng dụng; phiên bản này không đọc được. Hãy dùng phiên bản mới hơn của Sổ Kế hoạch Công đoàn; không khôi phục.',
  invalid: 'Nội dung tệp sao lưu không hợp lệ (số bản ghi hoặc cấu trúc không khớp); không khôi phục.',
  incomplete: 'Tệp sao lưu bị hỏng hoặc không đầy đủ (có thể bị cắt khi chép hoặc tải về); không khôi phục. Hãy dùng một bản sao lưu khác.',
  cancelled: 'Đã hủy khôi phục: dữ liệu hiện tại giữ nguyên như trước.',
  /** One record of the backup does not have its table's shape (db/record-schemas.ts). */
  badRecord: (table: string, record: string, field: string, problem: string) =>
    `Bản sao lưu có dữ liệu không hợp lệ: bảng «${(BACKUP_TABLE_LABELS as Record<string, string>)[table] ?? table}», bản ghi ${record}, trường «${field || '(cả bản ghi)'}»: ${problem}. ${NOTHING_CHANGED}`,
  unreadable: (error: unknown) => `Không đọc được nội dung bản sao lưu; không khôi phục. ${officerMessage(error)}`,
  failed: (error: unknown) => `Khôi phục không thành công; dữ liệu hiện tại được giữ nguyên. ${officerMessage(error)}`,
} as const;
