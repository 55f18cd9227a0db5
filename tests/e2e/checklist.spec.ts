/**
 * The checklist as an officer uses it: find an item by searching without accents, mark it done
 * with a note, reload, see progress; statuses are per period; settings change the periods.
 */
import builtin from '../../resources/plans/ke-hoach-63-KH-LDLD.json';
import { currentPeriod, defaultPeriod, isoDateOf, periodOf, periodRangeVn, type PeriodConfig } from '@domain/periods';
import type { ParsedPlan, PlanNode } from '@domain/plan-types';
import { matchesQuery } from '@domain/vn-text';
import { collectPageErrors, expect, openPlan, reloadApp, shot, test } from './fixtures';

const plan = builtin.plan as ParsedPlan;
const ND09: PeriodConfig = { kinds: ['half', 'year'], halfEnd: { day: 14, month: 6 }, yearEnd: { day: 14, month: 12 } };
const today = isoDateOf(new Date());
const h1 = currentPeriod(ND09, today, 'half');
const year = currentPeriod(ND09, today, 'year');
/** The period the app opens on: the shortest one containing today (the year in December). */
const due = defaultPeriod(ND09, today);

function leaves(nodes: readonly PlanNode[]): PlanNode[] {
  return nodes.flatMap((n) => [...(n.kind === 'item' || n.kind === 'subitem' ? [n] : []), ...leaves(n.children)]);
}
const matchCount = (q: string) => leaves(plan.sections).filter((n) => matchesQuery(n.text, q)).length;

const REPORT_ITEM = /IV\.3 Báo cáo kết quả thực hiện về Liên đoàn Lao động tỉnh/;
const NOTE = 'Đã gửi báo cáo 6 tháng đúng hạn, đủ số liệu của 42 CĐCS';
const EVIDENCE = 'Báo cáo số 12/BC-LĐLĐ; bao-cao-6-thang.docx';

test('the built-in plan opens with its header, sections and zero progress', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openPlan(page);
  await expect(page.getByText('Sổ Kế hoạch Công đoàn', { exact: true })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('LĐLĐ huyện Dương Minh Châu');
  await expect(page.getByText('Số: 63/KH-LĐLĐ')).toBeVisible();
  await expect(page.getByTestId('period-range')).toHaveText(periodRangeVn(due));
  await expect(page.getByRole('region', { name: 'Tiến độ chung' })).toContainText('0/28 đã hoàn thành (0%)');
  // I and II are read, not tracked: closed at first, their text one click away.
  const sectionI = page.getByRole('button', { name: 'I. MỤC ĐÍCH, YÊU CẦU' });
  await expect(sectionI).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('button', { name: 'III. NHIỆM VỤ VÀ GIẢI PHÁP' })).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('group', { name: /^III\.1\.1 / }).getByLabel('Trạng thái')).toHaveValue('chua');
  await shot(page, 'checklist');
  await sectionI.click();
  await expect(sectionI).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByText(/Nhằm cụ thể hóa Chương trình hành động số 01-CTHĐ\/ĐĐTLĐ/)).toBeVisible();
  await page.getByRole('button', { name: /^1\. Tăng cường tuyên truyền/ }).click();
  await expect(page.getByRole('group', { name: /^III\.1\.1 / })).toHaveCount(0);
  await page.mouse.wheel(0, 900);
  await shot(page, 'checklist-scrolled');
  // No horizontal scroll at 1366×768.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
  expect(errors).toEqual([]);
});

