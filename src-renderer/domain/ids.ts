/**
 * The shapes of the ids the app stores and exchanges: plan item ids ("III.2.4") and record ids
 * (UUIDs). Forms, schemas and the workbook readers check ids against these alone.
 *
 * Pure module: no React, Dexie, Electron, Node or DOM.
 */

/** Plan item ids: a Roman section, then dot-separated numbers ("III", "III.2.4", "I.1"). */
export const PLAN_ITEM_ID_RE = /^[IVXLCDM]+(?:\.\d+)*$/;

export function isPlanItemId(text: string): boolean {
  return PLAN_ITEM_ID_RE.test(text);
}

/** A UUID in its usual 8-4-4-4-12 hex form, either case. */
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string): boolean {
  return UUID_RE.test(text);
}
