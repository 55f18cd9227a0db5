/**
 * Shared Playwright helpers for every e2e spec.
 *
 * - `openApp(page)`: loads the app and waits for the app-ready marker (the root element gets
 *   `data-app-ready="true"` once the database is open and seeded), so no spec needs a sleep.
 *   When the first-run setup appears (a fresh browser context always shows it), it accepts the
 *   suggested defaults (LĐLĐ huyện Dương Minh Châu, LDLD-DMC) with "Bắt đầu sử dụng" first.
 * - `openPlan(page)`: the same, then «Kế hoạch» from the navigation (the app starts on «Tổng quan»).
 * - `openAppFresh(page)`: loads the app and stops at the first-run setup screen.
 * - `shot(page, name)`: full-viewport screenshot saved to test-results/screenshots/<name>.png.
 * - `test` / `expect`: Playwright's, extended with `appPage`, a page already past `openPlan`.
 *
 * Each Playwright test runs in a fresh browser context, so IndexedDB starts empty; a
 * `page.reload()` keeps it (same context).
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export const APP_READY_SELECTOR = '[data-app-ready="true"]';
export const SETUP_SCREEN_SELECTOR = '[data-setup-screen="true"]';
export const SCREENSHOT_DIR = resolve(process.cwd(), 'test-results', 'screenshots');

/** Wait until the shell has opened and seeded the database and rendered its first screen. */
export async function waitForAppReady(page: Page): Promise<void> {
  await expect(page.locator(APP_READY_SELECTOR)).toBeAttached({ timeout: 20_000 });
}

/** Wait for the shell or the first-run setup, whichever the app shows; complete the setup. */
async function passFirstRun(page: Page): Promise<void> {
  await expect(page.locator(`${APP_READY_SELECTOR}, ${SETUP_SCREEN_SELECTOR}`).first()).toBeAttached({ timeout: 20_000 });
  if ((await page.locator(SETUP_SCREEN_SELECTOR).count()) > 0) {
    // Another tab of the same context may finish the setup first: the screen then turns into
    // the shell by itself, and the click has nothing left to press.
    await page
      .getByRole('button', { name: 'Bắt đầu sử dụng' })
      .click({ timeout: 5_000 })
      .catch(() => undefined);
  }
  await waitForAppReady(page);
}

/** Go to the app's start page (or `path` under it), complete the first run if shown, wait for the shell. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await passFirstRun(page);
}

/**
 * Open the app (see openApp) and go to «Kế hoạch» as an officer does, from the navigation: the
 * app starts on «Tổng quan».
 */
export async function openPlan(page: Page, path = '/'): Promise<void> {
  await openApp(page, path);
  await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: 'Kế hoạch', exact: true }).click();
  await expect(page.getByLabel('Kế hoạch đang theo dõi')).toBeVisible();
}

/** Go to the app's start page of a fresh installation and wait for the first-run setup screen. */
export async function openAppFresh(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { name: 'Thiết lập ban đầu' })).toBeVisible({ timeout: 20_000 });
}

/** Reload and wait for the app-ready marker again. */
export async function reloadApp(page: Page): Promise<void> {
  await page.reload();
  await waitForAppReady(page);
}

/** Save a screenshot of the viewport to test-results/screenshots/<name>.png and return its path. */
export async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = resolve(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? false });
  return path;
}

/** Fails the test when the page logs an uncaught error (React render errors included). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

export const test = base.extend<{ appPage: Page }>({
  appPage: async ({ page }, use) => {
    await openPlan(page);
    await use(page);
  },
});

export { expect };

/**
 * Writes `count` activities of the own unit (LDLD-DMC) straight into IndexedDB: test data for
 * the large-data specs, not the UI under test.
 */
export async function seedOwnActivities(page: Page, count: number, date: string): Promise<void> {
  await page.evaluate(
    async ({ count, date }) => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('so-ke-hoach');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const planId = await new Promise<string>((res, rej) => {
        const r = db.transaction('plans').objectStore('plans').getAllKeys();
        r.onsuccess = () => res(String(r.result[0]));
        r.onerror = () => rej(r.error);
      });
      await new Promise<void>((res, rej) => {
        const tx = db.transaction('activities', 'readwrite');
        const store = tx.objectStore('activities');
        const t = new Date().toISOString();
        for (let i = 0; i < count; i++) {
          const title = `Tuyên truyền pháp luật lao động tại tổ sản xuất số ${i + 1}`;
          store.put({
            id: crypto.randomUUID(),
            planId,
            unitCode: 'LDLD-DMC',
            date,
            itemIds: ['III.1.1'],
            type: 'propaganda',
            title,
            content: 'Phổ biến Bộ luật Lao động, Luật Công đoàn cho công nhân ca sáng và ca chiều',
            location: 'Nhà ăn công ty',
            participants: 30,
            evidenceDoc: '',
            evidenceFile: '',
            indicators: { 'propaganda-sessions': 1 },
            createdAt: t,
            updatedAt: t,
            deletedAt: null,
            searchText: title.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
          });
        }
        tx.oncomplete = () => res();
        tx.onerror = () => rej(tx.error);
      });
      db.close();
    },
    { count, date },
  );
}
