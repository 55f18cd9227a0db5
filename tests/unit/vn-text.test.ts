import { describe, expect, it } from 'vitest';
import { findMatches, fold, matchesQuery, toNfc, vnOrder } from '@domain/vn-text';

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

describe('fold equals the plain per-character definition', () => {
  /** The definition fold implements (and once was): NFC, then each character on its own. */
  function reference(text: string): string {
    let out = '';
    for (const ch of text.normalize('NFC')) {
      if (ch === 'đ' || ch === 'Đ') {
        out += 'd';
        continue;
      }
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
      out += base.length === ch.length ? base : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
    }
    return out;
  }
  // Vietnamese letters and marks, ASCII, typographic signs, a German ß and a Turkish İ (whose
  // lower case is longer), CJK, an emoji and a Deseret letter (surrogate pairs), lone surrogates.
  const ALPHABET = [
    ...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY0123456789 .,;:/-–—«»“”\n\t',
    ...'àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ',
    ...'ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ',
    '\u0300', '\u0301', '\u0303', '\u0309', '\u0323', 'ß', 'İ', 'Σ', '漢', '字', '😀', '𐐀', '\ud800', '\udc00',
  ];
  it('on 2,000 random strings, NFC and NFD, and one long text', () => {
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let k = 0; k < 2000; k++) {
      let text = '';
      const len = rand(60);
      for (let i = 0; i < len; i++) text += ALPHABET[rand(ALPHABET.length)]!;
      if (k % 2 === 1) text = text.normalize('NFD');
      expect(fold(text), JSON.stringify(text)).toBe(reference(text));
      expect(fold(text).length).toBe(text.normalize('NFC').length);
    }
    const long = 'Tuyên truyền Nghị quyết Đại hội Công đoàn 😀 '.repeat(2000);
    expect(fold(long)).toBe(reference(long));
  });
});

describe('vnOrder', () => {
  it('puts names in Vietnamese order, numbers by value, accents after the letters', () => {
    const names = ['CĐCS Doanh nghiệp số 10', 'CĐCS Trường Tiểu học số 2', 'CĐCS Doanh nghiệp số 2', 'Công ty Hòa Bình', 'Công ty Hoa Sen', 'CĐCS Doanh nghiệp số 1'];
    expect([...names].sort(vnOrder.compare)).toEqual([
      'CĐCS Doanh nghiệp số 1',
      'CĐCS Doanh nghiệp số 2',
      'CĐCS Doanh nghiệp số 10',
      'CĐCS Trường Tiểu học số 2',
      'Công ty Hòa Bình',
      'Công ty Hoa Sen',
    ]);
    expect(vnOrder.compare('Hoa', 'Hòa')).toBeLessThan(0);
  });
});
