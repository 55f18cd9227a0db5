/**
 * App lifecycle: one instance, one hardened session, one window.
 * Order matters: sandbox and switches before `ready`; guards before any web contents exist.
 */
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { createAppPages, resolveDevOrigin } from './app-pages';
import { handlers } from './handlers';
import { installBackupOnClose } from './handlers/backups';
import { installExportCleanup } from './handlers/exports';
import { registerIpcHandlers } from './ipc';
import { installApplicationMenu } from './menu';
import { hardenAppBeforeReady, hardenSession, installWebContentsGuards } from './security';
import { createMainWindow, getMainWindow, isOurWindow, RENDERER_INDEX_PATH } from './window';
import { createWindowStateStore } from './window-state';

function focusMainWindow(): void {
  const win = getMainWindow();
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

export function startApp(): void {
  hardenAppBeforeReady(app);

  // A second copy would race the first on the same data folder: hand over and leave.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const pages = createAppPages(
    RENDERER_INDEX_PATH,
    resolveDevOrigin(process.env['ELECTRON_RENDERER_URL'], app.isPackaged),
  );
  installWebContentsGuards(app, pages);

  app.on('second-instance', focusMainWindow);
  installExportCleanup(app);
  // Every window's close waits for the page's automatic backup (bounded by a timeout).
  app.on('browser-window-created', (_event, win) => installBackupOnClose(app, win));
  app.on('window-all-closed', () => {
    // macOS convention: the app stays in the Dock until the user quits it.
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession, pages);
      registerIpcHandlers(ipcMain, handlers, {
        pages,
        windowOf: (event) => {
          const win = BrowserWindow.fromWebContents(event.sender);
          return isOurWindow(win) ? win : null;
        },
      });
      installApplicationMenu(getMainWindow);
      const stateStore = createWindowStateStore(app.getPath('userData'));
      createMainWindow(pages, stateStore);
      app.on('activate', () => {
        if (getMainWindow()) focusMainWindow();
        else createMainWindow(pages, stateStore);
      });
    })
    .catch((error: unknown) => {
      console.error('[main] startup failed:', error);
      app.exit(1);
    });
}

startApp();
