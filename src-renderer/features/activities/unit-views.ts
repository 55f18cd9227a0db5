/**
 * What «Nhật ký» shows of the unit directory: each unit's label (two units of one name carry
 * their code, domain/units.ts unitLabels), the form's units (the active ones, the own unit first,
 * then by name) and the filter's choices. A province has 2,000 units and labelling them folds
 * every name (about 20 ms), so the views are computed once per directory and reused while the
 * directory read again holds the same records, not each time the log opens.
 */
import { unitLabels } from '@domain/units';
import type { UnitRecord } from '@db';
import type { Choice } from '@ui/ChoiceCombobox';

export interface UnitViews {
  /** The label shown for a unit code (the code itself when no unit has it). */
  unitName: (code: string) => string;
  /** The units the form offers. */
  formUnits: UnitRecord[];
  /** The filter's choices: «Tất cả», then every unit. */
  filterChoices: Choice[];
}

const collator = new Intl.Collator('vi');

function buildViews(units: readonly UnitRecord[], ownCode: string): UnitViews {
  const labels = unitLabels(units);
  const unitName = (code: string) => labels.get(code) ?? code;
  const formUnits = units
    .filter((u) => u.active)
    .sort((a, b) => (a.code === ownCode ? -1 : b.code === ownCode ? 1 : collator.compare(a.name, b.name)));
  const filterChoices = [{ value: '', label: 'Tất cả' }, ...units.map((u) => ({ value: u.code, label: unitName(u.code) }))];
  return { unitName, formUnits, filterChoices };
}

let last: { records: string; ownCode: string; views: UnitViews } | null = null;

/** The views of this directory, the same object as last time when its records are the same. */
export function unitViews(units: readonly UnitRecord[], ownCode: string): UnitViews {
  if (units.length === 0) return buildViews(units, ownCode);
  const records = JSON.stringify(units);
  if (last?.records === records && last.ownCode === ownCode) return last.views;
  const views = buildViews(units, ownCode);
  last = { records, ownCode, views };
  return views;
}
