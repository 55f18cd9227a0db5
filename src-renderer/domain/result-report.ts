/**
 * «Báo cáo kết quả»: the numbered report a unit sends up every 6 months and every year, drafted
 * from the same report data the workbooks are written from (a unit's UnitReport, or a district's
 * or province's ConsolidatedReport, report.ts). This module turns that data, the plan's
 * task groups, the officer's own texts and the letterhead into ONE document model
 * (ResultDocument); the Word writer (document/docx-writer.ts) and the in-app preview both render
 * that model as it is, so what the officer sees is what prints.
 *
 * Pure module: no React, Dexie, Electron, ExcelJS, Node or DOM. Same input → same output.
 *
 * Rules:
 * - Figures are never computed twice: statuses and activity counts come from the report's own
 *   items / consolidation rows and activities, indicator values and targets from its
 *   `indicators` (what "Chỉ tiêu" / "Chỉ tiêu theo đơn vị" print), the percentage from
 *   percentReached (domain/indicators.ts), lượt người from activityParticipants, the
 *   completeness counts from the consolidation's completeness rows.
 * - Part I follows the plan: one subsection per task group in the plan's order (items placed
 *   directly under a section, such as «Tổ chức thực hiện», form a group named after it), then
 *   the indicators table and, for a consolidation, who reported (naming those who did not).
 * - Parts II–IV are the officer's texts, one paragraph per line; an empty one prints a visible
 *   «[Chưa nhập …]» mark instead of a hole that looks finished.
 * - Every text in the model is NFC without characters a Word file cannot carry.
 */
import { reportFileNameFor } from './file-names';
import {
  COMPLETENESS_STATE_LABELS,
  isConsolidated,
  emptyStatusCounts,
  STATUS_COUNT_KEYS,
  type CompletenessEntry,
  type ReportActivity,
  type StatusCounts,
  type UnitReport,
} from './report';
import { formatInstantVn } from './vn-time';
import { activityParticipants, indicatorProgressOf, type IndicatorProgress } from './indicators';
import { cleanBlock, cleanLine, formatCount } from './fields';
import { documentNumberLine, NATIONAL_MOTTO, NATIONAL_NAME, placeAndDateLine, vnUpper } from './official-form';
import { formatDateVn, type IsoDate } from './periods';
import type { PlanNode } from './plan-types';
import { walkPlan, type PlanLike } from './plan-tree';
import type { UnitLevel } from './units';

// ---------------------------------------------------------------------------------------------
// What the officer writes and what the letterhead says.

/** The judgement texts only a person can write (Parts II–IV). */
export interface ReportTexts {
  /** II.1 Ưu điểm. */
  strengths: string;
  /** II.2 Tồn tại, hạn chế. */
  weaknesses: string;
  /** II.3 Nguyên nhân. */
  causes: string;
  /** III. Phương hướng, nhiệm vụ thời gian tới. */
  directions: string;
  /** IV. Kiến nghị, đề xuất. */
  proposals: string;
}

export const REPORT_TEXT_KEYS: readonly (keyof ReportTexts)[] = ['strengths', 'weaknesses', 'causes', 'directions', 'proposals'];

/** Labels of the texts, as the form and the document name them. */
export const REPORT_TEXT_LABELS: Readonly<Record<keyof ReportTexts, string>> = Object.freeze({
  strengths: 'Ưu điểm',
  weaknesses: 'Tồn tại, hạn chế',
  causes: 'Nguyên nhân',
  directions: 'Phương hướng, nhiệm vụ thời gian tới',
  proposals: 'Kiến nghị, đề xuất',
});

/** What an empty text prints as, so that an unfinished report never looks finished. */
export const MISSING_TEXT_MARKS: Readonly<Record<keyof ReportTexts, string>> = Object.freeze({
  strengths: '[Chưa nhập đánh giá]',
  weaknesses: '[Chưa nhập đánh giá]',
  causes: '[Chưa nhập đánh giá]',
  directions: '[Chưa nhập phương hướng]',
  proposals: '[Chưa nhập kiến nghị]',
});

export function emptyTexts(): ReportTexts {
  return { strengths: '', weaknesses: '', causes: '', directions: '', proposals: '' };
}

