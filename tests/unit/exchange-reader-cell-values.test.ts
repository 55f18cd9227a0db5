import { describe, expect, it } from 'vitest';
import {
  cellText,
  parseCellCount,
  parseCellDate,
  parseItemIds,
  parseLabel,
  type CellNote,
} from '@exchange/cell-values';
import { detailText } from '@exchange/problems';

describe('cellText', () => {
  it('joins rich text, reads hyperlinks and formula results, trims and NFCs', () => {
    expect(cellText({ richText: [{ text: 'Tuyên ' }, { font: { bold: true }, text: 'truyền' }] })).toBe('Tuyên truyền');
    expect(cellText({ text: 'QD-12.pdf', hyperlink: 'file:///QD-12.pdf' })).toBe('QD-12.pdf');
    expect(cellText({ formula: 'A1&B1', result: 'ab' })).toBe('ab');
    expect(cellText({ sharedFormula: 'A1', result: 7 })).toBe('7');
    expect(cellText('  Hội\u00a0nghị   quán triệt  ')).toBe('Hội nghị quán triệt');
    expect(cellText('Tuye\u0302\u0300n')).toBe('Tuyền');
    expect(cellText(1250)).toBe('1250');
    expect(cellText(2 ** 31)).toBe('2147483648');
    expect(cellText(null)).toBe('');
    expect(cellText(new Date(Date.UTC(2025, 2, 15)))).toBe('15/03/2025');
    expect(cellText(' dòng 1 \r\n  dòng 2 ', true)).toBe('dòng 1 \n  dòng 2');
  });
});

describe('parseCellDate', () => {
  const ok = (v: unknown) => parseCellDate(v);
  it('reads real dates, serials and the ways people type dates', () => {
    expect(ok(new Date(Date.UTC(2025, 2, 15)))).toEqual({ ok: true, value: '2025-03-15' });
    expect(ok(new Date(Date.UTC(2025, 2, 14, 23, 59, 59, 999)))).toEqual({ ok: true, value: '2025-03-15' });
    expect(ok(45731)).toEqual({ ok: true, value: '2025-03-15' });
    expect(parseCellDate(44269, true)).toEqual({ ok: true, value: '2025-03-15' });
    for (const t of ['15/3/2025', '15-03-2025', '15.3.2025', '2025-03-15', ' 15 / 03 / 2025 ', '15/03/2025 08:30', '2025-03-15T00:00:00']) {
      expect(ok(t)).toEqual({ ok: true, value: '2025-03-15' });
    }
    expect(ok({ richText: [{ text: '15/3/2025' }] })).toEqual({ ok: true, value: '2025-03-15' });
    expect(ok('')).toEqual({ ok: true, value: null });
    expect(ok(null)).toEqual({ ok: true, value: null });
  });
  it('refuses impossible dates with what to type instead', () => {
    expect(ok('31/02/2025')).toEqual({ ok: false, code: 'date-invalid', shown: '31/02/2025', reason: 'không phải ngày hợp lệ (nhập theo dd/mm/yyyy)' });
    expect(ok('29/02/2025').ok).toBe(false);
    expect(ok('29/02/2024')).toEqual({ ok: true, value: '2024-02-29' });
    expect(ok('3/15/2025').ok).toBe(false);
    expect(ok('15/3/25').ok).toBe(false);
    expect(ok('15/3-2025').ok).toBe(false);
    expect(ok('hôm qua').ok).toBe(false);
    expect(ok('15/03/1890')).toMatchObject({ ok: false, code: 'date-year', min: 1990, max: 2100, reason: 'không phải ngày hợp lệ (năm phải từ 1990 đến 2100; nhập theo dd/mm/yyyy)' });
    expect(ok({ error: '#VALUE!' })).toMatchObject({ ok: false, code: 'cell-error-value', reason: 'là lỗi công thức của bảng tính' });
  });
});

