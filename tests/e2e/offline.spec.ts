/**
 * The app never reaches the network: every request of a full session goes to the page's own
 * origin, and a request the page attempts elsewhere is refused by the Content-Security-Policy
 * before it leaves the browser.
 */
import type { Page, Request } from '@playwright/test';
import { expect, openApp, reloadApp, test } from './fixtures';

function isLocal(url: string, origin: string): boolean {
  return url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:');
}

async function fullSession(page: Page): Promise<void> {
  await openApp(page);
  // «Tổng quan», the start screen: nothing to draw yet, what to do instead, the tables.
  await expect(page.getByRole('heading', { name: 'Tổng quan', level: 1 })).toBeVisible();
  await expect(page.getByText('Chưa có hoạt động nào trong kỳ này — ghi hoạt động ở Nhật ký', { exact: false })).toBeVisible();
  const progress = page.getByRole('region', { name: 'Tiến độ theo nhóm nhiệm vụ' });
  await progress.getByText('Bảng số liệu', { exact: true }).click();
  await expect(progress.getByRole('table', { name: 'Tiến độ theo nhóm nhiệm vụ' })).toBeVisible();
  await page.getByRole('button', { name: 'Kế hoạch' }).click();
  await page.getByLabel('Kỳ báo cáo').selectOption({ label: '6 tháng đầu năm' });
  await page.getByLabel('Tìm trong kế hoạch').fill('bao cao');
  const item = page.getByRole('group', { name: /IV\.3 Báo cáo kết quả thực hiện/ });
  await item.getByLabel('Trạng thái').selectOption({ label: 'Đã hoàn thành' });
  await item.getByLabel('Đánh giá').fill('Đã báo cáo');
  await item.getByLabel('Đánh giá').press('Tab');
  await expect(item.getByText('Đã lưu')).toBeVisible();
  await page.getByLabel('Kỳ báo cáo').selectOption({ label: 'Năm' });
  await page.getByRole('button', { name: 'Cài đặt' }).click();
  await page.getByLabel('01/01–30/06 và 01/01–31/12').check();
  await page.getByRole('button', { name: 'Lưu kỳ báo cáo' }).click();
  await expect(page.getByText('✓ Đã lưu')).toBeVisible();
  await page.getByRole('button', { name: 'Kế hoạch' }).click();
  await page.getByRole('button', { name: 'Thêm kế hoạch' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  // Back on «Tổng quan», the 6 months whose status was set: the progress chart (ECharts, SVG) and its PNG (a blob: download).
  await page.getByRole('button', { name: 'Tổng quan' }).click();
  await page.getByLabel('Kỳ báo cáo').selectOption({ label: '6 tháng đầu năm' });
  await expect(progress.locator('svg').first()).toBeVisible();
  const png = page.waitForEvent('download');
  await progress.getByRole('button', { name: 'Tải ảnh (PNG)' }).click();
  expect((await png).suggestedFilename()).toMatch(/^TongQuan_TienDo_.*\.png$/);
  await reloadApp(page);
}

test('a full session requests nothing but the app’s own files', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const requests: string[] = [];
  page.on('request', (r: Request) => requests.push(r.url()));
  await fullSession(page);
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter((u) => !isLocal(u, origin))).toEqual([]);
});

test('a request attempted by the page is refused by the CSP before reaching the network', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  // Observe only: anything non-local that got as far as the network layer is recorded and aborted.
  const reachedNetwork: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLocal(url, origin)) return route.continue();
    reachedNetwork.push(url);
    return route.abort('blockedbyclient');
  });
  // Chromium may announce a CSP-blocked image as a request, then fail it (errorText
  // "csp", i.e. net::ERR_BLOCKED_BY_CSP): record how each non-local request ended.
  const requested: string[] = [];
  const failed = new Map<string, string>();
  page.on('request', (r) => requested.push(r.url()));
  page.on('requestfailed', (r) => failed.set(r.url(), r.failure()?.errorText ?? ''));
  const cspConsole: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspConsole.push(m.text());
  });

  await openApp(page);
  await page.evaluate(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });

  const fetched = await page.evaluate(() =>
    fetch('https://example.com/').then(
      () => 'ok',
      (e: unknown) => `blocked:${String(e)}`,
    ),
  );
  expect(fetched).toMatch(/^blocked:TypeError/);

  const image = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const img = document.createElement('img');
        img.alt = '';
        img.onload = () => resolve('loaded');
        img.onerror = () => resolve('not loaded');
        img.src = 'http://example.com/logo.png';
        document.body.append(img);
      }),
  );
  expect(image).toBe('not loaded');

  await expect
    .poll(() => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))
    .toEqual(expect.arrayContaining(['connect-src https://example.com/', 'img-src http://example.com/logo.png']));
  expect(cspConsole.some((t) => t.includes('connect-src'))).toBe(true);
  // Refused inside the page: nothing reached the network layer, not even to be aborted.
  expect(reachedNetwork).toEqual([]);
  for (const url of requested.filter((u) => !isLocal(u, origin))) {
    await expect.poll(() => failed.get(url)).toMatch(/csp/i);
  }
});
