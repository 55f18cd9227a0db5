/**
 * A plan's trackable items as the workbooks list them in "Tiến độ": id, group, text, and, when
 * the plan printed them, the item's number ("Số mục") and its attributes by column
 * (attributeColumnOf). Used by the unit report, the template and the consolidation alike.
 *
 * Pure module (no ExcelJS here, so the database layer can import it without pulling the writer
 * into the main chunk).
 */
import { planItemRows, type PlanLike } from '@domain/plan-tree';
import { attributeColumnOf } from './spec';
import { type ReportItem } from '@domain/report';

export type PlanReportItem = Pick<ReportItem, 'id' | 'groupTitle' | 'text' | 'label' | 'attributes'>;

/** The trackable items of a plan with the text of their group ('' for items outside a group). */
export function planReportItems(plan: PlanLike): PlanReportItem[] {
  return planItemRows(plan).map((row) => {
    const item: PlanReportItem = { id: row.id, groupTitle: row.groupTitle, text: row.text };
    if (row.label !== '') item.label = row.label;
    if (row.attributes.length > 0) {
      const attributes: Record<string, string> = {};
      for (const a of row.attributes) {
        const column = attributeColumnOf(a.name);
        // Two lines of one kind ("Thời gian" and "Thời hạn") share the column.
        attributes[column] = attributes[column] ? `${attributes[column]}; ${a.value}` : a.value;
      }
      item.attributes = attributes;
    }
    return item;
  });
}
