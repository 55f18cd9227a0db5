/**
 * The activity log as a district officer uses it: five activities for three units (the own
 * district office and two grassroots unions added on the Đơn vị screen) typed with the keyboard only
 * (dates as text, plan items chosen by typing without accents), a duplicate flagged before
 * saving, validation beside the field, search without accents, delete + undo, delete + restore
 * from the trash, purge with confirmation, and everything kept after a reload.
 */
import type { Locator, Page } from '@playwright/test';
import { currentPeriod, isoDateOf, nextDay, type PeriodConfig } from '@domain/periods';
import { collectPageErrors, expect, openApp, reloadApp, shot, test } from './fixtures';

const ND09: PeriodConfig = { kinds: ['half', 'year'], halfEnd: { day: 14, month: 6 }, yearEnd: { day: 14, month: 12 } };
const period = currentPeriod(ND09, isoDateOf(new Date()), 'half');

/** The k-th day of the selected (current) period as [day, month, year]. */
function dayOfPeriod(k: number): [number, number, number] {
  let d = period.start;
  for (let i = 0; i < k; i++) d = nextDay(d);
  const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
  return [dd, m, y];
}
const pad = (n: number) => String(n).padStart(2, '0');
/** "5/3/2025", "05-03-2025", "05/03/2025": the ways officers type dates. */
const slashShort = ([d, m, y]: [number, number, number]) => `${d}/${m}/${y}`;
const dashed = ([d, m, y]: [number, number, number]) => `${pad(d)}-${pad(m)}-${y}`;
const shown = ([d, m, y]: [number, number, number]) => `${pad(d)}/${pad(m)}/${y}`;

const DAY1 = dayOfPeriod(1);
const DAY2 = dayOfPeriod(2);
const DAY3 = dayOfPeriod(4);

const OWN = 'LĐLĐ huyện Dương Minh Châu';
const HOA_THANH = 'CĐCS Công ty May Hòa Thành';
const PHUOC_MINH = 'CĐCS Trường THCS Phước Minh';

/** The district's directory: two grassroots unions added on the Đơn vị screen. */
async function addUnits(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: 'Đơn vị' }).click();
  for (const [name, code] of [
    [HOA_THANH, 'CDCS-HOATHANH'],
    [PHUOC_MINH, 'CDCS-PHUOCMINH'],
  ] as const) {
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    const dialog = page.getByRole('form', { name: 'Thêm đơn vị' });
    await dialog.getByLabel('Tên đơn vị').fill(name);
    await dialog.getByLabel('Mã đơn vị').fill(code);
    await dialog.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await expect(dialog).toBeHidden();
  }
}

async function goToLog(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('button', { name: 'Nhật ký' }).click();
  await expect(page.getByRole('heading', { name: 'Nhật ký hoạt động' })).toBeVisible();
}

function form(page: Page): Locator {
  return page.getByRole('form', { name: /hoạt động$/ });
}

/** Moves a focused <select> to the option with this label using only arrow keys. */
async function chooseWithArrows(select: Locator, label: string | RegExp): Promise<void> {
  await expect(select).toBeFocused();
  const { current, target } = await select.evaluate(
    (el, want) => {
      const s = el as HTMLSelectElement;
      const labels = Array.from(s.options).map((o) => o.label);
      const re = want.regex ? new RegExp(want.source) : null;
      return { current: s.selectedIndex, target: labels.findIndex((l) => (re ? re.test(l) : l === want.source)) };
    },
    typeof label === 'string' ? { source: label, regex: false } : { source: label.source, regex: true },
  );
  expect(target, `option ${String(label)}`).toBeGreaterThanOrEqual(0);
  const key = target > current ? 'ArrowDown' : 'ArrowUp';
  for (let i = 0; i < Math.abs(target - current); i++) await select.press(key);
  await expect(select.locator('option:checked')).toHaveText(label);
}

/**
 * Chooses a unit in the focused "Đơn vị" combobox from the keyboard: its name typed, the
 * highlighted match taken with Enter.
 */
async function chooseUnit(page: Page, box: Locator, name: string): Promise<void> {
  await expect(box).toBeFocused();
  await page.keyboard.type(name);
  const listbox = page.getByRole('listbox', { name: 'Đơn vị phù hợp' });
  await expect(listbox.getByRole('option', { selected: true })).toHaveText(name);
  await page.keyboard.press('Enter');
  await expect(box).toHaveValue(name);
  await expect(listbox).toBeHidden();
}

