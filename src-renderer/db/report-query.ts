/**
 * The data of one unit's report workbook (exchange/spec.ts UnitReport), gathered from the
 * database in ONE read transaction so that the figures, statuses and activities agree with
 * each other even while the officer keeps typing in another window.
 *
 * - Items: every trackable item of the plan, in document order, with the text of its group,
 *   the unit's status/note/evidence for the period (null/'' when none recorded) and the number
 *   of the unit's live activities dated in the period that list it.
 * - Activities: the unit's live (not deleted) activities dated within the period (both ends
 *   included), by date, then by when they were entered.
 * - Indicators: indicatorSummary (the only place sums are computed): value = total
 *   (activities + adjustment), the unit's target, the adjustment and its reasons.
 *
 * Imports only the pure spec (no ExcelJS): this module lands in the main chunk.
 */
import { unitIdentity } from '@domain/units';
import { knownUnitKinds } from './unit-ops';
import { planFingerprint } from '@domain/plan-tree';
import type { Period } from '@domain/periods';
import { planReportItems } from '@exchange/plan-items';
import type { TemplateInput } from '@exchange/template';
import {
  formatVersionFor,
  reportActivityOf,
  type ReportActivity,
  type ReportIndicator,
  type ReportItem,
  type UnitReport,
} from '@domain/report';
import { ACTIVITY_TABLES, activitiesOfUnit } from './activity-read';
import { db } from './db';
import { OperationError } from './errors';
import { indicatorDefsOf, indicatorSummary } from './indicator-ops';
import { nfcDeep } from './write-helpers';
import type { ActivityRecord } from './types';

export interface BuildUnitReportInput {
  planId: string;
  unitCode: string;
  period: Pick<Period, 'key' | 'name' | 'start' | 'end'>;
  /** Who exports ('' when unknown). */
  exportedBy: string;
  appVersion: string;
  /** The export instant (default: now). */
  now?: Date;
}

/** The unit's report for a plan and period, ready for writeUnitReport. */
export async function buildUnitReport(input: BuildUnitReportInput): Promise<UnitReport> {
  const { planId, unitCode, period } = input;
  const exportedAt = (input.now ?? new Date()).toISOString();
  return db.transaction(
    'r',
    [db.plans, db.units, db.itemStatuses, ...ACTIVITY_TABLES(), db.indicatorAdjustments, db.indicatorTargets, db.settings],
    async () => {
      const [plan, unit] = await Promise.all([db.plans.get(planId), db.units.get(unitCode)]);
      if (!plan) throw new OperationError('Không tìm thấy kế hoạch này.', 'planId');
      if (!unit) throw new OperationError('Không tìm thấy đơn vị này.', 'unitCode');

      const [statuses, ofUnit, summary] = await Promise.all([
        db.itemStatuses.where('[planId+unitCode+periodKey]').equals([planId, unitCode, period.key]).toArray(),
        activitiesOfUnit(planId, unitCode),
        indicatorSummary(planId, unitCode, period),
      ]);

      const live = ofUnit
        .filter((a) => a.deletedAt === null && period.start <= a.date && a.date <= period.end)
        .sort(byDateThenEntry);

      const counts = new Map<string, number>();
      for (const a of live) for (const id of new Set(a.itemIds)) counts.set(id, (counts.get(id) ?? 0) + 1);
      const statusOf = new Map(statuses.map((s) => [s.itemId, s]));
      const items: ReportItem[] = planReportItems(plan.plan).map((n) => {
        const s = statusOf.get(n.id);
        return {
          ...n,
          status: s?.status ?? null,
          note: s?.note ?? '',
          evidence: s?.evidence ?? '',
          activityCount: counts.get(n.id) ?? 0,
        };
      });

      const activities: ReportActivity[] = live.map(reportActivityOf);

      const indicators: ReportIndicator[] = summary.rows.map((r) => ({
        code: r.def.code,
        name: r.def.name,
        unit: r.def.unit,
        value: r.total,
        target: r.target,
        adjustment: r.adjustment,
        adjustmentReason: r.adjustments
          .map((a) => a.reason.trim())
          .filter((x) => x !== '')
          .join('; '),
      }));

      const report: UnitReport = {
        kind: 'unit-report',
        formatVersion: formatVersionFor('unit-report'),
        unit: unitIdentity(unit, await knownUnitKinds()),
        plan: { id: plan.id, number: plan.number, title: plan.title, fingerprint: planFingerprint(plan.plan) },
        period: { key: period.key, name: period.name, start: period.start, end: period.end },
        exportedAt,
        exportedBy: input.exportedBy,
        appVersion: input.appVersion,
        items,
        activities,
        indicators,
      };
      return nfcDeep(report);
    },
  );
}

/** Date, then the order they were entered, then id: the same order on every export. */
function byDateThenEntry(a: ActivityRecord, b: ActivityRecord): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface BuildTemplateInputInput {
  planId: string;
  unitCode: string;
  /** null: a template without a period (the unit fills it in for any period). */
  period: Pick<Period, 'key' | 'name' | 'start' | 'end'> | null;
  exportedBy: string;
  appVersion: string;
  now?: Date;
}

/**
 * What writeTemplate needs for a unit: its identity, the plan's items, the plan's indicators
 * (with the unit's targets when a period is given).
 */
export async function buildTemplateInput(input: BuildTemplateInputInput): Promise<TemplateInput> {
  const { planId, unitCode, period } = input;
  return db.transaction(
    'r',
    [db.plans, db.units, ...ACTIVITY_TABLES(), db.indicatorAdjustments, db.indicatorTargets, db.settings],
    async () => {
      const [plan, unit] = await Promise.all([db.plans.get(planId), db.units.get(unitCode)]);
      if (!plan) throw new OperationError('Không tìm thấy kế hoạch này.', 'planId');
      if (!unit) throw new OperationError('Không tìm thấy đơn vị này.', 'unitCode');
      const indicators = period
        ? (await indicatorSummary(planId, unitCode, period)).rows
            .filter((r) => r.listed)
            .map((r) => ({ code: r.def.code, name: r.def.name, unit: r.def.unit, target: r.target }))
        : indicatorDefsOf(plan).map((d) => ({ code: d.code, name: d.name, unit: d.unit, target: null }));
      const result: TemplateInput = {
        unit: unitIdentity(unit, await knownUnitKinds()),
        plan: { id: plan.id, number: plan.number, title: plan.title, fingerprint: planFingerprint(plan.plan) },
        items: planReportItems(plan.plan),
        period: period ? { key: period.key, name: period.name, start: period.start, end: period.end } : null,
        indicators,
        exportedAt: (input.now ?? new Date()).toISOString(),
        exportedBy: input.exportedBy,
        appVersion: input.appVersion,
      };
      return nfcDeep(result);
    },
  );
}
