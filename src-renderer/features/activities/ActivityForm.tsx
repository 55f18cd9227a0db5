/**
 * The entry form of the activity log, built for typing a week's backlog from the keyboard:
 * Ngày → Đơn vị → Nhiệm vụ → Loại → Tiêu đề → … → chỉ tiêu; Ctrl+Enter saves from anywhere.
 *
 * After a save the form keeps date, unit and type and puts focus back on Ngày with its text
 * selected: a backlog is typed day by day, so the next entry usually starts with a new date
 * (typing replaces the selection), and an entry on the same day costs one Tab more.
 *
 * Possible duplicates (same unit, date and title ignoring accents) are shown before saving;
 * "Vẫn lưu" (or Ctrl+Enter again) saves anyway, "Quay lại sửa" returns to the title.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { EntryDefaults } from '../../state';
import { ACTIVITY_TYPES, ACTIVITY_TYPE_LABELS, parseActivityDate, type ActivityType } from '@domain/activity';
import { mergeIndicatorDefs, STANDARD_INDICATORS, type IndicatorDef } from '@domain/indicators';
import { formatDateVn, isInPeriod, periodForDate, type Period } from '@domain/periods';
import { trackableItems } from '@domain/plan-tree';
import {
  addActivity,
  findDuplicates,
  OperationError,
  updateActivity,
  type ActivityRecord,
  type PlanRecord,
  type UnitRecord,
} from '../../db';
import {
  emptyForm,
  firstInvalidField,
  formFromActivity,
  formToInput,
  validateForm,
  type ActivityFormValues,
} from './form-model';
import { ItemCombobox } from './ItemCombobox';
import { officerMessage } from '@domain/officer-message';

interface Props {
  plan: PlanRecord;
  /** Units the form offers (active ones, plus the edited activity's own). */
  units: readonly UnitRecord[];
  unitName: (code: string) => string;
  defaultUnitCode: string;
  /** The type used last ('' when none yet). */
  lastType: ActivityType | '';
  /** The activity being edited, or null for a new one. */
  editing: ActivityRecord | null;
  onEditDone: () => void;
  /** Date, unit and type kept from the last save (the next new entry starts with them). */
  sticky: EntryDefaults | null;
  onSticky: (d: EntryDefaults) => void;
  /** The period the screens show: an activity saved outside it is announced, with a way to show it. */
  period: Period;
  onShowPeriod: (p: Period) => void;
}

export function indicatorDefsOf(plan: PlanRecord): IndicatorDef[] {
  try {
    return mergeIndicatorDefs(STANDARD_INDICATORS, plan.extraIndicators ?? []);
  } catch {
    // A plan whose extras clash still lets its activities be logged with the standard list.
    return mergeIndicatorDefs(STANDARD_INDICATORS, []);
  }
}

