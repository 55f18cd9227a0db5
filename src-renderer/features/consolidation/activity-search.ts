/**
 * Search in the consolidated "Hoạt động" list: which activities (by index into
 * report.activities) the unit filter and the search box keep. Pure: no React, no Dexie.
 *
 * Matching is the activity log's (domain/vn-text.ts, domain/activity.ts): the query is split
 * into folded words (`queryWords`) and every word must occur in the activity's folded search
 * text (`activitySearchText`: title, content, location, evidence), so "tap huan" finds
 * "Tập huấn" and "đối thoại" finds "Doi thoai". Here the contributor's unit name is searched as
 * well, since the list shows it and a district has many units.
 *
 * Speed: folding is the costly part (about 300–450 ms for 20,000 activities), filtering is not
 * (about 10 ms for 20,000: one pass of `includes` over plain strings). So each activity's folded
 * text is computed once per activities array, kept in a WeakMap keyed by that array (a new
 * consolidation is a new array, so the cache cannot go stale), and the list warms it in slices
 * while idle (`warmConsolidatedSearchTexts`) so that the first search does not pay for it; a
 * search before the warm-up ends folds the rest at once.
 */
import { activitySearchText } from '@domain/activity';
import { findMatches, fold, queryWords } from '@domain/vn-text';
import type { ReportActivity } from '@domain/report';

interface SearchTexts {
  names: Readonly<Record<string, string>>;
  /** Folded unit names by unit code. */
  foldedNames: Map<string, string>;
  /** texts[i] for activities[i]; filled from the start, complete when as long as activities. */
  texts: string[];
}

const searchTextCache = new WeakMap<readonly ReportActivity[], SearchTexts>();

function entryFor(activities: readonly ReportActivity[], unitNames: Readonly<Record<string, string>>): SearchTexts {
  let entry = searchTextCache.get(activities);
  if (!entry || entry.names !== unitNames) {
    entry = { names: unitNames, foldedNames: new Map(), texts: [] };
    searchTextCache.set(activities, entry);
  }
  return entry;
}

function extend(activities: readonly ReportActivity[], entry: SearchTexts, count: number): void {
  const end = Math.min(activities.length, entry.texts.length + count);
  for (let i = entry.texts.length; i < end; i++) {
    const a = activities[i]!;
    let name = entry.foldedNames.get(a.unitCode);
    if (name === undefined) entry.foldedNames.set(a.unitCode, (name = fold(entry.names[a.unitCode] ?? '')));
    const text = `${activitySearchText(a)}\n${name}`;
    // Built by concatenation, the text is a rope that the engine flattens on its first search
    // (measured: about 100 ms for 20,000 in Chromium, paid by the first keystroke); searching it
    // once here flattens it during the warm-up instead.
    text.includes('\u0000');
    entry.texts.push(text);
  }
}

/** The folded text searched for each activity: its own fields, then its unit's name. */
export function consolidatedSearchTexts(activities: readonly ReportActivity[], unitNames: Readonly<Record<string, string>>): readonly string[] {
  const entry = entryFor(activities, unitNames);
  extend(activities, entry, activities.length);
  return entry.texts;
}

/**
 * Folds the search text of up to `count` more activities (for idle-time warm-up); true when
 * every activity's text is ready.
 */
export function warmConsolidatedSearchTexts(
  activities: readonly ReportActivity[],
  unitNames: Readonly<Record<string, string>>,
  count: number,
): boolean {
  const entry = entryFor(activities, unitNames);
  extend(activities, entry, count);
  return entry.texts.length === activities.length;
}

export interface ConsolidatedActivityFilter {
  /** Contributor's unit code ('' = every contributor), compared with `contributors[i]`. */
  unit: string;
  /** Words that must all occur, accents and case ignored; blank = no search. */
  query: string;
}

/**
 * Indexes (ascending) of the activities the filter keeps. `contributors[i]` is the unit code of
 * the contributor of activity i (ConsolidationResult.activityContributors).
 */
export function filterConsolidatedActivities(
  activities: readonly ReportActivity[],
  contributors: readonly string[],
  unitNames: Readonly<Record<string, string>>,
  filter: ConsolidatedActivityFilter,
): number[] {
  const words = queryWords(filter.query);
  const texts = words.length > 0 ? consolidatedSearchTexts(activities, unitNames) : null;
  const out: number[] = [];
  for (let i = 0; i < activities.length; i++) {
    if (filter.unit !== '' && contributors[i] !== filter.unit) continue;
    if (texts) {
      const hay = texts[i]!;
      let all = true;
      for (const w of words) {
        if (!hay.includes(w)) {
          all = false;
          break;
        }
      }
      if (!all) continue;
    }
    out.push(i);
  }
  return out;
}

/**
 * The words of `query` that occur in `text`, as a query: what one cell of a kept row highlights
 * (the row matched as a whole; one word may be in the title, another in the unit name).
 */
export function queryWordsIn(text: string, query: string): string {
  const hay = fold(text);
  return queryWords(query)
    .filter((w) => hay.includes(w))
    .join(' ');
}

/**
 * Where a one-line cell should start showing `text` (NFC) so that its first match is not lost
 * past the cell's end: 0 when the first match starts within `lead` characters; otherwise the
 * start of the word about `before` characters ahead of the match (the cell then shows "…").
 */
export function snippetStart(text: string, query: string, lead = 36, before = 16): number {
  const first = findMatches(text, query)[0];
  if (!first || first.start <= lead) return 0;
  const space = text.lastIndexOf(' ', Math.max(0, first.start - before));
  return space <= 0 ? Math.max(0, first.start - before) : space + 1;
}
