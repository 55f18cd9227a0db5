/**
 * Writes a unit's report workbook in memory: `writeUnitReport(report) → bytes`. Runs in the
 * browser's module worker and in Node alike (ExcelJS's in-memory Workbook). For large files in
 * the desktop main process, writer-stream.ts writes the same content through ExcelJS's
 * streaming WorkbookWriter; both build their rows in writer-layout.ts.
 *
 * Pure module.
 */
import ExcelJS from 'exceljs';
import { totalRows, writeSheets, type SheetPlan, type WriteOptions } from './writer-layout';
import { reportSheetPlans } from './writer-plans';
import { FORMAT_ID } from './spec';
import { type UnitReport } from '@domain/report';
import type { WithActivityRows } from './activity-pack';

export type { WriteOptions } from './writer-layout';

/** Workbook properties both writers set (no personal data beyond what the report carries). */
export function workbookProperties(report: Pick<UnitReport, 'exportedAt' | 'appVersion'>): { creator: string; title: string; created: Date; modified: Date } {
  const at = Date.parse(report.exportedAt);
  const when = Number.isNaN(at) ? new Date(0) : new Date(at);
  return { creator: `Sổ Kế hoạch Công đoàn ${report.appVersion}`.trim(), title: FORMAT_ID, created: when, modified: when };
}

/**
 * Sets the workbook's properties and view, then writes the planned sheets into it: the same for
 * the in-memory workbook and the streaming one (writer-stream.ts), which share this part of the
 * ExcelJS API.
 */
export async function fillWorkbook(
  wb: ExcelJS.Workbook,
  report: WithActivityRows<UnitReport>,
  plans: readonly SheetPlan[],
  options: WriteOptions,
): Promise<void> {
  const props = workbookProperties(report);
  wb.creator = props.creator;
  wb.lastModifiedBy = props.creator;
  wb.title = props.title;
  wb.created = props.created;
  wb.modified = props.modified;
  // The first readable sheet is active: a very hidden sheet must never be the active one.
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  const { onProgress, signal, pause, onTextCut } = options;
  await writeSheets(wb, plans, { written: 0, total: totalRows(plans), onProgress, signal, pause, onTextCut });
}

/** Write already-planned sheets into a fresh in-memory workbook and serialize it. */
export async function writePlansInMemory(report: WithActivityRows<UnitReport>, plans: SheetPlan[], options: WriteOptions): Promise<Uint8Array> {
  options.signal?.throwIfAborted();
  const wb = new ExcelJS.Workbook();
  await fillWorkbook(wb, report, plans, options);
  options.signal?.throwIfAborted();
  const buffer = (await wb.xlsx.writeBuffer()) as unknown as Uint8Array | ArrayBuffer;
  // Node gives a Buffer, the browser build a Uint8Array or ArrayBuffer: always hand back a plain view.
  return buffer instanceof Uint8Array
    ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
    : new Uint8Array(buffer);
}

/** The unit's report workbook (kind 'unit-report'), as .xlsx bytes. */
export async function writeUnitReport(report: UnitReport, options: WriteOptions = {}): Promise<Uint8Array> {
  return writePlansInMemory(report, reportSheetPlans(report, options), options);
}
