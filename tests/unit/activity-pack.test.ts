/**
 * The packed form of a report's activities that `export:write` carries (exchange/activity-pack.ts):
 * unpacked, it gives back exactly the activities packed; anything else the renderer could send
 * is refused at the IPC boundary, with the contract's sentence, before the writer sees it.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./main/electron-mock').then((m) => m.electron));

import { inputSchemas } from '@contract';
import type { ReportActivity } from '@domain/report';
import { indicatorCodesOf, isPackedActivities, packActivities, packedActivityRows, textsAlreadySafe, type PackedActivities } from '@exchange/activity-pack';
import { fromWireJob, toWireJob } from '@exchange/workbook-job';
import { formatValidationError } from '../../src-main/ipc';
import { sampleConsolidated } from '../fixtures/workbooks/tools/sample-consolidated';
import { sampleReport } from '../support/exchange-writer-fixtures';

const ID = '0b7f2c3e-5d1a-4c8e-9f00-123456789abc';

/** Activities with every field's awkward cases: empty texts, no items or indicators, astral and combining characters. */
function awkwardActivities(): ReportActivity[] {
  const base = sampleReport(3).activities;
  return [
    ...base,
    { ...base[0]!, id: '', title: '', content: '', location: '', evidenceDoc: '', evidenceFile: '', itemIds: [], indicators: {}, participants: null },
    { ...base[1]!, title: 'Tặng quà 🎁 cho đoàn viên', content: 'Dòng 1\nDòng 2\r\n=SUM(A1)', participants: 0, indicators: { 'CT-01': -3, 'CT-02': 1.5 } },
    { ...base[2]!, title: 'Hoa\u0300ng', location: 'x'.repeat(40_000), itemIds: ['I.1', 'I.1', 'II.3'], indicators: { 'CT-99': 7 } },
  ];
}

describe('packActivities / packedActivityRows', () => {
  it('give back exactly the activities packed', () => {
    for (const activities of [[], sampleReport(200).activities, awkwardActivities(), sampleConsolidated().activities]) {
      const packed = packActivities(activities);
      expect(isPackedActivities(packed)).toBe(true);
      expect([...packedActivityRows(packed)]).toEqual(activities);
    }
  });

  it('read one at a time (packedActivityRows): counted, and the same activities each time they are read', () => {
    const activities = awkwardActivities();
    const rows = packedActivityRows(packActivities(activities));
    expect(rows.length).toBe(activities.length);
    expect([...rows]).toEqual(activities);
    expect([...rows]).toEqual(activities);
  });

  it('tell the indicator codes they use without building the activities, as the objects would', () => {
    for (const activities of [[], awkwardActivities(), sampleConsolidated().activities]) {
      const codes = indicatorCodesOf(packedActivityRows(packActivities(activities)));
      expect([...codes].sort()).toEqual([...indicatorCodesOf(activities)].sort());
      expect([...codes].sort()).toEqual([...new Set(activities.flatMap((a) => Object.keys(a.indicators)))].sort());
    }
  });

  it('know when every text is one the cells take as it is (checked once), and when not', () => {
    expect(textsAlreadySafe(packedActivityRows(packActivities(sampleReport(50).activities)))).toBe(true);
    expect(textsAlreadySafe(packedActivityRows(packActivities(awkwardActivities())))).toBe(false);
    const base = sampleReport(2).activities;
    // A character outside the safe ranges in a shared value (a place) counts as much as in a free text.
    expect(textsAlreadySafe(packedActivityRows(packActivities([{ ...base[0]!, location: 'Nhà văn hóa\u0007' }, base[1]!])))).toBe(false);
    // An array is never assumed safe: its texts are checked cell by cell.
    expect(textsAlreadySafe(sampleReport(5).activities)).toBe(false);
  });

  it('share each date, unit, type, item id and indicator code once, and the texts in one string', () => {
    const activities = sampleReport(500).activities;
    const packed = packActivities(activities);
    expect(packed.words.length).toBeLessThan(200);
    expect(new Set(packed.words).size).toBe(packed.words.length);
    expect(packed.text).toBe(activities.map((a) => a.id + a.title + a.content + a.evidenceDoc + a.evidenceFile).join(''));
  });

  it('a job goes over IPC and comes back the same (toWireJob, a structured clone, the contract, fromWireJob)', () => {
    for (const job of [
      { type: 'unit-report' as const, report: sampleReport(50), options: { place: 'Dương Minh Châu', documentNumber: '12/BC-CĐCS' } },
      { type: 'consolidated' as const, report: sampleConsolidated() },
      { type: 'completeness' as const, report: sampleConsolidated() },
    ]) {
      const input = inputSchemas['export:write'].parse(structuredClone({ exportId: ID, job: toWireJob(job) }));
      const back = fromWireJob(input.job);
      expect(back.report.activities.length).toBe(job.report.activities.length);
      // Read as the writer reads them: more than once (indicator columns, then rows), in order.
      expect([...back.report.activities]).toEqual(job.report.activities);
      expect({ ...back, report: { ...back.report, activities: [...back.report.activities] } }).toEqual(job);
    }
  });
});

