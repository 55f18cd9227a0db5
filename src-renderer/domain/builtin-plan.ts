/**
 * The plan the app ships with: Kế hoạch số 63/KH-LĐLĐ of LĐLĐ huyện Dương Minh Châu.
 *
 * resources/plans/ke-hoach-63-KH-LDLD.json is exactly `parsePlan` of the shipped text
 * resources/plans/ke-hoach-63-KH-LDLD.md; tests/unit/plan-builtin.test.ts regenerates it
 * (`npx vitest run -u`) and fails in CI when the parser and the file disagree. Being our own
 * generated file, it is trusted as is rather than validated at run time.
 */
import data from '@resources/plans/ke-hoach-63-KH-LDLD.json';
import type { ParsedPlan } from './plan-types';

export interface BuiltinPlan {
  id: string;
  /** The text file under resources/plans it was parsed from. */
  source: string;
  plan: ParsedPlan;
}

export const BUILTIN_PLAN: BuiltinPlan = data as BuiltinPlan;
