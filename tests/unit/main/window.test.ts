import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock').then((m) => m.electron));

import { createAppPages } from '../../../src-main/app-pages';
import {
  APP_TITLE,
  PRELOAD_PATH,
  RENDERER_INDEX_PATH,
  createMainWindow,
  getMainWindow,
  isOurWindow,
} from '../../../src-main/window';
import type { WindowState, WindowStateStore } from '../../../src-main/window-state';
import { electron, FakeBrowserWindow, resetElectronMock } from './electron-mock';

function store(state: WindowState) {
  return {
    load: vi.fn<WindowStateStore['load']>(() => state),
    track: vi.fn<WindowStateStore['track']>(),
  } satisfies WindowStateStore;
}

const pages = createAppPages(RENDERER_INDEX_PATH, null);

beforeEach(() => {
  // window.ts remembers the windows it made; close the previous test's ones.
  for (const win of FakeBrowserWindow.instances) if (!win.destroyed) win.close();
  resetElectronMock();
});

describe('createMainWindow', () => {
  it('passes the locked-down webPreferences, title and sizes to BrowserWindow', () => {
    const s = store({ width: 1366, height: 768, isMaximized: false });
    createMainWindow(pages, s);
    const win = FakeBrowserWindow.instances[0]!;
    expect(win.options.webPreferences).toEqual({
      preload: PRELOAD_PATH,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: true,
    });
    expect(win.options).toMatchObject({
      title: APP_TITLE,
      width: 1366,
      height: 768,
      minWidth: 1024,
      minHeight: 640,
      show: false,
      center: true,
    });
    expect(APP_TITLE).toBe('Sổ Kế hoạch Công đoàn');
    expect(PRELOAD_PATH.endsWith(join('preload', 'index.js'))).toBe(true);
  });

  it('turns DevTools off in the packaged app', () => {
    electron.app.isPackaged = true;
    createMainWindow(pages, store({ width: 1366, height: 768, isMaximized: false }));
    expect(FakeBrowserWindow.instances[0]!.options.webPreferences?.devTools).toBe(false);
  });

  it('reads the state with the displays work areas and tracks the window', () => {
    electron.screen.getAllDisplays.mockReturnValue([
      { workArea: { x: 0, y: 0, width: 1920, height: 1040 } },
      { workArea: { x: 1920, y: 0, width: 1280, height: 984 } },
    ]);
    const s = store({ x: 2000, y: 30, width: 1100, height: 700, isMaximized: false });
    const win = createMainWindow(pages, s) as unknown as FakeBrowserWindow;
    expect(s.load).toHaveBeenCalledWith([
      { x: 0, y: 0, width: 1920, height: 1040 },
      { x: 1920, y: 0, width: 1280, height: 984 },
    ]);
    expect(win.options).toMatchObject({ x: 2000, y: 30, width: 1100, height: 700 });
    expect(win.options.center).toBeUndefined();
    expect(s.track).toHaveBeenCalledWith(win);
  });

  it('loads the built renderer with loadFile, never a URL', () => {
    const win = createMainWindow(pages, store({ width: 1366, height: 768, isMaximized: false })) as unknown as FakeBrowserWindow;
    expect(win.loadFile).toHaveBeenCalledWith(RENDERER_INDEX_PATH);
    expect(RENDERER_INDEX_PATH).toBe(resolve(RENDERER_INDEX_PATH));
    expect(RENDERER_INDEX_PATH.endsWith(join('renderer', 'index.html'))).toBe(true);
    expect(win.loadURL).not.toHaveBeenCalled();
  });

  it('loads the dev server only when an allowed dev origin is set', () => {
    const devPages = createAppPages(RENDERER_INDEX_PATH, 'http://localhost:5173');
    const win = createMainWindow(devPages, store({ width: 1366, height: 768, isMaximized: false })) as unknown as FakeBrowserWindow;
    expect(win.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    expect(win.loadFile).not.toHaveBeenCalled();
  });

  it('shows the window when ready, maximized if it was', () => {
    const win = createMainWindow(pages, store({ width: 1366, height: 768, isMaximized: true })) as unknown as FakeBrowserWindow;
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.maximize).toHaveBeenCalled();
    expect(win.show).toHaveBeenCalled();
  });

  it('keeps the window title even if the page changes <title>', () => {
    const win = createMainWindow(pages, store({ width: 1366, height: 768, isMaximized: false })) as unknown as FakeBrowserWindow;
    const event = { preventDefault: vi.fn() };
    win.emit('page-title-updated', event, 'Trang lạ');
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('knows its own windows, and forgets them when closed', () => {
    const win = createMainWindow(pages, store({ width: 1366, height: 768, isMaximized: false }));
    expect(isOurWindow(win)).toBe(true);
    expect(getMainWindow()).toBe(win);
    expect(isOurWindow(new FakeBrowserWindow() as never)).toBe(false);
    (win as unknown as FakeBrowserWindow).close();
    expect(isOurWindow(win)).toBe(false);
    expect(getMainWindow()).toBeNull();
  });
});
