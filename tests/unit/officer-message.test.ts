/**
 * Every message an officer can see is Vietnamese (an English technical detail may follow in
 * brackets): the browser's, IndexedDB's and a bug's English errors are worded by one function.
 */
import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { ConsolidationError } from '@domain/consolidate';
import { OFFICER_MESSAGES, officerMessage } from '@domain/officer-message';
import { BackupError, MESSAGES } from '@db/backup';
import { OperationError } from '@db';

describe('officerMessage', () => {
  it('QuotaExceededError, raw or wrapped by Dexie: the disk is full, what to do, the detail in brackets', () => {
    const raw = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(officerMessage(raw)).toBe(`${OFFICER_MESSAGES.quota} (QuotaExceededError: The quota has been exceeded.)`);
    const wrapped = new Dexie.AbortError('Transaction aborted', raw);
    expect(officerMessage(wrapped)).toMatch(/^Ổ đĩa đã đầy: không còn chỗ để lưu dữ liệu\..*\(AbortError: /);
  });

  it('«Cannot convert undefined or null to object» (a record of the wrong shape): Vietnamese, with the detail', () => {
    let error: unknown;
    try {
      Object.entries(null as never);
    } catch (e) {
      error = e;
    }
    expect(officerMessage(error)).toBe(`${OFFICER_MESSAGES.badData} (TypeError: Cannot convert undefined or null to object)`);
  });

  it('the consolidation of two reports of one unit says so in Vietnamese', () => {
    const e = new ConsolidationError('duplicate-contribution', 'CDCS-W01');
    expect(e.code).toBe('duplicate-contribution');
    expect(officerMessage(e)).toBe(
      'Không tổng hợp được: đơn vị CDCS-W01 có hai báo cáo đang dùng cho cùng kế hoạch và kỳ. Hãy vào «Nhập dữ liệu» → «Lịch sử nhập» và rút một trong hai.',
    );
    expect(officerMessage(e)).not.toMatch(/Consolidation|contributions/);
  });

  it('passes the app\'s own Vietnamese messages through unchanged', () => {
    expect(officerMessage(new OperationError('Tiêu đề: không được để trống', 'title'))).toBe('Tiêu đề: không được để trống');
    expect(officerMessage(new BackupError(MESSAGES.tampered, 'tampered'))).toBe(MESSAGES.tampered);
  });

  it('anything else: a Vietnamese sentence, the English after it', () => {
    expect(officerMessage(new Dexie.DatabaseClosedError('Database has been closed'))).toBe(`${OFFICER_MESSAGES.database} (DatabaseClosedError: Database has been closed)`);
    expect(officerMessage(new Error('boom'))).toBe(`${OFFICER_MESSAGES.unexpected} (Error: boom)`);
    expect(officerMessage('chuỗi lỗi')).toBe('chuỗi lỗi');
    expect(officerMessage(42)).toBe(`${OFFICER_MESSAGES.unexpected} (42)`);
  });

  it('a failed restore words the disk-full case too', () => {
    const raw = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(MESSAGES.failed(raw)).toMatch(/^Khôi phục không thành công; dữ liệu hiện tại được giữ nguyên\. Ổ đĩa đã đầy/);
  });
});
