/**
 * Units and periods as they are in real life, as people use the app (serial parts sharing
 * state; every installation is a browser context of its own, its clock on 04/12/2026):
 *   a. the district (LĐLĐ huyện Dương Minh Châu) creates its four CĐCS and exports their
 *      «Tệp thiết lập»;
 *   b. three CĐCS set themselves up from those files, log an activity and export their report;
 *   c. the fourth sets itself up by hand with a code of its own: the district's preview asks
 *      «Đây là đơn vị CDCS-0004 …?», one click links it, and its next file matches by itself;
 *   d. in December the app opens on the yearly period; the 6 months are labelled as ended; an
 *      activity saved outside the period shown is announced, with a click to show it;
 *   e. a province with the district, a công đoàn ngành and a CĐCS directly under it (each set up
 *      from the province's identity file) consolidates them, and a CĐCS file of the district
 *      imported directly as well is counted once: in the log, the consolidation and its export.
 */
import type { Browser, BrowserContext, Page, TestInfo } from '@playwright/test';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { DEFAULT_PERIOD_CONFIG, periodOf } from '@domain/periods';
import { chooseReportFiles, exportUnitReport, fileCard, logActivities, nav, newAppContext, setUpAs } from './district-flow/app';
import { tableOf } from './district-flow/consolidated';
import type { LoggedActivity } from './district-flow/ledger';
import { collectPageErrors, expect, openAppFresh, shot, test } from './fixtures';

/** Today in every installation: 04/12/2026, 9:00 in Vietnam. */
const TODAY = new Date('2026-12-04T09:00:00+07:00');
const YEAR = periodOf(DEFAULT_PERIOD_CONFIG, { kind: 'year', year: 2026 });
const DIR = resolve(process.cwd(), 'test-results', 'workbooks', 'unit-identity');

const DISTRICT = { level: 'district' as const, name: 'LĐLĐ huyện Dương Minh Châu', code: 'LDLD-DMC', parentName: 'LĐLĐ tỉnh Tây Ninh' };
const CDCS = [
  { code: 'CDCS-0001', name: 'CĐCS Công ty TNHH Hòa Bình' },
  { code: 'CDCS-0002', name: 'CĐCS Trường THCS Suối Đá' },
  { code: 'CDCS-0003', name: 'CĐCS Trạm Y tế xã Phan' },
  { code: 'CDCS-0004', name: 'CĐCS UBND xã Bàu Năng' },
] as const;

const activity = (title: string, date = '2026-11-20'): LoggedActivity => ({
  date,
  itemIds: ['III.1.1'],
  type: 'propaganda',
  typeLabel: 'Tuyên truyền',
  title,
  participants: 20,
  indicators: {},
});

interface Installation {
  context: BrowserContext;
  page: Page;
}

let district: Installation | null = null;
let allUnitsFile = '';
let oneUnitFile = '';
const reports = new Map<string, string>();
let handUnit: Installation | null = null;

async function installation(browser: Browser, testInfo: TestInfo): Promise<Installation> {
  const context = await newAppContext(browser, testInfo);
  await context.clock.install({ time: TODAY });
  const page = await context.newPage();
  return { context, page };
}

/** Runs `click`, waits for the download it starts, keeps the file under DIR; returns its path. */
async function downloaded(page: Page, click: () => Promise<void>, as?: string): Promise<string> {
  const wait = page.waitForEvent('download');
  await click();
  const d = await wait;
  const path = join(DIR, as ?? d.suggestedFilename());
  writeFileSync(path, readFileSync(await d.path()));
  return path;
}

