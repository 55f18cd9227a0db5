import { describe, expect, it } from 'vitest';
import { findMatches, fold, matchesQuery, toNfc } from '@domain/vn-text';

describe('fold', () => {
  it('removes tone and vowel marks and lowers case', () => {
    expect(fold('Báo cáo kết quả thực hiện')).toBe('bao cao ket qua thuc hien');
    expect(fold('ƯỚC Ở Ậ Ỹ')).toBe('uoc o a y');
  });

  it('folds đ and Đ to d, which NFD alone does not', () => {
    expect('đ'.normalize('NFD')).toBe('đ');
    expect(fold('Đoàn viên đại đoàn kết')).toBe('doan vien dai doan ket');
  });

  it('gives the same result for NFC and NFD input', () => {
    const nfc = 'Tuyên truyền, giáo dục nâng cao nhận thức';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(fold(nfd)).toBe(fold(nfc));
  });

  it('keeps one folded unit per NFC unit so match positions line up', () => {
    const text = 'Nghị quyết 43-NQ/TW về “đại đoàn kết”';
    expect(fold(text)).toHaveLength(toNfc(text).length);
  });
});

describe('matchesQuery', () => {
  const item = 'Báo cáo kết quả thực hiện về Liên đoàn Lao động tỉnh (qua Ban Tuyên giáo - Nữ công)';

  it('finds text typed without accents, in any case, words in any order', () => {
    expect(matchesQuery(item, 'bao cao')).toBe(true);
    expect(matchesQuery(item, 'LIEN DOAN tinh')).toBe(true);
    expect(matchesQuery(item, 'tinh bao')).toBe(true);
  });

  it('finds text typed with accents, NFC or NFD', () => {
    expect(matchesQuery(item, 'Báo cáo')).toBe(true);
    expect(matchesQuery(item, 'Báo cáo'.normalize('NFD'))).toBe(true);
  });

  it('requires every word', () => {
    expect(matchesQuery(item, 'bao cao huyen')).toBe(false);
  });

  it('matches everything for an empty query', () => {
    expect(matchesQuery(item, '   ')).toBe(true);
  });
});

describe('findMatches', () => {
  it('returns the ranges of the NFC text to highlight, merged', () => {
    const text = 'Báo cáo kết quả; báo cáo định kỳ';
    const ranges = findMatches(text, 'bao cao');
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['Báo', 'cáo', 'báo', 'cáo']);
  });

  it('highlights đ when the query has d', () => {
    const text = 'Đại đoàn kết';
    const [first] = findMatches(text, 'dai');
    expect(text.slice(first!.start, first!.end)).toBe('Đại');
  });

  it('returns nothing when a word is missing', () => {
    expect(findMatches('Báo cáo', 'bao huyen')).toEqual([]);
  });
});
