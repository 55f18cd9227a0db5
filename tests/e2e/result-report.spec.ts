/**
 * «Báo cáo kết quả» as officers use it:
 * - a CĐCS marks items, logs an activity, opens «Báo cáo → Soạn báo cáo kết quả», finds the
 *   items not started suggested under «Tồn tại, hạn chế», writes its judgement, the number and
 *   the signer, closes and reopens the app (nothing lost), exports the .docx and reads it back
 *   in Node with mammoth: its texts, its figures, «[Chưa nhập đánh giá]» where it wrote nothing;
 * - a district imports two of its three units' workbooks and exports its consolidated report:
 *   the reports counted, the unit that has not reported named, the completeness table.
 * Screenshots at 1366×768 of the screen (test-results/screenshots/result-report-*.png).
 */
import type { Page } from '@playwright/test';
import mammoth from 'mammoth';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { currentPeriod, isoDateOf, nextDay, type PeriodConfig } from '@domain/periods';
import { formatVersionFor, type UnitReport } from '@domain/report';
import { writeUnitReport } from '@exchange/writer';
import { sampleReport } from '../support/exchange-writer-fixtures';
import { chooseReportFiles, importDirectory, logActivities, nav, newAppContext, setStatuses, setUpAs, showPeriod } from './district-flow/app';
import { collectPageErrors, expect, reloadApp, shot, test } from './fixtures';

const ND09: PeriodConfig = { kinds: ['half', 'year'], halfEnd: { day: 14, month: 6 }, yearEnd: { day: 14, month: 12 } };
const period = currentPeriod(ND09, isoDateOf(new Date()), 'half');
const DIR = resolve(process.cwd(), 'test-results', 'result-report-e2e');

const CDCS = { level: 'grassroots', name: 'CĐCS Công ty TNHH Giày da Hưng Thịnh', code: 'CDCS-HUNGTHINH', parentName: 'LĐLĐ huyện Dương Minh Châu' } as const;
const DISTRICT = { level: 'district', name: 'LĐLĐ huyện Dương Minh Châu', code: 'LDLD-DMC', parentName: 'LĐLĐ tỉnh Tây Ninh' } as const;

const STRENGTHS = 'Ban Chấp hành chủ động phối hợp với Ban Giám đốc; đoàn viên hưởng ứng tích cực các phong trào thi đua.';
const CAUSES_LEFT_EMPTY = '[Chưa nhập đánh giá]';

async function openResultReport(page: Page, reportsShot?: string): Promise<void> {
  await nav(page, 'Báo cáo').click();
  const card = page.getByRole('region', { name: 'Báo cáo kết quả (Word)' });
  await expect(card).toBeVisible();
  if (reportsShot) await shot(page, reportsShot);
  await card.getByRole('button', { name: 'Soạn báo cáo kết quả' }).click();
  await expect(page.getByRole('heading', { name: 'Báo cáo kết quả', level: 1 })).toBeVisible();
  await expect(nav(page, 'Báo cáo')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('region', { name: 'Xem trước báo cáo' })).toBeVisible();
}

