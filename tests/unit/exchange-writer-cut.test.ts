/**
 * Text longer than a cell holds (Excel: 32,767 characters): the writers cut it with a visible
 * note at its end and report each such cell (WriteOptions.onTextCut), instead of cutting
 * silently. The app's forms never let such text in (activity.ts ACTIVITY_TEXT_LIMITS); this is
 * for data from elsewhere, e.g. a plan item's note imported from another program.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '@exchange/reader';
import { MAX_CELL_CHARS } from '@exchange/safe-cell';
import { writeUnitReport } from '@exchange/writer';
import { writeConsolidatedReport } from '@exchange/writer-consolidated';
import { cutLengthOf, cutNote, fullCellLength, textCell, type TextCut } from '@exchange/writer-text';
import { writeUnitReportStreaming } from '@exchange/writer-stream';
import { sampleConsolidated } from '../fixtures/workbooks/tools/sample-consolidated';
import { sampleReport } from '../fixtures/workbooks/tools/sample-report';

const HEADER_ROW = 7;

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

function cellOf(wb: ExcelJS.Workbook, sheet: string, row: number, header: string): unknown {
  const ws = wb.getWorksheet(sheet)!;
  const head = ws.getRow(HEADER_ROW);
  for (let c = 1; c <= ws.columnCount; c++) if (head.getCell(c).value === header) return ws.getRow(row).getCell(c).value;
  throw new Error(`no column ${header}`);
}

const LONG_NOTE = 'Đánh giá chi tiết từng buổi sinh hoạt. '.repeat(1200); // 46,800 characters
const LONG_CONTENT = 'Nội dung hội nghị: ' + '😀'.repeat(20_000); // emoji: two UTF-16 units each

describe('textCell: cut at 32,767 characters with a visible note, never silently', () => {
  it('leaves text up to the limit alone, and text that only looks long before NFC', () => {
    expect(MAX_CELL_CHARS).toBe(32_767);
    const exact = 'a'.repeat(MAX_CELL_CHARS);
    expect(textCell(exact)).toBe(exact);
    expect(cutLengthOf(textCell(exact))).toBeNull();
    // 20,000 "ế" typed decomposed are 60,000 code units but 20,000 characters once stored.
    const nfd = 'ế'.normalize('NFD').repeat(20_000);
    expect(nfd.length).toBe(60_000);
    expect(textCell(nfd)).toBe('ế'.repeat(20_000));
    // Dropped control characters do not count either.
    const withControls = 'b'.repeat(MAX_CELL_CHARS) + '\u0001'.repeat(10);
    expect(textCell(withControls)).toBe('b'.repeat(MAX_CELL_CHARS));
  });

  it('cuts one character over the limit, ends it with the note, and the note gives the whole length', () => {
    const over = 'c'.repeat(MAX_CELL_CHARS + 1);
    const v = textCell(over)!;
    expect(v).toHaveLength(MAX_CELL_CHARS);
    expect(v.endsWith(cutNote(MAX_CELL_CHARS + 1))).toBe(true);
    expect(cutNote(40_000)).toBe(' … [ĐÃ CẮT BỚT: một ô chỉ chứa được 32.767 ký tự, bản đầy đủ dài 40.000 ký tự]');
    expect(cutLengthOf(v)).toBe(MAX_CELL_CHARS + 1);
    expect(v.startsWith('c'.repeat(1000))).toBe(true);
  });

  it('never leaves half an emoji before the note', () => {
    const v = textCell(LONG_CONTENT)!;
    expect(v.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    const kept = v.slice(0, v.indexOf(' … [ĐÃ CẮT BỚT'));
    // No lone surrogate: a well-formed string survives a UTF-8 round trip unchanged.
    expect(new TextDecoder().decode(new TextEncoder().encode(kept))).toBe(kept);
    expect(cutLengthOf(v)).toBe(fullCellLength(LONG_CONTENT));
    expect(fullCellLength(LONG_CONTENT)).toBe(LONG_CONTENT.length);
  });
});

describe('the writers report every cut cell', () => {
  const report = () => {
    const r = sampleReport();
    r.items[0]!.note = LONG_NOTE;
    r.activities[0]!.content = LONG_CONTENT;
    return r;
  };

  it('in memory and streaming alike: the note in the cell, the place in onTextCut', async () => {
    for (const write of [writeUnitReport, writeUnitReportStreaming]) {
      const cuts: TextCut[] = [];
      const bytes = (await write(report(), { onTextCut: (c) => cuts.push(c) }))!;
      expect(cuts).toEqual([
        { sheet: 'Tiến độ', row: 8, column: 'Đánh giá, ghi chú', length: LONG_NOTE.length },
        { sheet: 'Hoạt động', row: 8, column: 'Nội dung', length: LONG_CONTENT.length },
      ]);
      const wb = await load(bytes);
      const note = cellOf(wb, 'Tiến độ', 8, 'Đánh giá, ghi chú') as string;
      expect(note).toHaveLength(MAX_CELL_CHARS);
      expect(note.endsWith(cutNote(LONG_NOTE.length))).toBe(true);
      expect(cellOf(wb, 'Hoạt động', 8, 'Nội dung')).toEqual(expect.stringMatching(/ký tự\]$/));
    }
  });

  it('nothing is reported for a report without such text', async () => {
    const cuts: TextCut[] = [];
    await writeUnitReport(sampleReport(), { onTextCut: (c) => cuts.push(c) });
    expect(cuts).toEqual([]);
  });

  it('read back: the cut note shows, and an activity too long for the form is refused where it is', async () => {
    const r = await readWorkbook(await writeUnitReport(report()), { fileName: 'dai.xlsx' });
    expect(r.problems.map((p) => [p.severity, p.sheet, p.row, p.column, p.message])).toEqual([
      ['error', 'Hoạt động', 8, 'Nội dung', `Tệp «dai.xlsx», trang «Hoạt động», dòng 8, cột «Nội dung»: «Nội dung hội nghị: ${'😀'.repeat(19)}…» dài 32.767 ký tự; tối đa 10.000 ký tự`],
    ]);
    expect(r.report!.items[0]!.note.endsWith(cutNote(LONG_NOTE.length))).toBe(true);
  });

  it('the consolidated writer too', async () => {
    const c = sampleConsolidated();
    c.consolidation.units[1]!.unitName = 'CĐCS '.repeat(7000);
    const cuts: TextCut[] = [];
    await writeConsolidatedReport(c, { onTextCut: (x) => cuts.push(x) });
    expect(cuts).toEqual([{ sheet: 'Chỉ tiêu theo đơn vị', row: 9, column: 'Tên đơn vị', length: 35_000 }]);
  });
});
