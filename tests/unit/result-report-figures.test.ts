/**
 * One source of truth: every number «Báo cáo kết quả» prints equals the matching number of the
 * workbook exported for the same unit and period (written by the app's writer, read back by
 * its reader), for a CĐCS's own report and for a district's consolidated one (real IndexedDB
 * semantics through fake-indexeddb, the real writers, the .docx read back with mammoth).
 *
 * Each paragraph of Part I that holds a digit must be one of the known sentences; its figures
 * are parsed and compared with what the workbook says. A paragraph with a number no rule here
 * accounts for fails the test, so no figure can slip into the document unchecked.
 *
 * Also: drafts are stored per unit + plan + period, the letterhead remembered per unit, NFC,
 * limits refused with a Vietnamese message and nothing written.
 */
import '../fixtures/db/tools/node-blob-env';
import mammoth from 'mammoth';
import { beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { activityIndicatorValues } from '@domain/indicators';
import { formatCount } from '@domain/fields';
import { DEFAULT_PERIOD_CONFIG, formatDateVn, periodOf } from '@domain/periods';
import { buildResultDocument, emptyTexts, reportGroups, type Letterhead } from '@domain/result-report';
import {
  applySubmission,
  buildUnitReport,
  db,
  ensureSeeded,
  loadConsolidation,
  loadReportDraft,
  loadResultReportFigures,
  MAX_REPORT_TEXT_CHARS,
  OperationError,
  previewImport,
  saveReportDraft,
  setIndicatorAdjustment,
  setIndicatorTarget,
  setItemStatus,
  setReportDeadline,
  type ActivityRecord,
} from '@db';
import { writeResultDocx } from '@document/docx-writer';
import { createBackup, restoreBackup } from '@db/backup';
import { readWorkbook } from '@exchange/reader';
import { COMPLETENESS_STATE_LABELS, isConsolidated, type UnitReport } from '@domain/report';
import { formatInstantVn } from '@domain/vn-time';
import { writeUnitReport } from '@exchange/writer';
import { writeConsolidatedReport } from '@exchange/writer-consolidated';
import { testActivityRecord } from '../support/activity-fixtures';
import { sampleReport } from '../support/exchange-writer-fixtures';

const PLAN = BUILTIN_PLAN.id;
const GROUPS = reportGroups(BUILTIN_PLAN.plan);
const H1 = periodOf(DEFAULT_PERIOD_CONFIG, { kind: 'half', year: 2025 }); // 2024-12-15 … 2025-06-14
const NOW = new Date('2025-06-25T03:15:00.000Z');
const DISTRICT = 'LDLD-DMC';
const CDCS = 'CDCS-0012';
const T = '2025-01-01T00:00:00.000Z';

const LETTERHEAD: Letterhead = {
  parentBody: 'LĐLĐ tỉnh Tây Ninh',
  issuingBody: 'LĐLĐ huyện Dương Minh Châu',
  number: '8',
  symbol: 'BC-LĐLĐ',
  place: 'Dương Minh Châu',
  date: '2025-06-25',
  recipients: ['LĐLĐ tỉnh Tây Ninh', 'Lưu: VT'],
  signingFor: 'TM. BAN THƯỜNG VỤ',
  signerTitle: 'CHỦ TỊCH',
  signerName: 'Nguyễn Văn An',
};

let seq = 0;
async function log(over: Partial<ActivityRecord>): Promise<void> {
  await db.activities.put(testActivityRecord({ planId: PLAN, unitCode: CDCS, title: `Tuyên truyền Nghị quyết 43 đợt ${++seq}`, ...over }));
}

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  await ensureSeeded();
  const unit = { type: null, members: null, contact: '', phone: '', active: true, createdAt: T, updatedAt: T };
  await db.units.bulkPut([
    { ...unit, code: DISTRICT, name: 'LĐLĐ huyện Dương Minh Châu', level: 'district', parentName: 'LĐLĐ tỉnh Tây Ninh' },
    { ...unit, code: CDCS, name: 'CĐCS Công ty TNHH Giày da Mỹ Phong', level: 'grassroots', parentName: 'LĐLĐ huyện Dương Minh Châu' },
    { ...unit, code: 'CDCS-0020', name: 'CĐCS Trường THCS Bàu Năng', level: 'grassroots', parentName: 'LĐLĐ huyện Dương Minh Châu' },
    { ...unit, code: 'CDCS-0030', name: 'CĐCS Ủy ban nhân dân xã Phan', level: 'grassroots', parentName: 'LĐLĐ huyện Dương Minh Châu' },
    { ...unit, code: 'CDCS-0040', name: 'CĐCS Bệnh viện Đa khoa huyện', level: 'grassroots', parentName: 'LĐLĐ huyện Dương Minh Châu' },
  ]);
});

