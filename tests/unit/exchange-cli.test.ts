import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CheckLine, type CliIo } from '../../src-main/cli/workbook-cli';
import { readWorkbook } from '@exchange/reader';
import { writeUnitReport } from '@exchange/writer';
import { writeConsolidatedReport } from '@exchange/writer-consolidated';
import { sampleConsolidated } from '../fixtures/workbooks/tools/sample-consolidated';
import { sampleReport, withAppResults } from '../fixtures/workbooks/tools/sample-report';

const ROOT = resolve(import.meta.dirname, '../..');
const BAD = join(ROOT, 'tests/fixtures/workbooks/bad');
const dir = mkdtempSync(join(tmpdir(), 'sokh-cli-'));
const good = join(dir, 'BaoCao_63-KH-LDLD_CDCS-0012_6T-2025.xlsx');
const consolidated = join(dir, 'TongHop_63-KH-LDLD_LDLD-DMC_6T-2025.xlsx');
/** Readable with one warning: an activity dated after the period. */
const warned = join(dir, 'canh-bao.xlsx');

beforeAll(async () => {
  writeFileSync(good, await writeUnitReport(sampleReport()));
  const late = sampleReport();
  late.activities[0]!.date = '2025-07-01';
  writeFileSync(warned, await writeUnitReport(withAppResults(late)));
  writeFileSync(consolidated, await writeConsolidatedReport(sampleConsolidated()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readFile: async (p) => new Uint8Array(await readFile(p)),
    writeFile: (p, b) => writeFile(p, b),
    resolvePath: (p) => resolve(dir, p),
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    now: () => '2025-06-01T00:00:00.000Z',
    appVersion: '9.9.9',
  };
  return { code: await runCli(args, io), out, err };
}

describe('workbook check', () => {
  it('prints identity, counts and no problems for a good file, exit 0', async () => {
    const r = await run(['check', good]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe('BaoCao_63-KH-LDLD_CDCS-0012_6T-2025.xlsx: ĐỌC ĐƯỢC');
    expect(r.out).toContain('  Định dạng:  phiên bản 1, báo cáo đơn vị');
    expect(r.out).toContain('  Đơn vị:     CDCS-0012 — Công đoàn cơ sở Trường THCS Phan Bội Châu (CĐCS)');
    expect(r.out).toContain('  Kỳ báo cáo: 6 tháng đầu năm 2025 (15/12/2024 – 14/06/2025)');
    expect(r.out).toContain('  Số liệu:    28 nhiệm vụ (3 có trạng thái), 2 hoạt động (0 mới), 12 chỉ tiêu');
    expect(r.out.some((l) => l.startsWith('  Kế hoạch:   63/KH-LĐLĐ — '))).toBe(true);
    expect(r.out.at(-1)).toBe('Tổng: 1 tệp, 1 đọc được, 0 có lỗi.');
  });

  it('prints the kind and, for a consolidated report, its units, reports and completeness', async () => {
    const r = await run(['check', consolidated]);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      'TongHop_63-KH-LDLD_LDLD-DMC_6T-2025.xlsx: ĐỌC ĐƯỢC',
      '  Định dạng:  phiên bản 2, báo cáo tổng hợp',
      '  Đơn vị:     LDLD-DMC — Liên đoàn Lao động huyện Dương Minh Châu (LĐLĐ huyện)',
      expect.stringMatching(/^ {2}Kế hoạch: {3}63\/KH-LĐLĐ — /),
      '  Kỳ báo cáo: 6 tháng đầu năm 2025 (15/12/2024 – 14/06/2025)',
      '  Tổng hợp:   3 đơn vị, 3 báo cáo được tổng hợp; phải nộp 4: 2 đã nộp, 1 nộp muộn, 1 chưa nộp (hạn 16/06/2025)',
      '  Số liệu:    28 nhiệm vụ, 4 hoạt động, 12 chỉ tiêu',
      '  Chỉ tiêu:   Số cuộc tuyên truyền = 2 cuộc',
      '  Chỉ tiêu:   Lượt người tham gia = 1.000.158 lượt người (hoạt động 1.000.203, điều chỉnh -45)',
      '  Chỉ tiêu:   Hộ nghèo được hỗ trợ = 2 hộ (hoạt động 3, điều chỉnh -1)',
      'Tổng: 1 tệp, 1 đọc được, 0 có lỗi.',
    ]);
    const j = await run(['check', '--json', consolidated, join(BAD, 'bao-cao-tong-hop.xlsx')]);
    expect(j.code).toBe(1);
    const [a, b] = j.out.map((l) => JSON.parse(l) as CheckLine);
    expect(a).toMatchObject({ ok: true, formatVersion: 2, kind: 'consolidated', counts: { units: 3, reports: 3, activities: 4, errors: 0 } });
    // Its edited total, and the 2^31 "Lượt người tham gia" of one activity it was made with before
    // one activity's values were capped at 1,000,000.
    expect(b).toMatchObject({ ok: false, kind: 'consolidated', counts: { units: 3, reports: 3, errors: 2 } });
  });

  it('exits 1 when any file has an error, and lists every problem', async () => {
    const r = await run(['check', good, join(BAD, 'dieu-chinh-qua-muc.xlsx'), warned]);
    expect(r.code).toBe(1);
    // Its edited adjustment, and the "Kết quả" it was made with, which its activities do not add
    // up to (see its row in exchange-guards-bad-files.test.ts).
    expect(r.out).toContain('dieu-chinh-qua-muc.xlsx: LỖI (2 lỗi, 1 cảnh báo)');
    expect(r.out).toContain('  Lỗi: Tệp «dieu-chinh-qua-muc.xlsx», trang «Chỉ tiêu», dòng 8, cột «Điều chỉnh»: «-2000000» lớn hơn mức tối đa 1.000.000 cho một lần điều chỉnh, tăng hay giảm (có thể gõ nhầm số)');
    expect(r.out).toContain('canh-bao.xlsx: ĐỌC ĐƯỢC (1 cảnh báo)');
    expect(r.out.at(-1)).toBe('Tổng: 3 tệp, 2 đọc được, 1 có lỗi.');
    // Warnings alone do not fail the run.
    expect((await run(['check', warned])).code).toBe(0);
  });

  it('--json prints, per indicator, what the activities add up to, the adjustment and the value', async () => {
    const filled = join(import.meta.dirname, '../fixtures/workbooks/filled/mau-ket-qua.xlsx');
    const r = await run(['check', '--json', good, filled]);
    const [a, b] = r.out.map((l) => JSON.parse(l) as CheckLine);
    expect(a!.indicators.find((i) => i.code === 'x-ho-ngheo-duoc-ho-tro')).toEqual({
      code: 'x-ho-ngheo-duoc-ho-tro',
      name: 'Hộ nghèo được hỗ trợ',
      unit: 'hộ',
      activities: 3,
      adjustment: -1,
      adjustmentReason: 'Trùng một hộ',
      value: 2,
      target: 10,
    });
    expect(b!.indicators.filter((i) => i.value !== 0).map((i) => [i.code, i.activities, i.adjustment, i.value, i.adjustmentReason])).toEqual([
      ['propaganda-sessions', 0, 12, 12, 'Số liệu đơn vị nhập trực tiếp trong mẫu'],
      ['participants', 0, 1250, 1250, 'Số liệu đơn vị nhập trực tiếp trong mẫu'],
      ['new-members', 0, 7, 7, 'Kết nạp bổ sung sau ngày chốt số liệu; Số liệu đơn vị nhập trực tiếp trong mẫu'],
    ]);
    // The same, for people.
    const h = await run(['check', filled]);
    expect(h.out).toContain('  Chỉ tiêu:   Số cuộc tuyên truyền = 12 cuộc (hoạt động 0, điều chỉnh +12: Số liệu đơn vị nhập trực tiếp trong mẫu)');
  });

  it('--json prints one object per file per line', async () => {
    const r = await run(['check', '--json', good, join(BAD, 'mat-khau.xlsx'), 'khong-co.xlsx']);
    expect(r.code).toBe(1);
    expect(r.out).toHaveLength(3);
    const [a, b, c] = r.out.map((l) => JSON.parse(l) as CheckLine);
    expect(a).toMatchObject({
      file: 'BaoCao_63-KH-LDLD_CDCS-0012_6T-2025.xlsx',
      ok: true,
      formatVersion: 1,
      kind: 'unit-report',
      unit: { code: 'CDCS-0012', level: 'grassroots' },
      plan: { number: '63/KH-LĐLĐ' },
      period: { key: '2025-H1', name: '6 tháng đầu năm 2025', start: '2024-12-15', end: '2025-06-14' },
      counts: { items: 28, itemsWithStatus: 3, activities: 2, indicators: 12, units: 0, reports: 1, errors: 0, warnings: 0 },
      problems: [],
    });
    expect(b).toMatchObject({ file: 'mat-khau.xlsx', ok: false, formatVersion: null, unit: null });
    expect(b!.problems.map((p) => p.message)).toEqual(['Tệp «mat-khau.xlsx» được đặt mật khẩu; hãy bỏ mật khẩu rồi gửi lại']);
    expect(c).toMatchObject({ file: 'khong-co.xlsx', ok: false });
    expect(c!.problems[0]!.message).toBe('Không mở được tệp «khong-co.xlsx»: không có tệp này');
    // Tools compare the codes, not the Vietnamese wording.
    expect(b!.problems.map((p) => p.code)).toEqual(['password']);
    expect(c!.problems.map((p) => p.code)).toEqual(['file-unopenable']);
  });

  it('names a file NFC in text, JSON and messages, even when its name on disk is NFD', async () => {
    const nfd = join(dir, 'Báo cáo Đơn vị.xlsx'.normalize('NFD'));
    writeFileSync(nfd, readFileSync(good));
    writeFileSync(join(dir, 'Hỏng.xlsx'.normalize('NFD')), 'không phải bảng tính');
    const j = await run(['check', '--json', nfd, join(dir, 'Hỏng.xlsx'.normalize('NFD'))]);
    const [a, b] = j.out.map((l) => JSON.parse(l) as CheckLine);
    expect(a!.file).toBe('Báo cáo Đơn vị.xlsx'.normalize('NFC'));
    expect(b!.file).toBe('Hỏng.xlsx'.normalize('NFC'));
    expect(b!.problems[0]!.message.startsWith('Tệp «Hỏng.xlsx»'.normalize('NFC'))).toBe(true);
    const t = await run(['check', nfd]);
    expect(t.out[0]).toBe('Báo cáo Đơn vị.xlsx: ĐỌC ĐƯỢC'.normalize('NFC'));
  });

  it('checks all 35 bad files without crashing; exit 1', async () => {
    const files = readdirSync(BAD).filter((f) => f !== 'README.md');
    expect(files.length).toBeGreaterThanOrEqual(35);
    const r = await run(['check', '--json', ...files.map((f) => join(BAD, f))]);
    expect(r.code).toBe(1);
    expect(r.out).toHaveLength(files.length);
  });

  it('refuses usage mistakes with exit 2', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['check'])).code).toBe(2);
    expect((await run(['check', '--xml', good])).code).toBe(2);
    expect((await run(['lam-gi'])).code).toBe(2);
    expect((await run(['template'])).code).toBe(2);
    expect((await run(['template', '--out', 'x.xlsx', '--period', 'mùa xuân'])).err[0]).toBe('Kỳ báo cáo không rõ: «mùa xuân» (ví dụ 2025-H1, 2025-Y, 2025-Q1)');
    expect((await run(['help'])).code).toBe(0);
  });
});

