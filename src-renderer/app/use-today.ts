/**
 * Today's calendar date (local), kept current: an app left open across midnight — or across the
 * cut-off between two report periods (14/12 → 15/12) — moves to the new day without a reload.
 * Re-checked at the next local midnight and whenever the window becomes visible again (a laptop
 * woken from sleep skips timers).
 */
import { useEffect, useState } from 'react';
import { isoDateOf, type IsoDate } from '@domain/periods';

/** Milliseconds from `now` to the next local midnight (at least 1 s, so a timer never spins). */
export function msUntilNextLocalDay(now: Date): number {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 0, 0);
  return Math.max(1000, next.getTime() - now.getTime());
}

const systemClock = (): Date => new Date();

export function useToday(clock: () => Date = systemClock): IsoDate {
  const [today, setToday] = useState(() => isoDateOf(clock()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const now = clock();
      setToday(isoDateOf(now));
      clearTimeout(timer);
      // A few seconds past midnight, so that a timer firing a little early still sees the new day.
      timer = setTimeout(check, msUntilNextLocalDay(now) + 2000);
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') check();
    };
    check();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [clock]);
  return today;
}