export function ActivityForm({ plan, units, unitName, defaultUnitCode, lastType, editing, onEditDone, sticky, onSticky, period, onShowPeriod }: Props) {
  const uid = useId();
  const fid = (name: string) => `${uid}-${name.replace(/[^a-zA-Z0-9-]/g, '_')}`;
  const [values, setValues] = useState<ActivityFormValues>(() =>
    editing ? formFromActivity(editing) : emptyForm(sticky ?? { unitCode: defaultUnitCode, type: lastType }),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [dupes, setDupes] = useState<ActivityRecord[] | null>(null);
  const [saved, setSaved] = useState('');
  /** Where the activity just saved is counted, when that is not the period shown (null: shown, or in none). */
  const [elsewhere, setElsewhere] = useState<Period | null>(null);
  const [busy, setBusy] = useState(false);
  const dupeFocus = useRef<HTMLButtonElement>(null);
  const items = useMemo(() => trackableItems(plan.plan), [plan.plan]);
  const indicatorDefs = useMemo(() => indicatorDefsOf(plan), [plan]);
  const indicatorCodes = useMemo(() => indicatorDefs.map((d) => d.code), [indicatorDefs]);

  const focusField = (name: string, select = false) => {
    const el = document.getElementById(fid(name));
    el?.focus();
    if (select && el instanceof HTMLInputElement) el.select();
  };

  // The form is mounted afresh for each activity to edit (and after editing): start on Ngày.
  useEffect(() => {
    focusField('date', true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (dupes) dupeFocus.current?.focus();
  }, [dupes]);

  const set = <K extends keyof ActivityFormValues>(key: K, value: ActivityFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setDupes(null);
    setSaved('');
    setElsewhere(null);
    if (errors[key as string]) setErrors(({ [key as string]: _drop, ...rest }) => rest);
  };
  const setIndicator = (code: string, value: string) => {
    setValues((v) => ({ ...v, indicators: { ...v.indicators, [code]: value } }));
    setDupes(null);
    setSaved('');
    setElsewhere(null);
    const key = `indicators.${code}`;
    if (errors[key] || errors.indicators) setErrors(({ [key]: _a, indicators: _b, ...rest }) => rest);
  };

  const showErrors = (errs: Record<string, string>) => {
    setErrors(errs);
    const first = firstInvalidField(errs, indicatorCodes);
    if (first) focusField(first);
  };

  const resetAfterSave = (keep: ActivityFormValues) => {
    const next = { date: keep.date, unitCode: keep.unitCode, type: keep.type };
    onSticky(next);
    setValues(emptyForm(next));
    setErrors({});
    setDupes(null);
    focusField('date', true);
  };

  const submit = async (force: boolean) => {
    if (busy) return;
    const errs = validateForm(plan.id, values);
    if (Object.keys(errs).length > 0) {
      setDupes(null);
      showErrors(errs);
      return;
    }
    setBusy(true);
    try {
      if (!force) {
        const found = await findDuplicates({
          planId: plan.id,
          unitCode: values.unitCode,
          date: values.date,
          title: values.title,
          ...(editing ? { id: editing.id } : {}),
        });
        if (found.length > 0) {
          setDupes(found);
          return;
        }
      }
      const input = formToInput(plan.id, values);
      const rec = editing ? await updateActivity(editing.id, input) : await addActivity(input);
      const done = editing ? `Đã lưu thay đổi «${rec.title}».` : `Đã lưu «${rec.title}».`;
      if (isInPeriod(period, rec.date)) {
        setSaved(done);
        setElsewhere(null);
      } else {
        // Saved, but the list (showing the selected period) will not show it: say where it went.
        const target = periodForDate(plan.periodConfig, rec.date, period.kind);
        setSaved(
          `${done} Hoạt động ngày ${formatDateVn(rec.date)} ${
            target ? `thuộc kỳ ${target.name}` : 'không thuộc kỳ báo cáo nào của kế hoạch'
          }, không thuộc kỳ đang xem (${period.name}).`,
        );
        setElsewhere(target);
      }
      resetAfterSave({ ...values, date: formatDateVn(rec.date) });
      if (editing) onEditDone();
    } catch (e) {
      if (e instanceof OperationError) showErrors({ [e.field ?? '_form']: e.message });
      else showErrors({ _form: `Không lưu được: ${officerMessage(e)}` });
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      // Ctrl+Enter again while the duplicate warning stands (nothing changed since) saves anyway.
      void submit(dupes !== null);
    } else if (e.key === 'Escape' && dupes) {
      e.preventDefault();
      setDupes(null);
      focusField('title');
    }
  };

  const cancelEdit = () => onEditDone();

  /** Props that tie a control to its label's field and to its message. */
  const aria = (name: string) => ({
    id: fid(name),
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${fid(name)}-err` : undefined,
  });
  const message = (name: string) =>
    errors[name] ? (
      <p className="field-error" id={`${fid(name)}-err`}>
        {errors[name]}
      </p>
    ) : null;

  const unitOptions = units.some((u) => u.code === values.unitCode)
    ? units
    : [...units, { code: values.unitCode, name: unitName(values.unitCode) } as UnitRecord];
  const dateCheck = parseActivityDate(values.date);

  return (
    <form
      className="activity-form"
      aria-labelledby={`${uid}-heading`}
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void submit(dupes !== null);
      }}
    >
      <div className="form-head">
        <h2 id={`${uid}-heading`}>{editing ? 'Sửa hoạt động' : 'Ghi hoạt động'}</h2>
        <span className="hint">Ctrl+Enter để lưu</span>
      </div>

      <div className="af-row af-row-3">
        <div className="af-field">
          <label htmlFor={fid('date')}>Ngày</label>
          <input
            {...aria('date')}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            placeholder="dd/mm/yyyy"
            value={values.date}
            onChange={(e) => set('date', e.target.value)}
            onBlur={() => {
              if (dateCheck.ok && values.date !== formatDateVn(dateCheck.date)) set('date', formatDateVn(dateCheck.date));
            }}
          />
        </div>
        {unitOptions.length === 1 ? (
          // One unit to choose (a CĐCS logs its own activities): its whole name, not a
          // drop-down holding only itself and cutting the name.
          <div className="af-field af-span-2">
            <span className="af-label" id={fid('unitCode-label')}>
              Đơn vị
            </span>
            <span className="af-static" aria-labelledby={fid('unitCode-label')} data-testid="activity-unit">
              {unitOptions[0]!.name}
            </span>
          </div>
        ) : (
          <div className="af-field af-span-2">
            <label htmlFor={fid('unitCode')}>Đơn vị</label>
            <select {...aria('unitCode')} value={values.unitCode} onChange={(e) => set('unitCode', e.target.value)}>
              {unitOptions.map((u) => (
                <option key={u.code} value={u.code}>
                  {unitName(u.code)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {/* Below the row, full width: the date column is too narrow for a sentence. */}
      {(errors.date || errors.unitCode) && (
        <div className="af-row-errors">
          {message('date')}
          {message('unitCode')}
        </div>
      )}

      <div className="af-field">
        <label htmlFor={fid('itemIds')}>Nhiệm vụ</label>
        <ItemCombobox
          id={fid('itemIds')}
          items={items}
          value={values.itemIds}
          onChange={(ids) => set('itemIds', ids)}
          invalid={!!errors.itemIds}
          describedBy={errors.itemIds ? `${fid('itemIds')}-err` : undefined}
        />
        {message('itemIds')}
      </div>

      <div className="af-field">
        <label htmlFor={fid('type')}>Loại hoạt động</label>
        <select {...aria('type')} value={values.type} onChange={(e) => set('type', e.target.value as ActivityType | '')}>
          {values.type === '' && <option value="">— Chọn loại hoạt động —</option>}
          {ACTIVITY_TYPES.map((t) => (
            <option key={t.code} value={t.code}>
              {t.label}
            </option>
          ))}
        </select>
        {message('type')}
      </div>

      <div className="af-field">
        <label htmlFor={fid('title')}>Tiêu đề</label>
        <input {...aria('title')} type="text" autoComplete="off" value={values.title} onChange={(e) => set('title', e.target.value)} />
        {message('title')}
      </div>

      <div className="af-field">
        <label htmlFor={fid('content')}>Nội dung</label>
        <textarea {...aria('content')} rows={2} value={values.content} onChange={(e) => set('content', e.target.value)} />
        {message('content')}
      </div>

      <div className="af-row af-row-3">
        <div className="af-field af-span-2">
          <label htmlFor={fid('location')}>Địa điểm</label>
          <input {...aria('location')} type="text" autoComplete="off" value={values.location} onChange={(e) => set('location', e.target.value)} />
          {message('location')}
        </div>
        <div className="af-field">
          <label htmlFor={fid('participants')}>Số lượt người</label>
          <input
            {...aria('participants')}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={values.participants}
            onChange={(e) => set('participants', e.target.value)}
          />
          {message('participants')}
        </div>
      </div>

      <div className="af-row af-row-2">
        <div className="af-field">
          <label htmlFor={fid('evidenceDoc')}>Số/ký hiệu văn bản</label>
          <input
            {...aria('evidenceDoc')}
            type="text"
            autoComplete="off"
            placeholder="vd. 12/BC-LĐLĐ"
            value={values.evidenceDoc}
            onChange={(e) => set('evidenceDoc', e.target.value)}
          />
          {message('evidenceDoc')}
        </div>
        <div className="af-field">
          <label htmlFor={fid('evidenceFile')}>Tên tệp minh chứng</label>
          <input
            {...aria('evidenceFile')}
            type="text"
            autoComplete="off"
            placeholder="vd. bien-ban.pdf"
            value={values.evidenceFile}
            onChange={(e) => set('evidenceFile', e.target.value)}
          />
          {message('evidenceFile')}
        </div>
      </div>

      <fieldset className="indicator-grid">
        <legend>Chỉ tiêu của hoạt động</legend>
        {indicatorDefs.map((d) => {
          const key = `indicators.${d.code}`;
          return (
            <div className="af-field" key={d.code}>
              <label htmlFor={fid(key)} title={`${d.name} (${d.unit})`}>
                {d.name}
              </label>
              <input
                {...aria(key)}
                                type="text"
                inputMode="numeric"
                autoComplete="off"
                placeholder={d.code === 'participants' && values.participants.trim() ? values.participants.trim() : undefined}
                value={values.indicators[d.code] ?? ''}
                onChange={(e) => setIndicator(d.code, e.target.value)}
              />
              {message(key)}
            </div>
          );
        })}
        {errors.indicators && <p className="field-error af-wide">{errors.indicators}</p>}
      </fieldset>

      {errors._form && (
        <p className="field-error" role="alert">
          {errors._form}
        </p>
      )}

      {dupes && (
        <div className="dupe-warning" role="alertdialog" aria-labelledby={`${uid}-dupe`} aria-describedby={`${uid}-dupe-list`}>
          <p id={`${uid}-dupe`} className="dupe-title">
            Có thể trùng với {dupes.length === 1 ? 'hoạt động đã ghi' : `${dupes.length} hoạt động đã ghi`} (cùng đơn vị, ngày và tiêu đề):
          </p>
          <ul id={`${uid}-dupe-list`}>
            {dupes.map((d) => (
              <li key={d.id}>
                {formatDateVn(d.date)} · {unitName(d.unitCode)} · {ACTIVITY_TYPE_LABELS[d.type]} · «{d.title}»
              </li>
            ))}
          </ul>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => void submit(true)}>
              Vẫn lưu
            </button>
            <button
              type="button"
              ref={dupeFocus}
              onClick={() => {
                setDupes(null);
                focusField('title', true);
              }}
            >
              Quay lại sửa
            </button>
            <span className="hint">hoặc Ctrl+Enter lần nữa để vẫn lưu</span>
          </div>
        </div>
      )}

      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {editing ? 'Lưu thay đổi' : 'Lưu hoạt động'}
        </button>
        {editing && (
          <button type="button" onClick={cancelEdit}>
            Hủy sửa
          </button>
        )}
        {elsewhere && (
          <button
            type="button"
            onClick={() => {
              onShowPeriod(elsewhere);
              setElsewhere(null);
            }}
          >
            Xem kỳ {elsewhere.name}
          </button>
        )}
        <span className="saved" role="status">
          {saved}
        </span>
      </div>
    </form>
  );
}
