/**
 * Plans: the first run's built-in plan, a plan added from a text or a .docx, the active plan and
 * a plan's reporting cut-offs. Each operation is ONE transaction and validates its input first
 * (OperationError, Vietnamese, before anything is written).
 */
import { z } from 'zod';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import type { ParsedPlan } from '@domain/plan-types';
import {
  DEFAULT_PERIOD_CONFIG,
  PERIOD_KINDS,
  validatePeriodConfig,
  type PeriodConfig,
} from '@domain/periods';
import { cleanText, fold } from '@domain/vn-text';
import { putSetting } from './settings-ops';
import { firstIssue, nfcDeep, now } from './write-helpers';
import { db } from './db';
import { OperationError } from './errors';
import { checkRecord, parsedPlanSchema } from './record-schemas';
import { type PlanRecord, type PlanSource } from './types';


// ---------------------------------------------------------------------------------------------
// First run.

/**
 * First open: the built-in plan (active, default period cut-offs) and the settings. The own
 * unit is NOT created here: the officer chooses it in the first-run setup (completeSetup in
 * unit-ops.ts), which also writes `ownUnitCode` and `setupDoneAt`.
 * Idempotent: a second call, or a second tab racing the first, finds `seededAt` inside its own
 * read-write transaction (IndexedDB runs overlapping read-write transactions one after the
 * other) and writes nothing. Returns true when it seeded.
 */
export async function ensureSeeded(): Promise<boolean> {
  return db.transaction('rw', db.plans, db.units, db.settings, async () => {
    if (await db.settings.get('seededAt')) return false;
    const t = now();
    if (!(await db.plans.get(BUILTIN_PLAN.id))) {
      await db.plans.add(planRecord(BUILTIN_PLAN.id, nfcDeep(BUILTIN_PLAN.plan), 'builtin', undefined, t));
    }
    if (!(await db.settings.get('activePlanId'))) await putSetting('activePlanId', BUILTIN_PLAN.id);
    await putSetting('seededAt', t);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Plans.

function planRecord(id: string, plan: ParsedPlan, source: PlanSource, fileName: string | undefined, t: string): PlanRecord {
  const title = plan.header.title?.trim() || plan.sections[0]?.text.trim() || 'Kế hoạch chưa có tên';
  return {
    id,
    number: plan.header.number?.trim() ?? '',
    title,
    source,
    ...(fileName ? { fileName } : {}),
    plan,
    periodConfig: structuredClone(DEFAULT_PERIOD_CONFIG),
    createdAt: t,
    updatedAt: t,
  };
}

const addPlanSchema = z.object({
  plan: parsedPlanSchema,
  source: z.enum(['builtin', 'paste', 'docx']),
  fileName: z.string().max(260).optional(),
  activate: z.boolean(),
});

export interface AddPlanInput {
  plan: ParsedPlan;
  source: PlanSource;
  fileName?: string;
  activate: boolean;
}

/** A new, unique plan id from the plan's number: "kh-63-kh-ldld-m3x9k2-a1b2". */
function newPlanId(number: string | null): string {
  const slug = fold(number ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const rand = Math.random().toString(36).slice(2, 6).padEnd(4, '0');
  return `kh-${slug || 'khong-so'}-${Date.now().toString(36)}-${rand}`;
}

/** Saves a parsed plan as a new plan (default period cut-offs); returns its id. */
export async function addPlan(input: AddPlanInput): Promise<string> {
  const parsed = addPlanSchema.safeParse(input);
  if (!parsed.success) throw firstIssue(parsed.error);
  const plan = nfcDeep(input.plan);
  const fileName = input.fileName ? cleanText(input.fileName) : undefined;
  return db.transaction('rw', db.plans, db.settings, async () => {
    let id = newPlanId(plan.header.number);
    while (await db.plans.get(id)) id = newPlanId(plan.header.number);
    await db.plans.add(checkRecord('plans', planRecord(id, plan, input.source, fileName, now())));
    if (input.activate) await putSetting('activePlanId', id);
    return id;
  });
}

export async function setActivePlan(id: string): Promise<void> {
  await db.transaction('rw', db.plans, db.settings, async () => {
    if (!(await db.plans.get(id))) throw new OperationError('Không tìm thấy kế hoạch này.', 'planId');
    await putSetting('activePlanId', id);
  });
}

/** Saves a plan's reporting cut-offs after checking them (messages beside the fields). */
export async function setPeriodConfig(planId: string, config: PeriodConfig): Promise<void> {
  const errors = validatePeriodConfig(config);
  if (errors.length > 0) throw new OperationError(errors[0]!.message, errors[0]!.field);
  const clean: PeriodConfig = {
    kinds: PERIOD_KINDS.filter((k) => config.kinds.includes(k)),
    halfEnd: { day: config.halfEnd.day, month: config.halfEnd.month },
    yearEnd: { day: config.yearEnd.day, month: config.yearEnd.month },
  };
  await db.transaction('rw', db.plans, db.settings, async () => {
    // get + put rather than update(): Dexie's key-path typing of update() recurses forever
    // through the plan tree's children.
    const plan = await db.plans.get(planId);
    if (!plan) throw new OperationError('Không tìm thấy kế hoạch này.', 'planId');
    await db.plans.put({ ...plan, periodConfig: clean, updatedAt: now() });
  });
}

