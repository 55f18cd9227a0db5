import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock').then((m) => m.electron));

import { channels } from '@contract';
import { electron, FakeBrowserWindow, resetElectronMock } from './electron-mock';

async function start(lock: boolean) {
  electron.app.requestSingleInstanceLock.mockReturnValue(lock);
  vi.resetModules();
  await import('../../../src-main/index');
}

async function ready() {
  electron.app.fireReady();
  await vi.waitFor(() => expect(FakeBrowserWindow.instances.length).toBeGreaterThan(0));
  return FakeBrowserWindow.instances[0]!;
}

beforeEach(() => {
  for (const win of FakeBrowserWindow.instances) if (!win.destroyed) win.close();
  resetElectronMock();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('app lifecycle', () => {
  it('sandboxes every renderer before anything else', async () => {
    await start(true);
    expect(electron.app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(electron.app.enableSandbox.mock.invocationCallOrder[0]!).toBeLessThan(
      electron.app.requestSingleInstanceLock.mock.invocationCallOrder[0]!,
    );
  });

  it('a second instance quits at once and creates nothing', async () => {
    await start(false);
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(electron.ipcMain.handle).not.toHaveBeenCalled();
    expect(electron.app.listeners('web-contents-created')).toHaveLength(0);
  });

  it('the first instance hardens the session, registers IPC, the menu and one window', async () => {
    await start(true);
    expect(electron.app.listeners('web-contents-created')).toHaveLength(1);
    const win = await ready();
    const session = electron.session.defaultSession;
    expect(session.webRequest.onBeforeRequest).toHaveBeenCalledTimes(1);
    expect(session.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...channels].sort());
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(win.loadFile).toHaveBeenCalled();
  });

  it('focuses the existing window when a second instance starts', async () => {
    await start(true);
    const win = await ready();
    win.minimized = true;
    electron.app.emit('second-instance', {}, ['sokh'], '/');
    expect(win.restore).toHaveBeenCalled();
    expect(win.show).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('quits when all windows are closed, except on macOS', async () => {
    await start(true);
    await ready();
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    try {
      Object.defineProperty(process, 'platform', { value: 'win32' });
      electron.app.emit('window-all-closed');
      expect(electron.app.quit).toHaveBeenCalledTimes(1);
      Object.defineProperty(process, 'platform', { value: 'darwin' });
      electron.app.emit('window-all-closed');
      expect(electron.app.quit).toHaveBeenCalledTimes(1);
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
  });

  it('ignores ELECTRON_RENDERER_URL when it is not loopback http', async () => {
    process.env['ELECTRON_RENDERER_URL'] = 'https://evil.example/';
    try {
      await start(true);
      const win = await ready();
      expect(win.loadURL).not.toHaveBeenCalled();
      expect(win.loadFile).toHaveBeenCalled();
    } finally {
      delete process.env['ELECTRON_RENDERER_URL'];
    }
  });

  it('loads the dev server in development only', async () => {
    process.env['ELECTRON_RENDERER_URL'] = 'http://localhost:5173';
    try {
      electron.app.isPackaged = true;
      await start(true);
      const packaged = await ready();
      expect(packaged.loadURL).not.toHaveBeenCalled();
    } finally {
      delete process.env['ELECTRON_RENDERER_URL'];
    }
  });
});
