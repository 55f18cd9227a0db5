import { describe, expect, it } from 'vitest';
import {
  deterministicUuid,
  importedActivityId,
  incomingActivities,
  materialize,
  planMismatches,
  planSubmission,
  rowIdFor,
  scopeOf,
  type ExistingScopeData,
  type PriorSubmission,
} from '@domain/merge';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import type { UnitReport } from '@domain/report';
import { sampleReport } from '../support/exchange-writer-fixtures';

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function prior(report: UnitReport, fileHash: string, state: PriorSubmission['state'] = 'active', id = 's1'): PriorSubmission {
  return { id, fileHash, exportedAt: report.exportedAt, importedAt: '2025-06-20T00:00:00.000Z', state, report };
}

/** The scope's data as it is stored after `report` was applied. */
function storedAfter(report: UnitReport, fileHash: string, submissions: PriorSubmission[]): ExistingScopeData {
  const data = materialize(report, fileHash, scopeOf(report), '2025-06-20T00:00:00.000Z');
  return { submissions, activities: data.activities, statuses: data.statuses };
}

const EMPTY: ExistingScopeData = { submissions: [], activities: [], statuses: [] };

describe('planSubmission decisions', () => {
  it("'new' when the scope has no active submission: everything is new", () => {
    const r = sampleReport(12);
    const p = planSubmission(r, HASH_A, EMPTY);
    expect(p.decision).toBe('new');
    expect(p.activityDiff.new).toHaveLength(12);
    expect(p.statusDiff.new).toHaveLength(r.items.filter((i) => i.status !== null).length);
    expect(p.activityDiff.gone).toEqual([]);
  });

  it("'identical' for the same file again (same hash), and for the same export and content under another hash", () => {
    const r = sampleReport(12);
    const existing = storedAfter(r, HASH_A, [prior(r, HASH_A)]);
    const again = planSubmission(r, HASH_A, existing);
    expect(again.decision).toBe('identical');
    expect(again.activityDiff).toMatchObject({ new: [], changed: [], gone: [] });
    expect(again.activityDiff.unchanged).toHaveLength(12);
    expect(again.statusDiff).toMatchObject({ new: [], changed: [], gone: [] });
    // Re-saved by Excel: other bytes, same export instant, same content.
    expect(planSubmission(structuredClone(r), HASH_B, existing).decision).toBe('identical');
  });

  it("'supersedes' a newer export, with the diff against the stored data", () => {
    const r1 = sampleReport(12);
    const r2 = structuredClone(r1);
    r2.exportedAt = '2025-06-30T01:00:00.000Z';
    r2.activities[0]!.title = 'Tên đã sửa';
    r2.activities.pop();
    r2.activities.push({ ...r2.activities[1]!, id: '' });
    r2.items[0]!.status = 'dang';
    const p = planSubmission(r2, HASH_B, storedAfter(r1, HASH_A, [prior(r1, HASH_A)]));
    expect(p.decision).toBe('supersedes');
    expect(p.reason).toMatch(/mới hơn/);
    expect({ n: p.activityDiff.new.length, c: p.activityDiff.changed.length, u: p.activityDiff.unchanged.length, g: p.activityDiff.gone.length }).toEqual({ n: 1, c: 1, u: 10, g: 1 });
    expect(p.activityDiff.changed).toEqual([r1.activities[0]!.id]);
    expect(p.activityDiff.gone).toEqual([r1.activities[11]!.id]);
    expect(p.statusDiff.changed).toEqual([r1.items[0]!.id]);
  });

  it("same export instant with different content (a re-filled template) supersedes", () => {
    const r1 = sampleReport(3);
    const r2 = structuredClone(r1);
    r2.items[1]!.note = 'Bổ sung';
    const p = planSubmission(r2, HASH_B, storedAfter(r1, HASH_A, [prior(r1, HASH_A)]));
    expect(p.decision).toBe('supersedes');
    expect(p.reason).toMatch(/Cùng thời điểm xuất/);
  });

  it("'older' never overwrites: an earlier export than the active one", () => {
    const newer = sampleReport(5);
    newer.exportedAt = '2025-07-01T00:00:00.000Z';
    const older = sampleReport(5);
    older.activities[0]!.title = 'Bản cũ';
    const p = planSubmission(older, HASH_A, storedAfter(newer, HASH_B, [prior(newer, HASH_B)]));
    expect(p.decision).toBe('older');
    expect(p.reason).toMatch(/không ghi đè/);
    expect(p.active?.fileHash).toBe(HASH_B);
  });

  it('compares only with the active submission: superseded or withdrawn history does not count', () => {
    const r = sampleReport(2);
    expect(planSubmission(r, HASH_A, { ...EMPTY, submissions: [prior(r, HASH_A, 'withdrawn')] }).decision).toBe('new');
  });
});

