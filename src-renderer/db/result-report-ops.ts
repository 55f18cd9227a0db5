/**
 * «Báo cáo kết quả»: what the report screen reads and writes.
 *
 *   const figures = await loadResultReportFigures({ planId, unitCode, period });
 *   figures.report   // the same UnitReport / ConsolidatedReport the workbook export writes
 *   figures.facts    // domain/result-report.ts reportFacts of it
 *   const draft = await loadReportDraft({ planId, unitCode, periodKey, today });
 *   await saveReportDraft({ planId, unitCode, periodKey, texts, letterhead });
 *
 * Figures: for the installation's own unit at a district or a province, the consolidation of
 * «Tổng hợp» (loadConsolidation); for any other unit (and a CĐCS's own), the unit report of
 * «Xuất báo cáo đơn vị» (buildUnitReport). Nothing is computed here.
 *
 * Drafts live in the `settings` table (so backups carry them): `reportDrafts`, keyed
 * "planId|unitCode|periodKey", holds the texts and the whole letterhead of each report;
 * `reportLetterheads`, keyed by unit code, remembers the header lines, symbol, place, signature
 * block and last number for the unit's next report. Both are written in ONE transaction.
 */
import { defaultPlace } from '@domain/official-form';
import { isValidIsoDate, type IsoDate, type Period } from '@domain/periods';
import {
  defaultRecipients,
  defaultSigningFor,
  defaultSymbol,
  emptyTexts,
  REPORT_TEXT_KEYS,
  REPORT_TEXT_LABELS,
  reportFacts,
  reportGroups,
  suggestedTexts,
  type Letterhead,
  type ReportFacts,
  type ReportTexts,
} from '@domain/result-report';
import { cleanBlock, cleanLine, formatCount } from '@domain/fields';
import type { UnitReport } from '@domain/report';
import { ACTIVITY_TABLES } from './activity-read';
import { loadConsolidation } from './consolidation-ops';
import { db } from './db';
import { OperationError } from './errors';
import { getSetting } from './settings-ops';
import { now } from './write-helpers';
import { buildUnitReport } from './report-query';
import type { RememberedLetterhead, ReportDraftRecord, UnitRecord } from './types';

/** The settings key of one report's draft. */
export function reportDraftKey(planId: string, unitCode: string, periodKey: string): string {
  return `${planId}|${unitCode}|${periodKey}`;
}

/** The most one judgement text may hold (about 25 printed pages). */
export const MAX_REPORT_TEXT_CHARS = 50_000;
/** The most one letterhead line (a name, a title) may hold. */
export const MAX_LETTERHEAD_LINE_CHARS = 300;
export const MAX_RECIPIENTS = 40;

export interface LoadResultReportInput {
  planId: string;
  unitCode: string;
  period: Pick<Period, 'key' | 'name' | 'start' | 'end'>;
  appVersion?: string;
  now?: Date;
}

export interface ResultReportFigures {
  /** The data the workbook of the same unit and period is written from. */
  report: UnitReport;
  facts: ReportFacts;
  /** Sentences from the data the officer may start from. */
  suggestions: ReportTexts;
}

/** The report's figures (read in one transaction); drafts are read apart, so typing never re-reads them. */
export async function loadResultReportFigures(input: LoadResultReportInput): Promise<ResultReportFigures> {
  const { planId, unitCode, period } = input;
  return db.transaction(
    'r',
    [db.plans, db.units, db.itemStatuses, ...ACTIVITY_TABLES(), db.indicatorAdjustments, db.indicatorTargets, db.settings, db.submissions],
    async () => {
      const [plan, unit, ownCode] = await Promise.all([db.plans.get(planId), db.units.get(unitCode), getSetting('ownUnitCode')]);
      if (!plan) throw new OperationError('Không tìm thấy kế hoạch này.', 'planId');
      if (!unit) throw new OperationError('Không tìm thấy đơn vị này.', 'unitCode');
      const common = { planId, period, exportedBy: '', appVersion: input.appVersion ?? '', now: input.now };
      const report = isConsolidatingUnit(unit, ownCode)
        ? (await loadConsolidation(common)).result.report
        : await buildUnitReport({ ...common, unitCode });
      const facts = reportFacts(report, reportGroups(plan.plan));
      return { report, facts, suggestions: suggestedTexts(facts) };
    },
  );
}

/** A district's or province's own report consolidates its units; every other one is a unit's own. */
export function isConsolidatingUnit(unit: Pick<UnitRecord, 'code' | 'level'>, ownCode: string | undefined): boolean {
  return unit.code === ownCode && unit.level !== 'grassroots';
}

export interface ReportDraft {
  /** null when nothing is stored yet (the screen starts from the suggestions). */
  texts: ReportTexts | null;
  /** The stored one, else the unit's remembered one, else defaults from the unit and the plan. */
  letterhead: Letterhead;
  updatedAt: string | null;
}