/** A valid packed form changed by `change` (on a copy). */
function spoiled(change: (p: PackedActivities) => void): PackedActivities {
  const p = structuredClone(packActivities(sampleReport(20).activities));
  change(p);
  return p;
}

describe('the export:write check of packed activities', () => {
  const malformed: [string, unknown][] = [
    ['activities as objects', sampleReport(2).activities],
    ['not an object', 'x'],
    ['an extra key', spoiled((p) => Object.assign(p, { extra: 1 }))],
    ['a key missing', spoiled((p) => delete (p as Partial<PackedActivities>).numbers)],
    ['a negative count', spoiled((p) => (p.count = -1))],
    ['a count that is not an integer', spoiled((p) => (p.count = 1.5))],
    ['more activities counted than packed', spoiled((p) => (p.count += 1))],
    ['fewer activities counted than packed', spoiled((p) => (p.count -= 1))],
    ['the texts as a list', spoiled((p) => Object.assign(p, { text: [p.text] }))],
    ['text ends as a plain list', spoiled((p) => Object.assign(p, { ends: Array.from(p.ends) }))],
    ['numbers in the wrong kind of array', spoiled((p) => Object.assign(p, { numbers: new Float32Array(p.numbers) }))],
    ['text ends out of order', spoiled((p) => ([p.ends[3], p.ends[4]] = [p.ends[4]!, p.ends[3]!]))],
    ['text ends past the text', spoiled((p) => (p.text = p.text.slice(0, -1)))],
    ['text left over after the last end', spoiled((p) => (p.text += 'x'))],
    ['a word index past the words', spoiled((p) => (p.refs[0] = p.words.length))],
    ['a word that is not a string', spoiled((p) => (p.words[0] = 5 as unknown as string))],
    ['a hole in the words', spoiled((p) => (p.words = Object.assign(new Array<string>(p.words.length), { 1: 'x' })))],
    ['an item count running past the references', spoiled((p) => (p.refs[3] = p.refs.length))],
    ['references left over', spoiled((p) => (p.refs = Uint32Array.from([...p.refs, 0])))],
    ['an indicator value missing', spoiled((p) => (p.numbers = p.numbers.slice(0, -1)))],
  ];

  it.each(malformed)('refuses %s, naming the job in the officer’s sentence', (_, activities) => {
    const job = { ...toWireJob({ type: 'unit-report', report: sampleReport(20) }) };
    job.report = { ...job.report, activities: activities as PackedActivities };
    const parsed = inputSchemas['export:write'].safeParse({ exportId: ID, job }, { reportInput: true });
    expect(parsed.success).toBe(false);
    expect(formatValidationError('export:write', parsed.error!)).toBe('Dữ liệu gửi tới "export:write" không hợp lệ: dữ liệu cần xuất (job) không hợp lệ.');
  });

  it('the spoiled forms above start from one it accepts', () => {
    expect(isPackedActivities(spoiled(() => undefined))).toBe(true);
  });
});
