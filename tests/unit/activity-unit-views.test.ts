/** features/activities/unit-views.ts: the log's labels and unit choices, once per directory. */
import { describe, expect, it } from 'vitest';
import type { UnitRecord } from '@db';
import { unitViews } from '@features/activities/unit-views';

const unit = (code: string, name: string, active = true): UnitRecord => ({ code, name, level: 'grassroots', parentName: '', active }) as UnitRecord;

describe('unitViews', () => {
  const dir = () => [unit('LDLD', 'LĐLĐ huyện', true), unit('B', 'CĐCS Bàu Năng'), unit('A', 'CĐCS An Tịnh'), unit('C', 'CĐCS Bàu Năng'), unit('D', 'CĐCS Cũ', false)];

  it('labels (a shared name carries its code), the form’s active units own first then by name, the filter’s choices', () => {
    const v = unitViews(dir(), 'LDLD');
    expect(v.unitName('A')).toBe('CĐCS An Tịnh');
    expect(v.unitName('B')).toBe('CĐCS Bàu Năng (B)');
    expect(v.unitName('ZZ')).toBe('ZZ');
    expect(v.formUnits.map((u) => u.code)).toEqual(['LDLD', 'A', 'B', 'C']);
    expect(v.filterChoices.map((c) => c.value)).toEqual(['', 'LDLD', 'B', 'A', 'C', 'D']);
    expect(v.filterChoices[0]!.label).toBe('Tất cả');
  });

  it('the same records read again give the same views; a changed record or own unit new ones', () => {
    const first = unitViews(dir(), 'LDLD');
    expect(unitViews(dir(), 'LDLD')).toBe(first);
    const renamed = dir().map((u) => (u.code === 'C' ? { ...u, name: 'CĐCS Chà Là' } : u));
    const second = unitViews(renamed, 'LDLD');
    expect(second).not.toBe(first);
    expect(second.unitName('B')).toBe('CĐCS Bàu Năng');
    expect(unitViews(renamed, 'A').formUnits[0]!.code).toBe('A');
  });
});
