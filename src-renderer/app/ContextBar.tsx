/**
 * The unit and period the screens show: unit, kind of report, year (and quarter), with its dates
 * and, when it is not the running one, whether it has ended or not started yet.
 */
import { useCallback, useId, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { PERIOD_KIND_LABELS, PERIOD_PHASE_LABELS, periodPhase, periodRangeVn, type PeriodKind } from '@domain/periods';
import { unitLabels } from '@domain/units';
import { usePeriodStore, useUnitStore } from '@state';
import { ChoiceCombobox, type Choice } from '@ui/ChoiceCombobox';
import type { ShellData } from './use-shell-data';

const QUARTERS = ['I', 'II', 'III', 'IV'];

export function ContextBar({ data }: { data: ShellData }) {
  const ids = { unit: useId(), kind: useId(), year: useId(), quarter: useId(), range: useId() };
  const selectUnit = useUnitStore((s) => s.selectUnit);
  const { setKind, setYear, setQuarter } = usePeriodStore(useShallow((s) => ({ setKind: s.setKind, setYear: s.setYear, setQuarter: s.setQuarter })));
  const { period, periodKind, activePlan, currentYear, today } = data;
  // A province lists 2,000 units: a combobox draws only the matches, and only while it is open,
  // where a <select> would lay out every <option> on each start.
  const unitChoices = useMemo<Choice[]>(() => {
    const labels = unitLabels(data.units);
    return data.units.map((u) => ({ value: u.code, label: labels.get(u.code) ?? u.name }));
  }, [data.units]);
  const ownCode = data.ownUnit.code;
  const onUnit = useCallback((code: string) => selectUnit(code === ownCode ? null : code), [selectUnit, ownCode]);
  const phase = periodPhase(period, today);
  const years: number[] = [];
  for (let y = Math.min(currentYear, period.year) - 3; y <= Math.max(currentYear, period.year) + 1; y++) years.push(y);
  const kinds = activePlan.periodConfig.kinds;

  return (
    <div className="context-bar" role="group" aria-label="Phạm vi số liệu">
      {data.units.length > 1 ? (
        <div className="field-inline context-unit-choice">
          <label htmlFor={ids.unit}>Đơn vị</label>
          <ChoiceCombobox id={ids.unit} choices={unitChoices} value={data.selectedUnit.code} onChange={onUnit} listLabel="Đơn vị phù hợp" />
        </div>
      ) : (
        // Nothing to choose (a CĐCS, or a directory still empty): the name, whole, as text.
        <p className="field-inline context-unit">
          <span className="context-label">Đơn vị</span> <strong data-testid="context-unit">{data.ownUnit.name}</strong>
        </p>
      )}
      <div className="field-inline">
        <label htmlFor={ids.kind}>Kỳ báo cáo</label>
        <select
          id={ids.kind}
          value={periodKind}
          onChange={(e) => setKind(e.target.value as PeriodKind)}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {PERIOD_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      {periodKind === 'quarter' && (
        <div className="field-inline">
          <label htmlFor={ids.quarter}>Quý</label>
          <select id={ids.quarter} value={period.quarter ?? 1} onChange={(e) => setQuarter(Number(e.target.value))}>
            {QUARTERS.map((q, i) => (
              <option key={q} value={i + 1}>
                {q}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field-inline">
        <label htmlFor={ids.year}>Năm</label>
        <select
          id={ids.year}
          value={period.year}
          onChange={(e) => {
            const y = Number(e.target.value);
            setYear(y === currentYear ? null : y);
          }}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <p className="period-range" id={ids.range} aria-live="polite">
        <span className="period-name">{period.name}:</span> <span data-testid="period-range">{periodRangeVn(period)}</span>
        {phase !== 'current' && (
          <span className={`period-phase period-phase-${phase}`} data-testid="period-phase">
            {' '}
            ({PERIOD_PHASE_LABELS[phase]})
          </span>
        )}
      </p>
    </div>
  );
}
