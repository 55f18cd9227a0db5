/**
 * Printed numbers ("Số mục") and attributes of plan items in the «Tiến độ» sheet: written beside
 * the id and at the end of the row, read back, and absent (the sheet exactly as before) for a
 * plan without them such as the built-in plan.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { parsePlan } from '@domain/plan-parser';
import { planFingerprint } from '@domain/plan-tree';
import { planReportItems } from '@exchange/plan-items';
import { readWorkbook } from '@exchange/reader';
import { attributeColumnOf, PROGRESS_COLUMNS, progressColumns, SHEET_NAMES } from '@exchange/spec';
import { type UnitReport } from '@domain/report';
import { writeTemplate } from '@exchange/template';
import { writeUnitReport } from '@exchange/writer';
import { expectedOf, generateReport } from '../fixtures/workbooks/tools/generate-report';
import { templateInput } from '../fixtures/workbooks/tools/template-fixture';

const PLAN = parsePlan(readFileSync(resolve(import.meta.dirname, '../fixtures/plans/ke-hoach-thang-cong-nhan-bang.txt'), 'utf8'));

/** A generated report for the plan of the task-table fixture (its items, numbers and attributes). */
function reportOfPlan(seed: number): UnitReport {
  const base = generateReport(seed);
  const items = planReportItems(PLAN).map((it, i) => ({
    ...it,
    status: base.items[i % base.items.length]!.status,
    note: base.items[i % base.items.length]!.note,
    evidence: '',
    activityCount: 0,
  }));
  const ids = items.map((it) => it.id);
  return {
    ...base,
    plan: { ...base.plan, fingerprint: planFingerprint(PLAN) },
    items,
    activities: base.activities.map((a) => ({ ...a, itemIds: [ids[a.itemIds.length % ids.length]!] })),
  };
}

async function progressSheet(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb.getWorksheet(SHEET_NAMES.progress)!;
}

/** The header row's texts and the data rows' texts of «Tiến độ». */
function table(ws: ExcelJS.Worksheet): { header: string[]; rows: string[][] } {
  let headerRow = 0;
  ws.eachRow((row, r) => {
    if (headerRow === 0 && row.getCell(1).text === 'Mã nhiệm vụ') headerRow = r;
  });
  const width = ws.getRow(headerRow).cellCount;
  const texts = (r: number) => Array.from({ length: width }, (_, c) => ws.getRow(r).getCell(c + 1).text);
  const rows: string[][] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).text !== '') rows.push(texts(r));
  return { header: texts(headerRow), rows };
}

describe('printed numbers and attributes in «Tiến độ»', () => {
  it('lists the plan items with their number and attributes by workbook column', () => {
    expect(planReportItems(PLAN).slice(0, 2)).toEqual([
      {
        id: 'II.1.1',
        groupTitle: 'HOẠT ĐỘNG TUYÊN TRUYỀN',
        text: 'Treo băng rôn, khẩu hiệu hưởng ứng Tháng Công nhân tại trụ sở cơ quan',
        label: '1.',
        // "Bộ phận chủ trì" goes in the column of its kind, "Đơn vị chủ trì".
        attributes: { 'Thời gian thực hiện': 'Từ 25/4/2025', 'Đơn vị chủ trì': 'Ban Tuyên giáo', 'Đơn vị phối hợp': 'Văn phòng Sở' },
      },
      {
        id: 'II.1.2',
        groupTitle: 'HOẠT ĐỘNG TUYÊN TRUYỀN',
        text: 'Đăng tin, bài về Tháng Công nhân trên trang thông tin điện tử của Sở',
        label: '2.',
        attributes: { 'Thời gian thực hiện': 'Tháng 5/2025', 'Đơn vị chủ trì': 'Ban Tuyên giáo' },
      },
    ]);
    // A column the plan names like one of the sheet's own is marked as the plan's.
    expect(attributeColumnOf('Trạng thái')).toBe('Kế hoạch – Trạng thái');
    expect(attributeColumnOf('Ghi chú')).toBe('Ghi chú');
  });

  it('writes "Số mục" after the id and one column per attribute at the end, and reads them back', async () => {
    const input = reportOfPlan(7);
    const bytes = await writeUnitReport(input);
    const { header, rows } = table(await progressSheet(bytes));
    expect(header).toEqual([
      'Mã nhiệm vụ',
      'Số mục',
      'Nhóm nhiệm vụ',
      'Nội dung nhiệm vụ',
      'Trạng thái',
      'Đánh giá, ghi chú',
      'Minh chứng',
      'Số hoạt động',
      'Thời gian thực hiện',
      'Đơn vị chủ trì',
      'Đơn vị phối hợp',
    ]);
    expect(rows[0]!.slice(0, 2)).toEqual(['II.1.1', '1.']);
    expect(rows[0]!.slice(-3)).toEqual(['Từ 25/4/2025', 'Ban Tuyên giáo', 'Văn phòng Sở']);
    expect(rows[4]!.slice(-3)).toEqual(['', 'Ban Văn thể', '']);
    const result = await readWorkbook(bytes, { fileName: 'bao-cao.xlsx' });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.report).toEqual(expectedOf(input));
  });

  it('keeps the template’s editable cells on «Trạng thái», «Đánh giá», «Minh chứng» when «Số mục» moves them', async () => {
    const items = planReportItems(PLAN);
    const bytes = await writeTemplate(templateInput({ items, plan: { id: 'kh-11', number: '11/KH-CĐCS', title: 'Tháng Công nhân', fingerprint: planFingerprint(PLAN) } }));
    const ws = await progressSheet(bytes);
    const { header } = table(ws);
    const col = (name: string) => header.indexOf(name) + 1;
    let first = 0;
    ws.eachRow((row, r) => {
      if (first === 0 && row.getCell(1).text === 'II.1.1') first = r;
    });
    const locked = (name: string) => ws.getRow(first).getCell(col(name)).protection?.locked;
    expect(locked('Trạng thái')).toBe(false);
    expect(locked('Đánh giá, ghi chú')).toBe(false);
    expect(locked('Minh chứng')).toBe(false);
    expect(locked('Số mục')).not.toBe(false);
    expect(locked('Thời gian thực hiện')).not.toBe(false);
    expect(ws.getRow(first).getCell(col('Trạng thái')).dataValidation?.type).toBe('list');
    const read = await readWorkbook(bytes, { fileName: 'mau.xlsx' });
    expect(read.report?.items.map((it) => [it.id, it.label, it.attributes?.['Đơn vị chủ trì']])).toEqual(
      items.map((it) => [it.id, it.label, it.attributes?.['Đơn vị chủ trì']]),
    );
  });

  it('leaves «Tiến độ» exactly as before for a plan without numbers or attributes (the built-in plan)', async () => {
    const items = planReportItems(BUILTIN_PLAN.plan);
    expect(items.every((it) => !('label' in it) && !('attributes' in it))).toBe(true);
    expect(progressColumns(items)).toEqual([...PROGRESS_COLUMNS]);
    const { header } = table(await progressSheet(await writeTemplate(templateInput())));
    expect(header).toEqual(PROGRESS_COLUMNS.map((c) => c.header));
  });
});