/** The .docx's paragraphs (and table cells) in order, and its tables' rows, read by mammoth. */
async function readDocx(bytes: Uint8Array): Promise<{ lines: string[]; tables: string[][][] }> {
  const buffer = Buffer.from(bytes);
  const lines = (await mammoth.extractRawText({ buffer })).value
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const html = (await mammoth.convertToHtml({ buffer })).value;
  const strip = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').trim();
  const tables = [...html.matchAll(/<table>(.*?)<\/table>/gs)].map((t) =>
    [...t[1]!.matchAll(/<tr>(.*?)<\/tr>/gs)].map((r) => [...r[1]!.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/gs)].map((c) => strip(c[1]!))),
  );
  return { lines, tables };
}

const num = (s: string) => Number(s.replace(/\./g, ''));
const N = '([\\d.]+)';

type Counts = { xong: number; dang: number; chua: number; 'khong-ap-dung': number; none: number };
const zero = (): Counts => ({ xong: 0, dang: 0, chua: 0, 'khong-ap-dung': 0, none: 0 });

/** What the workbook says for a set of items: status counts, activities linked, their lượt người. */
function workbookFigures(wb: UnitReport, itemIds: ReadonlySet<string>) {
  const counts = zero();
  const consolidated = isConsolidated(wb);
  for (const it of wb.items) {
    if (!itemIds.has(it.id)) continue;
    if (consolidated) {
      const row = wb.consolidation.items.find((x) => x.id === it.id)!;
      for (const k of Object.keys(counts) as (keyof Counts)[]) counts[k] += row.counts[k];
    } else counts[it.status ?? 'none']++;
  }
  const acts = wb.activities.filter((a) => a.itemIds.some((id) => itemIds.has(id)));
  const participants = acts.reduce((s, a) => s + (activityIndicatorValues(a).participants ?? 0), 0);
  return { counts, activities: acts.length, participants, items: wb.items.filter((i) => itemIds.has(i.id)).length };
}

/** Parses «a/b … đã hoàn thành; c … đang thực hiện; …» back into status counts. */
function parseStatus(sentence: string): Counts {
  const c = zero();
  const get = (re: RegExp) => num(re.exec(sentence)?.[1] ?? '0');
  c.xong = num(new RegExp(`${N}/[\\d.]+ (?:lượt )?nhiệm vụ đã hoàn thành|Đã hoàn thành ${N}/`).exec(sentence)!.slice(1).find(Boolean)!);
  c.dang = get(new RegExp(`${N} (?:nhiệm vụ|lượt) đang thực hiện`));
  c.chua = get(new RegExp(`${N} (?:nhiệm vụ|lượt) chưa thực hiện`));
  c['khong-ap-dung'] = get(new RegExp(`${N} (?:nhiệm vụ|lượt) không áp dụng`));
  c.none = get(new RegExp(`${N} (?:nhiệm vụ chưa cập nhật|lượt chưa báo cáo) trạng thái`));
  return c;
}

/**
 * Checks every paragraph of Part I that holds a digit against the workbook `wb`; returns how
 * many it checked of each kind.
 */
