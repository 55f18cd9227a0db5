/**
 * Schema version 6: one identity per unit, levels as data, each unit counted once.
 *
 * `units` gain three fields and two indexes:
 * - `kind`: the unit's kind within its level («ldld-huyen», «cd-nganh», «cdcs»…, see
 *   domain/units.ts UnitKind). Every intermediate unit stored before was an LĐLĐ huyện and every
 *   top one an LĐLĐ tỉnh: the upgrade says so;
 * - `parentCode` (indexed): the unit directly above when it is in this directory. The directory
 *   only ever held the units below the own unit, named with its name as their parent: those get
 *   the own unit's code; the others '' (unknown);
 * - `aliases` (multiEntry index): other codes the unit's files carry, matched on import. None yet.
 *
 * `submissions` gain the index [planId+periodKey+state+level], so that the consolidated reports
 * of a period (from the levels above the CĐCS) are found without reading the thousands of
 * CĐCS files a province may hold (domain/double-count.ts needs them).
 *
 * The setting `selectedPeriodKind` is dropped: the app opens on the period that is due
 * (domain/periods.ts defaultPeriod), and a kind chosen in the context bar lasts one session.
 *
 * Frozen: imports nothing live. Never edit once shipped: add versions/v7.ts.
 */
import type { Transaction } from 'dexie';
import { V5_STORES } from './v5';

export const V6_STORES = {
  ...V5_STORES,
  units: '&code, level, active, name, parentCode, *aliases',
  submissions:
    '&id, [unitCode+planId+periodKey], [planId+periodKey+state], [planId+periodKey+state+level], [planId+state], *unitCodes, fileHash, importedAt',
} as const;

/** The kind every unit of a level had before kinds existed. */
const KIND_BEFORE_V6: Record<string, string> = { province: 'ldld-tinh', district: 'ldld-huyen', grassroots: 'cdcs' };

interface UnitV5 {
  code: string;
  name: string;
  level: string;
  parentName?: string;
  kind?: string;
  parentCode?: string;
  aliases?: string[];
}

const sameName = (a: string | undefined, b: string | undefined) =>
  (a ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase() === (b ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

export async function upgradeToV6(tx: Transaction): Promise<void> {
  const settings = tx.table('settings');
  const ownCode = ((await settings.get('ownUnitCode')) as { value?: unknown } | undefined)?.value;
  const own = typeof ownCode === 'string' ? ((await tx.table('units').get(ownCode)) as UnitV5 | undefined) : undefined;
  await tx
    .table('units')
    .toCollection()
    .modify((u: UnitV5) => {
      u.kind = typeof u.kind === 'string' && u.kind !== '' ? u.kind : (KIND_BEFORE_V6[u.level] ?? 'cdcs');
      u.aliases = Array.isArray(u.aliases) ? u.aliases : [];
      if (typeof u.parentCode !== 'string') {
        u.parentCode = own && u.code !== own.code && (u.parentName ?? '') !== '' && sameName(u.parentName, own.name) ? own.code : '';
      }
    });
  await settings.delete('selectedPeriodKind');
}
