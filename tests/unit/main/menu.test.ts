import type { MenuItemConstructorOptions, MessageBoxOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock').then((m) => m.electron));

import { buildMenuTemplate, installApplicationMenu, showAboutDialog } from '../../../src-main/menu';
import { electron, FakeBrowserWindow, resetElectronMock } from './electron-mock';

type Item = MenuItemConstructorOptions;
const sub = (item: Item | undefined) => (item?.submenu ?? []) as Item[];
const labels = (items: Item[]) => items.filter((i) => i.type !== 'separator').map((i) => i.label);

function build(overrides: Partial<Parameters<typeof buildMenuTemplate>[0]> = {}) {
  return buildMenuTemplate({ isMac: false, isPackaged: true, appName: 'Sổ Kế hoạch Công đoàn', onAbout: vi.fn(), ...overrides });
}

function allItems(items: Item[]): Item[] {
  return items.flatMap((i) => [i, ...allItems(sub(i))]);
}

beforeEach(() => resetElectronMock());

describe('buildMenuTemplate', () => {
  it('has the Vietnamese top-level menus', () => {
    expect(build().map((m) => m.label)).toEqual(['Tệp', 'Chỉnh sửa', 'Xem', 'Trợ giúp']);
  });

  it('puts Thoát in Tệp and the edit roles in Chỉnh sửa', () => {
    const [file, edit] = build();
    expect(sub(file)).toEqual([{ role: 'quit', label: 'Thoát' }]);
    expect(sub(edit).filter((i) => i.role).map((i) => [i.role, i.label])).toEqual([
      ['undo', 'Hoàn tác'],
      ['redo', 'Làm lại'],
      ['cut', 'Cắt'],
      ['copy', 'Sao chép'],
      ['paste', 'Dán'],
      ['selectAll', 'Chọn tất cả'],
    ]);
  });

  it('offers developer tools only when not packaged', () => {
    expect(labels(sub(build({ isPackaged: true })[2]))).toEqual([
      'Tải lại',
      'Phóng to',
      'Thu nhỏ',
      'Kích thước thật',
      'Toàn màn hình',
    ]);
    const dev = sub(build({ isPackaged: false })[2]);
    expect(labels(dev)).toContain('Công cụ nhà phát triển');
    expect(dev.find((i) => i.label === 'Công cụ nhà phát triển')?.role).toBe('toggleDevTools');
    expect(allItems(build({ isPackaged: true })).some((i) => i.role === 'toggleDevTools')).toBe(false);
  });

  it('opens the about dialog from Trợ giúp', () => {
    const onAbout = vi.fn();
    const help = build({ onAbout })[3];
    const about = sub(help).find((i) => i.label === 'Giới thiệu');
    (about!.click as () => void)();
    expect(onAbout).toHaveBeenCalled();
  });

  it('has no link to the web anywhere', () => {
    for (const isMac of [true, false]) {
      for (const isPackaged of [true, false]) {
        const items = allItems(build({ isMac, isPackaged }));
        expect(JSON.stringify(items)).not.toMatch(/https?:|www\./);
        expect(items.some((i) => i.role === 'help' && sub(i).some((s) => s.role))).toBe(false);
      }
    }
  });

  it('adds the macOS app menu first on macOS', () => {
    const mac = build({ isMac: true });
    expect(mac.map((m) => m.label)).toEqual(['Sổ Kế hoạch Công đoàn', 'Tệp', 'Chỉnh sửa', 'Xem', 'Trợ giúp']);
    expect(sub(mac[0]).some((i) => i.role === 'quit')).toBe(true);
    expect(sub(mac[1])[0]?.role).toBe('close');
  });
});

describe('about dialog', () => {
  it('shows the app name and version, attached to the window', async () => {
    electron.app.getVersion.mockReturnValue('0.1.0');
    const win = new FakeBrowserWindow();
    await showAboutDialog(win as never);
    const [parent, options] = electron.dialog.showMessageBox.mock.calls[0] as unknown as [unknown, MessageBoxOptions];
    expect(parent).toBe(win);
    expect(options.message).toBe('Sổ Kế hoạch Công đoàn');
    expect(options.detail).toContain('Phiên bản 0.1.0');
    expect(options.buttons).toEqual(['Đóng']);
  });

  it('is installed as the application menu', () => {
    installApplicationMenu(() => null);
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    const template = electron.Menu.buildFromTemplate.mock.calls[0]![0] as Item[];
    expect(template.map((m) => m.label)).toContain('Trợ giúp');
  });
});
