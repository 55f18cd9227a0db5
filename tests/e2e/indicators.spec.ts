/**
 * Screen "Chỉ tiêu" and the checklist's activity counts, as a district officer uses them:
 * adjust an indicator with a reason, set a target and read % đạt, add a plan indicator,
 * reload and find everything kept; see which activities a figure comes from; on the checklist
 * see an item's activity count and apply the proposed status.
 *
 * The activities of the second test are written straight into IndexedDB (same record shape as
 * the log stores, searchText included) because logging them through the Nhật ký form is
 * covered by the activity log's own spec; here they are only the input of the figures.
 */
import type { Page } from '@playwright/test';
import { activitySearchText, type Activity } from '@domain/activity';
import { currentPeriod, formatDateVn, isoDateOf, nextDay, type PeriodConfig } from '@domain/periods';
import { collectPageErrors, expect, openApp, reloadApp, shot, test } from './fixtures';

const ND09: PeriodConfig = { kinds: ['half', 'year'], halfEnd: { day: 14, month: 6 }, yearEnd: { day: 14, month: 12 } };
const h1 = currentPeriod(ND09, isoDateOf(new Date()), 'half');
const PLAN = 'ke-hoach-63-KH-LDLD';

const goIndicators = (page: Page) =>
  page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: 'Chỉ tiêu' }).click();
const goPlan = (page: Page) =>
  page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: 'Kế hoạch' }).click();
const indicatorRow = (page: Page, code: string) => page.locator(`tr[data-indicator="${code}"]`);

async function ownUnitCode(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const req = indexedDB.open('so-ke-hoach');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const get = req.result.transaction('settings').objectStore('settings').get('ownUnitCode');
          get.onsuccess = () => {
            resolve((get.result as { value: string }).value);
            req.result.close();
          };
        };
      }),
  );
}

async function putActivities(page: Page, records: object[]): Promise<void> {
  await page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('so-ke-hoach');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction('activities', 'readwrite');
          for (const r of rows) tx.objectStore('activities').put(r);
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    records,
  );
}

let seq = 0;
function activity(over: Partial<Activity>): Activity & { searchText: string } {
  const id = `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`;
  const a: Activity = {
    id,
    planId: PLAN,
    unitCode: 'LDLD-DMC',
    date: h1.start,
    itemIds: ['III.1.1'],
    type: 'propaganda',
    title: `Hoạt động ${seq}`,
    content: '',
    location: '',
    participants: null,
    evidenceDoc: '',
    evidenceFile: '',
    indicators: {},
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    deletedAt: null,
    ...over,
  };
  return { ...a, searchText: activitySearchText(a) };
}

