/**
 * Plans saved before parts, attributes and the leaf tracking rule keep working unchanged: the
 * record in tests/fixtures/db/plan-record-before-parts.json was made with the previous parser
 * (which tracked "Tổ chức chương trình “Bữa cơm Công đoàn”" II.2.1 together with its two
 * sub-points) and is stored as that version stored it. Nothing re-parses or re-tracks a stored
 * plan: its ids and tracked items stay, and the statuses hanging on them still count.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PERIOD_CONFIG, periodOf } from '@domain/periods';
import { planFingerprint, trackableItems, walkPlan } from '@domain/plan-tree';
import { addPlan, completeSetup, db, DEFAULT_OWN_UNIT, ensureSeeded, progressOf, setItemStatus, statusesOf } from '@db';
import type { PlanRecord } from '@db/types';
import { buildUnitReport } from '@db/report-query';
import { planReportItems } from '@exchange/plan-items';

const RECORD = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/db/plan-record-before-parts.json'), 'utf8')) as PlanRecord;
const H1 = periodOf(DEFAULT_PERIOD_CONFIG, { kind: 'half', year: 2025 });
const OWN = DEFAULT_OWN_UNIT.code;

/** Every node's id, kind and tracked flag, in document order. */
function shape(plan: PlanRecord['plan']): string[] {
  const out: string[] = [];
  walkPlan(plan, (n) => {
    out.push(`${n.id} ${n.kind}${n.trackable ? ' T' : ''}`);
  });
  return out;
}

const STORED = [
  'I section',
  'I.1 item',
  'I.2 item',
  'II section',
  'II.1 group',
  'II.1.1 item T',
  'II.1.2 item T',
  'II.2 group',
  'II.2.1 item T',
  'II.2.1.1 subitem T',
  'II.2.1.2 subitem T',
  'II.2.2 item T',
  'II.3 group',
  'II.3.1 item T',
  'II.3.2 item T',
  'III section',
  'III.1 item T',
  'III.2 item T',
];

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  await ensureSeeded();
  await completeSetup(DEFAULT_OWN_UNIT);
  await db.plans.put(RECORD);
});

describe('a plan stored before parts and attributes', () => {
  it('is the old shape: no attributes field, no part, the heading over its sub-points tracked too', () => {
    expect(JSON.stringify(RECORD)).not.toContain('attributes');
    expect(shape(RECORD.plan)).toEqual(STORED);
  });

  it('loads with the same ids and tracked items, and its statuses still hang on them', async () => {
    for (const itemId of ['II.2.1', 'II.2.1.1', 'III.2']) {
      await setItemStatus({ planId: RECORD.id, unitCode: OWN, periodKey: H1.key, itemId, status: 'xong', note: `Đã làm ${itemId}`, evidence: '' });
    }
    const stored = (await db.plans.get(RECORD.id))!;
    expect(shape(stored.plan)).toEqual(STORED);
    expect(planFingerprint(stored.plan)).toBe(planFingerprint(RECORD.plan));
    const statuses = await statusesOf(RECORD.id, OWN, H1.key);
    const progress = progressOf(stored.plan, statuses);
    expect(progress.overall).toMatchObject({ trackable: 10, done: 3 });
    expect(trackableItems(stored.plan).map((n) => n.id)).toContain('II.2.1');
  });

  it('exports its items by the stored ids; the numbers it always stored now show as printed', async () => {
    await setItemStatus({ planId: RECORD.id, unitCode: OWN, periodKey: H1.key, itemId: 'II.2.1', status: 'dang', note: '', evidence: '' });
    const report = await buildUnitReport({ planId: RECORD.id, unitCode: OWN, period: H1, exportedBy: '', appVersion: '0.1.0', now: new Date('2025-06-20T03:00:00Z') });
    expect(report.items.map((it) => it.id)).toEqual(trackableItems(RECORD.plan).map((n) => n.id));
    expect(report.items.find((it) => it.id === 'II.2.1')?.status).toBe('dang');
    expect(report.plan.fingerprint).toBe(planFingerprint(RECORD.plan));
    // Labels were stored all along ("1.1", "a"); the workbook now shows them as printed.
    expect(planReportItems(RECORD.plan).filter((it) => it.label).map((it) => `${it.id} ${it.label}`)).toEqual([
      'II.1.1 1.1.',
      'II.1.2 1.2.',
      'II.3.1 a)',
      'II.3.2 b)',
      'III.1 1.',
      'III.2 2.',
    ]);
  });

  it('is still a valid plan for addPlan, which keeps it as given', async () => {
    const id = await addPlan({ plan: RECORD.plan, source: 'paste', activate: false });
    expect((await db.plans.get(id))!.plan).toEqual(RECORD.plan);
  });
});
