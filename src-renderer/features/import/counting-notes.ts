/**
 * Each unit counted once, among the files of one batch (domain/double-count.ts): a district's
 * consolidated report and one of its CĐCS's own files chosen together are told apart before
 * anything is imported, as the preview of each file against the stored data does
 * (ImportPreview.countingNotes). Pure: cards in, notes per card out.
 */
import { codeClashMessage, countedElsewhereMessage, coveredUnits, findDoubleCounts, type CoverageEntry } from '@domain/double-count';
import { hardBlock, type Card } from './import-cards';

/** Card key → what the officer must know about counting its unit once, from the other cards of the batch. */
export function batchCountingNotes(cards: readonly Card[]): Map<string, string[]> {
  const entries: CoverageEntry[] = [];
  for (const c of cards) {
    const p = c.preview;
    if (!p || c.result || hardBlock(c) !== '') continue;
    const { unit } = p.report;
    entries.push({
      id: c.key,
      unitCode: unit.code,
      unitName: unit.name,
      parentName: unit.parentName,
      planId: p.plan.scope.planId,
      periodKey: p.plan.scope.periodKey,
      covers: coveredUnits(p.report),
    });
  }
  const out = new Map<string, string[]>();
  const add = (key: string, text: string) => out.set(key, [...(out.get(key) ?? []), text]);
  const found = findDoubleCounts(entries);
  for (const c of found.leftOut.values()) {
    const text = countedElsewhereMessage(c);
    add(c.id, text);
    add(c.byId, text);
  }
  for (const clash of found.codeClashes) {
    for (const e of entries) if (e.unitCode === clash.unitCode && e.covers.size === 0) add(e.id, codeClashMessage(clash));
  }
  return out;
}
