import { beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { activitySearchText } from '@domain/activity';
import {
  activitiesOfPlan,
  addActivity,
  db,
  deleteActivity,
  ensureSeeded,
  findDuplicates,
  getSetting,
  OperationError,
  purgeActivity,
  restoreActivity,
  updateActivity,
  type ActivityFormInput,
} from '@db';

const PLAN = BUILTIN_PLAN.id;
const OWN = 'LDLD-DMC';
const T = '2025-01-01T00:00:00.000Z';

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  await ensureSeeded();
  // Written directly: the first-run setup (another module) owns how the own unit is created.
  const unit = (code: string, name: string, level: 'district' | 'grassroots') => ({
    code,
    name,
    level,
    parentName: '',
    type: null,
    members: null,
    contact: '',
    phone: '',
    active: true,
    createdAt: T,
    updatedAt: T,
  });
  await db.units.bulkPut([unit(OWN, 'LĐLĐ huyện Dương Minh Châu', 'district'), unit('CDCS-0001', 'CĐCS Trường THCS Phước Minh', 'grassroots')]);
});

const input = (over: Partial<ActivityFormInput> = {}): ActivityFormInput => ({
  planId: PLAN,
  unitCode: OWN,
  date: '15/3/2025',
  itemIds: ['III.1.1'],
  type: 'propaganda',
  title: 'Tuyên truyền Nghị quyết 43',
  content: 'Hội nghị tại hội trường',
  location: 'Hội trường UBND huyện',
  participants: '120',
  evidenceDoc: '12/BC-LĐLĐ',
  evidenceFile: 'C:\\Tai lieu\\bien-ban.pdf',
  indicators: { 'propaganda-sessions': '1' },
  ...over,
});

async function refusal(p: Promise<unknown>): Promise<OperationError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(OperationError);
  return e as OperationError;
}