describe('row identity', () => {
  it("rows without 'Mã dòng' get ids from the file hash and row index: stable across re-import, different per file", () => {
    const r = sampleReport(4);
    r.activities[1]!.id = '';
    r.activities[3]!.id = '';
    const scope = scopeOf(r);
    const a = incomingActivities(r, HASH_A, scope);
    const again = incomingActivities(structuredClone(r), HASH_A, scope);
    expect(a.map((x) => x.sourceId)).toEqual(again.map((x) => x.sourceId));
    expect(a[1]!.sourceId).toBe(rowIdFor(HASH_A, 1));
    expect(a[1]!.sourceId).not.toBe(a[3]!.sourceId);
    expect(a[1]!.sourceId).toMatch(UUID_RE);
    expect(incomingActivities(r, HASH_B, scope)[1]!.sourceId).not.toBe(a[1]!.sourceId);
    // Re-importing the same file: the '' rows are unchanged, not new + gone.
    const p = planSubmission(r, HASH_A, storedAfter(r, HASH_A, [prior(r, HASH_A)]));
    expect(p.activityDiff.unchanged).toHaveLength(4);
  });

  it('a UUID seen twice is a new row from its second occurrence', () => {
    const r = sampleReport(3);
    r.activities[2]!.id = r.activities[0]!.id;
    const a = incomingActivities(r, HASH_A, scopeOf(r));
    expect(a[0]!.sourceId).toBe(r.activities[0]!.id);
    expect(a[2]!.sourceId).toBe(rowIdFor(HASH_A, 2));
  });

  it('stored ids differ per period, so one activity reported for H1 and the year is two records', () => {
    const h1 = { unitCode: 'CDCS-1', planId: 'p', periodKey: '2025-H1' };
    const y = { ...h1, periodKey: '2025-Y' };
    const id = '3f0c2a9e-5b7d-4c1e-9a2f-0d1e2f3a4b5c';
    expect(importedActivityId(h1, id)).not.toBe(importedActivityId(y, id));
    expect(importedActivityId(h1, id)).toBe(importedActivityId({ ...h1 }, id));
    expect(deterministicUuid('x')).toMatch(UUID_RE);
  });

  it('materialize files every activity under the scope, with search text and statuses for items with a status', () => {
    const r = sampleReport(6);
    r.activities[0]!.unitCode = 'KHAC';
    const scope = scopeOf(r, 'other-plan');
    const m = materialize(r, HASH_A, scope, '2025-06-20T00:00:00.000Z');
    expect(m.activities.every((a) => a.unitCode === r.unit.code && a.planId === 'other-plan' && a.deletedAt === null)).toBe(true);
    expect(m.activities[0]!.searchText.length).toBeGreaterThan(0);
    expect(m.statuses).toHaveLength(r.items.filter((i) => i.status !== null).length);
    expect(m).toEqual(materialize(structuredClone(r), HASH_A, scope, '2025-06-20T00:00:00.000Z'));
  });
});

describe('planMismatches', () => {
  const plan = { id: BUILTIN_PLAN.id, plan: BUILTIN_PLAN.plan };

  it('all matched for a file made for this plan', () => {
    const m = planMismatches(sampleReport(1), plan);
    expect(m).toMatchObject({ samePlanId: true, sameFingerprint: true, allMatched: true });
    expect(m.items.every((i) => i.match === 'matched')).toBe(true);
  });

  it('names each item missing in the plan, missing in the file, or with changed text; nothing is guessed', () => {
    const r = sampleReport(1);
    const removed = r.items.splice(2, 1)[0]!;
    r.items[0]!.text = 'Nội dung đã bị sửa khác hẳn';
    r.items.push({ ...r.items[1]!, id: 'IX.9.9', text: 'Nhiệm vụ không có trong kế hoạch' });
    r.plan.fingerprint = 'fnv1a64:0000000000000000';
    const m = planMismatches(r, plan);
    expect(m.allMatched).toBe(false);
    expect(m.sameFingerprint).toBe(false);
    const by = (match: string) => m.items.filter((i) => i.match === match).map((i) => i.itemId);
    expect(by('text-changed')).toEqual([r.items[0]!.id]);
    expect(by('missing-in-plan')).toEqual(['IX.9.9']);
    expect(by('missing-in-file')).toEqual([removed.id]);
    // Whitespace and an empty text cell (hand-filled template) are not differences.
    const r2 = sampleReport(1);
    r2.items[0]!.text = `  ${r2.items[0]!.text.replace(/ /g, '  ')} `;
    r2.items[1]!.text = '';
    expect(planMismatches(r2, plan).allMatched).toBe(true);
  });

  it('another plan: different id', () => {
    expect(planMismatches(sampleReport(1), { ...plan, id: 'khac' }).samePlanId).toBe(false);
  });
});