/** The header lines, number, date, recipients and signature block of one report. */
export interface Letterhead {
  /** Cơ quan chủ quản, printed in capitals, not bold ('' leaves the line out). */
  parentBody: string;
  /** Cơ quan ban hành, printed in bold capitals. */
  issuingBody: string;
  /** "12" of «Số: 12/BC-LĐLĐ» ('' prints «Số: ……/BC-LĐLĐ» to fill in by hand). */
  number: string;
  /** "BC-LĐLĐ". */
  symbol: string;
  /** "Dương Minh Châu" of the place-and-date line. */
  place: string;
  /** The document's date ('' prints blanks to fill in by hand). */
  date: IsoDate | '';
  /** Nơi nhận, one recipient per entry, without the leading dash. */
  recipients: string[];
  /** "TM. BAN THƯỜNG VỤ" / "TM. BAN CHẤP HÀNH". */
  signingFor: string;
  /** "CHỦ TỊCH", "PHÓ CHỦ TỊCH". */
  signerTitle: string;
  signerName: string;
}

/** The signing body a level usually writes: a CĐCS's executive committee, else the standing committee. */
export function defaultSigningFor(level: UnitLevel): string {
  return level === 'grassroots' ? 'TM. BAN CHẤP HÀNH' : 'TM. BAN THƯỜNG VỤ';
}

/** «BC-CĐCS» for a grassroots union, «BC-LĐLĐ» for a district's or province's federation. */
export function defaultSymbol(level: UnitLevel): string {
  return level === 'grassroots' ? 'BC-CĐCS' : 'BC-LĐLĐ';
}

/** Is this recipient line the «Lưu: VT» one (kept last)? */
const isFilingLine = (line: string) => /^lưu\b/iu.test(line.trim());

/**
 * Nơi nhận by default: the parent body first (the report goes up), then for a district or a
 * province the plan's own recipients (those it already reports to), ending with «Lưu: VT»
 * (the plan's own «Lưu: …» line when it has one).
 */
export function defaultRecipients(unit: { level: UnitLevel; parentName: string }, planRecipients: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (line: string) => {
    const clean = cleanLine(line).replace(/[;.,]+$/u, '');
    const key = clean.toLocaleLowerCase('vi');
    if (clean === '' || seen.has(key)) return;
    seen.add(key);
    out.push(clean);
  };
  add(unit.parentName);
  const fromPlan = unit.level === 'grassroots' ? [] : planRecipients;
  for (const r of fromPlan) if (!isFilingLine(r)) add(r);
  add(fromPlan.find(isFilingLine) ?? 'Lưu: VT');
  return out;
}

// ---------------------------------------------------------------------------------------------
// The plan's task groups.

export interface ReportGroupDef {
  /** The group's node id ("III.2"), or the section's for items placed directly under it. */
  id: string;
  /** As printed: "Tham gia xây dựng, hoàn thiện chính sách…", "Tổ chức thực hiện". */
  title: string;
  /** Its trackable nodes, in plan order. */
  itemIds: string[];
}

