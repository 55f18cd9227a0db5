// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContextBar } from '@app/ContextBar';
import type { ShellData } from '@app/use-shell-data';
import type { PlanRecord, UnitRecord } from '@db';
import { defaultPeriod, type PeriodConfig } from '@domain/periods';
import { useUnitStore } from '@state';

const ND09: PeriodConfig = { kinds: ['half', 'year'], halfEnd: { day: 14, month: 6 }, yearEnd: { day: 14, month: 12 } };
const TODAY = '2026-03-10';

const unit = (code: string, name: string): UnitRecord => ({
  code,
  name,
  level: 'grassroots',
  parentName: 'LĐLĐ tỉnh Tây Ninh',
  type: null,
  members: null,
  contact: '',
  phone: '',
  active: true,
  createdAt: '2026-01-05T08:00:00.000Z',
  updatedAt: '2026-01-05T08:00:00.000Z',
});
const OWN: UnitRecord = { ...unit('LDLD-TN', 'LĐLĐ tỉnh Tây Ninh'), level: 'province', parentName: '' };
/** A province's directory: 2,000 units, two of them with the same name. */
const DIRECTORY: UnitRecord[] = [
  unit('CDCS-BN1', 'CĐCS UBND xã Bàu Năng'),
  unit('CDCS-BN2', 'CĐCS UBND xã Bàu Năng'),
  unit('CDCS-PM', 'CĐCS Trường THCS Phước Minh'),
  ...Array.from({ length: 1997 }, (_, i) => unit(`CDCS-${i}`, `CĐCS Doanh nghiệp số ${i + 1}`)),
];

function shellData(units: UnitRecord[], selectedCode: string | null): ShellData {
  const period = defaultPeriod(ND09, TODAY);
  return {
    plans: [],
    activePlan: { periodConfig: ND09 } as PlanRecord,
    ownUnit: OWN,
    selectedUnit: units.find((u) => u.code === selectedCode) ?? OWN,
    units,
    periodKind: period.kind,
    period,
    currentYear: period.year,
    today: TODAY,
  };
}

/** The context bar as the shell draws it: re-rendered from the unit store's selection. */
function renderBar(units: UnitRecord[]) {
  const view = render(<ContextBar data={shellData(units, useUnitStore.getState().selectedCode)} />);
  return {
    rerender: () => view.rerender(<ContextBar data={shellData(units, useUnitStore.getState().selectedCode)} />),
  };
}

const box = () => screen.getByRole('combobox', { name: 'Đơn vị' }) as HTMLInputElement;
const options = () => within(screen.getByRole('listbox', { name: 'Đơn vị phù hợp', hidden: true })).queryAllByRole('option', { hidden: true });

beforeEach(() => useUnitStore.setState({ selectedCode: null }));
afterEach(cleanup);

describe('ContextBar unit', () => {
  it('a province chooses among 2,000 units in a combobox that draws no option until opened', () => {
    renderBar([OWN, ...DIRECTORY]);
    expect(box().value).toBe('LĐLĐ tỉnh Tây Ninh');
    expect(document.querySelectorAll('option[value^="CDCS-"]')).toHaveLength(0);
    expect(options()).toHaveLength(0);
  });

  it('typing without accents finds units; equal names are told apart by code; the choice selects the unit', () => {
    const bar = renderBar([OWN, ...DIRECTORY]);
    fireEvent.focus(box());
    fireEvent.change(box(), { target: { value: 'bau nang' } });
    expect(options().map((o) => o.textContent)).toEqual(['CĐCS UBND xã Bàu Năng (CDCS-BN1)', 'CĐCS UBND xã Bàu Năng (CDCS-BN2)']);
    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(useUnitStore.getState().selectedCode).toBe('CDCS-BN2');
    bar.rerender();
    expect(box().value).toBe('CĐCS UBND xã Bàu Năng (CDCS-BN2)');
  });

  it('choosing the own unit clears the selection (null, not its code)', () => {
    useUnitStore.setState({ selectedCode: 'CDCS-PM' });
    renderBar([OWN, ...DIRECTORY]);
    expect(box().value).toBe('CĐCS Trường THCS Phước Minh');
    fireEvent.focus(box());
    fireEvent.change(box(), { target: { value: 'tay ninh' } });
    fireEvent.click(screen.getByRole('option', { name: 'LĐLĐ tỉnh Tây Ninh' }));
    expect(useUnitStore.getState().selectedCode).toBeNull();
  });

  it('with one unit only, the name is plain text and there is no combobox', () => {
    renderBar([OWN]);
    expect(screen.getByTestId('context-unit').textContent).toBe('LĐLĐ tỉnh Tây Ninh');
    expect(screen.queryByRole('combobox', { name: 'Đơn vị' })).toBeNull();
  });
});
