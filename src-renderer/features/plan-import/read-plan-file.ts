/**
 * Choosing a Word file for a new plan and reading its text, with a Vietnamese message naming
 * the file for every way it can fail (too large, unreadable, not a .docx, a broken .docx).
 */
import { MAX_OPEN_FILE_BYTES } from '@contract';
import { platform, PlatformError, type OpenedFile } from '@platform';
import { docxToPlanText } from './docx-to-text';

export type ReadPlanFileResult =
  | { kind: 'cancelled' }
  | { kind: 'read'; fileName: string; text: string }
  | { kind: 'failed'; message: string };

const DOCX_FILTER = { name: 'Tài liệu Word (.docx)', extensions: ['docx'] };
const MAX_MB = Math.round(MAX_OPEN_FILE_BYTES / (1024 * 1024));

/** A .docx is a zip archive: it starts with "PK\x03\x04". */
function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function invalidDocxMessage(name: string): string {
  return `Không đọc được tệp “${name}”: tệp không phải .docx hợp lệ.`;
}

/** The message for a chosen file, or null when it may be a .docx worth handing to mammoth. */
export function fileProblem(name: string, bytes: Uint8Array): string | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.doc')) {
    return `Tệp “${name}” là định dạng Word 97–2003 (.doc), chưa đọc được. Hãy mở tệp trong Word, chọn “Lưu thành” định dạng .docx rồi chọn lại.`;
  }
  if (!lower.endsWith('.docx')) {
    return `Tệp “${name}” không phải tệp Word .docx. Hãy chọn tệp .docx, hoặc sao chép nội dung và dán vào ô bên dưới.`;
  }
  if (bytes.byteLength > MAX_OPEN_FILE_BYTES) {
    return `Tệp “${name}” quá lớn (tối đa ${MAX_MB} MB).`;
  }
  if (!looksLikeZip(bytes)) return invalidDocxMessage(name);
  return null;
}

/** Ask the officer for one .docx and read its text for the parser. Never throws. */
export async function choosePlanFile(): Promise<ReadPlanFileResult> {
  let chosen: OpenedFile[];
  try {
    chosen = await platform.openFiles({ multiple: false, filters: [DOCX_FILTER] });
  } catch (error) {
    // The platform names the file and says why (too large, unreadable) in Vietnamese.
    if (error instanceof PlatformError) return { kind: 'failed', message: error.message };
    return { kind: 'failed', message: `Không mở được tệp đã chọn: ${error instanceof Error ? error.message : String(error)}` };
  }
  const file = chosen[0];
  if (!file) return { kind: 'cancelled' };
  return readPlanFile(file.name, file.bytes);
}

/** Read the text of an already loaded .docx. Never throws. */
export async function readPlanFile(name: string, bytes: Uint8Array): Promise<ReadPlanFileResult> {
  const problem = fileProblem(name, bytes);
  if (problem) return { kind: 'failed', message: problem };
  let text: string;
  try {
    text = await docxToPlanText(bytes);
  } catch {
    return { kind: 'failed', message: invalidDocxMessage(name) };
  }
  if (!text.trim()) return { kind: 'failed', message: `Tệp “${name}” không có nội dung văn bản.` };
  return { kind: 'read', fileName: name, text: text.normalize('NFC') };
}
