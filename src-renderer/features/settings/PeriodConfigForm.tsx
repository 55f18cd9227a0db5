/** The active plan's reporting cut-offs: a preset or custom day/month, and which reports it has. */
import { Fragment, useId, useMemo, useState, type FormEvent } from 'react';
import { OperationError, setPeriodConfig, type PlanRecord } from '@db';
import {
  PERIOD_KINDS,
  PERIOD_PRESETS,
  periodRangeVn,
  periodsOf,
  presetOf,
  validatePeriodConfig,
  type DayMonth,
  type PeriodConfig,
  type PeriodConfigField,
  type PeriodKind,
} from '@domain/periods';
import { NumberInput } from '@ui/inputs';
import { Problem } from '@ui/notice';

const DAY_MONTH_PARTS = [
  ['day', 'Ngày'],
  ['month', 'Tháng'],
] as const;

const KIND_LABELS: Record<PeriodKind, string> = { half: '6 tháng đầu năm', quarter: 'Quý', year: 'Năm' };

interface Draft {
  kinds: PeriodKind[];
  halfEnd: { day: string; month: string };
  yearEnd: { day: string; month: string };
}

const toDraft = (dm: DayMonth) => ({ day: String(dm.day), month: String(dm.month) });
const toNumber = (s: string) => (/^\d{1,2}$/.test(s.trim()) ? Number(s.trim()) : NaN);

function configOf(d: Draft): PeriodConfig {
  return {
    kinds: d.kinds,
    halfEnd: { day: toNumber(d.halfEnd.day), month: toNumber(d.halfEnd.month) },
    yearEnd: { day: toNumber(d.yearEnd.day), month: toNumber(d.yearEnd.month) },
  };
}

function DayMonthFields({
  legend,
  value,
  onChange,
  error,
  errorId,
}: {
  legend: string;
  value: { day: string; month: string };
  onChange: (v: { day: string; month: string }) => void;
  error: string | undefined;
  errorId: string;
}) {
  const id = useId();
  const invalid = error ? true : undefined;
  const describedBy = error ? errorId : undefined;
  return (
    <fieldset className="day-month">
      <legend>{legend}</legend>
      {DAY_MONTH_PARTS.map(([part, label]) => (
        <Fragment key={part}>
          <label htmlFor={`${id}-${part}`}>{label}</label>
          <NumberInput
            id={`${id}-${part}`}
            className="num2"
            value={value[part]}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onChange={(e) => onChange({ ...value, [part]: e.target.value })}
          />
        </Fragment>
      ))}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

export function PeriodConfigForm({ plan, year }: { plan: PlanRecord; year: number }) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => ({
    kinds: [...plan.periodConfig.kinds],
    halfEnd: toDraft(plan.periodConfig.halfEnd),
    yearEnd: toDraft(plan.periodConfig.yearEnd),
  }));
  const [status, setStatus] = useState<{ kind: 'saved' } | { kind: 'error'; message: string } | null>(null);

  const config = configOf(draft);
  const errors = useMemo(() => validatePeriodConfig(config), [config]);
  const errorOf = (f: PeriodConfigField) => errors.find((e) => e.field === f)?.message;
  const preset = errors.length === 0 ? presetOf(config) : undefined;
  const preview = errors.length === 0 ? periodsOf({ ...config, kinds: PERIOD_KINDS.filter((k) => config.kinds.includes(k)) }, year) : [];

  const update = (next: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...next }));
    setStatus(null);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (errors.length > 0) return;
    try {
      await setPeriodConfig(plan.id, config);
      setStatus({ kind: 'saved' });
    } catch (err) {
      setStatus({ kind: 'error', message: err instanceof OperationError ? err.message : 'Không lưu được. Hãy thử lại.' });
    }
  }

  return (
    <form className="settings-card" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>Kỳ báo cáo của kế hoạch {plan.number || plan.title}</h2>
      <p className="hint">
        Báo cáo năm tính từ ngày sau ngày chốt năm của năm trước đến ngày chốt năm; báo cáo 6 tháng tính từ cùng ngày bắt
        đầu đến ngày chốt 6 tháng.
      </p>
      <fieldset className="presets">
        <legend>Mốc chốt số liệu có sẵn</legend>
        {PERIOD_PRESETS.map((p) => (
          <label key={p.id} className="radio">
            <input
              type="radio"
              name={`${id}-preset`}
              checked={preset?.id === p.id}
              onChange={() => update({ halfEnd: toDraft(p.halfEnd), yearEnd: toDraft(p.yearEnd) })}
            />
            {p.label}
          </label>
        ))}
        <label className="radio">
          <input type="radio" name={`${id}-preset`} checked={!preset} readOnly onChange={() => undefined} />
          Tùy chỉnh (nhập ngày, tháng bên dưới)
        </label>
      </fieldset>
      <div className="cutoffs">
        <DayMonthFields
          legend="Ngày chốt số liệu 6 tháng"
          value={draft.halfEnd}
          onChange={(v) => update({ halfEnd: v })}
          error={errorOf('halfEnd')}
          errorId={`${id}-half-error`}
        />
        <DayMonthFields
          legend="Ngày chốt số liệu năm"
          value={draft.yearEnd}
          onChange={(v) => update({ yearEnd: v })}
          error={errorOf('yearEnd')}
          errorId={`${id}-year-error`}
        />
      </div>
      <fieldset className="kinds">
        <legend>Các kỳ báo cáo</legend>
        {PERIOD_KINDS.map((k) => (
          <label key={k} className="checkbox">
            <input
              type="checkbox"
              checked={draft.kinds.includes(k)}
              onChange={(e) => update({ kinds: e.target.checked ? [...draft.kinds, k] : draft.kinds.filter((x) => x !== k) })}
            />
            {KIND_LABELS[k]}
          </label>
        ))}
        {errorOf('kinds') && <p className="field-error">{errorOf('kinds')}</p>}
      </fieldset>
      {preview.length > 0 && (
        <div className="period-preview">
          <h3>Các kỳ năm {year}</h3>
          <ul>
            {preview.map((p) => (
              <li key={p.key}>
                <span className="period-name">{p.name}:</span> {periodRangeVn(p)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="button-row">
        <button type="submit" className="primary" disabled={errors.length > 0}>
          Lưu kỳ báo cáo
        </button>
        <span role="status" className="saved">
          {status?.kind === 'saved' ? '✓ Đã lưu' : ''}
        </span>
        {status?.kind === 'error' && (
          <Problem>{status.message}</Problem>
        )}
      </div>
    </form>
  );
}