function checkPartI(lines: string[], tables: string[][][], wb: UnitReport): Record<string, number> {
  const seen: Record<string, number> = {};
  const count = (k: string) => (seen[k] = (seen[k] ?? 0) + 1);
  const consolidated = isConsolidated(wb);
  const start = lines.indexOf('I. KẾT QUẢ THỰC HIỆN');
  const end = lines.indexOf('II. ĐÁNH GIÁ CHUNG');
  const reports = consolidated ? wb.consolidation.units.reduce((s, u) => s + u.reports, 0) : 1;
  const all = workbookFigures(wb, new Set(wb.items.map((i) => i.id)));
  const tableCells = new Set(tables.slice(1, -1).flat(2));
  let group: ReturnType<typeof workbookFigures> | null = null;

  for (const line of lines.slice(start + 1, end)) {
    const heading = /^(\d+)\. (.+)$/.exec(line);
    if (heading) {
      const def = GROUPS.find((g) => g.title === heading[2]);
      group = def ? workbookFigures(wb, new Set(def.itemIds)) : null;
      count('heading');
      continue;
    }
    if (group && line === 'Chưa ghi nhận hoạt động nào trong kỳ.') {
      expect(group.activities, line).toBe(0);
      count('activities');
      continue;
    }
    if (!/\d/.test(line)) continue;
    let m: RegExpExecArray | null;
    if ((m = new RegExp(`^Trong .*?(?:tổ chức|tổng hợp ${N} báo cáo kết quả thực hiện [^:]+:) ${N} hoạt động; (?:hoàn thành )?${N}/${N} (?:lượt )?nhiệm vụ`).exec(line))) {
      if (consolidated) expect(num(m[1]!), line).toBe(reports);
      expect(num(m[2]!), line).toBe(wb.activities.length);
      expect(num(m[3]!), line).toBe(all.counts.xong);
      expect(num(m[4]!), line).toBe(all.items * reports);
      count('intro');
    } else if (group && (line.startsWith('Đã hoàn thành') || line.startsWith('Tổng hợp'))) {
      expect(parseStatus(line), line).toEqual(group.counts);
      const total = new RegExp(`/${N} `).exec(line)!;
      expect(num(total[1]!), line).toBe(group.items * reports);
      if (consolidated) expect(line).toContain(`(${formatCount(group.items)} nhiệm vụ × ${formatCount(reports)} báo cáo)`);
      count('status');
    } else if (group && (m = new RegExp(`^(?:Các đơn vị đã|Đã) tổ chức ${N} hoạt động(?:, thu hút ${N} lượt người tham gia)?\\.$`).exec(line))) {
      expect(num(m[1]!), line).toBe(group.activities);
      expect(m[2] ? num(m[2]) : 0, line).toBe(group.participants);
      count('activities');
    } else if ((m = /^- Ngày (\d\d)\/(\d\d)\/(\d{4}), (.+)\.$/.exec(line))) {
      const date = `${m[3]}-${m[2]}-${m[1]}`;
      const match = wb.activities.find((a) => {
        if (a.date !== date) return false;
        const who = consolidated ? `${wb.consolidation.unitNames[a.unitCode]}: ` : '';
        const where = a.location ? ` tại ${a.location}` : '';
        const p = activityIndicatorValues(a).participants ?? 0;
        return m![4] === `${who}${a.title}${where}${p > 0 ? `, ${formatCount(p)} lượt người tham gia` : ''}`;
      });
      expect(match, line).toBeDefined();
      count('notable');
    } else if ((m = new RegExp(`^Số đơn vị phải báo cáo: ${N}(?: \\(hạn nộp (\\d\\d/\\d\\d/\\d{4})\\))?; đã nộp đúng hạn: ${N}; nộp muộn: ${N}; chưa nộp: ${N}`).exec(line))) {
      expect(consolidated).toBe(true);
      const c = isConsolidated(wb) ? wb.consolidation : null;
      expect(num(m[1]!)).toBe(c!.completeness.length);
      expect(m[2]).toBe(c!.deadline ? formatDateVn(c!.deadline) : undefined);
      expect(num(m[3]!)).toBe(c!.completeness.filter((e) => e.state === 'da-nop').length);
      expect(num(m[4]!)).toBe(c!.completeness.filter((e) => e.state === 'nop-muon').length);
      expect(num(m[5]!)).toBe(c!.completeness.filter((e) => e.state === 'chua-nop').length);
      count('completeness');
    } else if (tableCells.has(line)) {
      count('cell');
    } else {
      throw new Error(`A number in Part I that no check accounts for: «${line}»`);
    }
  }
  return seen;
}