/** Chooses a unit in the list's filter: part of its name typed, the match clicked. */
async function filterByUnit(page: Page, label: string): Promise<void> {
  const box = page.getByRole('group', { name: 'Lọc hoạt động' }).getByRole('combobox', { name: 'Đơn vị' });
  await box.fill(label);
  await page.getByRole('listbox', { name: 'Đơn vị phù hợp' }).getByRole('option', { name: label, exact: true }).click();
  await expect(box).toHaveValue(label);
}

/** Types a query into "Nhiệm vụ" and adds the highlighted option with Enter. */
async function addItem(page: Page, query: string, expectedId: string, shotName?: string): Promise<void> {
  const combo = form(page).getByRole('combobox', { name: 'Nhiệm vụ' });
  await expect(combo).toBeFocused();
  await page.keyboard.type(query);
  const listbox = page.getByRole('listbox', { name: 'Nhiệm vụ phù hợp' });
  await expect(listbox).toBeVisible();
  await expect(listbox.getByRole('option', { selected: true })).toContainText(expectedId);
  if (shotName) await shot(page, shotName);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Nhiệm vụ đã chọn' })).toContainText(expectedId);
  await expect(combo).toHaveValue('');
}

/** The row whose Tiêu đề cell is exactly this title. */
function rowOf(table: Locator, title: string): Locator {
  return table.getByRole('row').filter({ has: table.page().getByRole('cell', { name: title, exact: true }) });
}

interface Entry {
  date: string;
  unit?: string;
  items: [query: string, id: string][];
  type: string;
  title: string;
  participants?: string;
  indicators?: [label: string, value: string][];
  /** Screenshot name taken while the item options are open. */
  comboShot?: string;
}

/**
 * Fills the form from Ngày onward with the keyboard only (Tab between fields); expects focus
 * on Ngày with its text selected, as after a save.
 */
async function typeEntry(page: Page, e: Entry): Promise<void> {
  const f = form(page);
  const date = f.getByLabel('Ngày', { exact: true });
  await expect(date).toBeFocused();
  await page.keyboard.type(e.date); // replaces the selected date
  await page.keyboard.press('Tab');
  // "Đơn vị" is a combobox only when there is more than one unit to choose (else its name is
  // shown as text, and Tab goes from Ngày straight to Nhiệm vụ).
  const unitBox = f.getByRole('combobox', { name: 'Đơn vị', exact: true });
  if (e.unit || (await unitBox.count()) > 0) {
    if (e.unit) await chooseUnit(page, unitBox, e.unit); // fails when there is no combobox
    await page.keyboard.press('Tab');
  }
  for (const [q, id] of e.items) await addItem(page, q, id, e.comboShot);
  await page.keyboard.press('Tab');
  await chooseWithArrows(f.getByLabel('Loại hoạt động'), e.type);
  await page.keyboard.press('Tab');
  await expect(f.getByLabel('Tiêu đề')).toBeFocused();
  await page.keyboard.type(e.title);
  await page.keyboard.press('Tab'); // Nội dung
  await page.keyboard.press('Tab'); // Địa điểm
  await page.keyboard.press('Tab'); // Số lượt người
  await expect(f.getByLabel('Số lượt người')).toBeFocused();
  if (e.participants) await page.keyboard.type(e.participants);
  for (const [label, value] of e.indicators ?? []) {
    await f.getByLabel(label, { exact: true }).press('End'); // focus it from the keyboard path
    await page.keyboard.type(value);
  }
}

async function save(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Control+Enter');
  await expect(form(page).getByRole('status')).toHaveText(`Đã lưu «${title}».`);
  await expect(form(page).getByLabel('Ngày', { exact: true })).toBeFocused();
}

const T1 = 'Tuyên truyền kỷ niệm ngày thành lập Công đoàn Việt Nam';
const T2 = 'Đối thoại định kỳ tại Công ty May Hòa Thành';
const T3 = 'Tập huấn kỹ năng cho cán bộ công đoàn cơ sở';
const T4 = 'Đối thoại định kỳ tại Công ty May Hòa Thành lần 2';
const T5 = 'Tư vấn pháp luật lao động cho đoàn viên';

