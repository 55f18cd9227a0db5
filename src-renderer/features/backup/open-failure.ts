/**
 * What went wrong when the database would not open, told once from the error and carried to
 * the DatabaseProblem screen (which decides from `kind` what it may offer).
 */

export type ProblemKind = 'newer' | 'quota' | 'missing-api' | 'broken';

export interface DatabaseFailure {
  kind: ProblemKind;
  title: string;
  advice: string;
  /** "VersionError: …", "QuotaExceededError: …": the error's name comes first. */
  detail: string;
}

export function describeOpenFailure(error: unknown): DatabaseFailure {
  const name = error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (typeof indexedDB === 'undefined' || name === 'MissingAPIError') {
    return {
      kind: 'missing-api',
      title: 'Không mở được kho dữ liệu của ứng dụng',
      advice:
        'Trình duyệt này không cho phép lưu dữ liệu (IndexedDB), thường do đang ở chế độ duyệt riêng tư (ẩn danh) hoặc đã tắt lưu trữ. Hãy mở ứng dụng trong cửa sổ thường, hoặc dùng bản ứng dụng máy tính.',
      detail,
    };
  }
  if (name === 'VersionError') {
    return {
      kind: 'newer',
      title: 'Dữ liệu được tạo bởi phiên bản mới hơn',
      advice:
        'Dữ liệu trong máy đã được một phiên bản mới hơn của ứng dụng cập nhật. Hãy dùng phiên bản mới nhất của Sổ Kế hoạch Công đoàn; dữ liệu không bị xóa.',
      detail,
    };
  }
  if (name === 'UpgradeError') {
    // An upgrade of OUR older data failed (the data is older, not newer): the copy taken
    // before upgrading is among the automatic backups, so restoring is offered.
    return {
      kind: 'broken',
      title: 'Không nâng cấp được dữ liệu cũ',
      advice:
        'Ứng dụng không chuyển được dữ liệu cũ sang phiên bản này. Một bản sao lưu đã được tạo trước khi nâng cấp; bạn có thể khôi phục từ bản sao lưu đó.',
      detail,
    };
  }
  if (name === 'QuotaExceededError') {
    return {
      kind: 'quota',
      title: 'Ổ đĩa đã đầy',
      advice: 'Không còn chỗ để lưu dữ liệu. Hãy giải phóng dung lượng ổ đĩa rồi bấm “Thử lại”.',
      detail,
    };
  }
  return {
    kind: 'broken',
    title: 'Không mở được kho dữ liệu của ứng dụng',
    advice:
      'Có thể ứng dụng đang mở ở một cửa sổ khác đang cập nhật dữ liệu. Hãy đóng các cửa sổ khác của ứng dụng rồi bấm “Thử lại”. Dữ liệu đã lưu không bị xóa.',
    detail,
  };
}

export function isDatabaseFailure(x: unknown): x is DatabaseFailure {
  return typeof x === 'object' && x !== null && 'kind' in x && 'title' in x && 'advice' in x;
}