test('adjust with a reason, set a target, add a plan indicator; reload keeps them', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openApp(page);
  await goIndicators(page);
  await expect(page.getByRole('heading', { name: 'Chỉ tiêu', level: 1 })).toBeVisible();
  const row = indicatorRow(page, 'new-members');
  await expect(row.locator('td.total')).toHaveText('0');
  await expect(page.locator('tr[data-indicator]')).toHaveCount(11);

  // Adjustment: the reason is required, the message stands beside the field.
  await row.getByRole('button', { name: 'Điều chỉnh: Đoàn viên kết nạp mới' }).click();
  const form = page.getByRole('form', { name: 'Điều chỉnh: Đoàn viên kết nạp mới' });
  await expect(form.getByLabel('Số điều chỉnh')).toBeFocused();
  await form.getByLabel('Số điều chỉnh').fill('12');
  await form.getByRole('button', { name: 'Lưu điều chỉnh' }).click();
  await expect(form.getByLabel('Lý do')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Lý do điều chỉnh: không được để trống')).toBeVisible();
  await expect(form.getByLabel('Lý do')).toBeFocused();
  await shot(page, 'indicators-adjust-form');
  await form.getByLabel('Số điều chỉnh').fill('abc');
  await form.getByLabel('Lý do').fill('Kết nạp tại 3 CĐCS trước khi dùng ứng dụng');
  await form.getByRole('button', { name: 'Lưu điều chỉnh' }).click();
  await expect(form.getByText('Số điều chỉnh: phải là số nguyên (có thể âm)')).toBeVisible();
  await form.getByLabel('Số điều chỉnh').fill('12');
  await form.getByRole('button', { name: 'Lưu điều chỉnh' }).click();
  await expect(form).toHaveCount(0);
  await expect(row.getByRole('button', { name: 'Điều chỉnh: Đoàn viên kết nạp mới' })).toBeFocused();
  await expect(row.locator('td.total')).toHaveText('12');
  await expect(row).toContainText('+12');
  await expect(row).toContainText('Lý do: Kết nạp tại 3 CĐCS trước khi dùng ứng dụng');

  // A negative adjustment on another indicator.
  const part = indicatorRow(page, 'participants');
  await part.getByRole('button', { name: /^Điều chỉnh/ }).click();
  const f2 = page.getByRole('form', { name: /^Điều chỉnh: Lượt người/ });
  await f2.getByLabel('Số điều chỉnh').fill('−1.200');
  await f2.getByLabel('Lý do').fill('Trừ số lượt đã báo cáo trùng ở kỳ trước');
  await f2.getByLabel('Lý do').press('Control+Enter'); // not a submit key: nothing happens
  await f2.getByRole('button', { name: 'Lưu điều chỉnh' }).click();
  await expect(part.locator('td.total')).toHaveText('−1.200');

  // Target and % đạt.
  await row.getByRole('button', { name: 'Đặt chỉ tiêu: Đoàn viên kết nạp mới' }).click();
  const tf = page.getByRole('form', { name: 'Chỉ tiêu phấn đấu: Đoàn viên kết nạp mới' });
  await tf.getByLabel(/^Chỉ tiêu phấn đấu/).fill('-5');
  await tf.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
  await expect(tf.getByText('Chỉ tiêu phấn đấu: phải là số nguyên không âm')).toBeVisible();
  await tf.getByLabel(/^Chỉ tiêu phấn đấu/).fill('48');
  await tf.getByLabel(/^Chỉ tiêu phấn đấu/).press('Enter');
  await expect(tf).toHaveCount(0);
  await expect(row.locator('td.col-pct')).toHaveText('25%');

  // The plan's own indicator.
  await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
  const af = page.getByRole('form', { name: 'Thêm chỉ tiêu của kế hoạch' });
  await af.getByLabel('Tên chỉ tiêu').fill('Số cuộc tuyên truyền');
  await af.getByLabel('Đơn vị tính').fill('cuộc');
  await af.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
  await expect(af.getByText(/Tên chỉ tiêu: «Số cuộc tuyên truyền» đã có/)).toBeVisible();
  await af.getByLabel('Tên chỉ tiêu').fill('Hộ đoàn viên khó khăn được hỗ trợ');
  await af.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
  const extra = indicatorRow(page, 'x-ho-doan-vien-kho-khan-duoc-ho-tro');
  await expect(extra).toContainText('riêng của kế hoạch');
  await expect(extra.locator('td.col-unit')).toHaveText('cuộc');
  await shot(page, 'indicators-edited');

  await reloadApp(page);
  await expect(page.getByRole('heading', { name: 'Chỉ tiêu', level: 1 })).toBeVisible();
  await expect(indicatorRow(page, 'new-members').locator('td.total')).toHaveText('12');
  await expect(indicatorRow(page, 'new-members')).toContainText('Lý do: Kết nạp tại 3 CĐCS trước khi dùng ứng dụng');
  await expect(indicatorRow(page, 'new-members').locator('td.col-pct')).toHaveText('25%');
  await expect(indicatorRow(page, 'participants').locator('td.total')).toHaveText('−1.200');
  await expect(page.locator('tr[data-indicator]')).toHaveCount(12);
  await shot(page, 'indicators');

  // Removing the adjustment brings the total back to the activities' sum.
  await indicatorRow(page, 'new-members').getByRole('button', { name: /^Điều chỉnh/ }).click();
  await page.getByRole('button', { name: 'Bỏ điều chỉnh' }).click();
  await expect(indicatorRow(page, 'new-members').locator('td.total')).toHaveText('0');
  await expect(indicatorRow(page, 'new-members').locator('td.col-pct')).toHaveText('0%');
  // An unused plan indicator can be removed.
  await extra.getByRole('button', { name: /^Xóa chỉ tiêu/ }).click();
  await expect(extra).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
  expect(errors).toEqual([]);
});

