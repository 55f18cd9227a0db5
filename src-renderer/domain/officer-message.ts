/**
 * What an officer reads when something failed: always Vietnamese, with the technical English
 * detail after it in brackets when there is one (for whoever helps them). Errors the app words
 * itself (OperationError, BackupError, PlatformError…) are Vietnamese already and pass as they
 * are; what the browser, IndexedDB or a bug throws in English is turned into a sentence that
 * says what happened and what to do.
 *
 * Pure module: errors are told apart by name and message, nothing is imported.
 */

/** Vietnamese letters no English message has: a message holding one is already worded for the officer. */
const VIETNAMESE = /[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

export const OFFICER_MESSAGES = {
  quota: 'Ổ đĩa đã đầy: không còn chỗ để lưu dữ liệu. Hãy giải phóng dung lượng ổ đĩa (xóa tệp không cần, dọn thùng rác) rồi thử lại; dữ liệu đã lưu trước đó vẫn còn.',
  badData:
    'Dữ liệu đã lưu có chỗ không đúng dạng nên không xử lý được. Dữ liệu đã lưu không bị thay đổi; hãy khôi phục từ một bản sao lưu gần nhất, hoặc báo cho người hỗ trợ.',
  database: 'Không đọc hoặc ghi được kho dữ liệu của ứng dụng. Hãy đóng các cửa sổ khác của ứng dụng rồi thử lại; dữ liệu đã lưu không bị xóa.',
  unexpected: 'Đã xảy ra lỗi ngoài dự kiến. Hãy thử lại; nếu lỗi lặp lại, báo cho người hỗ trợ kèm chi tiết trong ngoặc.',
} as const;

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
}

function nameOf(e: ErrorLike): string {
  return typeof e.name === 'string' ? e.name : '';
}

function messageOf(e: ErrorLike): string {
  return typeof e.message === 'string' ? e.message : '';
}

/** The error and what it wraps (Dexie keeps the browser's error as `inner`). */
function chain(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let e: unknown = error;
  while (e !== null && typeof e === 'object' && out.length < 5) {
    out.push(e as ErrorLike);
    e = (e as ErrorLike).inner;
  }
  return out;
}

const DATABASE_ERRORS = new Set([
  'AbortError',
  'ConstraintError',
  'DataError',
  'DatabaseClosedError',
  'InvalidStateError',
  'NotFoundError',
  'OpenFailedError',
  'ReadOnlyError',
  'TimeoutError',
  'TransactionInactiveError',
  'UnknownError',
  'VersionError',
]);

/** Vietnamese for `error`, with its English detail in brackets when it had no Vietnamese of its own. */
export function officerMessage(error: unknown): string {
  const errors = chain(error);
  const first = errors[0];
  if (!first) {
    const text = String(error);
    return VIETNAMESE.test(text) ? text : `${OFFICER_MESSAGES.unexpected} (${text})`;
  }
  const message = messageOf(first);
  if (VIETNAMESE.test(message)) return message;
  const detail = `${nameOf(first) || 'Error'}: ${message}`.slice(0, 300);
  if (errors.some((e) => nameOf(e) === 'QuotaExceededError' || /QuotaExceeded|quota/i.test(messageOf(e)))) return `${OFFICER_MESSAGES.quota} (${detail})`;
  if (errors.some((e) => DATABASE_ERRORS.has(nameOf(e)))) return `${OFFICER_MESSAGES.database} (${detail})`;
  if (nameOf(first) === 'TypeError' || nameOf(first) === 'RangeError' || nameOf(first) === 'SyntaxError') return `${OFFICER_MESSAGES.badData} (${detail})`;
  return `${OFFICER_MESSAGES.unexpected} (${detail})`;
}
