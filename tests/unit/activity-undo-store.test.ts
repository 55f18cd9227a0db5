import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UNDO_MS, useActivityStore } from '@state/activity-store';

const pending = () => useActivityStore.getState().pendingUndo;

describe('pending undo of the activity log (kept in the store, so a screen switch keeps it)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-06-01T08:00:00Z'));
    useActivityStore.getState().endUndo();
  });
  afterEach(() => {
    useActivityStore.getState().endUndo();
    vi.useRealTimers();
  });

  it('lasts UNDO_MS from the delete, whoever is listening', () => {
    useActivityStore.getState().offerUndo({ id: 'a', title: 'Tập huấn' });
    expect(pending()).toEqual({ id: 'a', title: 'Tập huấn', at: Date.parse('2025-06-01T08:00:00Z') });
    vi.advanceTimersByTime(UNDO_MS - 1);
    expect(pending()?.id).toBe('a');
    vi.advanceTimersByTime(1);
    expect(pending()).toBeNull();
  });

  it('a new delete replaces the offer and gets its own full time', () => {
    const { offerUndo } = useActivityStore.getState();
    offerUndo({ id: 'a', title: 'A' });
    vi.advanceTimersByTime(6_000);
    offerUndo({ id: 'b', title: 'B' });
    expect(pending()?.id).toBe('b');
    vi.advanceTimersByTime(UNDO_MS - 6_000);
    expect(pending()?.id).toBe('b');
    vi.advanceTimersByTime(6_000 - 1);
    expect(pending()?.id).toBe('b');
    vi.advanceTimersByTime(1);
    expect(pending()).toBeNull();
  });

  it('ends when undone or when that activity is restored, not for another one', () => {
    const { offerUndo, endUndo } = useActivityStore.getState();
    offerUndo({ id: 'a', title: 'A' });
    endUndo('b');
    expect(pending()?.id).toBe('a');
    endUndo('a');
    expect(pending()).toBeNull();
    // The ended offer's timer cannot end a later one early.
    offerUndo({ id: 'c', title: 'C' });
    vi.advanceTimersByTime(UNDO_MS - 1);
    expect(pending()?.id).toBe('c');
  });
});
