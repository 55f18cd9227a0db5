/**
 * The fields of the activity entry form, in the order they are typed: Ngày → Đơn vị →
 * Nhiệm vụ → Loại → Tiêu đề → Nội dung → Địa điểm, số lượt người → minh chứng → chỉ tiêu.
 */
import { useMemo } from 'react';
import { ACTIVITY_TYPES, parseActivityDate, type ActivityType } from '@domain/activity';
import { formatDateVn } from '@domain/periods';
import { trackableItems } from '@domain/plan-tree';
import type { PlanRecord, UnitRecord } from '@db';
import { Field } from '@ui/field';
import { DateInput, NumberInput } from '@ui/inputs';
import { ChoiceCombobox } from '@ui/ChoiceCombobox';
import { ItemCombobox } from './ItemCombobox';
import type { ActivityFormState } from './use-activity-form';

type TextKey = 'title' | 'location' | 'participants' | 'evidenceDoc' | 'evidenceFile';

interface Props {
  form: ActivityFormState;
  plan: PlanRecord;
  /** Units the form offers (active ones, plus the edited activity's own). */
  units: readonly UnitRecord[];
  unitName: (code: string) => string;
}

export function ActivityFields({ form, plan, units, unitName }: Props) {
  const { values, errors, a11y, set, setIndicator } = form;
  const items = useMemo(() => trackableItems(plan.plan), [plan.plan]);
  // A province's 2,000 units: a combobox that draws only the choices matching what is typed.
  const unitChoices = useMemo(() => {
    const choices = units.map((u) => ({ value: u.code, label: unitName(u.code) }));
    // The edited activity's unit, no longer active, stays choosable.
    if (!units.some((u) => u.code === values.unitCode)) choices.push({ value: values.unitCode, label: unitName(values.unitCode) });
    return choices;
  }, [units, unitName, values.unitCode]);
  const dateCheck = parseActivityDate(values.date);

  /** A one-line text field of the form; `numeric` for a count. */
  const textField = (key: TextKey, label: string, extra: { placeholder?: string; numeric?: boolean; className?: string } = {}) => (
    <Field className={`af-field ${extra.className ?? ''}`} label={label} id={a11y.idOf(key)} error={errors[key]}>
      {(p) =>
        extra.numeric ? (
          <NumberInput {...p} value={values[key]} onChange={(e) => set(key, e.target.value)} />
        ) : (
          <input {...p} type="text" autoComplete="off" placeholder={extra.placeholder} value={values[key]} onChange={(e) => set(key, e.target.value)} />
        )
      }
    </Field>
  );

  return (
    <>
      <div className="af-row af-row-3">
        <div className="af-field">
          <label htmlFor={a11y.idOf('date')}>Ngày</label>
          <DateInput
            {...a11y.props('date')}
            value={values.date}
            onChange={(e) => set('date', e.target.value)}
            onBlur={() => {
              if (dateCheck.ok && values.date !== formatDateVn(dateCheck.date)) set('date', formatDateVn(dateCheck.date));
            }}
          />
        </div>
        {unitChoices.length === 1 ? (
          // One unit to choose (a CĐCS logs its own activities): its whole name, not a
          // drop-down holding only itself and cutting the name.
          <div className="af-field af-span-2">
            <span className="af-label" id={a11y.idOf('unitCode-label')}>
              Đơn vị
            </span>
            <span className="af-static" aria-labelledby={a11y.idOf('unitCode-label')} data-testid="activity-unit">
              {units[0]?.name ?? unitChoices[0]!.label}
            </span>
          </div>
        ) : (
          <div className="af-field af-span-2">
            <label htmlFor={a11y.idOf('unitCode')}>Đơn vị</label>
            <ChoiceCombobox
              id={a11y.idOf('unitCode')}
              choices={unitChoices}
              value={values.unitCode}
              onChange={(code) => set('unitCode', code)}
              listLabel="Đơn vị phù hợp"
              invalid={!!a11y.props('unitCode')['aria-invalid']}
              describedBy={a11y.props('unitCode')['aria-describedby']}
            />
          </div>
        )}
      </div>
      {/* Below the row, full width: the date column is too narrow for a sentence. */}
      {(errors.date || errors.unitCode) && (
        <div className="af-row-errors">
          {a11y.errorFor('date')}
          {a11y.errorFor('unitCode')}
        </div>
      )}

      <Field className="af-field" label="Nhiệm vụ" id={a11y.idOf('itemIds')} error={errors.itemIds}>
        {(p) => (
          <ItemCombobox
            id={p.id}
            items={items}
            value={values.itemIds}
            onChange={(ids) => set('itemIds', ids)}
            invalid={!!p['aria-invalid']}
            describedBy={p['aria-describedby']}
          />
        )}
      </Field>

      <Field className="af-field" label="Loại hoạt động" id={a11y.idOf('type')} error={errors.type}>
        {(p) => (
          <select {...p} value={values.type} onChange={(e) => set('type', e.target.value as ActivityType | '')}>
            {values.type === '' && <option value="">— Chọn loại hoạt động —</option>}
            {ACTIVITY_TYPES.map((t) => (
              <option key={t.code} value={t.code}>
                {t.label}
              </option>
            ))}
          </select>
        )}
      </Field>

      {textField('title', 'Tiêu đề')}

      <Field className="af-field" label="Nội dung" id={a11y.idOf('content')} error={errors.content}>
        {(p) => <textarea {...p} rows={2} value={values.content} onChange={(e) => set('content', e.target.value)} />}
      </Field>

      <div className="af-row af-row-3">
        {textField('location', 'Địa điểm', { className: 'af-span-2' })}
        {textField('participants', 'Số lượt người', { numeric: true })}
      </div>

      <div className="af-row af-row-2">
        {textField('evidenceDoc', 'Số/ký hiệu văn bản', { placeholder: 'vd. 12/BC-LĐLĐ' })}
        {textField('evidenceFile', 'Tên tệp minh chứng', { placeholder: 'vd. bien-ban.pdf' })}
      </div>

      <fieldset className="indicator-grid">
        <legend>Chỉ tiêu của hoạt động</legend>
        {form.indicatorDefs.map((d) => {
          const key = `indicators.${d.code}`;
          return (
            <Field className="af-field" key={d.code} label={d.name} labelTitle={`${d.name} (${d.unit})`} id={a11y.idOf(key)} error={errors[key]}>
              {(p) => (
                <NumberInput
                  {...p}
                  placeholder={d.code === 'participants' && values.participants.trim() ? values.participants.trim() : undefined}
                  value={values.indicators[d.code] ?? ''}
                  onChange={(e) => setIndicator(d.code, e.target.value)}
                />
              )}
            </Field>
          );
        })}
        {errors.indicators && <p className="field-error af-wide">{errors.indicators}</p>}
      </fieldset>
    </>
  );
}
