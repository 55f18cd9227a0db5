import { describe, expect, it } from 'vitest';
import { fieldA11y } from '@ui/field';

describe('fieldA11y', () => {
  const messages: Record<string, string> = { code: 'Mã đơn vị: đã dùng cho đơn vị khác' };
  const a11y = fieldA11y<'code' | 'name'>('f1', (field) => messages[field]);

  it('marks a field with a message invalid and describes it by the message beside it', () => {
    expect(a11y.props('code')).toEqual({ id: 'f1-code', 'aria-invalid': true, 'aria-describedby': 'f1-code-error' });
    expect(a11y.props('code', 'f1-code-hint')['aria-describedby']).toBe('f1-code-error f1-code-hint');
  });

  it('leaves a field without a message valid, described only by its hints', () => {
    expect(a11y.props('name')).toEqual({ id: 'f1-name', 'aria-invalid': undefined, 'aria-describedby': undefined });
    expect(a11y.props('name', 'f1-name-hint')['aria-describedby']).toBe('f1-name-hint');
    expect(a11y.errorFor('name')).toBeNull();
    expect(a11y.errorFor('code')).not.toBeNull();
  });

  it('keeps an id to plain characters when the field name carries a dot', () => {
    const grid = fieldA11y<'indicators.participants'>('f2', () => 'Phải là số nguyên');
    expect(grid.idOf('indicators.participants')).toBe('f2-indicators_participants');
    expect(grid.props('indicators.participants')).toEqual({
      id: 'f2-indicators_participants',
      'aria-invalid': true,
      'aria-describedby': 'f2-indicators_participants-error',
    });
  });
});