export async function loadReportDraft(input: { planId: string; unitCode: string; periodKey: string; today: IsoDate }): Promise<ReportDraft> {
  return db.transaction('r', [db.plans, db.units, db.settings], async () => {
    const [plan, unit, ownCode, drafts, remembered] = await Promise.all([
      db.plans.get(input.planId),
      db.units.get(input.unitCode),
      getSetting('ownUnitCode'),
      getSetting('reportDrafts'),
      getSetting('reportLetterheads'),
    ]);
    if (!plan) throw new OperationError('Không tìm thấy kế hoạch này.', 'planId');
    if (!unit) throw new OperationError('Không tìm thấy đơn vị này.', 'unitCode');
    const own = ownCode ? await db.units.get(ownCode) : undefined;
    const defaults: Letterhead = {
      parentBody: unit.parentName,
      issuingBody: unit.name,
      number: '',
      symbol: defaultSymbol(unit.level),
      place: defaultPlace(unit, own ?? unit),
      date: input.today,
      recipients: defaultRecipients(unit, plan.plan.recipients),
      signingFor: defaultSigningFor(unit.level),
      signerTitle: 'CHỦ TỊCH',
      signerName: '',
    };
    const stored = drafts?.[reportDraftKey(input.planId, input.unitCode, input.periodKey)];
    if (stored) return { texts: { ...emptyTexts(), ...stored.texts }, letterhead: { ...defaults, ...stored.letterhead }, updatedAt: stored.updatedAt };
    const kept = remembered?.[input.unitCode];
    const fromUnit: Partial<Letterhead> = kept
      ? {
          parentBody: kept.parentBody,
          issuingBody: kept.issuingBody,
          symbol: kept.symbol,
          place: kept.place,
          signingFor: kept.signingFor,
          signerTitle: kept.signerTitle,
          signerName: kept.signerName,
        }
      : {};
    return { texts: null, letterhead: { ...defaults, ...fromUnit }, updatedAt: null };
  });
}

export interface SaveReportDraftInput {
  planId: string;
  unitCode: string;
  periodKey: string;
  texts: ReportTexts;
  letterhead: Letterhead;
}

const LINE_LABELS: Record<Exclude<keyof Letterhead, 'recipients' | 'date'>, string> = {
  parentBody: 'Cơ quan cấp trên',
  issuingBody: 'Cơ quan ban hành',
  number: 'Số',
  symbol: 'Ký hiệu',
  place: 'Địa danh',
  signingFor: 'Thẩm quyền ký',
  signerTitle: 'Chức vụ người ký',
  signerName: 'Họ và tên người ký',
};

/** The draft as stored: NFC, trimmed lines, limits checked (OperationError names the field). */
function cleanDraft(input: SaveReportDraftInput): Pick<ReportDraftRecord, 'texts' | 'letterhead'> {
  const texts = emptyTexts();
  for (const key of REPORT_TEXT_KEYS) {
    const value = cleanBlock(typeof input.texts[key] === 'string' ? input.texts[key] : '');
    if (value.length > MAX_REPORT_TEXT_CHARS) {
      throw new OperationError(`Phần «${REPORT_TEXT_LABELS[key]}» quá dài: tối đa ${formatCount(MAX_REPORT_TEXT_CHARS)} ký tự.`, key);
    }
    texts[key] = value;
  }
  const lh = input.letterhead;
  const line = (key: keyof typeof LINE_LABELS): string => {
    const value = cleanLine(typeof lh[key] === 'string' ? lh[key] : '');
    if (value.length > MAX_LETTERHEAD_LINE_CHARS) throw new OperationError(`${LINE_LABELS[key]}: tối đa ${MAX_LETTERHEAD_LINE_CHARS} ký tự.`, key);
    return value;
  };
  const date = typeof lh.date === 'string' ? lh.date.trim() : '';
  if (date !== '' && !isValidIsoDate(date)) throw new OperationError(`Ngày ban hành: «${date}» không phải là ngày hợp lệ.`, 'date');
  const recipients = (Array.isArray(lh.recipients) ? lh.recipients : []).map((r) => cleanLine(String(r))).filter((r) => r !== '');
  if (recipients.length > MAX_RECIPIENTS) throw new OperationError(`Nơi nhận: tối đa ${MAX_RECIPIENTS} dòng.`, 'recipients');
  if (recipients.some((r) => r.length > MAX_LETTERHEAD_LINE_CHARS)) throw new OperationError(`Nơi nhận: mỗi dòng tối đa ${MAX_LETTERHEAD_LINE_CHARS} ký tự.`, 'recipients');
  return {
    texts,
    letterhead: {
      parentBody: line('parentBody'),
      issuingBody: line('issuingBody'),
      number: line('number'),
      symbol: line('symbol'),
      place: line('place'),
      date,
      recipients,
      signingFor: line('signingFor'),
      signerTitle: line('signerTitle'),
      signerName: line('signerName'),
    },
  };
}

/**
 * Stores the draft of one report and remembers its letterhead for the unit's next report, in
 * one transaction. Refuses (OperationError, nothing written) a text or line over its limit.
 */
export async function saveReportDraft(input: SaveReportDraftInput): Promise<ReportDraftRecord> {
  const clean = cleanDraft(input);
  const record: ReportDraftRecord = { ...clean, updatedAt: now() };
  const { letterhead: lh } = clean;
  const remembered: RememberedLetterhead = {
    parentBody: lh.parentBody,
    issuingBody: lh.issuingBody,
    symbol: lh.symbol,
    place: lh.place,
    signingFor: lh.signingFor,
    signerTitle: lh.signerTitle,
    signerName: lh.signerName,
    lastNumber: lh.number,
  };
  await db.transaction('rw', db.units, db.settings, async () => {
    if (!(await db.units.get(input.unitCode))) throw new OperationError('Không tìm thấy đơn vị này.', 'unitCode');
    const drafts = { ...((await getSetting('reportDrafts')) ?? {}) };
    drafts[reportDraftKey(input.planId, input.unitCode, input.periodKey)] = record;
    const letterheads = { ...((await getSetting('reportLetterheads')) ?? {}) };
    letterheads[input.unitCode] = remembered;
    await db.settings.bulkPut([
      { key: 'reportDrafts', value: drafts },
      { key: 'reportLetterheads', value: letterheads },
    ]);
  });
  return record;
}