/** The indicators table against the workbook's indicators: every row, every figure. */
function checkIndicatorTable(table: string[][], wb: UnitReport): void {
  expect(table[0]).toEqual(['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả', 'Chỉ tiêu giao', 'Tỷ lệ đạt']);
  const listed = wb.indicators.filter((i) => i.value !== 0 || i.target !== null);
  expect(table.slice(1).map((r) => r[1])).toEqual(listed.map((i) => i.name));
  for (const [k, row] of table.slice(1).entries()) {
    const i = listed[k]!;
    expect(row, i.name).toEqual([
      String(k + 1),
      i.name,
      i.unit,
      formatCount(i.value),
      i.target === null ? '' : formatCount(i.target),
      i.target ? `${formatCount(Math.floor((i.value * 100) / i.target))}%` : '',
    ]);
  }
}

describe('a CĐCS report: every figure equals the unit workbook’s', () => {
  it('statuses, activities, lượt người, notable activities and indicators', async () => {
    await db.settings.put({ key: 'ownUnitCode', value: CDCS });
    for (const [itemId, status] of [
      ['III.1.1', 'xong'],
      ['III.1.2', 'xong'],
      ['III.1.3', 'dang'],
      ['III.2.4', 'chua'],
      ['III.4.1', 'khong-ap-dung'],
      ['IV.3', 'xong'],
    ] as const) {
      await setItemStatus({ planId: PLAN, unitCode: CDCS, periodKey: H1.key, itemId, status, note: '', evidence: '' });
    }
    await log({ date: '2024-12-20', itemIds: ['III.1.1'], participants: 1250, title: 'Hội nghị quán triệt Nghị quyết 43-NQ/TW', location: 'Hội trường công ty', indicators: { 'propaganda-sessions': 1 } });
    await log({ date: '2025-02-14', itemIds: ['III.1.1', 'III.2.4'], participants: 35, type: 'dialogue', title: 'Đối thoại định kỳ quý I', indicators: { 'workplace-dialogues': 1 } });
    await log({ date: '2025-04-30', itemIds: ['IV.3'], participants: null, title: 'Báo cáo sơ kết gửi LĐLĐ huyện', indicators: { participants: 12 } });
    await log({ date: '2025-07-01', itemIds: ['III.1.1'], participants: 500, title: 'Ngoài kỳ: không được tính' });
    await setIndicatorTarget({ planId: PLAN, unitCode: CDCS, periodKey: H1.key, indicatorCode: 'propaganda-sessions', target: 4 });
    await setIndicatorAdjustment({ planId: PLAN, unitCode: CDCS, periodKey: H1.key, indicatorCode: 'new-members', delta: 7, reason: 'Kết nạp tháng 6 chưa ghi nhật ký' });
    await setIndicatorTarget({ planId: PLAN, unitCode: CDCS, periodKey: H1.key, indicatorCode: 'new-members', target: 10 });

    const figures = await loadResultReportFigures({ planId: PLAN, unitCode: CDCS, period: H1, now: NOW });
    expect(figures.facts.consolidated).toBe(false);
    // The workbook «Xuất báo cáo đơn vị» writes for the same unit and period, read back.
    const exported = await buildUnitReport({ planId: PLAN, unitCode: CDCS, period: H1, exportedBy: '', appVersion: '', now: NOW });
    const read = await readWorkbook(await writeUnitReport(exported), { fileName: 'BaoCao.xlsx' });
    expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const wb = read.report!;

    const doc = buildResultDocument({ facts: figures.facts, texts: emptyTexts(), letterhead: LETTERHEAD });
    const { lines, tables } = await readDocx(await writeResultDocx(doc));
    const seen = checkPartI(lines, tables, wb);
    expect(seen).toMatchObject({ intro: 1, status: GROUPS.length, activities: GROUPS.length, notable: 4 });
    checkIndicatorTable(tables[1]!, wb);
    expect(wb.indicators.find((i) => i.code === 'new-members')).toMatchObject({ value: 7, target: 10 });
    expect(tables[1]!.find((r) => r[1] === 'Đoàn viên kết nạp mới')).toEqual(['3', 'Đoàn viên kết nạp mới', 'người', '7', '10', '70%']);
    expect(lines).toContain('Đã tổ chức 2 hoạt động, thu hút 1.285 lượt người tham gia.');
  });
});

