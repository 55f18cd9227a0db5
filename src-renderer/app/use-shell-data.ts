/**
 * What the shell and every screen need: the plans, the active one, the own unit, the selected
 * unit and the selected period, read live from the database (a change anywhere shows everywhere).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { db, type PlanRecord, type SettingValues, type UnitRecord } from '@db';
import {
  currentPeriod,
  defaultPeriod,
  periodOf,
  reportYearOf,
  type IsoDate,
  type Period,
  type PeriodKind,
} from '@domain/periods';
import { usePeriodStore, useUnitStore } from '@state';
import { useToday } from './use-today';
import { vnOrder } from '@domain/vn-text';

export interface ShellData {
  plans: PlanRecord[];
  activePlan: PlanRecord;
  ownUnit: UnitRecord;
  /** The unit chosen in the context bar (default: the own unit); statuses are filed under it. */
  selectedUnit: UnitRecord;
  /** Units the selector offers: the own unit first, then the active directory units by name. */
  units: UnitRecord[];
  periodKind: PeriodKind;
  period: Period;
  /** Report year of today for the active plan. */
  currentYear: number;
  /** Today's calendar date (local), kept current across midnight. */
  today: IsoDate;
}

interface Stored {
  plans: PlanRecord[];
  units: UnitRecord[];
  settings: Partial<SettingValues>;
}

export function useShellData(): ShellData | undefined {
  const stored = useLiveQuery(async (): Promise<Stored> => {
    const [plans, units, settingRows] = await Promise.all([
      db.plans.orderBy('createdAt').toArray(),
      db.units.toArray(),
      db.settings.toArray(),
    ]);
    const settings = Object.fromEntries(settingRows.map((r) => [r.key, r.value])) as Partial<SettingValues>;
    return { plans, units, settings };
  }, []);
  const { kind, year, quarter } = usePeriodStore(useShallow((s) => ({ kind: s.kind, year: s.year, quarter: s.quarter })));
  const selectedCode = useUnitStore((s) => s.selectedCode);
  const today = useToday();

  return useMemo(() => {
    if (!stored) return undefined;
    const { plans, units, settings } = stored;
    const activePlan = plans.find((p) => p.id === settings.activePlanId) ?? plans[0];
    const ownUnit = units.find((u) => u.code === settings.ownUnitCode) ?? units[0];
    if (!activePlan || !ownUnit) return undefined;
    const config = activePlan.periodConfig.kinds.length > 0 ? activePlan.periodConfig : { ...activePlan.periodConfig, kinds: ['year'] as PeriodKind[] };
    // The period that is due opens by default; a kind chosen in the bar holds while the plan has it.
    const due = defaultPeriod(config, today);
    const periodKind = kind && config.kinds.includes(kind) ? kind : due.kind;
    const currentYear = reportYearOf(config, today);
    const current = periodKind === due.kind ? due : currentPeriod(config, today, periodKind);
    const chosenYear = year ?? current.year;
    const period =
      periodKind === 'quarter'
        ? periodOf(config, { kind: 'quarter', year: chosenYear, quarter: quarter ?? current.quarter ?? 1 })
        : periodOf(config, { kind: periodKind, year: chosenYear });
    const offered = [
      ownUnit,
      ...units.filter((u) => u.active && u.code !== ownUnit.code).sort((a, b) => vnOrder.compare(a.name, b.name)),
    ];
    const selectedUnit = offered.find((u) => u.code === selectedCode) ?? ownUnit;
    return { plans, activePlan, ownUnit, selectedUnit, units: offered, periodKind, period, currentYear, today };
  }, [stored, kind, year, quarter, selectedCode, today]);
}

export type SetupState = 'loading' | 'needed' | 'done';

/** Whether the first-run setup (who this installation belongs to) has been completed. */
export function useSetupState(): SetupState {
  return useLiveQuery(async (): Promise<SetupState> => ((await db.settings.get('setupDoneAt')) ? 'done' : 'needed'), [], 'loading');
}