/** On «Đơn vị»: «Thêm đơn vị» by hand; returns the code the app gave (or kept). */
async function addUnit(page: Page, u: { name: string; code?: string; kind?: string; expectCode?: string }): Promise<string> {
  await nav(page, 'Đơn vị').click();
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' });
  if (u.kind) await dialog.getByLabel('Cấp, loại đơn vị').selectOption({ label: u.kind });
  // The hint names the exact code that will be made.
  if (u.expectCode) await expect(dialog.getByText(`Để trống: ứng dụng tự tạo mã ${u.expectCode}.`)).toBeVisible();
  await dialog.getByLabel('Tên đơn vị').fill(u.name);
  if (u.code) await dialog.getByLabel('Mã đơn vị').fill(u.code);
  await dialog.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await expect(dialog).toHaveCount(0);
  const notice = page.getByText(new RegExp(`^Đã thêm: ${u.name} \\(`));
  await expect(notice).toBeVisible();
  return /\(([^)]+)\)$/.exec((await notice.textContent()) ?? '')![1]!;
}

/** First run from an identity file: «Mở tệp thiết lập…», the unit chosen when the file holds several. */
async function setUpFromFile(page: Page, path: string, unit: { code: string; name: string } | null): Promise<void> {
  await openAppFresh(page);
  const form = page.getByRole('form', { name: 'Thiết lập ban đầu' });
  const chooser = page.waitForEvent('filechooser');
  await form.getByRole('button', { name: 'Mở tệp thiết lập…' }).click();
  await (await chooser).setFiles(path);
  if (unit) await form.getByLabel('Đơn vị của máy này').selectOption({ label: `${unit.name} (${unit.code})` });
  await expect(form.getByRole('status')).toContainText('Đã đọc tệp thiết lập của');
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
});

test.afterAll(async () => {
  await district?.context.close();
  await handUnit?.context.close();
});

test('a. the district creates its units and hands each its identity file', async ({ browser }, testInfo) => {
  district = await installation(browser, testInfo);
  const { page } = district;
  const errors = collectPageErrors(page);
  await setUpAs(page, DISTRICT);
  for (const [i, u] of CDCS.entries()) {
    expect(await addUnit(page, { name: u.name, expectCode: `CDCS-000${i + 1}` })).toBe(u.code);
  }
  // A second unit of a name already listed is asked about first, and not added without a yes.
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' });
  await dialog.getByLabel('Tên đơn vị').fill('Công đoàn cơ sở Ủy ban nhân dân xã Bàu Năng');
  await dialog.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Đã có đơn vị cùng tên: «CĐCS UBND xã Bàu Năng» (CDCS-0004)');
  await expect(dialog.getByRole('button', { name: 'Vẫn thêm đơn vị mới' })).toBeVisible();
  await shot(page, 'unit-identity-same-name');
  await dialog.getByRole('button', { name: 'Không thêm' }).click();
  await expect(page.getByTestId('unit-counts')).toHaveText('4 đơn vị: 4 đang hoạt động, 0 ngừng hoạt động');

  allUnitsFile = await downloaded(page, () => page.getByRole('button', { name: 'Xuất tệp thiết lập cho tất cả' }).click());
  expect(allUnitsFile.endsWith('ThietLap_LDLD-DMC_tat-ca.json')).toBe(true);
  await expect(page.getByText('Đã xuất tệp thiết lập ThietLap_LDLD-DMC_tat-ca.json (4 đơn vị)')).toBeVisible();
  oneUnitFile = await downloaded(page, () => page.getByRole('button', { name: `Tệp thiết lập cho ${CDCS[2].name}` }).click());
  expect(oneUnitFile.endsWith('ThietLap_CDCS-0003.json')).toBe(true);
  await shot(page, 'unit-identity-district-units');
  expect(JSON.parse(readFileSync(oneUnitFile, 'utf8'))).toMatchObject({
    format: 'so-ke-hoach-cong-doan/thiet-lap',
    issuer: { code: 'LDLD-DMC', name: DISTRICT.name },
    units: [{ code: 'CDCS-0003', name: CDCS[2].name, level: 'grassroots', parentCode: 'LDLD-DMC', parentName: DISTRICT.name }],
  });
  expect(errors).toEqual([]);
});