async function importReport(r: UnitReport) {
  const bytes = await writeUnitReport(r);
  const read = await readWorkbook(bytes, { fileName: `${r.unit.code}.xlsx` });
  return applySubmission(await previewImport(read.report!, bytes, `${r.unit.code}.xlsx`));
}

function unitReport(code: string, name: string, activities: number, exportedAt: string): UnitReport {
  const r = sampleReport(activities);
  r.unit = { code, name, level: 'grassroots', parentName: 'LĐLĐ huyện Dương Minh Châu' };
  r.period = { key: H1.key, name: H1.name, start: H1.start, end: H1.end };
  r.activities = r.activities.map((a) => ({ ...a, unitCode: code }));
  r.exportedAt = exportedAt;
  r.formatVersion = 1;
  return r;
}

describe('a district report: every figure equals the consolidated workbook’s', () => {
  it('reports counted, statuses summed, activities, indicators, who has not reported', async () => {
    await db.settings.put({ key: 'ownUnitCode', value: DISTRICT });
    await importReport(unitReport(CDCS, 'CĐCS Công ty TNHH Giày da Mỹ Phong', 14, '2025-06-10T02:00:00.000Z'));
    await importReport(unitReport('CDCS-0020', 'CĐCS Trường THCS Bàu Năng', 9, '2025-06-23T02:00:00.000Z'));
    await importReport(unitReport('CDCS-0040', 'CĐCS Bệnh viện Đa khoa huyện', 5, '2025-06-12T02:00:00.000Z'));
    await setReportDeadline(PLAN, H1.key, '2025-06-20');
    await setIndicatorTarget({ planId: PLAN, unitCode: DISTRICT, periodKey: H1.key, indicatorCode: 'propaganda-sessions', target: 40 });

    const figures = await loadResultReportFigures({ planId: PLAN, unitCode: DISTRICT, period: H1, now: NOW });
    expect(figures.facts).toMatchObject({ consolidated: true, reports: 3 });
    // The workbook «Xuất báo cáo tổng hợp» writes for the same period, read back.
    const consolidated = (await loadConsolidation({ planId: PLAN, period: H1, now: NOW })).result.report;
    const read = await readWorkbook(await writeConsolidatedReport(consolidated), { fileName: 'TongHop.xlsx' });
    expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const wb = read.report!;
    expect(isConsolidated(wb)).toBe(true);

    const doc = buildResultDocument({ facts: figures.facts, texts: emptyTexts(), letterhead: LETTERHEAD });
    const { lines, tables } = await readDocx(await writeResultDocx(doc));
    const seen = checkPartI(lines, tables, wb);
    expect(seen).toMatchObject({ intro: 1, status: GROUPS.length, activities: GROUPS.length, completeness: 1 });
    expect(seen.notable).toBeGreaterThan(5);
    checkIndicatorTable(tables[1]!, wb);

    // The completeness table: every expected unit, state and time as the workbook has them.
    const c = isConsolidated(wb) ? wb.consolidation.completeness : [];
    expect(c.map((e) => e.state)).toEqual(['da-nop', 'da-nop', 'nop-muon', 'chua-nop']);
    expect(tables[2]!.slice(1)).toEqual(
      c.map((e, k) => [
        String(k + 1),
        e.unitName,
        COMPLETENESS_STATE_LABELS[e.state],
        e.submittedAt ? formatInstantVn(e.submittedAt) : '',
        e.state === 'chua-nop' ? '' : formatCount(e.activityCount),
      ]),
    );
    expect(lines.find((l) => l.startsWith('Số đơn vị phải báo cáo'))).toContain('chưa nộp: 1 (CĐCS Ủy ban nhân dân xã Phan).');
  });
});