test('figures from activities list them; the checklist counts them and proposes a status', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openApp(page);
  const own = await ownUnitCode(page);
  const inside = nextDay(h1.start);
  await putActivities(page, [
    activity({ unitCode: own, date: h1.start, title: 'Tuyên truyền Bộ luật Lao động tại KCN Chà Là', indicators: { 'new-members': 3 }, participants: 120 }),
    activity({ unitCode: own, date: inside, title: 'Hội nghị quán triệt Nghị quyết 43', itemIds: ['III.1.1', 'III.2.4'], indicators: { 'new-members': 2 } }),
    activity({ unitCode: own, date: inside, title: 'Đã xóa', indicators: { 'new-members': 50 }, deletedAt: '2025-01-02T00:00:00.000Z' }),
    activity({ unitCode: own, date: '2001-01-01', title: 'Ngoài kỳ', indicators: { 'new-members': 50 } }),
    activity({ unitCode: 'CDCS-MYPHONG', date: inside, title: 'CĐCS Mỹ Phong kết nạp đoàn viên', indicators: { 'new-members': 7 } }),
  ]);
  await reloadApp(page);
  await goPlan(page);

  const item = page.getByRole('group', { name: /^III\.1\.1 / });
  const toggle = item.getByRole('button', { name: '2 hoạt động' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(item.getByText('Đề xuất: Đang thực hiện')).toBeVisible();
  await expect(page.getByRole('group', { name: /^III\.2\.4 / }).getByRole('button', { name: '1 hoạt động' })).toBeVisible();
  await expect(page.getByRole('group', { name: /^III\.1\.2 / }).getByText(/hoạt động/)).toHaveCount(0);
  // Nothing stored yet: the proposal is only a proposal.
  await expect(item.getByLabel('Trạng thái')).toHaveValue('chua');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(item.getByRole('listitem')).toHaveText([
    `${formatDateVn(inside)} Hội nghị quán triệt Nghị quyết 43`,
    `${formatDateVn(h1.start)} Tuyên truyền Bộ luật Lao động tại KCN Chà Là`,
  ]);
  await item.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await shot(page, 'checklist-activity-counts');
  await item.getByRole('button', { name: 'Áp dụng đề xuất: Đang thực hiện' }).click();
  await expect(item.getByLabel('Trạng thái')).toHaveValue('dang');
  await expect(item.getByText('Đề xuất: Đang thực hiện')).toHaveCount(0);
  await reloadApp(page);
  await goPlan(page);
  await expect(page.getByRole('group', { name: /^III\.1\.1 / }).getByLabel('Trạng thái')).toHaveValue('dang');
  await expect(page.getByRole('region', { name: 'Tiến độ chung' })).toContainText('Đang thực hiện: 1');

  await goIndicators(page);
  const row = indicatorRow(page, 'new-members');
  await expect(row.locator('td.total')).toHaveText('5');
  await expect(indicatorRow(page, 'participants').locator('td.total')).toHaveText('120');
  const figure = row.getByRole('button', { name: /^5 từ 2 hoạt động/ });
  await figure.click();
  const list = page.getByRole('region', { name: 'Hoạt động tính vào: Đoàn viên kết nạp mới' });
  await expect(list.getByRole('row')).toHaveCount(3);
  await expect(list).toContainText('Hội nghị quán triệt Nghị quyết 43');
  await expect(list).toContainText(formatDateVn(h1.start));
  await expect(list).not.toContainText('Đã xóa');
  await shot(page, 'indicators-activities');

  // Every unit: the grassroots union's activity joins the sum.
  await page.getByLabel('Toàn đơn vị trực thuộc').check();
  await expect(page.getByTestId('indicator-scope')).toContainText('Toàn đơn vị trực thuộc');
  await expect(row.locator('td.total')).toHaveText('12');
  await expect(row.getByRole('button', { name: /^Điều chỉnh/ })).toBeDisabled();
  await row.getByRole('button', { name: /^12 từ 3 hoạt động/ }).click();
  await expect(list).toContainText('CĐCS Mỹ Phong kết nạp đoàn viên');
  await shot(page, 'indicators-all-units');
  expect(errors).toEqual([]);
});

/** Logs one activity through the Nhật ký form (fields filled directly; the log's own spec covers the keyboard path). */
async function logActivity(
  page: Page,
  e: { date: string; itemId: string; type: string; title: string; participants: string; indicators: [string, string][] },
): Promise<void> {
  await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: 'Nhật ký' }).click();
  const f = page.getByRole('form', { name: /hoạt động$/ });
  await f.getByLabel('Ngày', { exact: true }).fill(e.date);
  const combo = f.getByRole('combobox', { name: 'Nhiệm vụ' });
  await combo.fill(e.itemId.toLowerCase());
  await expect(page.getByRole('listbox', { name: 'Nhiệm vụ phù hợp' }).getByRole('option', { selected: true })).toContainText(e.itemId);
  await combo.press('Enter');
  await f.getByLabel('Loại hoạt động').selectOption({ label: e.type });
  await f.getByLabel('Tiêu đề').fill(e.title);
  await f.getByLabel('Số lượt người').fill(e.participants);
  for (const [label, value] of e.indicators) await f.getByLabel(label, { exact: true }).fill(value);
  await f.getByLabel('Tiêu đề').press('Control+Enter');
  await expect(f.getByRole('status')).toHaveText(`Đã lưu «${e.title}».`);
}