test('a week of activities typed from the keyboard; search, delete + undo, trash, reload', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openApp(page);
  await addUnits(page);
  await goToLog(page);
  const f = form(page);
  const date = f.getByLabel('Ngày', { exact: true });

  // Defaults: today, the own unit; no type used yet.
  await expect(date).toBeFocused();
  await expect(date).toHaveValue(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()));
  await expect(f.getByLabel('Đơn vị', { exact: true })).toHaveValue(OWN);

  // 1. Own unit, date typed d/m/yyyy, item found by typing without accents.
  await typeEntry(page, {
    date: slashShort(DAY1),
    items: [['tuyen truyen ky niem', 'III.1.6']],
    type: 'Tuyên truyền',
    title: T1,
    participants: '120',
    indicators: [['Số cuộc tuyên truyền', '1']],
  });
  await shot(page, 'activities-form');
  await save(page, T1);
  // The form kept date and type, cleared the rest.
  await expect(date).toHaveValue(shown(DAY1));
  await expect(f.getByLabel('Loại hoạt động').locator('option:checked')).toHaveText('Tuyên truyền');
  await expect(f.getByLabel('Tiêu đề')).toHaveValue('');

  // 2. Two items: one by text without accents, one by its id; date typed dd-mm-yyyy.
  await typeEntry(page, {
    date: dashed(DAY2),
    unit: HOA_THANH,
    comboShot: 'activities-item-combobox',
    items: [
      ['doi thoai thuong luong', 'III.2.4'],
      ['iii.2.5', 'III.2.5'],
    ],
    type: 'Đối thoại, thương lượng tập thể',
    title: T2,
    participants: '45',
  });
  await save(page, T2);

  // Validation: a bad date and no item, messages beside the fields, focus on the first.
  await page.keyboard.type('31/02/2025');
  await page.keyboard.press('Control+Enter');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveAccessibleDescription('Ngày: không hợp lệ, tháng 02/2025 chỉ có 28 ngày');
  await expect(f.getByRole('combobox', { name: 'Nhiệm vụ' })).toHaveAccessibleDescription(/Nhiệm vụ: chọn ít nhất một nhiệm vụ/);
  await expect(date).toBeFocused();
  await shot(page, 'activities-validation');
  await page.keyboard.press('Control+a');

  // 3. Training, date typed dd/mm/yyyy.
  await typeEntry(page, {
    date: shown(DAY3),
    unit: PHUOC_MINH,
    items: [['nang cao trinh do ky nang nghe', 'III.3.1']],
    type: 'Tập huấn, bồi dưỡng',
    title: T3,
    participants: '60',
    indicators: [['Lớp tập huấn', '1']],
  });
  await save(page, T3);

  // 4. Same unit, date and title as #2 (typed without accents): flagged before saving.
  await typeEntry(page, {
    date: slashShort(DAY2),
    unit: HOA_THANH,
    items: [['doi thoai', 'III.2.4']],
    type: 'Đối thoại, thương lượng tập thể',
    title: 'doi thoai dinh ky tai cong ty may hoa thanh',
  });
  await page.keyboard.press('Control+Enter');
  const warning = page.getByRole('alertdialog', { name: /Có thể trùng/ });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(`${shown(DAY2)} · ${HOA_THANH} · Đối thoại, thương lượng tập thể · «${T2}»`);
  await expect(warning.getByRole('button', { name: 'Quay lại sửa' })).toBeFocused();
  await shot(page, 'activities-duplicate');
  // Back to the title, correct it, save.
  await page.keyboard.press('Enter');
  await expect(warning).toBeHidden();
  await expect(f.getByLabel('Tiêu đề')).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(T4);
  await save(page, T4);

  // 5. Legal advice.
  await typeEntry(page, {
    date: slashShort(DAY3),
    unit: OWN,
    items: [['tu van phap luat', 'III.2.5']],
    type: 'Tư vấn pháp luật',
    title: T5,
    participants: '30',
  });
  await save(page, T5);

  // The list: five activities of the period, newest first.
  await expect(page.getByRole('status').filter({ hasText: /hoạt động$/ })).toHaveText('5 hoạt động');
  const table = page.getByRole('table', { name: 'Danh sách hoạt động' });
  await expect(table.getByRole('row')).toHaveCount(6);
  await expect(table.getByRole('row').nth(1)).toContainText(shown(DAY3));
  await expect(rowOf(table, T2)).toContainText('III.2.4, III.2.5');
  await expect(rowOf(table, T2)).toContainText(HOA_THANH);
  await expect(rowOf(table, T3)).toContainText(PHUOC_MINH);
  await expect(rowOf(table, T5)).toContainText(OWN);
  // Filter by unit.
  await filterByUnit(page, HOA_THANH);
  await expect(table.getByRole('row')).toHaveCount(3);
  await filterByUnit(page, 'Tất cả');
  await shot(page, 'activities-list');

  // Sort by title (Vietnamese order), then back to date.
  const titleHeader = table.getByRole('columnheader', { name: 'Tiêu đề' });
  await titleHeader.getByRole('button').click();
  await expect(titleHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.getByRole('row').nth(1)).toContainText(T2);
  await table.getByRole('columnheader', { name: /Ngày/ }).getByRole('button').click();

  // Find one by searching without accents.
  const search = page.getByLabel('Tìm hoạt động');
  await search.fill('tap huan ky nang');
  await expect(page.getByRole('status').filter({ hasText: /hoạt động$/ })).toHaveText('1 hoạt động');
  const row3 = rowOf(table, T3);
  await expect(row3).toBeVisible();
  await expect(row3.locator('mark').first()).toHaveText('Tập huấn kỹ năng');
  await shot(page, 'activities-search');

  // Delete it, undo with the toast's button.
  await row3.getByRole('button', { name: /^Xóa/ }).click();
  const toast = page.getByRole('status').filter({ hasText: 'Đã xóa' });
  await expect(toast).toContainText(`Đã xóa «${T3}».`);
  await expect(page.getByRole('status').filter({ hasText: /hoạt động$/ })).toHaveText('0 hoạt động');
  await toast.getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(row3).toBeVisible();
  await expect(toast).toBeHidden();

  // Delete another, undo with Ctrl+Z.
  await search.fill('');
  await expect(table.getByRole('row')).toHaveCount(6);
  await rowOf(table, T5).getByRole('button', { name: /^Xóa/ }).click();
  await expect(table.getByRole('row')).toHaveCount(5);
  await page.keyboard.press('Control+z');
  await expect(table.getByRole('row')).toHaveCount(6);

  // Delete, switch to another screen and back: the undo offer is still there (same 10 s from the
  // delete), and «Hoàn tác» restores the activity.
  const nav = page.getByRole('navigation', { name: 'Chức năng' });
  await rowOf(table, T2).getByRole('button', { name: /^Xóa/ }).click();
  await expect(toast).toContainText(`Đã xóa «${T2}».`);
  await expect(table.getByRole('row')).toHaveCount(5);
  await nav.getByRole('button', { name: 'Đơn vị' }).click();
  await expect(page.getByRole('heading', { name: 'Đơn vị trực thuộc', level: 1 })).toBeVisible();
  await expect(toast).toBeHidden();
  await goToLog(page);
  await expect(toast).toContainText(`Đã xóa «${T2}».`);
  await expect(page.getByRole('button', { name: 'Thùng rác (1)' })).toBeVisible();
  await shot(page, 'activities-undo-after-switch');
  await toast.getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(toast).toBeHidden();
  await expect(rowOf(table, T2)).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(6);
  await expect(page.getByRole('button', { name: 'Thùng rác (0)' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `Đã khôi phục «${T2}».` })).toBeAttached();

  // Away longer than the offer lasts: back on the log, no toast, Ctrl+Z does nothing; the
  // activity waits in the trash.
  await rowOf(table, T4).getByRole('button', { name: /^Xóa/ }).click();
  const deletedAt = Date.now();
  await expect(toast).toContainText(`Đã xóa «${T4}».`);
  await nav.getByRole('button', { name: 'Đơn vị' }).click();
  await expect(page.getByRole('heading', { name: 'Đơn vị trực thuộc', level: 1 })).toBeVisible();
  await page.waitForTimeout(Math.max(0, deletedAt + 10_500 - Date.now()));
  await goToLog(page);
  await expect(page.getByRole('button', { name: 'Thùng rác (1)' })).toBeVisible();
  await expect(toast).toHaveCount(0);
  await page.locator('body').press('Control+z');
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(page.getByRole('button', { name: 'Thùng rác (1)' })).toBeVisible();
  await page.getByRole('button', { name: 'Thùng rác (1)' }).click();
  await rowOf(page.getByRole('table', { name: 'Thùng rác' }), T4).getByRole('button', { name: /^Khôi phục/ }).click();
  await expect(page.getByRole('button', { name: 'Thùng rác (0)' })).toBeVisible();
  await page.getByRole('button', { name: 'Danh sách' }).click();
  await expect(table.getByRole('row')).toHaveCount(6);

  // Delete one more and restore it from the trash.
  await rowOf(table, T1).getByRole('button', { name: /^Xóa/ }).click();
  await expect(table.getByRole('row')).toHaveCount(5);
  await page.getByRole('button', { name: 'Thùng rác (1)' }).click();
  const trash = page.getByRole('table', { name: 'Thùng rác' });
  await expect(rowOf(trash, T1)).toBeVisible();
  await shot(page, 'activities-trash');
  await rowOf(trash, T1).getByRole('button', { name: /^Khôi phục/ }).click();
  await expect(page.getByRole('button', { name: 'Thùng rác (0)' })).toBeVisible();
  await page.getByRole('button', { name: 'Danh sách' }).click();
  await expect(table.getByRole('row')).toHaveCount(6);

  // No horizontal scroll at 1366×768.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);

  // Reload: all five kept, the type used last is the new default.
  await reloadApp(page);
  await expect(page.getByRole('heading', { name: 'Nhật ký hoạt động' })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(6);
  for (const t of [T1, T2, T3, T4, T5]) await expect(rowOf(table, t)).toHaveCount(1);
  await expect(rowOf(table, T4)).toContainText(HOA_THANH);
  await expect(f.getByLabel('Loại hoạt động').locator('option:checked')).toHaveText('Tư vấn pháp luật');
  expect(errors).toEqual([]);
});