describe('drafts', () => {
  const target = { planId: PLAN, unitCode: CDCS, periodKey: H1.key };

  it('start from defaults, are stored per unit + plan + period, and the letterhead is remembered per unit', async () => {
    await db.settings.put({ key: 'ownUnitCode', value: CDCS });
    const first = await loadReportDraft({ ...target, today: '2025-06-20' });
    expect(first.texts).toBeNull();
    expect(first.letterhead).toMatchObject({
      parentBody: 'LĐLĐ huyện Dương Minh Châu',
      issuingBody: 'CĐCS Công ty TNHH Giày da Mỹ Phong',
      symbol: 'BC-CĐCS',
      place: 'Dương Minh Châu',
      date: '2025-06-20',
      recipients: ['LĐLĐ huyện Dương Minh Châu', 'Lưu: VT'],
      signingFor: 'TM. BAN CHẤP HÀNH',
    });

    const texts = { ...emptyTexts(), strengths: '  Đoàn viên tích cực.\r\nBan Chấp hành sâu sát.  '.normalize('NFD') };
    await saveReportDraft({ ...target, texts, letterhead: { ...first.letterhead, number: '5', signerName: 'Lê Thị Hà'.normalize('NFD') } });
    const again = await loadReportDraft({ ...target, today: '2025-06-30' });
    expect(again.texts!.strengths).toBe('Đoàn viên tích cực.\nBan Chấp hành sâu sát.');
    expect(again.letterhead).toMatchObject({ number: '5', signerName: 'Lê Thị Hà', date: '2025-06-20' });

    // Another period of the same unit: its own (empty) texts, the remembered signer and symbol.
    const year = await loadReportDraft({ ...target, periodKey: '2025-Y', today: '2025-12-20' });
    expect(year.texts).toBeNull();
    expect(year.letterhead).toMatchObject({ signerName: 'Lê Thị Hà', symbol: 'BC-CĐCS', number: '', date: '2025-12-20' });
    // Another unit: nothing of this one's.
    const other = await loadReportDraft({ ...target, unitCode: 'CDCS-0020', today: '2025-06-20' });
    expect(other.letterhead.signerName).toBe('');
    // Kept with the data (the settings table is in every backup).
    const stored = await db.settings.get('reportDrafts');
    expect(Object.keys(stored!.value as object)).toEqual([`${PLAN}|${CDCS}|${H1.key}`]);
  });

  it('refuses a text over its limit with a Vietnamese message and writes nothing', async () => {
    const first = await loadReportDraft({ ...target, today: '2025-06-20' });
    const texts = { ...emptyTexts(), causes: 'x'.repeat(MAX_REPORT_TEXT_CHARS + 1) };
    const error = await saveReportDraft({ ...target, texts, letterhead: first.letterhead }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationError);
    expect((error as OperationError).message).toBe('Phần «Nguyên nhân» quá dài: tối đa 50.000 ký tự.');
    expect(await db.settings.get('reportDrafts')).toBeUndefined();
    expect(await db.settings.get('reportLetterheads')).toBeUndefined();
    const bad = await saveReportDraft({ ...target, texts: emptyTexts(), letterhead: { ...first.letterhead, date: '2025-02-30' } }).catch((e: unknown) => e);
    expect((bad as OperationError).message).toBe('Ngày ban hành: «2025-02-30» không phải là ngày hợp lệ.');
  });

  it('travel in a backup and come back on restore', async () => {
    await db.settings.put({ key: 'ownUnitCode', value: CDCS });
    const first = await loadReportDraft({ ...target, today: '2025-06-20' });
    const texts = { ...emptyTexts(), weaknesses: 'Còn 2 nhiệm vụ chưa thực hiện.' };
    await saveReportDraft({ ...target, texts, letterhead: { ...first.letterhead, number: '9', signerName: 'Phạm Văn Tài' } });
    const backup = await createBackup();
    db.close();
    await db.delete();
    await db.open();
    await restoreBackup(backup.bytes, 'replace');
    const back = await loadReportDraft({ ...target, today: '2025-07-01' });
    expect(back.texts!.weaknesses).toBe('Còn 2 nhiệm vụ chưa thực hiện.');
    expect(back.letterhead).toMatchObject({ number: '9', signerName: 'Phạm Văn Tài' });
  });
});
