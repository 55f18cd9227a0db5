/**
 * The platform the app runs on: the desktop shell when its preload exposed `window.sokh`,
 * otherwise the browser. Features import `platform` from here and nothing else.
 */
import { DESKTOP_API_GLOBAL, type DesktopApi } from '@contract';
import { createBrowserPlatform } from './browser-platform';
import { createDesktopPlatform } from './desktop-platform';
import type { Platform } from './platform';

export * from './platform';

function desktopApi(): DesktopApi | undefined {
  const api = (globalThis as Record<string, unknown>)[DESKTOP_API_GLOBAL];
  return api && typeof api === 'object' ? (api as DesktopApi) : undefined;
}

export function pickPlatform(): Platform {
  const api = desktopApi();
  return api ? createDesktopPlatform(api) : createBrowserPlatform();
}

export const platform: Platform = pickPlatform();
