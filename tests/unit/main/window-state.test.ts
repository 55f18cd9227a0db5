import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock').then((m) => m.electron));

import {
  DEFAULT_SIZE,
  MIN_SIZE,
  WINDOW_STATE_FILE,
  createWindowStateStore,
  fitToDisplays,
  parseWindowState,
} from '../../../src-main/window-state';
import { FakeBrowserWindow } from './electron-mock';

const FULL_HD = { x: 0, y: 0, width: 1920, height: 1040 };
const RIGHT = { x: 1920, y: 0, width: 1280, height: 984 };

describe('parseWindowState', () => {
  it('reads a valid state', () => {
    expect(parseWindowState('{"x":10,"y":20,"width":1200,"height":700,"isMaximized":true}')).toEqual({
      x: 10,
      y: 20,
      width: 1200,
      height: 700,
      isMaximized: true,
    });
    expect(parseWindowState('{"width":1200,"height":700}')).toEqual({ width: 1200, height: 700, isMaximized: false });
  });

  it.each([
    null,
    '',
    'not json',
    '[]',
    'null',
    '{"width":"1200","height":700}',
    '{"width":0,"height":700}',
    '{"width":1200.5,"height":700}',
    '{"width":1e9,"height":700}',
    '{"x":10,"width":1200,"height":700}',
    '{"x":10,"y":20,"width":1200,"height":700,"isMaximized":"yes"}',
    '{"x":NaN}',
  ])('rejects %j', (json) => {
    expect(parseWindowState(json)).toBeNull();
  });
});

describe('fitToDisplays', () => {
  it('uses the default size, OS-placed, when nothing is stored', () => {
    expect(fitToDisplays(null, [FULL_HD])).toEqual({ ...DEFAULT_SIZE, isMaximized: false });
  });

  it('keeps a state that fits', () => {
    const state = { x: 100, y: 50, width: 1200, height: 700, isMaximized: false };
    expect(fitToDisplays(state, [FULL_HD])).toEqual(state);
  });

  it('enforces the minimum size', () => {
    expect(fitToDisplays({ x: 0, y: 0, width: 300, height: 200, isMaximized: false }, [FULL_HD])).toMatchObject(MIN_SIZE);
  });

  it('shrinks a window larger than its display and pulls it inside', () => {
    const fitted = fitToDisplays({ x: -50, y: -10, width: 3000, height: 2000, isMaximized: false }, [FULL_HD]);
    expect(fitted).toEqual({ x: 0, y: 0, width: 1920, height: 1040, isMaximized: false });
  });

  it('shrinks the default size on a small screen, but never below the minimum', () => {
    expect(fitToDisplays(null, [{ x: 0, y: 0, width: 1280, height: 680 }])).toMatchObject({ width: 1280, height: 680 });
    expect(fitToDisplays(null, [{ x: 0, y: 0, width: 800, height: 560 }])).toMatchObject(MIN_SIZE);
  });

  it('keeps a window on a second display', () => {
    const state = { x: 2000, y: 40, width: 1100, height: 700, isMaximized: false };
    expect(fitToDisplays(state, [FULL_HD, RIGHT])).toEqual(state);
  });

  it('re-centers a window left on a display that was unplugged', () => {
    const state = { x: 2000, y: 40, width: 1100, height: 700, isMaximized: true };
    expect(fitToDisplays(state, [FULL_HD])).toEqual({ width: 1100, height: 700, isMaximized: true });
  });

  it('re-centers a window whose title bar is off-screen (only its bottom edge visible)', () => {
    expect(fitToDisplays({ x: 100, y: -690, width: 1200, height: 700, isMaximized: false }, [FULL_HD])).toEqual({
      width: 1200,
      height: 700,
      isMaximized: false,
    });
  });

  it('nudges a window that hangs off the right edge back inside', () => {
    expect(fitToDisplays({ x: 1500, y: 100, width: 1200, height: 700, isMaximized: false }, [FULL_HD])).toEqual({
      x: 720,
      y: 100,
      width: 1200,
      height: 700,
      isMaximized: false,
    });
  });

  it('copes with no displays at all', () => {
    expect(fitToDisplays({ x: 5, y: 5, width: 1200, height: 700, isMaximized: false }, [])).toEqual({
      width: 1200,
      height: 700,
      isMaximized: false,
    });
  });
});

describe('createWindowStateStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sokh-state-'));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads defaults when the file is missing or corrupt', () => {
    const store = createWindowStateStore(dir);
    expect(store.load([FULL_HD])).toEqual({ ...DEFAULT_SIZE, isMaximized: false });
    writeFileSync(join(dir, WINDOW_STATE_FILE), '{"width": "huge"');
    expect(store.load([FULL_HD])).toEqual({ ...DEFAULT_SIZE, isMaximized: false });
  });

  it('loads a stored state fitted to the displays', () => {
    writeFileSync(join(dir, WINDOW_STATE_FILE), JSON.stringify({ x: 1500, y: 100, width: 1200, height: 700, isMaximized: false }));
    expect(createWindowStateStore(dir).load([FULL_HD])).toMatchObject({ x: 720, y: 100 });
  });

  it('saves on close, and debounced on resize and move', async () => {
    vi.useFakeTimers();
    const store = createWindowStateStore(dir);
    const win = new FakeBrowserWindow();
    store.track(win as never);
    const file = join(dir, WINDOW_STATE_FILE);

    win.bounds = { x: 40, y: 50, width: 1300, height: 760 };
    win.emit('resize');
    win.emit('move');
    await vi.advanceTimersByTimeAsync(100);
    expect(existsSync(file)).toBe(false);
    await vi.advanceTimersByTimeAsync(600);
    await vi.waitFor(() => expect(existsSync(file)).toBe(true));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ x: 40, y: 50, width: 1300, height: 760, isMaximized: false });

    vi.useRealTimers();
    win.maximized = true;
    win.close();
    await vi.waitFor(() => expect(JSON.parse(readFileSync(file, 'utf8')).isMaximized).toBe(true));
    expect(parseWindowState(readFileSync(file, 'utf8'))).toEqual({ x: 40, y: 50, width: 1300, height: 760, isMaximized: true });
  });
});