/** "TỔ CHỨC THỰC HIỆN" → "Tổ chức thực hiện"; text already in mixed case stays as it is. */
function sentenceCase(text: string): string {
  const t = cleanLine(text);
  if (t !== t.toLocaleUpperCase('vi')) return t;
  const lower = t.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/**
 * The plan's task groups in plan order, each with its trackable items. A trackable node belongs
 * to its nearest group; one with no group above it belongs to its section (a group named after
 * the section, e.g. «Tổ chức thực hiện»). Groups without a trackable item are left out.
 */
export function reportGroups(plan: PlanLike): ReportGroupDef[] {
  const groups = new Map<string, ReportGroupDef>();
  const ownerOf = new Map<string, ReportGroupDef>();
  walkPlan(plan, (node: PlanNode, parent: PlanNode | null) => {
    let owner: ReportGroupDef | undefined;
    if (node.kind === 'section' || node.kind === 'group') {
      owner = { id: node.id, title: sentenceCase(node.text), itemIds: [] };
      groups.set(node.id, owner);
      // A group inside a group still reports under its own title.
    } else if (parent) owner = ownerOf.get(parent.id);
    if (owner) ownerOf.set(node.id, owner);
    if (node.trackable && node.kind !== 'section' && node.kind !== 'group' && owner) owner.itemIds.push(node.id);
  });
  return [...groups.values()].filter((g) => g.itemIds.length > 0);
}

// ---------------------------------------------------------------------------------------------
// Facts: every figure the document prints, from the report data.

export interface NotableActivity {
  date: IsoDate;
  title: string;
  location: string;
  /** Lượt người of the activity (activityParticipants), 0 when none. */
  participants: number;
  /** The unit that did it (a consolidation), '' for a unit's own report. */
  unitName: string;
}

export interface GroupFacts {
  id: string;
  title: string;
  /** Trackable items of the group that the report lists. */
  itemCount: number;
  /**
   * A unit: how many of the group's items have each status ('none': no status recorded).
   * A consolidation: the sum over the group's items of «Tổng hợp theo nhiệm vụ».
   */
  counts: StatusCounts;
  /** Activities linked to at least one item of the group (each counted once). */
  activityCount: number;
  /** Lượt người of those activities. */
  participants: number;
  notable: NotableActivity[];
  /** Items with the status «Chưa thực hiện» (a consolidation: by at least one unit), in plan order. */
  notStarted: { id: string; text: string }[];
}

/** An indicator's figures as the document prints them (texts made safe for it). */
export type IndicatorFact = IndicatorProgress;

export interface CompletenessFacts {
  deadline: IsoDate | '';
  expected: number;
  onTime: number;
  late: number;
  missing: number;
  entries: CompletenessEntry[];
  /** Names of the units that have not reported, in the completeness order. */
  missingNames: string[];
}

export interface ReportFacts {
  consolidated: boolean;
  unitName: string;
  level: UnitLevel;
  planNumber: string;
  planTitle: string;
  periodName: string;
  periodStart: IsoDate | '';
  periodEnd: IsoDate | '';
  /** Unit reports behind the figures: 1 for a unit, the sum of «Số báo cáo» for a consolidation. */
  reports: number;
  /** Trackable items the report lists. */
  itemCount: number;
  /** The status counts over every item (sum of the groups' counts and of items in no group). */
  counts: StatusCounts;
  activityCount: number;
  groups: GroupFacts[];
  /** The report's indicators, in its order. */
  indicators: IndicatorFact[];
  completeness: CompletenessFacts | null;
}

export interface FactsOptions {
  /** Notable activities listed per group (default 5). */
  notableLimit?: number;
}


function addCounts(into: StatusCounts, add: StatusCounts): void {
  for (const k of STATUS_COUNT_KEYS) into[k] += add[k];
}

/** A candidate for «Một số hoạt động tiêu biểu», its text cleaned only once it is chosen. */
interface Candidate {
  activity: ReportActivity;
  participants: number;
}

/** Larger audience first, then earlier, then by title: the same choice on every run. */
function moreNotable(a: ReportActivity, ap: number, b: Candidate): boolean {
  if (ap !== b.participants) return ap > b.participants;
  if (a.date !== b.activity.date) return a.date < b.activity.date;
  return a.title < b.activity.title;
}

/** Keeps the `limit` most notable, sorted, without sorting (or allocating for) every candidate. */
function pushNotable(list: Candidate[], activity: ReportActivity, participants: number, limit: number): void {
  if (limit <= 0) return;
  if (list.length === limit && !moreNotable(activity, participants, list[limit - 1]!)) return;
  let i = list.length;
  while (i > 0 && moreNotable(activity, participants, list[i - 1]!)) i--;
  list.splice(i, 0, { activity, participants });
  if (list.length > limit) list.pop();
}

export function reportFacts(report: UnitReport, groupDefs: readonly ReportGroupDef[], options: FactsOptions = {}): ReportFacts {
  const limit = options.notableLimit ?? 5;
  const consolidated = isConsolidated(report);
  const listed = new Map(report.items.map((it) => [it.id, it]));
  const countsOf = new Map<string, StatusCounts>();
  if (consolidated) {
    for (const row of report.consolidation.items) countsOf.set(row.id, { ...row.counts });
  } else {
    for (const it of report.items) countsOf.set(it.id, { ...emptyStatusCounts(), [it.status ?? 'none']: 1 });
  }
  const reports = consolidated ? report.consolidation.units.reduce((s, u) => s + u.reports, 0) : 1;

  const groupOfItem = new Map<string, number>();
  const groups: GroupFacts[] = groupDefs.map((g, index) => {
    const ids = g.itemIds.filter((id) => listed.has(id));
    for (const id of ids) if (!groupOfItem.has(id)) groupOfItem.set(id, index);
    const counts = emptyStatusCounts();
    for (const id of ids) addCounts(counts, countsOf.get(id) ?? { ...emptyStatusCounts(), none: reports });
    const notStarted = ids
      .filter((id) => (countsOf.get(id)?.chua ?? 0) > 0)
      .map((id) => ({ id, text: cleanLine(listed.get(id)!.text) }));
    return { id: g.id, title: docText(g.title), itemCount: ids.length, counts, activityCount: 0, participants: 0, notable: [], notStarted };
  });

  const unitNames = consolidated ? report.consolidation.unitNames : {};
  const candidates: Candidate[][] = groups.map(() => []);
  // The groups one activity serves (an activity lists one to a few items): a small array, no Set.
  const touched: number[] = [];
  for (const a of report.activities) {
    touched.length = 0;
    for (const id of a.itemIds) {
      const g = groupOfItem.get(id);
      if (g !== undefined && !touched.includes(g)) touched.push(g);
    }
    if (touched.length === 0) continue;
    const participants = activityParticipants(a);
    for (const g of touched) {
      const facts = groups[g]!;
      facts.activityCount++;
      facts.participants += participants;
      pushNotable(candidates[g]!, a, participants, limit);
    }
  }
  candidates.forEach((list, g) => {
    groups[g]!.notable = list.map((c) => notableOf(c.activity, c.participants, consolidated ? (unitNames[c.activity.unitCode] ?? c.activity.unitCode) : ''));
  });

  const counts = emptyStatusCounts();
  for (const it of report.items) addCounts(counts, countsOf.get(it.id) ?? { ...emptyStatusCounts(), none: reports });

  return {
    consolidated,
    unitName: docText(report.unit.name),
    level: report.unit.level,
    planNumber: docText(report.plan.number),
    planTitle: docText(report.plan.title),
    periodName: docText(report.period.name),
    periodStart: report.period.start,
    periodEnd: report.period.end,
    reports,
    itemCount: report.items.length,
    counts,
    activityCount: report.activities.length,
    groups,
    indicators: report.indicators.map((i) => {
      const fact = indicatorProgressOf(i);
      return { ...fact, name: docText(fact.name), unit: docText(fact.unit) };
    }),
    completeness: consolidated ? completenessFacts(report.consolidation.deadline, report.consolidation.completeness) : null,
  };
}

function notableOf(a: ReportActivity, participants: number, unitName: string): NotableActivity {
  return { date: a.date, title: docText(a.title), location: docText(a.location), participants, unitName: docText(unitName) };
}

function completenessFacts(deadline: IsoDate | '', entries: readonly CompletenessEntry[]): CompletenessFacts {
  const count = (state: CompletenessEntry['state']) => entries.filter((e) => e.state === state).length;
  return {
    deadline,
    expected: entries.length,
    onTime: count('da-nop'),
    late: count('nop-muon'),
    missing: count('chua-nop'),
    entries: [...entries],
    missingNames: entries.filter((e) => e.state === 'chua-nop').map((e) => docText(e.unitName || e.unitCode)),
  };
}

// ---------------------------------------------------------------------------------------------
// Suggestions the officer starts from.

/**
 * Starting sentences built from the data, for the officer to edit: the results reached under
 * «Ưu điểm», the items not started under «Tồn tại, hạn chế» (for a consolidation, also the
 * units that have not reported), carrying them on under «Phương hướng». «Nguyên nhân» and
 * «Kiến nghị» are judgements the data cannot suggest: they stay empty.
 */
export function suggestedTexts(facts: ReportFacts): ReportTexts {
  const out = emptyTexts();
  const done = facts.counts.xong;
  const total = facts.itemCount * facts.reports;
  const strengths: string[] = [];
  if (facts.activityCount > 0) {
    strengths.push(
      `${facts.consolidated ? 'Các đơn vị đã tổ chức' : 'Đã tổ chức'} ${formatCount(facts.activityCount)} hoạt động thực hiện ${planRef(facts)}.`,
    );
  }
  if (done > 0) strengths.push(`Hoàn thành ${formatCount(done)}/${formatCount(total)} ${facts.consolidated ? 'lượt nhiệm vụ' : 'nhiệm vụ'} của kế hoạch.`);
  out.strengths = strengths.join('\n');

  const notStarted = facts.groups.flatMap((g) => g.notStarted);
  const weaknesses: string[] = [];
  if (notStarted.length > 0) {
    weaknesses.push(`Còn ${formatCount(notStarted.length)} nhiệm vụ chưa thực hiện${facts.consolidated ? ' ở một số đơn vị' : ''}:`);
    for (const it of notStarted) weaknesses.push(`- ${shorten(it.text, 160)}`);
  }
  if (facts.completeness && facts.completeness.missing > 0) {
    weaknesses.push(`Còn ${formatCount(facts.completeness.missing)} đơn vị chưa nộp báo cáo: ${facts.completeness.missingNames.join(', ')}.`);
  }
  out.weaknesses = weaknesses.join('\n');

  if (notStarted.length > 0) out.directions = `Tập trung triển khai các nhiệm vụ còn lại của ${planRef(facts)}, nhất là các nhiệm vụ chưa thực hiện nêu trên.`;
  return out;
}

/** `text` cut at a word boundary near `max` characters, with "…". */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/u, '')}…`;
}

// ---------------------------------------------------------------------------------------------
// The document model.

export interface DocRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Marked for attention (the «[Chưa nhập …]» placeholders): highlighted when printed. */
  mark?: boolean;
}

export type DocAlign = 'left' | 'center' | 'right' | 'justify';

export interface DocColumn {
  header: string;
  /** Share of the table's width, in percent (the columns add up to 100). */
  width: number;
  align: DocAlign;
}

export type DocBlock =
  /** Level 1: «I. KẾT QUẢ THỰC HIỆN»; level 2: «1. …» (bold); level 3: «1.1. Ưu điểm» (bold italic). */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** Body text: justified, first-line indent. */
  | { kind: 'paragraph'; runs: DocRun[] }
  /** Header row repeated on every page; cells as printed. */
  | { kind: 'table'; columns: DocColumn[]; rows: string[][] };

export interface ResultDocument {
  header: {
    /** Capitals already; '' when there is none. */
    parentBody: string;
    issuingBody: string;
    numberLine: string;
    nationalName: string;
    motto: string;
    placeAndDate: string;
  };
  /** «BÁO CÁO». */
  documentType: string;
  /** Trích yếu: «Kết quả thực hiện Kế hoạch số 63/KH-LĐLĐ 6 tháng đầu năm 2026». */
  subject: string;
  body: DocBlock[];
  /** «Nơi nhận:» lines as printed («- TT LĐLĐ tỉnh;» … «- Lưu: VT.»). */
  recipients: string[];
  signature: { signingFor: string; title: string; name: string };
}

export interface ResultDocumentInput {
  facts: ReportFacts;
  texts: ReportTexts;
  letterhead: Letterhead;
}

export const DOCUMENT_TYPE = 'BÁO CÁO';

/** Characters a Word file (XML 1.0) cannot carry: C0 controls but tab and line ends, lone surrogates, U+FFFE/U+FFFF. */
// eslint-disable-next-line no-control-regex
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as the document holds it: NFC, line ends "\n", no characters XML cannot carry, trimmed. */
export function docText(text: string): string {
  return cleanBlock(text.replace(NOT_IN_XML, ''));
}

/** "Kế hoạch số 63/KH-LĐLĐ" (the title when the plan has no number). */
function planRef(f: Pick<ReportFacts, 'planNumber' | 'planTitle'>): string {
  return f.planNumber !== '' ? `Kế hoạch số ${f.planNumber}` : f.planTitle !== '' ? `Kế hoạch «${f.planTitle}»` : 'kế hoạch';
}

/** "Năm 2026" → "năm 2026"; "6 tháng đầu năm 2026" as it is. */
function periodInSentence(name: string): string {
  return name.charAt(0).toLocaleLowerCase('vi') + name.slice(1);
}

/** Trích yếu: «Kết quả thực hiện Kế hoạch số 63/KH-LĐLĐ 6 tháng đầu năm 2026». */
export function resultReportSubject(f: Pick<ReportFacts, 'planNumber' | 'planTitle' | 'periodName'>): string {
  const period = f.periodName === '' ? '' : ` ${periodInSentence(f.periodName)}`;
  return `Kết quả thực hiện ${planRef(f)}${period}`;
}

const para = (text: string, extra: Omit<DocRun, 'text'> = {}): DocBlock => ({ kind: 'paragraph', runs: [{ text, ...extra }] });
const n = formatCount;

/** The status counts after «đã hoàn thành», as «n <noun> <label>» parts. */
const OTHER_STATUS_WORDS: readonly [Exclude<keyof StatusCounts, 'xong'>, string, string][] = [
  ['dang', 'đang thực hiện', 'đang thực hiện'],
  ['chua', 'chưa thực hiện', 'chưa thực hiện'],
  ['khong-ap-dung', 'không áp dụng', 'không áp dụng'],
  ['none', 'chưa cập nhật trạng thái', 'chưa báo cáo trạng thái'],
];

/**
 * A unit: «Đã hoàn thành 5/8 nhiệm vụ; 2 nhiệm vụ đang thực hiện; …». A consolidation counts
 * item × report pairs (lượt): «Tổng hợp 40 báo cáo: 120/320 lượt nhiệm vụ đã hoàn thành (8 nhiệm
 * vụ × 40 báo cáo); 80 lượt đang thực hiện; …».
 */
function statusSentence(f: ReportFacts, counts: StatusCounts, items: number): string {
  if (f.consolidated && f.reports === 0) return 'Chưa có báo cáo nào của các đơn vị trong kỳ.';
  const noun = f.consolidated ? 'lượt' : 'nhiệm vụ';
  const parts = f.consolidated
    ? [`${n(counts.xong)}/${n(items * f.reports)} lượt nhiệm vụ đã hoàn thành (${n(items)} nhiệm vụ × ${n(f.reports)} báo cáo)`]
    : [`Đã hoàn thành ${n(counts.xong)}/${n(items)} nhiệm vụ`];
  for (const [key, unitWords, consolidatedWords] of OTHER_STATUS_WORDS) {
    if (counts[key] > 0) parts.push(`${n(counts[key])} ${noun} ${f.consolidated ? consolidatedWords : unitWords}`);
  }
  return f.consolidated ? `Tổng hợp ${n(f.reports)} báo cáo: ${parts.join('; ')}.` : `${parts.join('; ')}.`;
}

function activitySentence(f: ReportFacts, activities: number, participants: number): string {
  if (activities === 0) return 'Chưa ghi nhận hoạt động nào trong kỳ.';
  const who = f.consolidated ? 'Các đơn vị đã tổ chức' : 'Đã tổ chức';
  const people = participants > 0 ? `, thu hút ${n(participants)} lượt người tham gia` : '';
  return `${who} ${n(activities)} hoạt động${people}.`;
}

function notableLine(a: NotableActivity): string {
  const who = a.unitName !== '' ? `${a.unitName}: ` : '';
  const where = a.location !== '' ? ` tại ${a.location}` : '';
  const people = a.participants > 0 ? `, ${n(a.participants)} lượt người tham gia` : '';
  return `- Ngày ${formatDateVn(a.date)}, ${who}${a.title}${where}${people}.`;
}

function introSentence(f: ReportFacts): string {
  const range = f.periodStart !== '' && f.periodEnd !== '' ? ` (từ ngày ${formatDateVn(f.periodStart)} đến ngày ${formatDateVn(f.periodEnd)})` : '';
  const when = f.periodName !== '' ? `Trong ${periodInSentence(f.periodName)}${range}, ` : '';
  if (f.consolidated) {
    const done = `${n(f.counts.xong)}/${n(f.itemCount * f.reports)} lượt nhiệm vụ đã hoàn thành`;
    return `${when}${f.unitName} tổng hợp ${n(f.reports)} báo cáo kết quả thực hiện ${planRef(f)}: ${n(f.activityCount)} hoạt động; ${done}.`;
  }
  const acts = f.activityCount > 0 ? `tổ chức ${n(f.activityCount)} hoạt động` : 'chưa ghi nhận hoạt động nào';
  return `${when}${f.unitName} đã triển khai thực hiện ${planRef(f)}: ${acts}; hoàn thành ${n(f.counts.xong)}/${n(f.itemCount)} nhiệm vụ.`;
}

function completenessSentence(c: CompletenessFacts): string {
  const deadline = c.deadline !== '' ? ` (hạn nộp ${formatDateVn(c.deadline)})` : '';
  const missing = c.missing > 0 ? `${n(c.missing)} (${c.missingNames.join(', ')})` : '0';
  return `Số đơn vị phải báo cáo: ${n(c.expected)}${deadline}; đã nộp đúng hạn: ${n(c.onTime)}; nộp muộn: ${n(c.late)}; chưa nộp: ${missing}.`;
}

export const INDICATOR_TABLE_COLUMNS: readonly DocColumn[] = [
  { header: 'STT', width: 7, align: 'center' },
  { header: 'Chỉ tiêu', width: 39, align: 'left' },
  { header: 'Đơn vị tính', width: 16, align: 'center' },
  { header: 'Kết quả', width: 13, align: 'right' },
  { header: 'Chỉ tiêu giao', width: 13, align: 'right' },
  { header: 'Tỷ lệ đạt', width: 12, align: 'right' },
];

export const COMPLETENESS_TABLE_COLUMNS: readonly DocColumn[] = [
  { header: 'STT', width: 7, align: 'center' },
  { header: 'Đơn vị', width: 41, align: 'left' },
  { header: 'Tình trạng', width: 15, align: 'center' },
  { header: 'Thời điểm nộp', width: 24, align: 'center' },
  { header: 'Số hoạt động', width: 13, align: 'right' },
];

/** Indicators worth a row: a value or a target (the workbook lists every one; the report, the ones with something to say). */
export function reportedIndicators(f: ReportFacts): IndicatorFact[] {
  return f.indicators.filter((i) => i.value !== 0 || i.target !== null);
}

function indicatorRows(f: ReportFacts): string[][] {
  return reportedIndicators(f).map((i, k) => [
    String(k + 1),
    i.name,
    i.unit,
    n(i.value),
    i.target === null ? '' : n(i.target),
    i.percent === null ? '' : `${n(i.percent)}%`,
  ]);
}

function completenessRows(c: CompletenessFacts): string[][] {
  return c.entries.map((e, k) => [
    String(k + 1),
    docText(e.unitName || e.unitCode),
    COMPLETENESS_STATE_LABELS[e.state],
    e.submittedAt === '' ? '' : formatInstantVn(e.submittedAt),
    e.state === 'chua-nop' ? '' : n(e.activityCount),
  ]);
}

/** The officer's text as paragraphs (one per non-empty line), or the visible mark when empty. */
function textParagraphs(key: keyof ReportTexts, text: string): DocBlock[] {
  const lines = docText(text)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length === 0) return [para(MISSING_TEXT_MARKS[key], { italic: true, mark: true })];
  return lines.map((l) => para(l));
}

/** Nơi nhận as printed: «- X;» for each, the last one «- Lưu: VT.». */
function recipientLines(recipients: readonly string[]): string[] {
  const clean = recipients.map((r) => docText(r).replace(/\s+/gu, ' ').replace(/^[-–•+]\s*/u, '').replace(/[;.,]+$/u, '')).filter((r) => r !== '');
  return clean.map((r, i) => `- ${r}${i === clean.length - 1 ? '.' : ';'}`);
}

export function buildResultDocument(input: ResultDocumentInput): ResultDocument {
  const { facts: f, texts, letterhead: lh } = input;
  const body: DocBlock[] = [];

  body.push({ kind: 'heading', level: 1, text: 'I. KẾT QUẢ THỰC HIỆN' });
  body.push(para(introSentence(f)));
  let k = 0;
  for (const g of f.groups) {
    body.push({ kind: 'heading', level: 2, text: `${++k}. ${g.title}` });
    body.push(para(statusSentence(f, g.counts, g.itemCount)));
    body.push(para(activitySentence(f, g.activityCount, g.participants)));
    if (g.notable.length > 0) {
      body.push(para('Một số hoạt động tiêu biểu:', { italic: true }));
      for (const a of g.notable) body.push(para(notableLine(a)));
    }
  }
  body.push({ kind: 'heading', level: 2, text: `${++k}. Kết quả thực hiện các chỉ tiêu` });
  const rows = indicatorRows(f);
  if (rows.length === 0) body.push(para('Chưa có số liệu chỉ tiêu trong kỳ.'));
  else body.push({ kind: 'table', columns: [...INDICATOR_TABLE_COLUMNS], rows });
  if (f.completeness) {
    body.push({ kind: 'heading', level: 2, text: `${++k}. Tình hình báo cáo của các đơn vị` });
    body.push(para(completenessSentence(f.completeness)));
    if (f.completeness.entries.length > 0) body.push({ kind: 'table', columns: [...COMPLETENESS_TABLE_COLUMNS], rows: completenessRows(f.completeness) });
  }

  body.push({ kind: 'heading', level: 1, text: 'II. ĐÁNH GIÁ CHUNG' });
  (['strengths', 'weaknesses', 'causes'] as const).forEach((key, i) => {
    body.push({ kind: 'heading', level: 3, text: `${i + 1}. ${REPORT_TEXT_LABELS[key]}` });
    body.push(...textParagraphs(key, texts[key]));
  });
  body.push({ kind: 'heading', level: 1, text: 'III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI' });
  body.push(...textParagraphs('directions', texts.directions));
  body.push({ kind: 'heading', level: 1, text: 'IV. KIẾN NGHỊ, ĐỀ XUẤT' });
  body.push(...textParagraphs('proposals', texts.proposals));

  return {
    header: {
      parentBody: vnUpper(docText(lh.parentBody).replace(/\s+/gu, ' ')),
      issuingBody: vnUpper(docText(lh.issuingBody).replace(/\s+/gu, ' ')),
      numberLine: docText(documentNumberLine(lh.number, lh.symbol)),
      nationalName: NATIONAL_NAME,
      motto: NATIONAL_MOTTO,
      placeAndDate: docText(placeAndDateLine(docText(lh.place), lh.date === '' ? null : lh.date)),
    },
    documentType: DOCUMENT_TYPE,
    subject: resultReportSubject(f),
    body,
    recipients: recipientLines(lh.recipients),
    signature: {
      signingFor: vnUpper(docText(lh.signingFor)),
      title: vnUpper(docText(lh.signerTitle)),
      name: docText(lh.signerName),
    },
  };
}

/** Every printed line of the document, in reading order (for previews' accessible text and tests). */
export function documentLines(doc: ResultDocument): string[] {
  const h = doc.header;
  const lines = [h.parentBody, h.issuingBody, h.numberLine, h.nationalName, h.motto, h.placeAndDate, doc.documentType, doc.subject];
  for (const b of doc.body) {
    if (b.kind === 'heading') lines.push(b.text);
    else if (b.kind === 'paragraph') lines.push(b.runs.map((r) => r.text).join(''));
    else for (const row of [b.columns.map((c) => c.header), ...b.rows]) lines.push(...row);
  }
  lines.push('Nơi nhận:', ...doc.recipients, doc.signature.signingFor, doc.signature.title, doc.signature.name);
  return lines.filter((l) => l !== '');
}

/** "BaoCao-KetQua_63-KH-LDLD_LDLD-DMC_Nam-2026.docx": ASCII like the workbooks' names. */
export function resultReportFileName(report: Pick<UnitReport, 'unit' | 'plan' | 'period'>): string {
  return reportFileNameFor('BaoCao-KetQua', report, 'docx');
}
