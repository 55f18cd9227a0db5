/**
 * Schema version 1, the first shipped. Never edit a shipped version: add versions/v2.ts with
 * its own stores() and upgrade(), and register it in ../schema.ts (append-only).
 */
export const V1_STORES = {
  plans: '&id, createdAt',
  units: '&code, level, active',
  itemStatuses: '&[planId+unitCode+periodKey+itemId], [planId+unitCode+periodKey]',
  settings: '&key',
} as const;