describe('addActivity', () => {
  it('stores a validated, NFC, searchable record with a UUID and times, and remembers the type', async () => {
    const rec = await addActivity(input({ title: 'Tập huấn pháp luật'.normalize('NFD'), type: 'Tập huấn, bồi dưỡng' }));
    expect(rec.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(rec.date).toBe('2025-03-15');
    expect(rec.title).toBe('Tập huấn pháp luật'.normalize('NFC'));
    expect(rec.type).toBe('training');
    expect(rec.participants).toBe(120);
    expect(rec.evidenceFile).toBe('bien-ban.pdf');
    expect(rec.indicators).toEqual({ 'propaganda-sessions': 1 });
    expect(rec.createdAt).toBe(rec.updatedAt);
    expect(rec.deletedAt).toBeNull();
    expect(rec.searchText).toBe(activitySearchText(rec));
    expect(rec.searchText).toContain('tap huan phap luat');
    expect(await db.activities.get(rec.id)).toEqual(rec);
    expect(await getSetting('lastActivityType')).toBe('training');
  });

  it('refuses invalid input with the field and a Vietnamese message, writing nothing', async () => {
    const cases: [Partial<ActivityFormInput>, string, RegExp][] = [
      [{ date: '31/02/2025' }, 'date', /^Ngày: không hợp lệ, tháng 02\/2025 chỉ có 28 ngày/],
      [{ date: '' }, 'date', /^Ngày: không được để trống/],
      [{ title: '   ' }, 'title', /^Tiêu đề: không được để trống/],
      [{ itemIds: [] }, 'itemIds', /^Nhiệm vụ: chọn ít nhất một/],
      [{ type: '' }, 'type', /^Loại hoạt động: chưa chọn/],
      [{ participants: '-3' }, 'participants', /^Số lượt người: phải là số nguyên không âm/],
      [{ indicators: { 'training-classes': '1,5' } }, 'indicators', /^Chỉ tiêu «Lớp tập huấn»/],
    ];
    for (const [over, field, message] of cases) {
      const e = await refusal(addActivity(input(over)));
      expect(e.field).toBe(field);
      expect(e.message).toMatch(message);
    }
    expect(await db.activities.count()).toBe(0);
    expect(await getSetting('lastActivityType')).toBeUndefined();
  });

  it('refuses an unknown plan, item, untracked item, unit or indicator', async () => {
    const cases: [Partial<ActivityFormInput>, string, RegExp][] = [
      [{ planId: 'khong-co' }, 'planId', /^Kế hoạch: không tìm thấy/],
      [{ itemIds: ['III.1.1', 'III.9.9'] }, 'itemIds', /^Nhiệm vụ: kế hoạch không có nhiệm vụ III\.9\.9/],
      [{ itemIds: ['III.1'] }, 'itemIds', /^Nhiệm vụ: III\.1 không phải nhiệm vụ được theo dõi/],
      [{ unitCode: 'CDCS-9999' }, 'unitCode', /^Đơn vị: không tìm thấy/],
      [{ indicators: { 'ho ngheo': '2' } }, 'indicators', /kế hoạch không có chỉ tiêu «x-ho-ngheo»/],
    ];
    for (const [over, field, message] of cases) {
      const e = await refusal(addActivity(input(over)));
      expect(e.field).toBe(field);
      expect(e.message).toMatch(message);
    }
    expect(await db.activities.count()).toBe(0);
  });

  it('accepts a unit code as typed (normalized) and several items', async () => {
    const rec = await addActivity(input({ unitCode: ' cdcs 0001 ', itemIds: ['III.2.4', 'III.1.1', 'III.2.4'] }));
    expect(rec.unitCode).toBe('CDCS-0001');
    expect(rec.itemIds).toEqual(['III.2.4', 'III.1.1']);
  });
});

describe('updateActivity', () => {
  it('keeps id and creation time, refreshes search text and updatedAt', async () => {
    const a = await addActivity(input());
    await new Promise((r) => setTimeout(r, 5));
    const b = await updateActivity(a.id, input({ title: 'Đối thoại tại nơi làm việc', type: 'dialogue' }));
    expect(b.id).toBe(a.id);
    expect(b.createdAt).toBe(a.createdAt);
    expect(b.updatedAt > a.updatedAt).toBe(true);
    expect(b.searchText).toContain('doi thoai tai noi lam viec');
    expect(await db.activities.count()).toBe(1);
    expect(await getSetting('lastActivityType')).toBe('dialogue');
  });

  it('refuses an unknown id or invalid input without changing the record', async () => {
    const a = await addActivity(input());
    expect((await refusal(updateActivity('nope', input()))).field).toBe('id');
    expect((await refusal(updateActivity(a.id, input({ title: '' })))).field).toBe('title');
    expect((await refusal(updateActivity(a.id, input({ unitCode: 'X-1' })))).field).toBe('unitCode');
    expect(await db.activities.get(a.id)).toEqual(a);
  });
});

describe('delete, restore, purge', () => {
  it('soft-deletes, restores (undo), and purges only from the trash', async () => {
    const a = await addActivity(input());
    expect((await refusal(purgeActivity(a.id))).message).toMatch(/thùng rác/);
    const d = await deleteActivity(a.id);
    expect(d.deletedAt).not.toBeNull();
    expect((await db.activities.get(a.id))?.deletedAt).toBe(d.deletedAt);
    const r = await restoreActivity(a.id);
    expect(r.deletedAt).toBeNull();
    expect({ ...r, updatedAt: a.updatedAt }).toEqual(a);
    await deleteActivity(a.id);
    await purgeActivity(a.id);
    expect(await db.activities.get(a.id)).toBeUndefined();
    expect((await refusal(restoreActivity(a.id))).field).toBe('id');
    expect((await refusal(deleteActivity(a.id))).field).toBe('id');
  });

  it('deleting twice keeps the first deletion time', async () => {
    const a = await addActivity(input());
    const d1 = await deleteActivity(a.id);
    const d2 = await deleteActivity(a.id);
    expect(d2.deletedAt).toBe(d1.deletedAt);
  });
});

describe('findDuplicates', () => {
  it('finds live activities of the same plan, unit and date whose title matches ignoring accents and case', async () => {
    const a = await addActivity(input({ title: 'Tuyên truyền Nghị quyết 43' }));
    await addActivity(input({ title: 'Tuyên truyền Nghị quyết 43', unitCode: 'CDCS-0001' }));
    await addActivity(input({ title: 'Tuyên truyền Nghị quyết 43', date: '16/03/2025' }));
    const dupes = await findDuplicates({ planId: PLAN, unitCode: OWN, date: '15-03-2025', title: 'TUYEN TRUYEN nghi quyet 43!' });
    expect(dupes.map((d) => d.id)).toEqual([a.id]);
    // The activity being edited is not its own duplicate.
    expect(await findDuplicates({ planId: PLAN, unitCode: OWN, date: '15/03/2025', title: a.title, id: a.id })).toEqual([]);
    // Not while the date or title is unusable, nor against the trash.
    expect(await findDuplicates({ planId: PLAN, unitCode: OWN, date: '31/02/2025', title: a.title })).toEqual([]);
    expect(await findDuplicates({ planId: PLAN, unitCode: OWN, date: '15/03/2025', title: '' })).toEqual([]);
    await deleteActivity(a.id);
    expect(await findDuplicates({ planId: PLAN, unitCode: OWN, date: '15/03/2025', title: a.title })).toEqual([]);
  });

  it('matches a title typed in NFD and with đ', async () => {
    await addActivity(input({ title: 'Đối thoại định kỳ' }));
    const dupes = await findDuplicates({ planId: PLAN, unitCode: OWN, date: '2025-03-15', title: 'doi thoai dinh ky' });
    expect(dupes).toHaveLength(1);
    const nfd = await findDuplicates({ planId: PLAN, unitCode: OWN, date: '2025-03-15', title: 'Đối thoại định kỳ'.normalize('NFD') });
    expect(nfd).toHaveLength(1);
  });
});

describe('activitiesOfPlan', () => {
  it('returns live and deleted activities of one plan', async () => {
    const a = await addActivity(input());
    const b = await addActivity(input({ title: 'Khác' }));
    await deleteActivity(b.id);
    const all = await activitiesOfPlan(PLAN);
    expect(all.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    expect(await activitiesOfPlan('other')).toEqual([]);
  });
});