test('b. three CĐCS set up from the district\'s identity file, each in its own installation', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  for (const [i, u] of CDCS.slice(0, 3).entries()) {
    const { context, page } = await installation(browser, testInfo);
    // The third has its own file; the first two take theirs from the file of all four.
    await setUpFromFile(page, i === 2 ? oneUnitFile : allUnitsFile, i === 2 ? null : u);
    const form = page.getByRole('form', { name: 'Thiết lập ban đầu' });
    await expect(form.getByLabel('Tên đơn vị')).toHaveValue(u.name);
    await expect(form.getByLabel('Mã đơn vị')).toHaveValue(u.code);
    await expect(form.getByLabel('Mã đơn vị')).toHaveAttribute('readonly', '');
    await expect(form.getByLabel('Tên cơ quan cấp trên')).toHaveValue(DISTRICT.name);
    await expect(form.getByLabel('Cấp', { exact: true })).toHaveValue('cdcs');
    if (i === 0) await shot(page, 'unit-identity-setup-from-file');
    await form.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
    await expect(page.getByRole('banner')).toContainText(u.name);
    await logActivities(page, [activity(`Tuyên truyền pháp luật tại ${u.name}`)]);
    const r = await exportUnitReport(page, YEAR, 'Cán bộ công đoàn');
    expect(r.fileName).toBe(`BaoCao_63-KH-LDLD_${u.code}_Nam-2026.xlsx`);
    const path = join(DIR, r.fileName);
    writeFileSync(path, r.bytes);
    reports.set(u.code, path);
    await context.close();
  }
});

