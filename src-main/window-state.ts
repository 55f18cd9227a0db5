/**
 * Remembers the main window's size, position and maximized state across runs, in
 * `<userData>/window-state.json`.
 *
 * The pure part (parseWindowState, fitToDisplays) is separate from the Electron wiring
 * (createWindowStateStore) so it is unit-tested without a screen.
 */
import { promises as fsp, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';
import { z } from 'zod';

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_SIZE = { width: 1366, height: 768 } as const;
export const MIN_SIZE = { width: 1024, height: 640 } as const;
/** How much of the window's top strip (title bar) must lie on a display to count as visible. */
const MIN_VISIBLE = { width: 120, height: 40 } as const;
const SAVE_DELAY_MS = 500;

export interface WindowState {
  /** Absent: let the OS place the window (centered). */
  x?: number;
  y?: number;
  width: number;
  height: number;
  isMaximized: boolean;
}

const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);

const windowStateSchema = z
  .object({
    x: coordinate.optional(),
    y: coordinate.optional(),
    width: length,
    height: length,
    isMaximized: z.boolean().default(false),
  })
  .refine((s) => (s.x === undefined) === (s.y === undefined), 'x and y go together');

/** The stored state, or null when the JSON is missing, malformed or out of range. */
export function parseWindowState(json: string | null | undefined): WindowState | null {
  if (!json) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = windowStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

function intersection(a: Rectangle, b: Rectangle): Rectangle | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

/**
 * Makes a stored state safe to apply on the current displays (given as work areas):
 * - no state → the default size, OS-placed;
 * - size at least MIN_SIZE and at most the work area of the display it lands on;
 * - a window whose title bar is not visible on any display (display unplugged, resolution
 *   changed) loses its position and is centered by the OS;
 * - a visible window is nudged so it lies fully within its display's work area.
 */
export function fitToDisplays(state: WindowState | null, workAreas: readonly Rectangle[]): WindowState {
  const base: WindowState = state ?? { ...DEFAULT_SIZE, isMaximized: false };
  const primary = workAreas[0];
  const maxFor = (area: Rectangle | undefined) => ({
    width: area ? Math.max(MIN_SIZE.width, area.width) : Number.MAX_SAFE_INTEGER,
    height: area ? Math.max(MIN_SIZE.height, area.height) : Number.MAX_SAFE_INTEGER,
  });

  if (base.x === undefined || base.y === undefined) {
    const max = maxFor(primary);
    return {
      width: clamp(base.width, MIN_SIZE.width, max.width),
      height: clamp(base.height, MIN_SIZE.height, max.height),
      isMaximized: base.isMaximized,
    };
  }

  const titleBar: Rectangle = { x: base.x, y: base.y, width: base.width, height: MIN_VISIBLE.height };
  let best: { area: Rectangle; overlap: number } | null = null;
  for (const area of workAreas) {
    const hit = intersection(titleBar, area);
    if (!hit || hit.width < Math.min(MIN_VISIBLE.width, base.width) || hit.height < MIN_VISIBLE.height / 2) continue;
    const overlap = hit.width * hit.height;
    if (!best || overlap > best.overlap) best = { area, overlap };
  }

  if (!best) {
    return fitToDisplays({ width: base.width, height: base.height, isMaximized: base.isMaximized }, workAreas);
  }

  const { area } = best;
  const max = maxFor(area);
  const width = clamp(base.width, MIN_SIZE.width, max.width);
  const height = clamp(base.height, MIN_SIZE.height, max.height);
  return {
    x: clamp(base.x, area.x, area.x + area.width - width),
    y: clamp(base.y, area.y, area.y + area.height - height),
    width,
    height,
    isMaximized: base.isMaximized,
  };
}

/** What is worth remembering about a window: its normal (unmaximized) bounds and the flag. */
export function captureWindowState(win: Pick<BrowserWindow, 'getNormalBounds' | 'isMaximized'>): WindowState {
  const b = win.getNormalBounds();
  return {
    x: Math.round(b.x),
    y: Math.round(b.y),
    width: Math.round(b.width),
    height: Math.round(b.height),
    isMaximized: win.isMaximized(),
  };
}

export interface WindowStateStore {
  /** The state to open the window with, already fitted to `workAreas`. */
  load(workAreas: readonly Rectangle[]): WindowState;
  /** Saves on resize/move (debounced) and on close. */
  track(win: BrowserWindow): void;
}

export function createWindowStateStore(userDataDir: string): WindowStateStore {
  const file = join(userDataDir, WINDOW_STATE_FILE);

  const write = async (state: WindowState): Promise<void> => {
    try {
      await fsp.mkdir(userDataDir, { recursive: true });
      // Write then rename, so a crash mid-write never leaves a half file behind.
      const tmp = `${file}.tmp`;
      await fsp.writeFile(tmp, JSON.stringify(state), 'utf8');
      await fsp.rename(tmp, file);
    } catch (error) {
      console.warn('[window-state] could not save:', (error as Error).message);
    }
  };

  return {
    load(workAreas) {
      let json: string | null = null;
      try {
        // Synchronous on purpose: it runs once, before the window exists, and is tiny.
        json = readFileSync(file, 'utf8');
      } catch {
        json = null;
      }
      return fitToDisplays(parseWindowState(json), workAreas);
    },

    track(win) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const saveSoon = () => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          timer = undefined;
          if (!win.isDestroyed()) void write(captureWindowState(win));
        }, SAVE_DELAY_MS);
      };
      win.on('resize', saveSoon);
      win.on('move', saveSoon);
      win.on('maximize', saveSoon);
      win.on('unmaximize', saveSoon);
      win.on('close', () => {
        if (timer) clearTimeout(timer);
        timer = undefined;
        void write(captureWindowState(win));
      });
    },
  };
}