test('search "bao cao", mark IV.3 done with a note, reload: still done, progress updated', async ({ page }) => {
  await openPlan(page);
  const search = page.getByLabel('Tìm trong kế hoạch');
  await search.fill('bao cao');
  const expected = matchCount('bao cao');
  expect(expected).toBeGreaterThan(0);
  await expect(page.getByText(`Tìm thấy ${expected} nội dung`)).toBeVisible();
  await expect(page.getByRole('group', { name: /^[IV]+\.\d/ })).toHaveCount(
    leaves(plan.sections).filter((n) => n.trackable && matchesQuery(n.text, 'bao cao')).length,
  );
  const item = page.getByRole('group', { name: REPORT_ITEM });
  await expect(item).toBeVisible();
  await expect(item.locator('mark').first()).toHaveText('Báo cáo');
  // Items that do not match are hidden.
  await expect(page.getByRole('group', { name: /^III\.1\.1 / })).toHaveCount(0);
  await shot(page, 'checklist-search');

  await item.getByLabel('Trạng thái').selectOption({ label: 'Đã hoàn thành' });
  await expect(item.getByText('Đã lưu')).toBeVisible();
  await item.getByLabel('Đánh giá').fill(NOTE);
  await item.getByLabel('Minh chứng (số văn bản, tên tệp)').fill(EVIDENCE);
  await item.getByLabel('Minh chứng (số văn bản, tên tệp)').press('Tab');
  await expect(item.getByText('Đã lưu')).toBeVisible();
  await expect(page.getByRole('heading', { name: /^IV\. TỔ CHỨC THỰC HIỆN/ })).toContainText('1/3 đã hoàn thành (33%)');
  await shot(page, 'checklist-marked');

  await reloadApp(page);
  await expect(page.getByLabel('Tìm trong kế hoạch')).toHaveValue('');
  const again = page.getByRole('group', { name: REPORT_ITEM });
  await expect(again.getByLabel('Trạng thái')).toHaveValue('xong');
  await expect(again.getByLabel('Đánh giá')).toHaveValue(NOTE);
  await expect(again.getByLabel('Minh chứng (số văn bản, tên tệp)')).toHaveValue(EVIDENCE);
  await expect(page.getByRole('heading', { name: /^IV\. TỔ CHỨC THỰC HIỆN/ })).toContainText('1/3 đã hoàn thành (33%)');
  await expect(page.getByRole('heading', { name: /^III\. NHIỆM VỤ VÀ GIẢI PHÁP/ })).toContainText('0/25 đã hoàn thành (0%)');
  const overall = page.getByRole('region', { name: 'Tiến độ chung' });
  await expect(overall).toContainText('1/28 đã hoàn thành (4%)');
  await expect(overall).toContainText('Chưa thực hiện: 27');

  // A second item in a task group: the group's and the overall numbers move together.
  const g2 = page.getByRole('group', { name: /^III\.2\.4 / });
  await g2.getByLabel('Trạng thái').selectOption({ label: 'Không áp dụng' });
  await expect(page.getByRole('heading', { name: /^2\. Tham gia xây dựng/ })).toContainText('0/5 đã hoàn thành (0%)');
  await expect(overall).toContainText('1/27 đã hoàn thành (4%)');
  await page.getByRole('group', { name: /^III\.2\.1 / }).getByLabel('Trạng thái').selectOption({ label: 'Đã hoàn thành' });
  await expect(page.getByRole('heading', { name: /^2\. Tham gia xây dựng/ })).toContainText('1/5 đã hoàn thành (20%)');
  await expect(overall).toContainText('2/27 đã hoàn thành (7%)');
});

test('statuses are kept per period', async ({ page }) => {
  await openPlan(page);
  const item = () => page.getByRole('group', { name: REPORT_ITEM });
  await page.getByLabel('Kỳ báo cáo').selectOption({ label: '6 tháng đầu năm' });
  await expect(page.getByTestId('period-range')).toHaveText(periodRangeVn(h1));
  await item().getByLabel('Trạng thái').selectOption({ label: 'Đã hoàn thành' });
  await expect(item().getByText('Đã lưu')).toBeVisible();

  await page.getByLabel('Kỳ báo cáo').selectOption({ label: 'Năm' });
  await expect(page.getByTestId('period-range')).toHaveText(periodRangeVn(year));
  await expect(item().getByLabel('Trạng thái')).toHaveValue('chua');
  await expect(page.getByRole('region', { name: 'Tiến độ chung' })).toContainText(`Năm ${year.year}: 0/28 đã hoàn thành (0%)`);
  await item().getByLabel('Trạng thái').selectOption({ label: 'Đang thực hiện' });
  await expect(page.getByRole('region', { name: 'Tiến độ chung' })).toContainText('Đang thực hiện: 1');
  await shot(page, 'checklist-year');

  // The previous year's first half holds nothing.
  await page.getByLabel('Kỳ báo cáo').selectOption({ label: '6 tháng đầu năm' });
  await page.getByLabel('Năm', { exact: true }).selectOption(String(h1.year - 1));
  await expect(page.getByTestId('period-range')).toHaveText(periodRangeVn(periodOf(ND09, { kind: 'half', year: h1.year - 1 })));
  await expect(item().getByLabel('Trạng thái')).toHaveValue('chua');

  await page.getByLabel('Năm', { exact: true }).selectOption(String(h1.year));
  await expect(item().getByLabel('Trạng thái')).toHaveValue('xong');
  await reloadApp(page);
  // After a reload the app opens on the period that is due again; both statuses are kept.
  await expect(page.getByLabel('Kỳ báo cáo')).toHaveValue(due.kind);
  await page.getByLabel('Kỳ báo cáo').selectOption({ label: '6 tháng đầu năm' });
  await expect(item().getByLabel('Trạng thái')).toHaveValue('xong');
  await page.getByLabel('Kỳ báo cáo').selectOption({ label: 'Năm' });
  await expect(item().getByLabel('Trạng thái')).toHaveValue('dang');
});