test('edit from the list; purge from the trash asks first', async ({ page }) => {
  await openApp(page);
  await goToLog(page);
  await typeEntry(page, {
    date: slashShort(DAY1),
    items: [['bao cao ket qua', 'IV.3']],
    type: 'Khác',
    title: 'Báo cáo sơ kết',
  });
  await save(page, 'Báo cáo sơ kết');
  const table = page.getByRole('table', { name: 'Danh sách hoạt động' });
  await rowOf(table, 'Báo cáo sơ kết').getByRole('button', { name: /^Sửa/ }).click();
  const f = form(page);
  await expect(f.getByRole('heading', { name: 'Sửa hoạt động' })).toBeVisible();
  await expect(f.getByLabel('Tiêu đề')).toHaveValue('Báo cáo sơ kết');
  await f.getByLabel('Tiêu đề').fill('Báo cáo sơ kết 6 tháng');
  await page.keyboard.press('Control+Enter');
  await expect(f.getByRole('heading', { name: 'Ghi hoạt động' })).toBeVisible();
  await expect(rowOf(table, 'Báo cáo sơ kết 6 tháng')).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);

  await rowOf(table, 'Báo cáo sơ kết 6 tháng').getByRole('button', { name: /^Xóa/ }).click();
  await page.getByRole('button', { name: 'Thùng rác (1)' }).click();
  const trash = page.getByRole('table', { name: 'Thùng rác' });
  await trash.getByRole('button', { name: /^Xóa vĩnh viễn/ }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Xóa vĩnh viễn hoạt động?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Hủy' })).toBeFocused();
  await shot(page, 'activities-purge-confirm');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(trash.getByRole('row')).toHaveCount(2);
  await trash.getByRole('button', { name: /^Xóa vĩnh viễn/ }).click();
  await dialog.getByRole('button', { name: 'Xóa vĩnh viễn' }).click();
  await expect(page.getByRole('button', { name: 'Thùng rác (0)' })).toBeVisible();
  await reloadApp(page);
  await expect(page.getByRole('button', { name: 'Thùng rác (0)' })).toBeVisible();
});