test('c. a CĐCS set up by hand with another code is linked in the preview with one click; its next file matches by itself', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  handUnit = await installation(browser, testInfo);
  await setUpAs(handUnit.page, { level: 'grassroots', name: 'Công đoàn cơ sở UBND xã Bàu Năng', code: 'CUXBN', parentName: DISTRICT.name });
  await logActivities(handUnit.page, [activity('Hội nghị người lao động xã Bàu Năng')]);
  const first = await exportUnitReport(handUnit.page, YEAR, 'Chủ tịch CĐCS');
  expect(first.fileName).toBe('BaoCao_63-KH-LDLD_CUXBN_Nam-2026.xlsx');
  const firstPath = join(DIR, 'BauNang-1.xlsx');
  writeFileSync(firstPath, first.bytes);

  const { page } = district!;
  await chooseReportFiles(page, [...reports.values(), firstPath]);
  await expect(page.getByText('4 tệp: 3 sẵn sàng, 0 có cảnh báo, 0 lỗi, 1 chờ xác nhận.')).toBeVisible();
  const card = fileCard(page, 'BauNang-1.xlsx');
  await expect(card.getByText('Đây là đơn vị CDCS-0004 CĐCS UBND xã Bàu Năng?')).toBeVisible();
  // Never added in bulk behind the officer's back.
  await expect(page.getByRole('button', { name: /^Thêm cả/ })).toHaveCount(0);
  await card.scrollIntoViewIfNeeded();
  await shot(page, 'unit-identity-link-question');
  await card.getByRole('button', { name: 'Đúng, ghép vào CDCS-0004' }).click();
  await expect(card.getByText('Mã CUXBN trong tệp là mã khác của đơn vị CDCS-0004')).toBeVisible();
  await page.getByRole('button', { name: 'Nhập 4 tệp' }).click();
  await expect(page.getByText('Đã nhập 4 tệp.')).toBeVisible();
  await shot(page, 'unit-identity-linked');

  // One unit, one name in the directory and in the log's filter; every unit has reported.
  await nav(page, 'Đơn vị').click();
  await expect(page.getByTestId('unit-counts')).toHaveText('4 đơn vị: 4 đang hoạt động, 0 ngừng hoạt động');
  await expect(page.getByRole('row', { name: /CDCS-0004/ })).toContainText('Mã khác: CUXBN');
  await nav(page, 'Tổng hợp').click();
  await expect(page.getByRole('button', { name: 'Đã nộp 4' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Chưa nộp 0' })).toBeVisible();

  // Its next file: matched by its code, nothing to confirm, replacing the first.
  await logActivities(handUnit.page, [activity('Tập huấn an toàn lao động xã Bàu Năng', '2026-12-01')]);
  const second = await exportUnitReport(handUnit.page, YEAR, 'Chủ tịch CĐCS');
  const secondPath = join(DIR, 'BauNang-2.xlsx');
  writeFileSync(secondPath, second.bytes);
  reports.set('CDCS-0004', secondPath);
  await chooseReportFiles(page, [secondPath]);
  const next = fileCard(page, 'BauNang-2.xlsx');
  await expect(next.getByText('Mã CUXBN trong tệp là mã khác của đơn vị CDCS-0004')).toBeVisible();
  await expect(next.getByText('Thay thế bản nộp trước')).toBeVisible();
  await expect(page.getByText('1 tệp: 1 sẵn sàng, 0 có cảnh báo, 0 lỗi.')).toBeVisible();
  await page.getByRole('button', { name: 'Nhập 1 tệp' }).click();
  await expect(page.getByText('Đã nhập 1 tệp.')).toBeVisible();

  await nav(page, 'Nhật ký').click();
  const unitFilter = page.getByRole('group', { name: 'Lọc hoạt động' }).getByRole('combobox', { name: 'Đơn vị' });
  await unitFilter.fill('Bàu Năng');
  const matches = page.getByRole('listbox', { name: 'Đơn vị phù hợp' }).getByRole('option');
  await expect(matches.filter({ hasText: 'Bàu Năng' })).toHaveCount(1);
  await matches.filter({ hasText: 'Bàu Năng' }).click();
  await expect(unitFilter).toHaveValue('CĐCS UBND xã Bàu Năng');
  await expect(page.locator('.list-count')).toHaveText('2 hoạt động');
  await handUnit.context.close();
  handUnit = null;
});

test('d. in December the app opens on the yearly period; an activity saved outside the period shown is announced', async () => {
  const { page } = district!;
  await page.reload();
  await expect(page.locator('[data-app-ready="true"]')).toBeAttached();
  const kind = page.getByLabel('Kỳ báo cáo', { exact: true });
  await expect(kind).toHaveValue('year');
  await expect(page.getByLabel('Năm', { exact: true })).toHaveValue('2026');
  await expect(page.getByTestId('period-range')).toHaveText('15/12/2025 – 14/12/2026');
  await expect(page.getByTestId('period-phase')).toHaveCount(0);

  await kind.selectOption({ label: '6 tháng đầu năm' });
  await expect(page.getByTestId('period-range')).toHaveText('15/12/2025 – 14/06/2026');
  await expect(page.getByTestId('period-phase')).toHaveText('(đã kết thúc)');
  await shot(page, 'unit-identity-period-ended');

  await nav(page, 'Nhật ký').click();
  const form = page.getByRole('form', { name: /hoạt động$/ });
  await form.getByLabel('Ngày', { exact: true }).fill('04/12/2026');
  const combo = form.getByRole('combobox', { name: 'Nhiệm vụ' });
  await combo.fill('iii.1.1');
  await combo.press('Enter');
  await form.getByLabel('Loại hoạt động').selectOption({ label: 'Hội nghị, quán triệt' });
  await form.getByLabel('Tiêu đề').fill('Hội nghị sơ kết năm của LĐLĐ huyện');
  await form.getByLabel('Tiêu đề').press('Control+Enter');
  await expect(form.getByRole('status')).toHaveText(
    'Đã lưu «Hội nghị sơ kết năm của LĐLĐ huyện». Hoạt động ngày 04/12/2026 thuộc kỳ Năm 2026, không thuộc kỳ đang xem (6 tháng đầu năm 2026).',
  );
  const list = page.getByRole('table', { name: 'Danh sách hoạt động' });
  await expect(list.getByText('Hội nghị sơ kết năm của LĐLĐ huyện')).toHaveCount(0);
  await shot(page, 'unit-identity-saved-elsewhere');
  await form.getByRole('button', { name: 'Xem kỳ Năm 2026' }).click();
  await expect(kind).toHaveValue('year');
  await expect(page.getByTestId('period-range')).toHaveText('15/12/2025 – 14/12/2026');
  await expect(list.getByText('Hội nghị sơ kết năm của LĐLĐ huyện')).toBeVisible();
});

test('e. a province with a công đoàn ngành and CĐCS directly under it consolidates without counting a CĐCS twice', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  // The district's consolidated report: its four CĐCS (5 activities) and its own (1).
  const dPage = district!.page;
  await nav(dPage, 'Tổng hợp').click();
  const districtFile = await downloaded(dPage, () =>
    dPage.getByRole('region', { name: 'Báo cáo tổng hợp gửi cấp trên' }).getByRole('button', { name: 'Xuất báo cáo tổng hợp' }).click(),
  );
  expect(districtFile.endsWith('TongHop_63-KH-LDLD_LDLD-DMC_Nam-2026.xlsx')).toBe(true);

  // The province and its directory: the district, a công đoàn ngành, a CĐCS directly under it.
  const province = await installation(browser, testInfo);
  const p = province.page;
  const errors = collectPageErrors(p);
  await setUpAs(p, { level: 'province', name: 'LĐLĐ tỉnh Tây Ninh', code: 'LDLD-TN', parentName: 'Tổng Liên đoàn Lao động Việt Nam' });
  await addUnit(p, { kind: 'Liên đoàn Lao động huyện (LĐLĐ huyện)', name: DISTRICT.name, code: DISTRICT.code });
  const nganh = await addUnit(p, { kind: 'Công đoàn ngành', name: 'Công đoàn ngành Giáo dục tỉnh Tây Ninh', expectCode: 'CDN-TN-0001' });
  const hospital = await addUnit(p, { kind: 'Công đoàn cơ sở (CĐCS)', name: 'CĐCS Bệnh viện Đa khoa tỉnh', expectCode: 'CDCS-TN-0001' });
  expect([nganh, hospital]).toEqual(['CDN-TN-0001', 'CDCS-TN-0001']);
  const table = p.getByRole('table', { name: 'Danh sách đơn vị trực thuộc' });
  await expect(table.getByRole('row', { name: /CDN-TN-0001/ })).toContainText('Công đoàn ngành');
  await expect(table.getByRole('row', { name: /LDLD-DMC/ })).toContainText('LĐLĐ huyện');
  await shot(p, 'unit-identity-province-units');
  const provinceFile = await downloaded(p, () => p.getByRole('button', { name: 'Xuất tệp thiết lập cho tất cả' }).click());

  // The công đoàn ngành: set up from the province's file, imports its CĐCS, consolidates.
  const school = { code: 'CDCS-THPT-TN', name: 'CĐCS Trường THPT Tây Ninh' };
  const n = await installation(browser, testInfo);
  await setUpFromFile(n.page, provinceFile, { code: nganh, name: 'Công đoàn ngành Giáo dục tỉnh Tây Ninh' });
  await expect(n.page.getByRole('form', { name: 'Thiết lập ban đầu' }).getByLabel('Cấp', { exact: true })).toHaveValue('cd-nganh');
  await n.page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
  await expect(n.page.getByRole('banner')).toContainText('Công đoàn ngành Giáo dục tỉnh Tây Ninh');
  await addUnit(n.page, { name: school.name, code: school.code });
  const schoolFile = await downloaded(n.page, () => n.page.getByRole('button', { name: `Tệp thiết lập cho ${school.name}` }).click());
  const s = await installation(browser, testInfo);
  await setUpFromFile(s.page, schoolFile, null);
  await s.page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
  await logActivities(s.page, [activity('Tuyên truyền Luật Công đoàn cho giáo viên')]);
  const schoolReport = await exportUnitReport(s.page, YEAR, 'Chủ tịch CĐCS');
  const schoolPath = join(DIR, schoolReport.fileName);
  writeFileSync(schoolPath, schoolReport.bytes);
  await s.context.close();
  await chooseReportFiles(n.page, [schoolPath]);
  await n.page.getByRole('button', { name: 'Nhập 1 tệp' }).click();
  await expect(n.page.getByText('Đã nhập 1 tệp.')).toBeVisible();
  await nav(n.page, 'Tổng hợp').click();
  const nganhFile = await downloaded(n.page, () =>
    n.page.getByRole('region', { name: 'Báo cáo tổng hợp gửi cấp trên' }).getByRole('button', { name: 'Xuất báo cáo tổng hợp' }).click(),
  );
  await n.context.close();

  // The CĐCS directly under the province, set up from the province's file.
  const h = await installation(browser, testInfo);
  await setUpFromFile(h.page, provinceFile, { code: hospital, name: 'CĐCS Bệnh viện Đa khoa tỉnh' });
  await h.page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
  await expect(h.page.getByRole('banner')).toContainText('CĐCS Bệnh viện Đa khoa tỉnh');
  await logActivities(h.page, [activity('Tuyên truyền cho y bác sĩ')]);
  const hospitalReport = await exportUnitReport(h.page, YEAR, 'Chủ tịch CĐCS');
  const hospitalPath = join(DIR, hospitalReport.fileName);
  writeFileSync(hospitalPath, hospitalReport.bytes);
  await h.context.close();

  // Four files: the district's and the ngành's consolidated reports, the hospital's report, and
  // one of the district's CĐCS reports sent straight to the province as well.
  await chooseReportFiles(p, [districtFile, nganhFile, hospitalPath, reports.get('CDCS-0001')!]);
  const direct = fileCard(p, 'BaoCao_63-KH-LDLD_CDCS-0001_Nam-2026.xlsx');
  await expect(direct).toContainText(
    'CĐCS Công ty TNHH Hòa Bình (CDCS-0001) đã có trong báo cáo tổng hợp của LĐLĐ huyện Dương Minh Châu (LDLD-DMC): số liệu của đơn vị chỉ được tính một lần',
  );
  await direct.getByRole('checkbox', { name: /^Thêm đơn vị CĐCS Công ty TNHH Hòa Bình/ }).check();
  await p.getByRole('button', { name: 'Nhập 4 tệp' }).click();
  await expect(p.getByText('Đã nhập 4 tệp.')).toBeVisible();
  await shot(p, 'unit-identity-province-import');

  // «Tổng hợp»: the three bodies directly under the province reported; the CĐCS is counted once.
  await nav(p, 'Tổng hợp').click();
  await expect(p.getByRole('button', { name: 'Đã nộp 3' })).toBeVisible();
  const notes = p.getByRole('region', { name: 'Đơn vị chỉ tính một lần' });
  await expect(notes).toContainText('CĐCS Công ty TNHH Hòa Bình (CDCS-0001) đã có trong báo cáo tổng hợp của LĐLĐ huyện Dương Minh Châu (LDLD-DMC)');
  // 6 of the district, 1 of the ngành's school, 1 of the hospital: 8, not 9.
  await expect(p.getByRole('combobox', { name: 'Đơn vị' }).last().locator('option').first()).toHaveText('Tất cả (8)');
  await shot(p, 'unit-identity-province-consolidation', { fullPage: true });

  // The log: the CĐCS's activity once.
  await nav(p, 'Nhật ký').click();
  await p.getByRole('group', { name: 'Lọc hoạt động' }).getByLabel('Kỳ').selectOption({ label: 'Tất cả' });
  await expect(p.locator('.list-count')).toHaveText('8 hoạt động');
  await p.getByLabel('Tìm hoạt động').fill('Hoa Binh');
  await expect(p.locator('.list-count')).toHaveText('1 hoạt động');

  // The consolidated workbook the province exports: 8 activities, one row per body.
  await nav(p, 'Tổng hợp').click();
  const provinceExport = await downloaded(p, () =>
    p.getByRole('region', { name: 'Báo cáo tổng hợp gửi cấp trên' }).getByRole('button', { name: 'Xuất báo cáo tổng hợp' }).click(),
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(provinceExport);
  expect(tableOf(wb, 'Hoạt động', 'Mã dòng').rows).toHaveLength(8);
  const rows = tableOf(wb, 'Chỉ tiêu theo đơn vị', 'Số báo cáo').rows.map((r) => r.cells.get('Mã đơn vị')).filter((c) => c !== null);
  expect(rows.sort()).toEqual(['CDCS-TN-0001', 'CDN-TN-0001', 'LDLD-DMC']);
  expect(errors).toEqual([]);
  await province.context.close();
});