test('search ignores accents, NFD input and đ; keyboard: Ctrl+F and / focus it, Esc clears', async ({ page }) => {
  await openPlan(page);
  const search = page.getByLabel('Tìm trong kế hoạch');
  const nfd = 'Báo cáo kết quả'.normalize('NFD');
  expect(nfd).not.toBe('Báo cáo kết quả');
  await search.fill(nfd);
  const n = matchCount('bao cao ket qua');
  await expect(page.getByText(`Tìm thấy ${n} nội dung`)).toBeVisible();
  await expect(page.getByRole('group', { name: REPORT_ITEM })).toBeVisible();

  await search.fill('doan vien');
  await expect(page.getByText(`Tìm thấy ${matchCount('đoàn viên')} nội dung`)).toBeVisible();
  await expect(page.locator('mark').first()).toHaveText(/^đoàn viên$/i);

  await search.fill('xyzzy không có');
  await expect(page.getByText('Không tìm thấy nội dung nào')).toBeVisible();

  await search.press('Escape');
  await expect(search).toHaveValue('');
  await expect(page.getByRole('button', { name: 'III. NHIỆM VỤ VÀ GIẢI PHÁP' })).toBeVisible();

  await page.getByRole('heading', { name: /^IV\. TỔ CHỨC/ }).click();
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await page.getByRole('button', { name: 'Mở tất cả' }).focus();
  await page.keyboard.press('Control+f');
  await expect(search).toBeFocused();
});

test('settings: own unit and the plan’s cut-offs, with Vietnamese validation', async ({ page }) => {
  await openPlan(page);
  await page.getByRole('button', { name: 'Cài đặt' }).click();
  await expect(page.getByRole('heading', { name: 'Cài đặt' })).toBeVisible();
  await shot(page, 'settings');

  // A half cut-off that does not exist, then one after the year cut-off.
  const half = page.getByRole('group', { name: 'Ngày chốt số liệu 6 tháng' });
  await half.getByLabel('Ngày').fill('31');
  await expect(half.getByText('Ngày chốt số liệu 6 tháng: tháng 6 chỉ có từ ngày 1 đến ngày 30.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lưu kỳ báo cáo' })).toBeDisabled();
  await half.getByLabel('Ngày').fill('20');
  await half.getByLabel('Tháng').fill('12');
  await expect(half.getByText('Ngày chốt 6 tháng (20/12) phải trước ngày chốt năm (14/12).')).toBeVisible();
  await shot(page, 'settings-invalid');

  await page.getByLabel('01/01–30/06 và 01/01–31/12').check();
  await expect(page.getByText(`6 tháng đầu năm ${h1.year}: 01/01/${h1.year} – 30/06/${h1.year}`)).toBeVisible();
  await page.getByRole('button', { name: 'Lưu kỳ báo cáo' }).click();
  await expect(page.getByText('✓ Đã lưu')).toBeVisible();

  const unitForm = page.getByRole('form', { name: 'Đơn vị của tôi' });
  await unitForm.getByLabel('Tên đơn vị').fill('');
  await unitForm.getByRole('button', { name: 'Lưu thông tin đơn vị' }).click();
  await expect(unitForm.getByText('Nhập tên đơn vị.')).toBeVisible();
  await unitForm.getByLabel('Cấp đơn vị').selectOption({ label: 'Công đoàn cơ sở (CĐCS)' });
  await unitForm.getByLabel('Tên đơn vị').fill('Công đoàn cơ sở Công ty TNHH Giày Đông Hải');
  await unitForm.getByLabel('Mã đơn vị').fill('CDCS-DONGHAI');
  await unitForm.getByLabel('Cơ quan cấp trên').fill('LĐLĐ huyện Dương Minh Châu');
  await unitForm.getByRole('button', { name: 'Lưu thông tin đơn vị' }).click();
  await expect(page.getByRole('banner')).toContainText('Công đoàn cơ sở Công ty TNHH Giày Đông Hải');

  await reloadApp(page);
  await expect(page.getByRole('heading', { name: 'Cài đặt' })).toBeVisible();
  await expect(page.getByLabel('01/01–30/06 và 01/01–31/12')).toBeChecked();
  await page.getByRole('button', { name: 'Kế hoạch' }).click();
  // The due period under the new cut-offs (01/01–30/06 and 01/01–31/12).
  const calendar: PeriodConfig = { kinds: ['half', 'year'], halfEnd: { day: 30, month: 6 }, yearEnd: { day: 31, month: 12 } };
  await expect(page.getByTestId('period-range')).toHaveText(periodRangeVn(defaultPeriod(calendar, today)));
});

test('"Thêm kế hoạch" opens the import dialog', async ({ page }) => {
  await openPlan(page);
  await page.getByRole('button', { name: 'Thêm kế hoạch' }).click();
  await expect(page.getByRole('dialog', { name: 'Thêm kế hoạch' })).toBeVisible();
});
