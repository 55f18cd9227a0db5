/**
 * Why a unit's workbook cannot be imported as things stand: the one rule the import preview,
 * the import itself (db/import-ops.ts) and the import screen's cards share, so that what the
 * preview announces is exactly what applying refuses. Each reason is a typed code; its
 * Vietnamese sentence comes from BLOCKER_TEXT only.
 *
 * Pure module.
 */
import { matchQuestion, type MatchableUnit, type UnitMatch } from './unit-match';
import type { SubmissionDecision } from './merge';

/** What the rules look at, as the preview (or the import, inside its transaction) found it. */
export interface ImportFacts {
  /** The report's period key ('' when the file names none). */
  periodKey: string;
  /** The file is this installation's own unit's report. */
  ownUnit: boolean;
  /** The unit as the file (re-coded for an alias) names it. */
  unit: { code: string; name: string };
  /** Which directory unit it is: the import itself looks the code up only ('code' or 'unknown'). */
  unitMatch: UnitMatch<MatchableUnit>;
  /** The plan the data is filed under exists here. */
  planKnown: boolean;
  /** Every item of the file matches that plan's (ignored when the plan is unknown). */
  itemsMatch: boolean;
  decision: SubmissionDecision;
  /** The merge rules' sentence for the decision (said for an older file). */
  reason: string;
}

/** What the officer has agreed to, each lifting one blocker. */
export interface BlockerOptions {
  /** Add the file's unit to the directory (lifts 'unit-unknown'). */
  addUnit?: boolean;
  /** The item differences were checked (lifts 'plan-mismatch'). */
  acceptMismatches?: boolean;
  /** Keep an older export as history (lifts 'older'). */
  allowOlderAsHistory?: boolean;
}

export type ImportBlocker =
  | { code: 'period-missing' }
  | { code: 'own-unit' }
  /** Several directory units have the file's name: sorted out in «Đơn vị», not here. */
  | { code: 'unit-ambiguous'; unit: ImportFacts['unit']; detail: string }
  /** `proposal`: the directory unit of the same name the officer may confirm, when there is one. */
  | { code: 'unit-unknown'; unit: ImportFacts['unit']; proposal: MatchableUnit | null }
  | { code: 'plan-unknown' }
  | { code: 'plan-mismatch' }
  | { code: 'older'; reason: string };

export type ImportBlockerCode = ImportBlocker['code'];

/** The blockers no option lifts: the file cannot be imported whatever the officer ticks. */
const HARD: ReadonlySet<ImportBlockerCode> = new Set(['period-missing', 'own-unit', 'unit-ambiguous']);

export const isHardBlocker = (b: ImportBlocker): boolean => HARD.has(b.code);

/**
 * The reasons importing would be refused, in the order they are said (the import refuses with
 * the first); those `options` lift are left out. Empty: the file can be imported.
 */
export function blockersOf(facts: ImportFacts, options: BlockerOptions = {}): ImportBlocker[] {
  const out: ImportBlocker[] = [];
  if (facts.periodKey === '') out.push({ code: 'period-missing' });
  if (facts.ownUnit) out.push({ code: 'own-unit' });
  const m = facts.unitMatch;
  if (m.kind === 'ambiguous') out.push({ code: 'unit-ambiguous', unit: facts.unit, detail: m.message });
  else if ((m.kind === 'name' || m.kind === 'unknown') && !options.addUnit) {
    out.push({ code: 'unit-unknown', unit: facts.unit, proposal: m.kind === 'name' ? m.unit : null });
  }
  if (!facts.planKnown) out.push({ code: 'plan-unknown' });
  else if (!facts.itemsMatch && !options.acceptMismatches) out.push({ code: 'plan-mismatch' });
  if (facts.decision === 'older' && !options.allowOlderAsHistory) out.push({ code: 'older', reason: facts.reason });
  return out;
}

const unitMissing = (u: ImportFacts['unit']) => `Mã ${u.code} (${u.name}) chưa có trong danh sách đơn vị.`;

/** The one table of the blockers' Vietnamese sentences. */
const BLOCKER_TEXT: { [C in ImportBlockerCode]: (b: Extract<ImportBlocker, { code: C }>) => string } = {
  'period-missing': () => 'Tệp chưa ghi kỳ báo cáo: không nhập được.',
  'own-unit': () => 'Tệp là báo cáo của chính đơn vị này: dữ liệu của đơn vị mình được nhập trực tiếp, không nhập từ tệp.',
  'unit-ambiguous': (b) => `${unitMissing(b.unit)} ${b.detail}`,
  'unit-unknown': (b) => (b.proposal ? `${unitMissing(b.unit)} ${matchQuestion(b.proposal)}` : unitMissing(b.unit)),
  'plan-unknown': () => 'Chưa có kế hoạch của tệp này trong ứng dụng: chọn kế hoạch để nhập vào.',
  'plan-mismatch': () => 'Nhiệm vụ trong tệp khác với kế hoạch: cần kiểm tra từng nhiệm vụ trước khi nhập.',
  older: (b) => b.reason,
};

/** The blocker's sentence (Vietnamese). */
export function blockerText(b: ImportBlocker): string {
  return (BLOCKER_TEXT[b.code] as (b: ImportBlocker) => string)(b);
}
