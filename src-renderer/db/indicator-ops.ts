/**
 * Named operations on indicators (chỉ tiêu): manual adjustments, targets and a plan's own
 * indicators, plus `indicatorSummary`, the one query that computes a unit's (or every unit's)
 * figures for a period. Each write is ONE transaction, validates first (OperationError with a
 * Vietnamese message and the field it belongs beside) and writes nothing when it refuses.
 *
 * Sums are never computed here: `indicatorSummary` reads the records and hands them to
 * `sumIndicators` (domain/indicators.ts), which owns the rules (deleted activities ignored,
 * the "lượt người tham gia" rule, overflow checks).
 */
import {
  activityIndicatorValues,
  indicatorAdjustmentSchema,
  indicatorExtraSchema,
  isStandardIndicatorCode,
  mergeIndicatorDefs,
  normalizeIndicatorCode,
  percentReached,
  STANDARD_INDICATORS,
  sumIndicators,
  type IndicatorDef,
} from '@domain/indicators';
import { cleanLine, parseInteger } from '@domain/fields';
import { parsePeriodKey, type Period } from '@domain/periods';
import { cleanText, fold } from '@domain/vn-text';
import { ACTIVITY_TABLES, activitiesInRange, activitiesOfPlan, activitiesOfUnit } from './activity-read';
import { leftOutSubmissions } from './double-count-ops';
import { db } from './db';
import { OperationError } from './errors';
import { now } from './write-helpers';
import { checkRecord } from './record-schemas';
import type { IndicatorKey } from './schema';
import type { ActivityRecord, IndicatorAdjustmentRecord, IndicatorTargetRecord, PlanRecord } from './types';

/** Identity of one adjustment or target: plan, unit, period and indicator. */
export interface IndicatorRef {
  planId: string;
  unitCode: string;
  periodKey: string;
  indicatorCode: string;
}

export interface SetIndicatorAdjustmentInput extends IndicatorRef {
  /** Integer, may be negative; 0 (or empty) deletes the stored adjustment. Strings as typed are accepted. */
  delta: number | string | null;
  /** Required unless the adjustment is being deleted. */
  reason: string;
}

export interface SetIndicatorTargetInput extends IndicatorRef {
  /** Non-negative integer; null or '' removes the target. */
  target: number | string | null;
}


/** The plan's indicator list: the standard one followed by its extras. */
export function indicatorDefsOf(plan: Pick<PlanRecord, 'extraIndicators'>): IndicatorDef[] {
  return mergeIndicatorDefs(STANDARD_INDICATORS, plan.extraIndicators ?? []);
}

interface CheckedRef extends IndicatorRef {
  def: IndicatorDef;
}

/** Plan, unit, period and indicator exist (read inside the caller's transaction). */
async function checkRef(ref: IndicatorRef): Promise<CheckedRef> {
  const planId = typeof ref.planId === 'string' ? ref.planId.trim() : '';
  if (planId === '') throw new OperationError('Kế hoạch: chưa chọn kế hoạch', 'planId');
  const unitCode = typeof ref.unitCode === 'string' ? ref.unitCode.trim() : '';
  if (unitCode === '') throw new OperationError('Đơn vị: chưa chọn đơn vị', 'unitCode');
  const periodKey = typeof ref.periodKey === 'string' ? ref.periodKey.trim() : '';
  if (parsePeriodKey(periodKey) === null) throw new OperationError('Kỳ báo cáo: không hợp lệ', 'periodKey');
  const indicatorCode = normalizeIndicatorCode(typeof ref.indicatorCode === 'string' ? ref.indicatorCode : '');
  if (indicatorCode === '') throw new OperationError('Chỉ tiêu: chưa chọn chỉ tiêu', 'indicatorCode');

  const plan = await db.plans.get(planId);
  if (!plan) throw new OperationError('Không tìm thấy kế hoạch này.', 'planId');
  if (!(await db.units.get(unitCode))) throw new OperationError('Không tìm thấy đơn vị này.', 'unitCode');
  const def = indicatorDefsOf(plan).find((d) => d.code === indicatorCode);
  if (!def) throw new OperationError(`Kế hoạch không có chỉ tiêu «${indicatorCode}».`, 'indicatorCode');
  return { planId, unitCode, periodKey, indicatorCode, def };
}

