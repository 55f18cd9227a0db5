/**
 * The main window. This is the ONLY place webPreferences are set (the app has one window).
 */
import { app, BrowserWindow, screen } from 'electron';
import { join } from 'node:path';
import type { AppPages } from './app-pages';
import { MIN_SIZE, type WindowStateStore } from './window-state';

export const APP_TITLE = 'Sổ Kế hoạch Công đoàn';

/** Built layout: out/main/index.js sits next to out/preload and out/renderer. */
export const PRELOAD_PATH = join(__dirname, '../preload/index.js');
export const RENDERER_INDEX_PATH = join(__dirname, '../renderer/index.html');

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
    // Written out literally (not built by a helper) so reviewers and electronegativity see
    // every value where the window is created.
    webPreferences: {
      // electronegativity-safe(PRELOAD_JS_CHECK): the preload is our own src-main/preload.ts, sandboxed; it
      // exposes only four named methods through contextBridge (no ipcRenderer, no Node API) — see preload.test.ts.
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
      // Middle-click would try to open a new window; those are denied anyway.
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // No DevTools (nor their shortcut) in the packaged app.
      devTools: !app.isPackaged,
    },
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
