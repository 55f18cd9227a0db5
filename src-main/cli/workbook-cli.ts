/**
 * The workbook command line, for the province's IT staff who check many files at once:
 *
 *   npm run workbook -- check FILE... [--json]
 *   npm run workbook -- template --out FILE [--unit-code CODE] [--unit-name NAME]
 *                        [--level cdcs|huyen|tinh] [--parent NAME] [--period 2025-H1] [--blank-rows N]
 *
 * `check` prints per file its identity (format version and kind, unit code, name and level,
 * plan number, period), its counts (for a consolidated report also its units, the unit reports
 * it sums and the completeness), each indicator's figures (activities + adjustment = value) and
 * its problems; `--json` prints one JSON object per file on its own line instead (each problem with
 * its stable `code` and its place: sheet, row, column, value, beside the message), with the same
 * figures under `indicators` (indicator-figures.ts), so IT staff see what a file says without
 * importing it. Exit code 0 only when every file reads without errors; 1 when some
 * file has errors; 2 for a usage mistake.
 *
 * `template` writes the blank template for the built-in plan (Kế hoạch 63/KH-LĐLĐ). Decision:
 * without --unit-code the template's unit is left blank: the unit filling it writes its name
 * and code on "Thông tin" (protected without a password), and the reader reports a missing
 * code as an error, so a file can never be imported under a made-up placeholder code.
 *
 * This module holds the logic and talks to the system only through `CliIo`, so tests run it
 * in-process; workbook.ts is the Node entry that supplies the real file system.
 */
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { STANDARD_INDICATORS } from '@domain/indicators';
import { formatCount } from '@domain/fields';
import { DEFAULT_PERIOD_CONFIG, formatDateVn, parsePeriodKey, periodOf } from '@domain/periods';
import { planFingerprint } from '@domain/plan-tree';
import { normalizeUnitCode, parseUnitLevel, UNIT_LEVEL_LABELS, type UnitLevel } from '@domain/units';
import { indicatorFigures, type IndicatorFigure } from '@exchange/indicator-figures';
import { fileProblem, withDetail } from '@exchange/problems';
import { readWorkbook, type ReadResult } from '@exchange/reader';
import { completenessCounts, isConsolidated, type ReportPeriod } from '@domain/report';
import { planReportItems, TEMPLATE_BLANK_ROWS, writeTemplate } from '@exchange/template';

export interface CliIo {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
  /** The absolute form of a path typed by the user. */
  resolvePath(path: string): string;
  stdout(line: string): void;
  stderr(line: string): void;
  /** ISO instant of "now" (injected for tests). */
  now(): string;
  appVersion: string;
}

export const USAGE = [
  'Cách dùng / usage:',
  '  npm run workbook -- check TỆP.xlsx... [--json]',
  '      Kiểm tra từng tệp: định dạng, đơn vị, kế hoạch, kỳ, số liệu và các lỗi.',
  '      Mã thoát 0 khi mọi tệp đọc được không có lỗi.',
  '  npm run workbook -- template --out TỆP.xlsx [--unit-code MÃ] [--unit-name TÊN]',
  '      [--level cdcs|huyen|tinh] [--parent TÊN] [--period 2025-H1|2025-Y] [--blank-rows N]',
  '      Ghi mẫu nhập liệu trống theo kế hoạch có sẵn (63/KH-LĐLĐ).',
];

const KIND_LABELS: Record<string, string> = { 'unit-report': 'báo cáo đơn vị', template: 'mẫu nhập liệu', consolidated: 'báo cáo tổng hợp' };

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'check') return check(rest, io);
  if (command === 'template') return template(rest, io);
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    USAGE.forEach((l) => io.stdout(l));
    return command === undefined ? 2 : 0;
  }
  io.stderr(`Lệnh không rõ: «${command}»`);
  USAGE.forEach((l) => io.stderr(l));
  return 2;
}

// ---------------------------------------------------------------------------------------------
// check

/** One file's result as a JSON line. */
export interface CheckLine {
  file: string;
  path: string;
  ok: boolean;
  formatVersion: number | null;
  kind: string | null;
  unit: { code: string; name: string; level: string } | null;
  plan: { id: string; number: string; title: string; fingerprint: string } | null;
  period: ReportPeriod | null;
  counts: ReadResult['counts'];
  /** Per indicator: what the activities add up to, the adjustment and the resulting value. */
  indicators: IndicatorFigure[];
  problems: ReadResult['problems'];
}

/** The file's name as messages show it: no folders, NFC (names on some disks are NFD). */
function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).normalize('NFC');
}

