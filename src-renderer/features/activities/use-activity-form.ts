/**
 * What the activity entry form does, apart from how it looks: its values and messages, the
 * duplicate check before saving, the save itself, and where focus goes after each step.
 *
 * After a save the form keeps date, unit and type and puts focus back on Ngày with its text
 * selected: a backlog is typed day by day, so the next entry usually starts with a new date
 * (typing replaces the selection), and an entry on the same day costs one Tab more.
 */
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { EntryDefaults } from '@state';
import { mergeIndicatorDefs, STANDARD_INDICATORS, type IndicatorDef } from '@domain/indicators';
import { officerMessage } from '@domain/officer-message';
import { formatDateVn, isInPeriod, periodForDate, type Period } from '@domain/periods';
import { addActivity, findDuplicates, OperationError, updateActivity, type ActivityRecord, type PlanRecord } from '@db';
import { fieldA11y } from '@ui/field';
import { emptyForm, firstInvalidField, formFromActivity, formToInput, validateForm, type ActivityFormValues } from './form-model';

export interface ActivityFormOptions {
  plan: PlanRecord;
  defaultUnitCode: string;
  /** The type used last ('' when none yet). */
  lastType: ActivityFormValues['type'];
  /** The activity being edited, or null for a new one. */
  editing: ActivityRecord | null;
  onEditDone: () => void;
  /** Date, unit and type kept from the last save (the next new entry starts with them). */
  sticky: EntryDefaults | null;
  onSticky: (d: EntryDefaults) => void;
  /** The period the screens show: an activity saved outside it is announced, with a way to show it. */
  period: Period;
}

/** The plan's indicators; a plan whose extras clash still lets its activities be logged with the standard list. */
function formIndicatorDefs(plan: PlanRecord): IndicatorDef[] {
  try {
    return mergeIndicatorDefs(STANDARD_INDICATORS, plan.extraIndicators ?? []);
  } catch {
    return mergeIndicatorDefs(STANDARD_INDICATORS, []);
  }
}

export function useActivityForm({ plan, defaultUnitCode, lastType, editing, onEditDone, sticky, onSticky, period }: ActivityFormOptions) {
  const uid = useId();
  const [values, setValues] = useState<ActivityFormValues>(() =>
    editing ? formFromActivity(editing) : emptyForm(sticky ?? { unitCode: defaultUnitCode, type: lastType }),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [dupes, setDupes] = useState<ActivityRecord[] | null>(null);
  const [saved, setSaved] = useState('');
  /** Where the activity just saved is counted, when that is not the period shown (null: shown, or in none). */
  const [elsewhere, setElsewhere] = useState<Period | null>(null);
  const [busy, setBusy] = useState(false);
  const indicatorDefs = useMemo(() => formIndicatorDefs(plan), [plan]);
  const indicatorCodes = useMemo(() => indicatorDefs.map((d) => d.code), [indicatorDefs]);
  const a11y = fieldA11y<string>(uid, (field) => errors[field]);

  const focusField = (name: string, select = false) => {
    const el = document.getElementById(a11y.idOf(name));
    el?.focus();
    if (select && el instanceof HTMLInputElement) el.select();
  };

  // The form is mounted afresh for each activity to edit (and after editing): start on Ngày.
  useEffect(() => {
    focusField('date', true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** Any edit withdraws the duplicate warning and the last save's notice. */
  const edited = () => {
    setDupes(null);
    setSaved('');
    setElsewhere(null);
  };
  const set = <K extends keyof ActivityFormValues>(key: K, value: ActivityFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    edited();
    if (errors[key as string]) setErrors(({ [key as string]: _drop, ...rest }) => rest);
  };
  const setIndicator = (code: string, value: string) => {
    setValues((v) => ({ ...v, indicators: { ...v.indicators, [code]: value } }));
    edited();
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

  /** Says the save, and where the activity went when the period shown will not list it. */
  const announce = (rec: ActivityRecord) => {
    const done = editing ? `Đã lưu thay đổi «${rec.title}».` : `Đã lưu «${rec.title}».`;
    if (isInPeriod(period, rec.date)) {
      setSaved(done);
      setElsewhere(null);
      return;
    }
    const target = periodForDate(plan.periodConfig, rec.date, period.kind);
    setSaved(
      `${done} Hoạt động ngày ${formatDateVn(rec.date)} ${
        target ? `thuộc kỳ ${target.name}` : 'không thuộc kỳ báo cáo nào của kế hoạch'
      }, không thuộc kỳ đang xem (${period.name}).`,
    );
    setElsewhere(target);
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
      announce(rec);
      resetAfterSave({ ...values, date: formatDateVn(rec.date) });
      if (editing) onEditDone();
    } catch (e) {
      if (e instanceof OperationError) showErrors({ [e.field ?? '_form']: e.message });
      else showErrors({ _form: `Không lưu được: ${officerMessage(e)}` });
    } finally {
      setBusy(false);
    }
  };

  /** "Quay lại sửa": the warning goes, the title is ready to correct. */
  const backToTitle = () => {
    setDupes(null);
    focusField('title', true);
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

  return {
    uid,
    values,
    errors,
    dupes,
    saved,
    elsewhere,
    clearElsewhere: () => setElsewhere(null),
    busy,
    a11y,
    indicatorDefs,
    set,
    setIndicator,
    submit,
    backToTitle,
    onKeyDown,
  };
}

export type ActivityFormState = ReturnType<typeof useActivityForm>;
