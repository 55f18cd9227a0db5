/**
 * A small stand-in for the `electron` module (Electron never runs on these machines).
 * Test files use it with:
 *   vi.mock('electron', () => import('./electron-mock').then((m) => m.electron));
 * and call resetElectronMock() in beforeEach.
 */
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

// One instance per test worker, kept on globalThis: tests that call vi.resetModules() to
// re-run an entry module would otherwise get a second, unrelated mock.
function build() {

  class Emitter {
    readonly emitter = new EventEmitter();
    on = vi.fn((event: string, listener: Listener) => {
      this.emitter.on(event, listener);
      return this;
    });
    once = vi.fn((event: string, listener: Listener) => {
      this.emitter.once(event, listener);
      return this;
    });
    emit(event: string, ...args: unknown[]): boolean {
      return this.emitter.emit(event, ...args);
    }
    listeners(event: string): Listener[] {
      return this.emitter.listeners(event) as Listener[];
    }
  }

  class FakeWebFrame {
    parent: FakeWebFrame | null = null;
    constructor(
      public url: string,
      public processId = 1,
      public routingId = 1,
    ) {}
  }

  class FakeWebContents extends Emitter {
    mainFrame: FakeWebFrame;
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    /** What the main process sent to the page (webContents.send). */
    send = vi.fn((_channel: string, ..._args: unknown[]) => undefined);
    isDestroyed = vi.fn(() => false);
    setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
      this.windowOpenHandler = handler;
    });
    constructor(url = 'about:blank') {
      super();
      this.mainFrame = new FakeWebFrame(url);
    }
  }

  class FakeBrowserWindow extends Emitter {
    static instances: FakeBrowserWindow[] = [];
    static fromWebContents = vi.fn((contents: FakeWebContents) =>
      FakeBrowserWindow.instances.find((w) => w.webContents === contents) ?? null,
    );

    readonly options: BrowserWindowConstructorOptions;
    readonly webContents = new FakeWebContents();
    destroyed = false;
    minimized = false;
    maximized = false;
    bounds = { x: 10, y: 20, width: 1366, height: 768 };

    loadFile = vi.fn(async (_path: string) => undefined);
    loadURL = vi.fn(async (_url: string) => undefined);
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn(() => {
      this.minimized = false;
    });
    maximize = vi.fn(() => {
      this.maximized = true;
    });
    isMinimized = vi.fn(() => this.minimized);
    isMaximized = vi.fn(() => this.maximized);
    isDestroyed = vi.fn(() => this.destroyed);
    getNormalBounds = vi.fn(() => ({ ...this.bounds }));

    constructor(options: BrowserWindowConstructorOptions = {}) {
      super();
      this.options = options;
      FakeBrowserWindow.instances.push(this);
    }

    close(): void {
      this.emit('close', { preventDefault() {} });
      this.destroyed = true;
      this.emit('closed');
    }
  }

  function makeApp() {
    let resolveReady!: () => void;
    const ready = new Promise<void>((r) => (resolveReady = r));
    const app = Object.assign(new Emitter(), {
      isPackaged: false,
      enableSandbox: vi.fn(),
      requestSingleInstanceLock: vi.fn(() => true),
      quit: vi.fn(),
      exit: vi.fn(),
      getVersion: vi.fn(() => '0.1.0'),
      getName: vi.fn(() => 'Sổ Kế hoạch Công đoàn'),
      getPath: vi.fn((name: string) => `/fake/${name}`),
      whenReady: vi.fn(() => ready),
      commandLine: { appendSwitch: vi.fn() },
      /** Test helper: resolves whenReady(). */
      fireReady: () => resolveReady(),
    });
    return app;
  }

  function makeSession() {
    const session = Object.assign(new Emitter(), {
      webRequest: {
        onBeforeRequest: vi.fn(),
        onHeadersReceived: vi.fn(),
      },
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      setDisplayMediaRequestHandler: vi.fn(),
    });
    return session;
  }

  function makeIpcMain() {
    const handlers = new Map<string, Listener>();
    return {
      handlers,
      handle: vi.fn((channel: string, listener: Listener) => {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, listener);
      }),
    };
  }

  const electron = {
    app: makeApp(),
    BrowserWindow: FakeBrowserWindow,
    ipcMain: makeIpcMain(),
    ipcRenderer: {
      invoke: vi.fn(async (..._args: unknown[]) => undefined),
      on: vi.fn((_channel: string, _listener: Listener) => undefined),
      removeListener: vi.fn((_channel: string, _listener: Listener) => undefined),
    },
    contextBridge: { exposeInMainWorld: vi.fn() },
    session: { defaultSession: makeSession() },
    dialog: {
      showSaveDialog: vi.fn(),
      showOpenDialog: vi.fn(),
      showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
    },
    screen: {
      getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }]),
    },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    shell: { openExternal: vi.fn() },
  };

  /** Fresh app/session/ipcMain state; the module object itself stays the same. */
  function resetElectronMock(): void {
    // Mutate in place: modules under test hold references to these objects.
    vi.clearAllMocks();
    Object.assign(electron.app, makeApp());
    Object.assign(electron.ipcMain, makeIpcMain());
    electron.session.defaultSession = makeSession();
    FakeBrowserWindow.instances = [];
  }

  return { electron, FakeBrowserWindow, FakeWebContents, FakeWebFrame, resetElectronMock };
}

const cache = globalThis as { __sokhElectronMock?: ReturnType<typeof build> };
const mock = (cache.__sokhElectronMock ??= build());

export const { electron, FakeBrowserWindow, FakeWebContents, FakeWebFrame, resetElectronMock } = mock;
export type FakeBrowserWindow = InstanceType<typeof FakeBrowserWindow>;
export type FakeWebContents = InstanceType<typeof FakeWebContents>;
export type FakeWebFrame = InstanceType<typeof FakeWebFrame>;