/** The primary key of an adjustment or a target. */
export const indicatorKeyOf = (r: IndicatorRef): IndicatorKey => [r.planId, r.unitCode, r.periodKey, r.indicatorCode];

// ---------------------------------------------------------------------------------------------
// Adjustments.

/**
 * Stores the manual adjustment (điều chỉnh) of one indicator for a unit and period, replacing
 * the one stored before. A delta of 0 (or empty) deletes it and returns null.
 */
export async function setIndicatorAdjustment(input: SetIndicatorAdjustmentInput): Promise<IndicatorAdjustmentRecord | null> {
  const delta = parseInteger(input.delta, true);
  if (!delta.ok) throw new OperationError('Số điều chỉnh: phải là số nguyên (có thể âm)', 'delta');
  if (delta.value === null || delta.value === 0) {
    return db.transaction('rw', db.plans, db.units, db.indicatorAdjustments, async () => {
      const ref = await checkRef(input);
      await db.indicatorAdjustments.delete(indicatorKeyOf(ref));
      return null;
    });
  }
  const parsed = indicatorAdjustmentSchema.safeParse({
    ...input,
    delta: delta.value,
    reason: typeof input.reason === 'string' ? cleanText(input.reason) : input.reason,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0];
    throw new OperationError(issue?.message ?? 'Dữ liệu không hợp lệ.', typeof field === 'string' ? field : undefined);
  }
  return db.transaction('rw', db.plans, db.units, db.indicatorAdjustments, async () => {
    const ref = await checkRef(parsed.data);
    const record: IndicatorAdjustmentRecord = {
      planId: ref.planId,
      unitCode: ref.unitCode,
      periodKey: ref.periodKey,
      indicatorCode: ref.indicatorCode,
      delta: parsed.data.delta,
      reason: parsed.data.reason,
      updatedAt: now(),
    };
    await db.indicatorAdjustments.put(checkRecord('indicatorAdjustments', record));
    return record;
  });
}