describe('workbook template', () => {
  it('writes the blank template of the built-in plan, which reads back as a template', async () => {
    const r = await run(['template', '--out', 'mau.xlsx', '--unit-code', 'cđcs 12', '--unit-name', 'CĐCS Trường THCS', '--period', '2025-Y', '--blank-rows', '10']);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^Đã ghi mẫu nhập liệu: .*mau\.xlsx \(/);
    const read = await readWorkbook(new Uint8Array(readFileSync(join(dir, 'mau.xlsx'))), { fileName: 'mau.xlsx' });
    expect(read.problems).toEqual([]);
    expect(read.report).toMatchObject({
      kind: 'template',
      unit: { code: 'CDCS-12', name: 'CĐCS Trường THCS', level: 'grassroots', parentName: 'LĐLĐ huyện Dương Minh Châu' },
      plan: { id: 'ke-hoach-63-KH-LDLD', number: '63/KH-LĐLĐ' },
      period: { key: '2025-Y', name: 'Năm 2025', start: '2024-12-15', end: '2025-12-14' },
      exportedAt: '2025-06-01T00:00:00.000Z',
      appVersion: '9.9.9',
      activities: [],
    });
    expect(read.counts).toMatchObject({ items: 28, itemsWithStatus: 0, indicators: 11 });
  });

  it('without a unit, says the unit must write its own; reading it then asks for the code', async () => {
    const r = await run(['template', '--out', 'trong.xlsx']);
    expect(r.code).toBe(0);
    expect(r.out[1]).toBe('Lưu ý: mẫu chưa có đơn vị (--unit-code, --unit-name); đơn vị điền phải ghi tên và mã của mình ở trang «Thông tin».');
    const read = await readWorkbook(new Uint8Array(readFileSync(join(dir, 'trong.xlsx'))), { fileName: 'trong.xlsx' });
    expect(read.problems.map((p) => p.message)[0]).toBe('Tệp «trong.xlsx», trang «Thông tin», dòng 9, cột «Nội dung»: chưa ghi mã đơn vị (ví dụ CDCS-0012)');
  });
});

