/**
 * Files the district receives that the app did not write: blank templates filled by LibreOffice
 * (lo_fill_rows.py, python3-uno) and three broken files.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { STANDARD_INDICATORS } from '@domain/indicators';
import { STATUS_LABELS, type LoggedActivity, type UnitEntry } from './ledger';

// Playwright runs from the repository root (as every spec's paths assume).
const SCRIPT = resolve(process.cwd(), 'tests', 'e2e', 'district-flow', 'lo_fill_rows.py');
const BAD = resolve(process.cwd(), 'tests', 'fixtures', 'workbooks', 'bad');
const INDICATOR_NAMES = new Map(STANDARD_INDICATORS.map((d) => [d.code, d.name]));

type Cell = string | number;

/** One activity as a person types it on "Hoạt động": the date as text, in the way given. */
function rowOf(a: LoggedActivity, dateStyle: 'slash' | 'dash'): Record<string, Cell> {
  const [y, m, d] = a.date.split('-');
  const date = dateStyle === 'slash' ? `${Number(d)}/${Number(m)}/${y}` : `${d}-${m}-${y}`;
  const row: Record<string, Cell> = {
    Ngày: date,
    'Nhiệm vụ': a.itemIds.join('; '),
    'Loại hoạt động': a.typeLabel,
    'Tên hoạt động': a.title,
  };
  if (a.participants !== null) row['Số lượt người'] = a.participants;
  for (const [code, v] of Object.entries(a.indicators)) row[INDICATOR_NAMES.get(code)!] = v;
  return row;
}

export interface FillJob {
  template: string;
  out: string;
  entry: UnitEntry;
}

/**
 * LibreOffice fills each template with its entry's activities (all but the last typed in order,
 * the last in a row inserted in the middle afterwards) and statuses, and saves it as .xlsx.
 */
export function fillTemplatesWithLibreOffice(jobs: readonly FillJob[], jobFile: string): void {
  const spec = jobs.map((j) => {
    const acts = j.entry.activities;
    const typed = acts.slice(0, -1);
    const last = acts[acts.length - 1]!;
    return {
      src: j.template,
      dst: j.out,
      rows: typed.map((a, i) => rowOf(a, i % 2 ? 'dash' : 'slash')),
      insert: { at: Math.min(1, typed.length), row: rowOf(last, 'slash') },
      statuses: Object.fromEntries(Object.entries(j.entry.statuses).map(([id, s]) => [id, STATUS_LABELS[s]])),
    };
  });
  writeFileSync(jobFile, JSON.stringify(spec, null, 1));
  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
  const unoOk = spawnSync('/usr/bin/python3', ['-c', 'import uno'], { encoding: 'utf8' }).status === 0;
  if (soffice.status !== 0 || !unoOk) {
    throw new Error('LibreOffice headless with python3-uno is needed: apt-get install -y libreoffice-calc-nogui python3-uno');
  }
  const run = spawnSync('/usr/bin/python3', [SCRIPT, jobFile], { encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) throw new Error(`lo_fill_rows.py failed (${run.status}): ${run.stderr}`);
}

export interface BrokenFile {
  fileName: string;
  path: string;
  /** The reader's message, as the preview shows it after «Lỗi: ». */
  message: string;
}

/**
 * Three broken files as they arrive by e-mail: a PDF saved with an .xlsx name, a unit's real
 * workbook cut short (an interrupted copy), a password-protected workbook.
 */
export function writeBrokenFiles(dir: string, realWorkbook: Buffer): BrokenFile[] {
  const pdf = 'BaoCao_CDCS-Cong-van.xlsx';
  const cut = 'BaoCao_CDCS-Tai-do-dang.xlsx';
  const locked = 'BaoCao_CDCS-Co-mat-khau.xlsx';
  copyFileSync(join(BAD, 'khong-phai-bang-tinh.pdf'), join(dir, pdf));
  writeFileSync(join(dir, cut), realWorkbook.subarray(0, Math.floor(realWorkbook.length * 0.6)));
  copyFileSync(join(BAD, 'mat-khau.xlsx'), join(dir, locked));
  return [
    { fileName: pdf, path: join(dir, pdf), message: `Tệp «${pdf}» không phải bảng tính Excel (.xlsx)` },
    {
      fileName: cut,
      path: join(dir, cut),
      message: `Tệp «${cut}» bị hỏng hoặc chưa tải/chép hết (thiếu phần cuối của tệp nén); hãy xin đơn vị gửi lại`,
    },
    { fileName: locked, path: join(dir, locked), message: `Tệp «${locked}» được đặt mật khẩu; hãy bỏ mật khẩu rồi gửi lại` },
  ];
}
