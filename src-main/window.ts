/**
 * The main window. This is the ONLY place webPreferences are set: every window the app
 * creates goes through buildWebPreferences.
 */
import { BrowserWindow, screen, type WebPreferences } from 'electron';
import { join } from 'node:path';
import type { AppPages } from './app-pages';
import { MIN_SIZE, type WindowStateStore } from './window-state';

export const APP_TITLE = 'Sổ Kế hoạch Công đoàn';

/** Built layout: out/main/index.js sits next to out/preload and out/renderer. */
export const PRELOAD_PATH = join(__dirname, '../preload/index.js');
export const RENDERER_INDEX_PATH = join(__dirname, '../renderer/index.html');

export function buildWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  };
}

/** Windows created by us; IPC only answers their main frames. */
const ourWindows = new Set<BrowserWindow>();

export function isOurWindow(win: BrowserWindow | null | undefined): win is BrowserWindow {
  return !!win && ourWindows.has(win) && !win.isDestroyed();
}

export function getMainWindow(): BrowserWindow | null {
  for (const win of ourWindows) if (!win.isDestroyed()) return win;
  return null;
}

export function createMainWindow(pages: AppPages, stateStore: WindowStateStore): BrowserWindow {
  const state = stateStore.load(screen.getAllDisplays().map((d) => d.workArea));

  const win = new BrowserWindow({
    title: APP_TITLE,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : { center: true }),
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: buildWebPreferences(PRELOAD_PATH),
  });
  ourWindows.add(win);
  win.on('closed', () => ourWindows.delete(win));

  stateStore.track(win);
  win.once('ready-to-show', () => {
    if (state.isMaximized) win.maximize();
    win.show();
  });
  // Keep our title; the page's <title> says the same, but a page must not rename the window.
  win.on('page-title-updated', (event) => event.preventDefault());

  if (pages.devOrigin) {
    void win.loadURL(`${pages.devOrigin}/`);
  } else {
    void win.loadFile(RENDERER_INDEX_PATH);
  }
  return win;
}