describe('npm run workbook (built with vite, run by Node)', () => {
  it('builds and runs: template then check --json, exit codes from the process', { timeout: 90_000 }, () => {
    const out = join(dir, 'npm-mau.xlsx');
    const t = spawnSync('npm', ['run', '--silent', 'workbook', '--', 'template', '--out', out, '--unit-code', 'CDCS-0001', '--unit-name', 'CĐCS A'], { cwd: ROOT, encoding: 'utf8' });
    expect(t.status, t.stderr).toBe(0);
    // Built once above; run the bundle directly to keep the test short.
    const bundle = join(ROOT, 'out/cli/workbook.mjs');
    const ok = spawnSync(process.execPath, [bundle, 'check', '--json', out], { cwd: ROOT, encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    const line = JSON.parse(ok.stdout.trim().split('\n').at(-1)!) as CheckLine;
    expect(line).toMatchObject({ ok: true, kind: 'template', unit: { code: 'CDCS-0001' } });
    const bad = spawnSync(process.execPath, [bundle, 'check', out, join(BAD, 'excel-97.xls')], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('Tệp «excel-97.xls» là định dạng Excel 97-2003 (.xls)');
  });

  it('stops quietly when the reader of its output goes away (check … | head)', { timeout: 60_000 }, () => {
    const bundle = join(ROOT, 'out/cli/workbook.mjs');
    const files = readdirSync(BAD).filter((f) => f !== 'README.md').map((f) => join(BAD, f));
    // The shell's `head -n 1` exits after the first line; the command keeps writing into the closed pipe.
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bundle}" check ${[...files, ...files].map((f) => `'${f}'`).join(' ')} | head -n 1 >/dev/null`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled|at /);
  });
});