async function exportDocx(page: Page): Promise<{ fileName: string; bytes: Buffer }> {
  const region = page.getByRole('region', { name: 'Xuất báo cáo' });
  const download = page.waitForEvent('download');
  await region.getByRole('button', { name: 'Xuất Word (.docx)' }).click();
  const d = await download;
  await expect(region.getByRole('status').filter({ hasText: 'Đã lưu' }).last()).toContainText(d.suggestedFilename());
  return { fileName: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

async function docxText(bytes: Buffer): Promise<string[]> {
  const raw = (await mammoth.extractRawText({ buffer: bytes })).value;
  return raw
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

test('a CĐCS writes its judgement, reopens the app, exports the .docx', async ({ browser }, testInfo) => {
  test.setTimeout(150_000);
  const context = await newAppContext(browser, testInfo);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await setUpAs(page, CDCS);
  await showPeriod(page, period);
  await setStatuses(page, { 'III.1.1': 'xong', 'III.1.2': 'dang', 'III.2.4': 'chua' });
  let day = period.start;
  for (let i = 0; i < 5; i++) day = nextDay(day);
  await logActivities(page, [
    {
      date: day,
      itemIds: ['III.1.1'],
      type: 'propaganda',
      typeLabel: 'Tuyên truyền',
      title: 'Tuyên truyền Nghị quyết 43-NQ/TW cho công nhân ca sáng',
      participants: 120,
      indicators: { 'propaganda-sessions': 1 },
    },
  ]);

  await openResultReport(page, 'result-report-reports-screen');
  const preview = page.getByRole('region', { name: 'Xem trước báo cáo' });
  // Suggested from the data: the item not started is listed under «Tồn tại, hạn chế».
  const weaknesses = page.getByLabel('II.2. Tồn tại, hạn chế');
  await expect(weaknesses).toHaveValue(/^Còn 1 nhiệm vụ chưa thực hiện:\n- Tập trung đối thoại, thương lượng tập thể/);
  await expect(preview).toContainText('Đã hoàn thành 1/8 nhiệm vụ; 1 nhiệm vụ đang thực hiện; 6 nhiệm vụ chưa cập nhật trạng thái.');
  await expect(preview).toContainText('Đã tổ chức 1 hoạt động, thu hút 120 lượt người tham gia.');
  await expect(preview).toContainText('CĐCS CÔNG TY TNHH GIÀY DA HƯNG THỊNH');
  await shot(page, 'result-report-cdcs-open');

  await page.getByLabel('II.1. Ưu điểm').fill(STRENGTHS);
  await page.getByLabel('II.3. Nguyên nhân').fill('');
  await page.getByLabel('Số', { exact: true }).fill('15');
  await page.getByLabel('Họ và tên').fill('Lê Thị Thu Hà');
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu bản thảo' })).toBeVisible();
  await expect(preview).toContainText(STRENGTHS);
  await expect(preview).toContainText('Số: 15/BC-CĐCS');
  await expect(preview.locator('mark').first()).toHaveText(CAUSES_LEFT_EMPTY);
  await shot(page, 'result-report-cdcs');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);

  // Close and open again: everything typed is still there.
  // The app opens again on the period that is due; back on the 6 months, the draft is as it was left.
  await reloadApp(page);
  await expect(page.getByRole('heading', { name: 'Báo cáo kết quả', level: 1 })).toBeVisible();
  await showPeriod(page, period);
  await expect(page.getByLabel('II.1. Ưu điểm')).toHaveValue(STRENGTHS);
  await expect(page.getByLabel('Số', { exact: true })).toHaveValue('15');
  await expect(page.getByLabel('Họ và tên')).toHaveValue('Lê Thị Thu Hà');

  const { fileName, bytes } = await exportDocx(page);
  expect(fileName).toBe(`BaoCao-KetQua_63-KH-LDLD_CDCS-HUNGTHINH_6T-${period.year}.docx`);
  mkdirSync(DIR, { recursive: true });
  writeFileSync(join(DIR, fileName), bytes);
  const lines = await docxText(bytes);
  expect(lines.slice(0, 8)).toEqual([
    'LĐLĐ HUYỆN DƯƠNG MINH CHÂU',
    'CĐCS CÔNG TY TNHH GIÀY DA HƯNG THỊNH',
    'Số: 15/BC-CĐCS',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    expect.stringMatching(/^Dương Minh Châu, ngày \d\d tháng \d\d? năm \d{4}$/),
    'BÁO CÁO',
    `Kết quả thực hiện Kế hoạch số 63/KH-LĐLĐ ${period.name.charAt(0).toLowerCase()}${period.name.slice(1)}`,
  ]);
  expect(lines).toContain(STRENGTHS);
  expect(lines).toContain('Đã tổ chức 1 hoạt động, thu hút 120 lượt người tham gia.');
  expect(lines.filter((l) => l === CAUSES_LEFT_EMPTY)).toHaveLength(1);
  expect(lines).toContain('- Lưu: VT.');
  expect(lines.slice(-3)).toEqual(['TM. BAN CHẤP HÀNH', 'CHỦ TỊCH', 'Lê Thị Thu Hà']);
  expect(errors).toEqual([]);
  await context.close();
});

/** A unit's workbook for the current period, as its own installation would export it. */
function reportOf(unit: { code: string; name: string }, activities: number): UnitReport {
  const r = sampleReport(activities);
  r.unit = { code: unit.code, name: unit.name, level: 'grassroots', parentName: DISTRICT.name };
  r.period = { key: period.key, name: period.name, start: period.start, end: period.end };
  let day = period.start;
  for (const a of r.activities) {
    a.unitCode = unit.code;
    a.date = day;
    day = nextDay(day);
  }
  r.exportedAt = new Date(Date.now() - 3600_000).toISOString();
  r.formatVersion = formatVersionFor(r.kind);
  return r;
}

test('a district with imported units exports its consolidated report', async ({ browser }, testInfo) => {
  test.setTimeout(150_000);
  const units = [
    { code: 'CDCS-0101', name: 'CĐCS Công ty May Hòa Thành' },
    { code: 'CDCS-0102', name: 'CĐCS Trường THCS Phước Minh' },
    { code: 'CDCS-0103', name: 'CĐCS Ủy ban nhân dân xã Phước Ninh' },
  ];
  mkdirSync(DIR, { recursive: true });
  const paths: string[] = [];
  for (const [i, u] of units.slice(0, 2).entries()) {
    const path = join(DIR, `BaoCao_${u.code}.xlsx`);
    writeFileSync(path, await writeUnitReport(reportOf(u, 6 + i)));
    paths.push(path);
  }
  const context = await newAppContext(browser, testInfo);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await setUpAs(page, DISTRICT);
  await showPeriod(page, period);
  await importDirectory(page, units, join(DIR, 'danh-sach-cdcs.xlsx'));
  await chooseReportFiles(page, paths);
  await page.getByRole('button', { name: 'Nhập 2 tệp' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã nhập 2 tệp' })).toBeVisible();

  await openResultReport(page);
  const preview = page.getByRole('region', { name: 'Xem trước báo cáo' });
  await expect(page.getByRole('region', { name: 'Số liệu trong báo cáo' })).toContainText('Tổng hợp 2 báo cáo của các đơn vị');
  await expect(preview).toContainText(`LĐLĐ huyện Dương Minh Châu tổng hợp 2 báo cáo kết quả thực hiện Kế hoạch số 63/KH-LĐLĐ: 13 hoạt động;`);
  await expect(preview).toContainText('chưa nộp: 1 (CĐCS Ủy ban nhân dân xã Phước Ninh).');
  await expect(page.getByLabel('II.2. Tồn tại, hạn chế')).toHaveValue(/Còn 1 đơn vị chưa nộp báo cáo: CĐCS Ủy ban nhân dân xã Phước Ninh\./);
  await expect(page.getByRole('textbox', { name: 'Nơi nhận' })).toHaveValue(/^LĐLĐ tỉnh Tây Ninh\nTT LĐLĐ tỉnh\nBan TG-NC LĐLĐ tỉnh\n/);
  await page.getByLabel('II.1. Ưu điểm').fill('Các CĐCS nộp báo cáo đầy đủ, đúng mẫu.');
  await page.getByLabel('Họ và tên').fill('Trần Văn Đức');
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu bản thảo' })).toBeVisible();
  await shot(page, 'result-report-district');
  await preview.evaluate((el) => el.parentElement?.scrollTo(0, el.scrollHeight));
  await shot(page, 'result-report-district-preview-end');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);

  const { fileName, bytes } = await exportDocx(page);
  expect(fileName).toBe(`BaoCao-KetQua_63-KH-LDLD_LDLD-DMC_6T-${period.year}.docx`);
  writeFileSync(join(DIR, fileName), bytes);
  const lines = await docxText(bytes);
  expect(lines.slice(0, 3)).toEqual(['LĐLĐ TỈNH TÂY NINH', 'LĐLĐ HUYỆN DƯƠNG MINH CHÂU', 'Số: ……/BC-LĐLĐ']);
  expect(lines).toContain('9. Tình hình báo cáo của các đơn vị');
  // The completeness table: every expected unit with its state.
  const table = lines.slice(lines.indexOf('Số hoạt động') + 1);
  for (const [i, u] of units.entries()) {
    const at = table.indexOf(u.name);
    expect(at, u.name).toBeGreaterThan(0);
    expect(table[at + 1]).toBe(i < 2 ? 'Đã nộp' : 'Chưa nộp');
  }
  expect(lines).toContain('Các CĐCS nộp báo cáo đầy đủ, đúng mẫu.');
  expect(lines.slice(-3)).toEqual(['TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH', 'Trần Văn Đức']);
  expect(errors).toEqual([]);
  await context.close();
});
