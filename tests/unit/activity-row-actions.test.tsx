import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ActivityRecord } from '../../src-renderer/db/types';
import {
  editableActivity,
  IMPORTED_EXPLANATION,
  IMPORTED_LABEL,
  isImportedActivity,
  RowActions,
} from '../../src-renderer/features/activities/RowActions';
import { testActivityRecord } from './activity-fixtures';

const rec = (over: Partial<ActivityRecord> = {}): ActivityRecord =>
  testActivityRecord({ id: '00000000-0000-4000-8000-000000000001', planId: 'p', createdAt: '2025-03-10T08:00:00.000Z', updatedAt: '2025-03-10T08:00:00.000Z', ...over });

const noop = () => undefined;
function render(row: ActivityRecord, view: 'list' | 'trash'): string {
  return renderToStaticMarkup(
    <RowActions row={row} view={view} explanationId="expl" onEdit={noop} onDelete={noop} onRestore={noop} onPurge={noop} />,
  );
}
const buttons = (html: string) => [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((m) => m[1]);

describe('activity log row actions', () => {
  const own = rec();
  const imported = rec({ submissionId: '5b1c7a7e-2f7e-4c55-9a57-0c2b1b0e9d11', sourceId: 'a-1' });

  it('tells an imported activity by its submission', () => {
    expect(isImportedActivity(own)).toBe(false);
    expect(isImportedActivity(imported)).toBe(true);
    expect(isImportedActivity({ submissionId: '' })).toBe(false);
  });

  it('offers «Sửa» and «Xóa» for an activity logged here', () => {
    const html = render(own, 'list');
    expect(buttons(html)).toEqual(['Sửa', 'Xóa']);
    expect(html).toContain('aria-label="Sửa «Tuyên truyền Nghị quyết 43»"');
    expect(html).not.toContain(IMPORTED_LABEL);
  });

  it('offers no button for an imported activity, only the label described by the explanation', () => {
    const html = render(imported, 'list');
    expect(buttons(html)).toEqual([]);
    expect(html).toContain(`>${IMPORTED_LABEL}</span>`);
    expect(html).toContain('aria-describedby="expl"');
    expect(html).toContain('tabindex="0"');
    expect(html).toContain(`data-tip="${IMPORTED_EXPLANATION}"`);
    expect(IMPORTED_EXPLANATION).toBe('Hoạt động này lấy từ báo cáo của đơn vị (tệp đã nhập). Muốn sửa, đơn vị gửi lại báo cáo mới rồi nhập lại.');
  });

  it('in the trash: restore and purge an own activity; an imported one can only be restored', () => {
    const deletedAt = '2025-03-11T08:00:00.000Z';
    expect(buttons(render({ ...own, deletedAt }, 'trash'))).toEqual(['Khôi phục', 'Xóa vĩnh viễn']);
    expect(buttons(render({ ...imported, deletedAt }, 'trash'))).toEqual(['Khôi phục']);
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
