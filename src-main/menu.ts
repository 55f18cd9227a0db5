/**
 * The Vietnamese application menu. Built from a plain template (buildMenuTemplate) so the
 * structure is unit-tested; no item links to the web.
 */
import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { APP_TITLE } from './window';

export interface MenuOptions {
  isMac: boolean;
  /** Developer tools are offered only in an unpackaged (development) build. */
  isPackaged: boolean;
  appName: string;
  onAbout: () => void;
}

export function buildMenuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [];

  if (opts.isMac) {
    template.push({
      label: opts.appName,
      submenu: [
        { label: `Giới thiệu ${opts.appName}`, click: opts.onAbout },
        { type: 'separator' },
        { role: 'hide', label: `Ẩn ${opts.appName}` },
        { role: 'hideOthers', label: 'Ẩn các ứng dụng khác' },
        { role: 'unhide', label: 'Hiện tất cả' },
        { type: 'separator' },
        { role: 'quit', label: `Thoát ${opts.appName}` },
      ],
    });
  }

  template.push({
    label: 'Tệp',
    submenu: [opts.isMac ? { role: 'close', label: 'Đóng cửa sổ' } : { role: 'quit', label: 'Thoát' }],
  });

  template.push({
    label: 'Chỉnh sửa',
    submenu: [
      { role: 'undo', label: 'Hoàn tác' },
      { role: 'redo', label: 'Làm lại' },
      { type: 'separator' },
      { role: 'cut', label: 'Cắt' },
      { role: 'copy', label: 'Sao chép' },
      { role: 'paste', label: 'Dán' },
      { role: 'selectAll', label: 'Chọn tất cả' },
    ],
  });

  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: 'Tải lại' },
    { type: 'separator' },
    { role: 'zoomIn', label: 'Phóng to' },
    { role: 'zoomOut', label: 'Thu nhỏ' },
    { role: 'resetZoom', label: 'Kích thước thật' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Toàn màn hình' },
  ];
  if (!opts.isPackaged) {
    view.push({ type: 'separator' }, { role: 'toggleDevTools', label: 'Công cụ nhà phát triển' });
  }
  template.push({ label: 'Xem', submenu: view });

  template.push({
    label: 'Trợ giúp',
    role: 'help',
    submenu: [{ label: 'Giới thiệu', click: opts.onAbout }],
  });

  return template;
}

export async function showAboutDialog(parent: BrowserWindow | null): Promise<void> {
  const options = {
    type: 'info' as const,
    title: 'Giới thiệu',
    message: APP_TITLE,
    detail: `Phiên bản ${app.getVersion()}\nỨng dụng chạy hoàn toàn trên máy này, không cần kết nối Internet.`,
    buttons: ['Đóng'],
    noLink: true,
  };
  if (parent) await dialog.showMessageBox(parent, options);
  else await dialog.showMessageBox(options);
}

export function installApplicationMenu(getWindow: () => BrowserWindow | null): void {
  const template = buildMenuTemplate({
    isMac: process.platform === 'darwin',
    isPackaged: app.isPackaged,
    appName: APP_TITLE,
    onAbout: () => void showAboutDialog(getWindow()),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