describe('parseCellCount', () => {
  it('reads numbers and digits stored as text', () => {
    for (const [v, n] of [[1250, 1250], ['1.250', 1250], [' 12 ', 12], ['1 250', 1250], ['1\u00a0250', 1250], ['1.250.000', 1250000], [0, 0], ['0', 0], [2 ** 31, 2 ** 31], [{ formula: 'A1*2', result: 4 }, 4]] as const) {
      expect(parseCellCount(v)).toEqual({ ok: true, value: n });
    }
    expect(parseCellCount('')).toEqual({ ok: true, value: null });
    expect(parseCellCount(-0)).toEqual({ ok: true, value: 0 });
  });
  it('reads "1,200" as 1.200, with a note saying so (a comma is the decimal mark in Vietnamese)', () => {
    expect(parseCellCount('1,200')).toEqual({
      ok: true,
      value: 1200,
      note: { code: 'count-comma-thousands', shown: '1,200', value: '1.200' },
    });
    expect(detailText({ code: 'count-comma-thousands', shown: '1,200', value: '1.200' })).toBe(
      '«1,200» được đọc là 1.200 (dấu phẩy được hiểu là dấu phân cách hàng nghìn, như «1.200»); nếu không phải số này, hãy sửa ô',
    );
    expect(parseCellCount('-1,250,000', true)).toMatchObject({ ok: true, value: -1250000 });
    expect(detailText((parseCellCount('1,250,000') as { note: CellNote }).note)).toContain('được đọc là 1.250.000');
    expect(parseCellCount('1.200')).toEqual({ ok: true, value: 1200 });
  });
  it('refuses negatives, decimals and words in a count', () => {
    expect(parseCellCount(-5)).toEqual({ ok: false, code: 'count-negative', shown: '-5', reason: 'là số âm; cần số nguyên không âm' });
    expect(parseCellCount('-5')).toMatchObject({ ok: false, code: 'count-negative', reason: 'là số âm; cần số nguyên không âm' });
    expect(parseCellCount(2.5)).toMatchObject({ ok: false, code: 'count-decimal', reason: 'là số thập phân; cần số nguyên không âm' });
    expect(parseCellCount('2,5')).toMatchObject({ ok: false, code: 'count-decimal', reason: 'là số thập phân; cần số nguyên không âm' });
    expect(parseCellCount('12 người')).toMatchObject({ ok: false, code: 'count-invalid', reason: 'không phải số nguyên không âm (ví dụ 0, 12, 1.250)' });
    expect(parseCellCount('1.2.3').ok).toBe(false);
    expect(parseCellCount(1e300)).toMatchObject({ ok: false });
    expect(parseCellCount(-5, true)).toEqual({ ok: true, value: -5 });
  });
});

describe('parseItemIds', () => {
  it('splits on semicolons, commas, spaces and line breaks', () => {
    expect(parseItemIds('III.2.4; III.3.1')).toEqual({ ok: true, value: ['III.2.4', 'III.3.1'] });
    expect(parseItemIds('iii.2.4,III.3.1\nIV.1.')).toEqual({ ok: true, value: ['III.2.4', 'III.3.1', 'IV.1'] });
    expect(parseItemIds('III.2.4 III.2.4')).toEqual({ ok: true, value: ['III.2.4'] });
    expect(parseItemIds(' ; ')).toEqual({ ok: true, value: null });
    expect(parseItemIds('III.2.4; 3.1')).toMatchObject({ ok: false, code: 'item-ids-invalid', bad: '3.1', reason: 'có mã nhiệm vụ không hợp lệ «3.1» (nhập như III.2.4; nhiều mã cách nhau bằng dấu ;)' });
  });
});

describe('parseLabel', () => {
  const options = [
    { code: 'xong', label: 'Đã hoàn thành', aliases: ['Hoàn thành'] },
    { code: 'dang', label: 'Đang thực hiện' },
  ] as const;
  it('matches labels, codes and aliases accent- and case-insensitively', () => {
    expect(parseLabel('da hoan thanh', options)).toEqual({ ok: true, value: 'xong' });
    expect(parseLabel(' ĐANG  thực hiện. ', options)).toEqual({ ok: true, value: 'dang' });
    expect(parseLabel('Đa\u0303 hoàn thành', options)).toEqual({ ok: true, value: 'xong' });
    expect(parseLabel('hoan thanh', options)).toEqual({ ok: true, value: 'xong' });
    expect(parseLabel('xong', options)).toEqual({ ok: true, value: 'xong' });
    expect(parseLabel('', options)).toEqual({ ok: true, value: null });
    expect(parseLabel('Làm rồi', options)).toEqual({ ok: false, code: 'label-unknown', shown: 'Làm rồi', allowed: ['Đã hoàn thành', 'Đang thực hiện'], reason: 'không có trong danh sách (chọn một trong: Đã hoàn thành; Đang thực hiện)' });
  });
});