/** Deletes one adjustment; true when there was one. */
export async function removeIndicatorAdjustment(key: IndicatorRef): Promise<boolean> {
  return db.transaction('rw', db.indicatorAdjustments, async () => {
    const k = indicatorKeyOf({ ...key, indicatorCode: normalizeIndicatorCode(key.indicatorCode ?? '') });
    if (!(await db.indicatorAdjustments.get(k))) return false;
    await db.indicatorAdjustments.delete(k);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Targets.

/** Stores a target (chỉ tiêu phấn đấu); null or '' removes it and returns null. */
export async function setIndicatorTarget(input: SetIndicatorTargetInput): Promise<IndicatorTargetRecord | null> {
  const target = parseInteger(input.target);
  if (!target.ok) throw new OperationError('Chỉ tiêu phấn đấu: phải là số nguyên không âm', 'target');
  return db.transaction('rw', db.plans, db.units, db.indicatorTargets, async () => {
    const ref = await checkRef(input);
    if (target.value === null) {
      await db.indicatorTargets.delete(indicatorKeyOf(ref));
      return null;
    }
    const record: IndicatorTargetRecord = {
      planId: ref.planId,
      unitCode: ref.unitCode,
      periodKey: ref.periodKey,
      indicatorCode: ref.indicatorCode,
      target: target.value,
    };
    await db.indicatorTargets.put(checkRecord('indicatorTargets', record));
    return record;
  });
}

// ---------------------------------------------------------------------------------------------
// A plan's own indicators.

/**
 * Adds an indicator to the plan's list (PlanRecord.extraIndicators). The code is derived from
 * the name unless given ("x-…"); a code or a name (accents and case ignored) already in the
 * list is refused.
 */
export async function addPlanIndicator(planId: string, input: { name: string; unit: string; code?: string }): Promise<IndicatorDef> {
  const parsed = indicatorExtraSchema.safeParse({
    name: typeof input.name === 'string' ? cleanText(input.name) : input.name,
    unit: typeof input.unit === 'string' ? cleanText(input.unit) : input.unit,
    ...(input.code !== undefined ? { code: input.code } : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0];
    throw new OperationError(issue?.message ?? 'Dữ liệu không hợp lệ.', typeof field === 'string' ? field : undefined);
  }
  const def = parsed.data;
  return db.transaction('rw', db.plans, async () => {
    const plan = await db.plans.get(planId);
    if (!plan) throw new OperationError('Không tìm thấy kế hoạch này.', 'planId');
    const defs = indicatorDefsOf(plan);
    const nameKey = fold(def.name);
    const sameName = defs.find((d) => fold(d.name) === nameKey);
    if (sameName) throw new OperationError(`Tên chỉ tiêu: «${sameName.name}» đã có trong danh sách`, 'name');
    if (defs.some((d) => d.code === def.code)) {
      throw new OperationError(`Mã chỉ tiêu: «${def.code}» đã có trong danh sách`, input.code ? 'code' : 'name');
    }
    const extras = [...(plan.extraIndicators ?? []), def];
    // get + put rather than update(): Dexie's key-path typing of update() recurses through the plan tree.
    await db.plans.put({ ...plan, extraIndicators: extras, updatedAt: now() });
    return def;
  });
}

/**
 * Removes one of the plan's own indicators, with its targets. Refused for a standard indicator
 * and while any activity of the plan (the trash included: it can be restored) or any adjustment
 * uses it.
 */
export async function removePlanIndicator(planId: string, code: string): Promise<void> {
  const c = normalizeIndicatorCode(code ?? '');
  if (isStandardIndicatorCode(c)) throw new OperationError('Chỉ tiêu chuẩn của ứng dụng không xóa được.', 'code');
  await db.transaction('rw', [db.plans, ...ACTIVITY_TABLES(), db.indicatorAdjustments, db.indicatorTargets], async () => {
    const plan = await db.plans.get(planId);
    if (!plan) throw new OperationError('Không tìm thấy kế hoạch này.', 'planId');
    const extras = plan.extraIndicators ?? [];
    const def = extras.find((d) => d.code === c);
    if (!def) throw new OperationError(`Kế hoạch không có chỉ tiêu «${code}».`, 'code');
    const used = (await activitiesOfPlan(planId)).filter((a) => Object.hasOwn(a.indicators, c)).length;
    if (used > 0) {
      throw new OperationError(`Chỉ tiêu «${def.name}» đang có số liệu trong ${used} hoạt động, không xóa được.`, 'code');
    }
    const adjusted = await db.indicatorAdjustments.filter((a) => a.planId === planId && a.indicatorCode === c).count();
    if (adjusted > 0) {
      throw new OperationError(`Chỉ tiêu «${def.name}» đang có ${adjusted} điều chỉnh, không xóa được.`, 'code');
    }
    const targets = await db.indicatorTargets.filter((t) => t.planId === planId && t.indicatorCode === c).primaryKeys();
    await db.indicatorTargets.bulkDelete(targets);
    await db.plans.put({ ...plan, extraIndicators: extras.filter((d) => d.code !== c), updatedAt: now() });
  });
}

// ---------------------------------------------------------------------------------------------
// The summary.

/** An activity behind a figure, as the screen lists it. */
export interface ContributingActivity {
  id: string;
  date: string;
  unitCode: string;
  title: string;
  /** What it adds to this indicator. */
  value: number;
}

export interface IndicatorRow {
  def: IndicatorDef;
  /** False for a code found in data but no longer in the plan's list. */
  listed: boolean;
  fromActivities: number;
  adjustment: number;
  total: number;
  /** The adjustments behind `adjustment`, oldest first (their unit and reason). */
  adjustments: IndicatorAdjustmentRecord[];
  target: number | null;
  /** total / target in whole percent (rounded down), null without a positive target. */
  percent: number | null;
  /** The activities behind `fromActivities`, newest first. */
  activities: ContributingActivity[];
}

export interface IndicatorSummary {
  planId: string;
  /** null: every unit (a consolidated figure). */
  unitCode: string | null;
  periodKey: string;
  /** Whose targets are shown: the unit's, or for a consolidated figure the installation's own unit. */
  targetUnitCode: string | null;
  rows: IndicatorRow[];
  /** Live activities of the unit(s) in the period. */
  activityCount: number;
}

// The rule lives beside the other indicator rules; re-exported for the screens.
export { percentReached } from '@domain/indicators';

/**
 * The figures of every indicator of the plan (standard + extras, then any other code found in
 * the data) for one unit, or every unit when `unitCode` is null, in `period`: from activities
 * dated within the period, adjustments stored under its key, and targets (for all units: the
 * targets of the installation's own unit, which is what the level above set).
 */
export async function indicatorSummary(
  planId: string,
  unitCode: string | null,
  period: Pick<Period, 'key' | 'start' | 'end'>,
): Promise<IndicatorSummary> {
  return db.transaction('r', [db.plans, ...ACTIVITY_TABLES(), db.indicatorAdjustments, db.indicatorTargets, db.settings], async () => {
    const plan = await db.plans.get(planId);
    if (!plan) throw new OperationError('Không tìm thấy kế hoạch này.', 'planId');
    const [inRange, periodAdjustments, periodTargets, own] = await Promise.all([
      // One unit's: only what is filed under its code is read, not every report of the plan (a
      // province's own figures would otherwise read its 2,000 units' activities).
      (unitCode === null ? activitiesInRange(planId, period.start, period.end) : activitiesOfUnit(planId, unitCode)).then((all) =>
        all.filter((a) => a.deletedAt === null && (unitCode === null || a.unitCode === unitCode) && period.start <= a.date && a.date <= period.end),
      ),
      // A unit's own file that a consolidated report already counts adds none of its corrections either.
      countedAdjustments(planId, unitCode, period.key),
      db.indicatorTargets.where('[planId+periodKey]').equals([planId, period.key]).toArray(),
      db.settings.get('ownUnitCode'),
    ]);
    const defs = indicatorDefsOf(plan);
    const sums = sumIndicators({
      activities: inRange,
      adjustments: periodAdjustments,
      ...(unitCode !== null ? { unitCode } : {}),
      planId,
      range: { start: period.start, end: period.end },
      periodKey: period.key,
      defs,
    });

    const targetUnitCode = unitCode ?? (typeof own?.value === 'string' ? own.value : null);
    const targets = new Map<string, number>();
    for (const t of periodTargets) if (t.unitCode === targetUnitCode) targets.set(t.indicatorCode, t.target);

    const contributors = contributingActivities(inRange);
    const allDefs = [...defs];
    for (const code of Object.keys(sums)) {
      if (!allDefs.some((d) => d.code === code)) allDefs.push({ code, name: code, unit: '', builtin: false });
    }
    const rows = allDefs.map((def): IndicatorRow => {
      const s = sums[def.code] ?? { fromActivities: 0, adjustment: 0, total: 0, reasons: [] };
      const target = targets.get(def.code) ?? null;
      return {
        def,
        listed: defs.includes(def),
        fromActivities: s.fromActivities,
        adjustment: s.adjustment,
        total: s.total,
        adjustments: periodAdjustments
          .filter((a) => a.indicatorCode === def.code && (unitCode === null || a.unitCode === unitCode))
          .sort((x, y) => (x.updatedAt < y.updatedAt ? -1 : x.updatedAt > y.updatedAt ? 1 : 0)),
        target,
        percent: percentReached(s.total, target),
        activities: contributors.get(def.code) ?? [],
      };
    });
    return { planId, unitCode, periodKey: period.key, targetUnitCode, rows, activityCount: inRange.length };
  });
}

/**
 * The adjustments of a period (one unit's, or every unit's for null), but those of a unit's own
 * file that a consolidated report already counts. Inside the caller's transaction.
 */
async function countedAdjustments(planId: string, unitCode: string | null, periodKey: string): Promise<IndicatorAdjustmentRecord[]> {
  const all = await db.indicatorAdjustments.where('[planId+periodKey]').equals([planId, periodKey]).toArray();
  const mine = unitCode === null ? all : all.filter((a) => a.unitCode === unitCode);
  // Only corrections an import filed can be counted elsewhere: without one, the plan's index is not walked.
  if (!mine.some((a) => a.submissionId !== undefined)) return mine;
  const leftOut = await leftOutSubmissions(planId);
  return leftOut.size === 0 ? mine : mine.filter((a) => a.submissionId === undefined || !leftOut.has(a.submissionId));
}

/** Per indicator code, the activities that add something to it, newest first. */
function contributingActivities(activities: readonly ActivityRecord[]): Map<string, ContributingActivity[]> {
  const out = new Map<string, ContributingActivity[]>();
  const sorted = [...activities].sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.id < b.id ? -1 : 1));
  for (const a of sorted) {
    for (const [code, value] of Object.entries(activityIndicatorValues(a))) {
      let list = out.get(code);
      if (!list) out.set(code, (list = []));
      list.push({ id: a.id, date: a.date, unitCode: a.unitCode, title: cleanLine(a.title), value });
    }
  }
  return out;
}