test('activities logged in Nhật ký show up in the checklist count and the indicator figures', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openApp(page);
  const day = formatDateVn(nextDay(h1.start));
  await logActivity(page, {
    date: day,
    itemId: 'III.1.1',
    type: 'Phát triển đoàn viên, thành lập CĐCS',
    title: 'Kết nạp đoàn viên tại Công ty TNHH Giày da Mỹ Phong',
    participants: '35',
    indicators: [['Đoàn viên kết nạp mới', '18']],
  });
  await logActivity(page, {
    date: day,
    itemId: 'III.1.1',
    type: 'Tuyên truyền',
    title: 'Tuyên truyền Nghị quyết 43 cho công nhân khu công nghiệp',
    participants: '210',
    indicators: [['Số cuộc tuyên truyền', '1']],
  });

  await goPlan(page);
  const item = page.getByRole('group', { name: /^III\.1\.1 / });
  await expect(item.getByRole('button', { name: '2 hoạt động' })).toBeVisible();
  await item.getByRole('button', { name: 'Áp dụng đề xuất: Đang thực hiện' }).click();
  await expect(item.getByLabel('Trạng thái')).toHaveValue('dang');

  await goIndicators(page);
  await expect(indicatorRow(page, 'new-members').locator('td.total')).toHaveText('18');
  await expect(indicatorRow(page, 'participants').locator('td.total')).toHaveText('245');
  await expect(indicatorRow(page, 'propaganda-sessions').locator('td.total')).toHaveText('1');
  await expect(page.getByTestId('indicator-scope')).toContainText('2 hoạt động trong kỳ');
  expect(errors).toEqual([]);
});
