/**
 * Shared body of the time-zone tests (exchange-writer-tz-*.test.ts): each file sets
 * process.env.TZ first, then runs these checks, so a written calendar date must come back as the
 * same day whatever the zone of the machine that wrote or read it.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { expect, it } from 'vitest';
import { HEADER_BLOCK_ROWS } from '@exchange/print';
import { activitySheetColumns, cellDateToCalendar, SHEET_NAMES } from '@exchange/spec';
import { writeUnitReport } from '@exchange/writer';
import { writeUnitReportStreaming } from '@exchange/writer-stream';
import { sampleReport } from '../support/exchange-writer-fixtures';

const DATES = ['2024-12-15', '2025-06-14', '2025-06-15', '2025-01-01', '2024-12-31', '2025-12-31', '2000-02-29', '2100-12-31'];

/** Excel serial of a calendar date (1900 date system, valid after 1900-03-01). */
function serialOf(date: string): number {
  return (Date.parse(`${date}T00:00:00Z`) - Date.parse('1899-12-30T00:00:00Z')) / 86_400_000;
}

export function timeZoneTests(zone: string, offsetMinutes: number): void {
  it(`runs in ${zone}`, () => {
    expect(process.env.TZ).toBe(zone);
    // getTimezoneOffset is minutes *behind* UTC; check a winter date (LA has DST in summer).
    expect(new Date(2025, 0, 15).getTimezoneOffset()).toBe(-offsetMinutes);
  });

  for (const variant of ['in-memory', 'streaming'] as const) {
    it(`writes each calendar date as that day (${variant}, ${zone})`, async () => {
      const r = sampleReport(DATES.length);
      DATES.forEach((d, i) => (r.activities[i]!.date = d));
      const bytes = variant === 'in-memory' ? await writeUnitReport(r) : (await writeUnitReportStreaming(r))!;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      const act = wb.getWorksheet(SHEET_NAMES.activities)!;
      const col = activitySheetColumns(r).findIndex((c) => c.key === 'date') + 1;
      const first = HEADER_BLOCK_ROWS + 2;
      DATES.forEach((d, i) => {
        const cell = act.getCell(first + i, col);
        expect(cell.numFmt).toBe('dd/mm/yyyy');
        expect(cellDateToCalendar(cell.value as Date)).toBe(d);
      });
      // The stored serial is the day itself, independent of any zone.
      const xml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet3.xml')!.async('string');
      const letter = String.fromCharCode(64 + col);
      DATES.forEach((d, i) => {
        const m = new RegExp(`<c r="${letter}${first + i}"[^>]*><v>([^<]+)</v>`).exec(xml);
        expect(Number(m?.[1])).toBe(serialOf(d));
      });
      // The period dates on "Thông tin".
      const info = wb.getWorksheet(SHEET_NAMES.info)!;
      const values: string[] = [];
      info.eachRow((row) => {
        const v = row.getCell(2).value;
        if (v instanceof Date) values.push(cellDateToCalendar(v));
      });
      expect(values).toEqual([r.period.start, r.period.end]);
    });
  }
}
