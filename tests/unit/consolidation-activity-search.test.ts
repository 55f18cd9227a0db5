import { describe, expect, it } from 'vitest';
import { matchesQuery } from '@domain/vn-text';
import type { ReportActivity } from '@domain/report';
import {
  consolidatedSearchTexts,
  filterConsolidatedActivities,
  queryWordsIn,
  snippetStart,
  warmConsolidatedSearchTexts,
} from '@features/consolidation/activity-search';
import { planItems, sampleActivities } from '../support/exchange-writer-fixtures';

const NAMES = { 'CDCS-HOATHANH': 'CĐCS Công ty May Hòa Thành', 'CDCS-SUOIDA': 'CĐCS Xã Suối Đá' };

function activity(unitCode: string, title: string, more: Partial<ReportActivity> = {}): ReportActivity {
  return {
    id: '',
    date: '2025-03-01',
    unitCode,
    itemIds: ['I.1'],
    type: 'propaganda',
    title,
    content: '',
    location: '',
    participants: null,
    evidenceDoc: '',
    evidenceFile: '',
    indicators: {},
    ...more,
  };
}

describe('filterConsolidatedActivities', () => {
  const acts = [
    activity('CDCS-HOATHANH', 'Tập huấn kỹ năng thương lượng tập thể'),
    activity('CDCS-SUOIDA', 'Tap huan an toan ve sinh lao dong'),
    activity('CDCS-SUOIDA', 'Đối thoại định kỳ', { location: 'Hội trường UBND xã' }),
    activity('CDCS-HOATHANH', 'Thăm hỏi công nhân', { evidenceDoc: '12/BC-CĐCS' }),
  ];
  const by = acts.map((a) => a.unitCode);
  const run = (unit: string, query: string) => filterConsolidatedActivities(acts, by, NAMES, { unit, query });

  it('keeps everything with no unit and a blank query', () => {
    expect(run('', '')).toEqual([0, 1, 2, 3]);
    expect(run('', '  ,. ')).toEqual([0, 1, 2, 3]);
  });

  it('matches with or without accents, in any case, every word required', () => {
    expect(run('', 'tap huan')).toEqual([0, 1]);
    expect(run('', 'TẬP HUẤN')).toEqual([0, 1]);
    expect(run('', 'tập huấn an toàn')).toEqual([1]);
    expect(run('', 'tap huan dien')).toEqual([]);
    // NFD input (macOS keyboards) folds like NFC.
    expect(run('', 'Tập huấn'.normalize('NFD'))).toEqual([0, 1]);
  });

  it('searches location, evidence and the unit name, and đ as d', () => {
    expect(run('', 'hoi truong')).toEqual([2]);
    expect(run('', '12/bc-cdcs')).toEqual([3]);
    expect(run('', 'suoi da')).toEqual([1, 2]);
    expect(run('', 'doi thoai')).toEqual([2]);
  });

  it('combines the search with the unit filter', () => {
    expect(run('CDCS-SUOIDA', '')).toEqual([1, 2]);
    expect(run('CDCS-SUOIDA', 'tap huan')).toEqual([1]);
    expect(run('CDCS-HOATHANH', 'tap huan')).toEqual([0]);
    expect(run('CDCS-HOATHANH', 'doi thoai')).toEqual([]);
  });

  it('agrees with matchesQuery over the fields on a generated list of two units', () => {
    const items = planItems().map((i) => i.id);
    const list = [...sampleActivities(150, items, 'CDCS-HOATHANH'), ...sampleActivities(90, items, 'CDCS-SUOIDA')];
    const contributors = list.map((a) => a.unitCode);
    for (const query of ['tuyen truyen', 'đợt 1', 'hoi truong cong ty', 'hoa thanh doi thoai', 'pdf', 'BC', 'xyz']) {
      for (const unit of ['', 'CDCS-SUOIDA']) {
        const want = list.flatMap((a, i) => {
          const text = [a.title, a.content, a.location, a.evidenceDoc, a.evidenceFile, NAMES[a.unitCode as keyof typeof NAMES]].join('\n');
          return (unit === '' || a.unitCode === unit) && matchesQuery(text, query) ? [i] : [];
        });
        expect(filterConsolidatedActivities(list, contributors, NAMES, { unit, query }), `${query} / ${unit}`).toEqual(want);
      }
    }
    // The folded texts are computed once per activities array and names.
    expect(consolidatedSearchTexts(list, NAMES)).toBe(consolidatedSearchTexts(list, NAMES));
    expect(consolidatedSearchTexts(list, { ...NAMES })).not.toBe(consolidatedSearchTexts(list, NAMES));
  });

  it('warms the folded texts in slices; a search in the middle folds the rest and finds the same', () => {
    const items = planItems().map((i) => i.id);
    const list = [...sampleActivities(70, items, 'CDCS-HOATHANH'), ...sampleActivities(50, items, 'CDCS-SUOIDA')];
    const contributors = list.map((a) => a.unitCode);
    const names = { ...NAMES };
    const slices: boolean[] = [];
    for (let k = 0; k < 2; k++) slices.push(warmConsolidatedSearchTexts(list, names, 50));
    expect(slices).toEqual([false, false]);
    // 100 of 120 folded: the search needs the last 20 too (the second unit's last activities).
    const found = filterConsolidatedActivities(list, contributors, names, { unit: '', query: 'suoi da tap huan' });
    const cold = filterConsolidatedActivities([...list], contributors, { ...NAMES }, { unit: '', query: 'suoi da tap huan' });
    expect(found).toEqual(cold);
    expect(found.some((i) => i >= 100)).toBe(true);
    expect(warmConsolidatedSearchTexts(list, names, 50)).toBe(true);
    const other = { ...NAMES };
    expect(warmConsolidatedSearchTexts(list, other, 119)).toBe(false);
    expect(warmConsolidatedSearchTexts(list, other, 1)).toBe(true);
    expect(consolidatedSearchTexts(list, other)).toEqual(consolidatedSearchTexts(list, names));
  });
});

describe('highlighting a kept row', () => {
  it('queryWordsIn keeps the words a cell contains', () => {
    // Substrings count, as in the search: "hoa" is inside "thoai".
    expect(queryWordsIn('Đối thoại định kỳ', 'hoa thanh doi thoai')).toBe('hoa doi thoai');
    expect(queryWordsIn('CĐCS Công ty May Hòa Thành', 'hoa thanh doi thoai')).toBe('hoa thanh');
    expect(queryWordsIn('Thăm hỏi', 'hoa thanh')).toBe('');
  });

  it('snippetStart starts a long text at a word shortly before a late first match', () => {
    const title = 'Tuyên truyền pháp luật lao động tại tổ sản xuất số 19999';
    expect(snippetStart(title, 'tuyen 19999')).toBe(0);
    expect(snippetStart(title, '')).toBe(0);
    expect(snippetStart(title, 'khong co')).toBe(0);
    const from = snippetStart(title, 'so 19999');
    expect(title.slice(from)).toBe('tại tổ sản xuất số 19999');
    expect(snippetStart('Hội nghị số 5', 'so 5')).toBe(0);
    // No space before the match: cut inside the word, never past the match.
    const long = `${'x'.repeat(60)}đối thoại`;
    expect(long.slice(snippetStart(long, 'doi'))).toBe(`${'x'.repeat(16)}đối thoại`);
  });
});
