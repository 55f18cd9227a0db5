// @vitest-environment happy-dom
import { cleanup, render, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ActivityRecord } from '@db/types';
import {
  editableActivity,
  IMPORTED_EXPLANATION,
  IMPORTED_LABEL,
  isImportedActivity,
  RowActions,
} from '@features/activities/RowActions';
import { testActivityRecord } from '../support/activity-fixtures';

const rec = (over: Partial<ActivityRecord> = {}): ActivityRecord =>
  testActivityRecord({ id: '00000000-0000-4000-8000-000000000001', planId: 'p', createdAt: '2025-03-10T08:00:00.000Z', updatedAt: '2025-03-10T08:00:00.000Z', ...over });

const noop = () => undefined;
/** Renders the row's actions beside the explanation they point to; returns the cell. */
function renderActions(row: ActivityRecord, view: 'list' | 'trash'): HTMLElement {
  const { container } = render(
    <div role="cell">
      <p id="expl">{IMPORTED_EXPLANATION}</p>
      <RowActions row={row} view={view} explanationId="expl" onEdit={noop} onDelete={noop} onRestore={noop} onPurge={noop} />
    </div>,
  );
  return within(container).getByRole('cell');
}
const buttonNames = (cell: HTMLElement) => within(cell).queryAllByRole('button').map((b) => b.textContent);

afterEach(cleanup);

describe('activity log row actions', () => {
  const own = rec();
  const imported = rec({ submissionId: '5b1c7a7e-2f7e-4c55-9a57-0c2b1b0e9d11', sourceId: 'a-1' });

  it('tells an imported activity by its submission', () => {
    expect(isImportedActivity(own)).toBe(false);
    expect(isImportedActivity(imported)).toBe(true);
    expect(isImportedActivity({ submissionId: '' })).toBe(false);
  });

  it('offers «Sửa» and «Xóa» for an activity logged here', () => {
    const cell = renderActions(own, 'list');
    expect(buttonNames(cell)).toEqual(['Sửa', 'Xóa']);
    expect(within(cell).getByRole('button', { name: 'Sửa «Tuyên truyền Nghị quyết 43»' })).toBeTruthy();
    expect(within(cell).queryByText(IMPORTED_LABEL)).toBeNull();
  });

  it('offers no button for an imported activity, only the label described by the explanation', () => {
    const cell = renderActions(imported, 'list');
    expect(buttonNames(cell)).toEqual([]);
    const label = within(cell).getByText(IMPORTED_LABEL);
    // Reachable by Tab, and a screen reader reads the explanation with it.
    expect(label.tabIndex).toBe(0);
    expect(label.getAttribute('aria-describedby')).toBe('expl');
    expect(document.getElementById('expl')?.textContent).toBe(IMPORTED_EXPLANATION);
    expect(label.dataset.tip).toBe(IMPORTED_EXPLANATION);
    expect(IMPORTED_EXPLANATION).toBe('Hoạt động này lấy từ báo cáo của đơn vị (tệp đã nhập). Muốn sửa, đơn vị gửi lại báo cáo mới rồi nhập lại.');
  });

  it('in the trash: restore and purge an own activity; an imported one can only be restored', () => {
    const deletedAt = '2025-03-11T08:00:00.000Z';
    expect(buttonNames(renderActions({ ...own, deletedAt }, 'trash'))).toEqual(['Khôi phục', 'Xóa vĩnh viễn']);
    cleanup();
    expect(buttonNames(renderActions({ ...imported, deletedAt }, 'trash'))).toEqual(['Khôi phục']);
  });

  it('never hands an imported activity (or one in the trash) to the form for editing', () => {
    const trashed = rec({ id: '00000000-0000-4000-8000-000000000003', deletedAt: '2025-03-11T08:00:00.000Z' });
    const imp = { ...imported, id: '00000000-0000-4000-8000-000000000002' };
    const records = [own, imp, trashed];
    expect(editableActivity(records, own.id)).toBe(own);
    expect(editableActivity(records, imp.id)).toBeNull();
    expect(editableActivity(records, trashed.id)).toBeNull();
    expect(editableActivity(records, null)).toBeNull();
    expect(editableActivity(undefined, own.id)).toBeNull();
  });
});