async function readOne(path: string, io: CliIo): Promise<ReadResult> {
  const file = baseName(path);
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(io.resolvePath(path));
  } catch (err) {
    const code = (err as { code?: string }).code;
    const why = code === 'ENOENT' ? 'missing' : code === 'EISDIR' ? 'directory' : code === 'EACCES' ? 'no-permission' : 'other';
    return {
      report: null,
      problems: [fileProblem('error', file, { code: 'file-unopenable', why, detail: String((err as Error).message ?? err) })],
      counts: { items: 0, itemsWithStatus: 0, activities: 0, newActivities: 0, indicators: 0, units: 0, reports: 0, errors: 1, warnings: 0 },
      activityRows: [],
      sheetNames: {},
    };
  }
  return readWorkbook(bytes, { fileName: file });
}

export function checkLine(path: string, r: ReadResult): CheckLine {
  const rep = r.report;
  return {
    file: baseName(path),
    path,
    ok: r.counts.errors === 0,
    formatVersion: rep?.formatVersion ?? null,
    kind: rep?.kind ?? null,
    unit: rep ? { code: rep.unit.code, name: rep.unit.name, level: rep.unit.level } : null,
    plan: rep ? { ...rep.plan } : null,
    period: rep ? { ...rep.period } : null,
    counts: r.counts,
    indicators: rep ? indicatorFigures(rep) : [],
    problems: r.problems,
  };
}

function humanLines(path: string, r: ReadResult): string[] {
  const rep = r.report;
  const { errors, warnings } = r.counts;
  const verdict = errors > 0 ? `LỖI (${errors} lỗi${warnings ? `, ${warnings} cảnh báo` : ''})` : warnings > 0 ? `ĐỌC ĐƯỢC (${warnings} cảnh báo)` : 'ĐỌC ĐƯỢC';
  const out = [`${baseName(path)}: ${verdict}`];
  if (rep) {
    const level = rep.unit.levelName || (UNIT_LEVEL_LABELS[rep.unit.level] ?? rep.unit.level);
    out.push(`  Định dạng:  phiên bản ${rep.formatVersion}, ${KIND_LABELS[rep.kind] ?? rep.kind}`);
    out.push(`  Đơn vị:     ${rep.unit.code || '(chưa có mã)'} — ${rep.unit.name || '(chưa có tên)'} (${level})`);
    out.push(`  Kế hoạch:   ${rep.plan.number || '(không số)'}${rep.plan.title ? ` — ${rep.plan.title}` : ''}`);
    const range = rep.period.start && rep.period.end ? ` (${formatDateVn(rep.period.start)} – ${formatDateVn(rep.period.end)})` : '';
    out.push(`  Kỳ báo cáo: ${rep.period.name || '(chưa ghi)'}${range}`);
    const c = r.counts;
    if (isConsolidated(rep)) {
      const s = completenessCounts(rep.consolidation);
      const expected = rep.consolidation.completeness.length;
      out.push(`  Tổng hợp:   ${c.units} đơn vị, ${c.reports} báo cáo được tổng hợp; phải nộp ${expected}: ${s['da-nop']} đã nộp, ${s['nop-muon']} nộp muộn, ${s['chua-nop']} chưa nộp${rep.consolidation.deadline ? ` (hạn ${formatDateVn(rep.consolidation.deadline)})` : ''}`);
      out.push(`  Số liệu:    ${c.items} nhiệm vụ, ${c.activities} hoạt động, ${c.indicators} chỉ tiêu`);
    } else {
      out.push(`  Số liệu:    ${c.items} nhiệm vụ (${c.itemsWithStatus} có trạng thái), ${c.activities} hoạt động (${c.newActivities} mới), ${c.indicators} chỉ tiêu`);
    }
    for (const f of indicatorFigures(rep)) {
      if (f.value === 0 && f.adjustment === 0) continue;
      const adj = f.adjustment === 0 ? '' : ` (hoạt động ${formatCount(f.activities)}, điều chỉnh ${f.adjustment > 0 ? '+' : ''}${formatCount(f.adjustment)}${f.adjustmentReason ? `: ${f.adjustmentReason}` : ''})`;
      out.push(`  Chỉ tiêu:   ${f.name} = ${formatCount(f.value)}${f.unit ? ` ${f.unit}` : ''}${adj}`);
    }
  }
  for (const p of r.problems) out.push(`  ${p.severity === 'error' ? 'Lỗi' : 'Cảnh báo'}: ${p.message}`);
  return out;
}

