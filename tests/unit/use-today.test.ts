import { describe, expect, it } from 'vitest';
import { msUntilNextLocalDay } from '@app/use-today';

describe('msUntilNextLocalDay', () => {
  it('counts to the next local midnight', () => {
    expect(msUntilNextLocalDay(new Date(2025, 11, 14, 23, 58, 0))).toBe(2 * 60_000);
    expect(msUntilNextLocalDay(new Date(2025, 11, 14, 0, 0, 0))).toBe(24 * 3600_000);
    expect(msUntilNextLocalDay(new Date(2025, 11, 31, 12, 0, 0))).toBe(12 * 3600_000);
  });
  it('never returns less than a second (no spinning timer)', () => {
    expect(msUntilNextLocalDay(new Date(2025, 11, 14, 23, 59, 59, 999))).toBe(1000);
  });
});
