/**
 * The entry form's values (strings as typed) and their mapping to the operations' input and
 * back from a stored record. Pure: no React.
 */
import { activityFieldsOf, activityInputSchema, type Activity, type ActivityType } from '@domain/activity';
import { formatDateVn, isoDateOf } from '@domain/periods';
import type { ActivityFormInput } from '@db/activity-ops';

export interface ActivityFormValues {
  date: string;
  unitCode: string;
  itemIds: string[];
  type: ActivityType | '';
  title: string;
  content: string;
  location: string;
  participants: string;
  evidenceDoc: string;
  evidenceFile: string;
  /** Indicator code → value as typed. */
  indicators: Record<string, string>;
}

/** Fields in tab order; the first invalid one gets focus. Indicators come last, keyed "indicators.<code>". */
export const FIELD_ORDER = [
  'date',
  'unitCode',
  'itemIds',
  'type',
  'title',
  'content',
  'location',
  'participants',
  'evidenceDoc',
  'evidenceFile',
] as const;

export type FormField = (typeof FIELD_ORDER)[number];

export function todayVn(): string {
  return formatDateVn(isoDateOf(new Date()));
}

export function emptyForm(defaults: { date?: string; unitCode: string; type: ActivityType | '' }): ActivityFormValues {
  return {
    date: defaults.date ?? todayVn(),
    unitCode: defaults.unitCode,
    itemIds: [],
    type: defaults.type,
    title: '',
    content: '',
    location: '',
    participants: '',
    evidenceDoc: '',
    evidenceFile: '',
    indicators: {},
  };
}

export function formFromActivity(a: Activity): ActivityFormValues {
  return {
    ...activityFieldsOf(a),
    date: formatDateVn(a.date),
    participants: a.participants === null ? '' : String(a.participants),
    indicators: Object.fromEntries(Object.entries(a.indicators).map(([k, v]) => [k, String(v)])),
  };
}

export function formToInput(planId: string, v: ActivityFormValues): ActivityFormInput {
  const indicators: Record<string, string> = {};
  for (const [code, value] of Object.entries(v.indicators)) if (value.trim() !== '') indicators[code] = value;
  return {
    planId,
    unitCode: v.unitCode,
    date: v.date,
    itemIds: v.itemIds,
    type: v.type,
    title: v.title,
    content: v.content,
    location: v.location,
    participants: v.participants,
    evidenceDoc: v.evidenceDoc,
    evidenceFile: v.evidenceFile,
    indicators,
  };
}

/**
 * Every message the schema has for the form, keyed by field ("indicators.<code>" for an
 * indicator), first message per field. Empty when the input is valid.
 */
export function validateForm(planId: string, v: ActivityFormValues): Record<string, string> {
  const parsed = activityInputSchema.safeParse(formToInput(planId, v));
  if (parsed.success) return {};
  const out: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const [first, second] = issue.path;
    const key = first === 'indicators' && second !== undefined ? `indicators.${String(second)}` : String(first ?? '_form');
    out[key] ??= issue.message;
  }
  return out;
}

/** The first field with a message, in tab order. */
export function firstInvalidField(errors: Record<string, string>, indicatorCodes: readonly string[]): string | null {
  for (const f of FIELD_ORDER) if (errors[f]) return f;
  for (const c of indicatorCodes) if (errors[`indicators.${c}`]) return `indicators.${c}`;
  if (errors.indicators) return indicatorCodes.length > 0 ? `indicators.${indicatorCodes[0]}` : null;
  return null;
}