async function check(args: readonly string[], io: CliIo): Promise<number> {
  const json = args.includes('--json');
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--json');
  if (unknown.length > 0) {
    io.stderr(`Tùy chọn không rõ: ${unknown.join(' ')}`);
    return 2;
  }
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length === 0) {
    io.stderr('Thiếu tên tệp cần kiểm tra.');
    USAGE.forEach((l) => io.stderr(l));
    return 2;
  }
  let failed = 0;
  for (const path of files) {
    const r = await readOne(path, io);
    if (r.counts.errors > 0) failed++;
    if (json) io.stdout(JSON.stringify(checkLine(path, r)));
    else humanLines(path, r).forEach((l) => io.stdout(l));
  }
  if (!json) io.stdout(`Tổng: ${files.length} tệp, ${files.length - failed} đọc được, ${failed} có lỗi.`);
  return failed === 0 ? 0 : 1;
}

// ---------------------------------------------------------------------------------------------
// template

function options(args: readonly string[], names: readonly string[]): { values: Map<string, string>; error: string | null } {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (!names.includes(name)) return { values, error: `Tùy chọn không rõ: ${a}` };
    const value = eq > 0 ? a.slice(eq + 1) : args[++i];
    if (value === undefined) return { values, error: `Thiếu giá trị cho ${name}` };
    values.set(name, value);
  }
  return { values, error: null };
}

const LEVEL_ALIASES: Record<string, UnitLevel> = { cdcs: 'grassroots', huyen: 'district', tinh: 'province' };

async function template(args: readonly string[], io: CliIo): Promise<number> {
  const { values, error } = options(args, ['--out', '--unit-code', '--unit-name', '--level', '--parent', '--period', '--blank-rows']);
  if (error) {
    io.stderr(error);
    return 2;
  }
  const out = values.get('--out');
  if (!out) {
    io.stderr('Thiếu --out TỆP.xlsx');
    return 2;
  }
  const levelText = values.get('--level') ?? 'cdcs';
  const level = LEVEL_ALIASES[levelText.toLowerCase()] ?? parseUnitLevel(levelText);
  if (!level) {
    io.stderr(`Cấp đơn vị không rõ: «${levelText}» (cdcs, huyen hoặc tinh)`);
    return 2;
  }
  let period: ReportPeriod | null = null;
  const periodText = values.get('--period');
  if (periodText) {
    const ref = parsePeriodKey(periodText.trim());
    if (!ref) {
      io.stderr(`Kỳ báo cáo không rõ: «${periodText}» (ví dụ 2025-H1, 2025-Y, 2025-Q1)`);
      return 2;
    }
    const p = periodOf(DEFAULT_PERIOD_CONFIG, ref);
    period = { key: p.key, name: p.name, start: p.start, end: p.end };
  }
  const blankText = values.get('--blank-rows');
  const blankRows = blankText === undefined ? TEMPLATE_BLANK_ROWS : Number(blankText);
  if (!Number.isInteger(blankRows) || blankRows < 0 || blankRows > 10_000) {
    io.stderr(`--blank-rows phải là số nguyên từ 0 đến 10000, không phải «${blankText}»`);
    return 2;
  }
  const code = normalizeUnitCode(values.get('--unit-code') ?? '');
  const plan = BUILTIN_PLAN.plan;
  const bytes = await writeTemplate({
    unit: {
      code,
      name: values.get('--unit-name')?.trim() ?? '',
      level,
      parentName: values.get('--parent')?.trim() ?? 'LĐLĐ huyện Dương Minh Châu',
    },
    plan: { id: BUILTIN_PLAN.id, number: plan.header.number ?? '', title: plan.header.title ?? '', fingerprint: planFingerprint(plan) },
    items: planReportItems(plan),
    period,
    indicators: STANDARD_INDICATORS.map((d) => ({ code: d.code, name: d.name, unit: d.unit })),
    exportedAt: io.now(),
    appVersion: io.appVersion,
    blankRows,
  });
  const path = io.resolvePath(out);
  try {
    await io.writeFile(path, bytes);
  } catch (err) {
    io.stderr(withDetail(`Không ghi được tệp «${out}». Hãy kiểm tra thư mục và quyền ghi.`, String((err as Error).message ?? err)));
    return 1;
  }
  io.stdout(`Đã ghi mẫu nhập liệu: ${path} (${formatCount(bytes.length)} byte)`);
  if (code === '') {
    io.stdout('Lưu ý: mẫu chưa có đơn vị (--unit-code, --unit-name); đơn vị điền phải ghi tên và mã của mình ở trang «Thông tin».');
  }
  return 0;
}
