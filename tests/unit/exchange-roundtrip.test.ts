import { describe, expect, it } from 'vitest';
import { readWorkbook } from '@exchange/reader';
import { writeUnitReport } from '@exchange/writer';
import { ALL_TONES, expectedOf, generateReport } from '../fixtures/workbooks/tools/generate-report';

// Property: write → read gives back the report, for generated reports. The seed base changes
// per run unless ROUNDTRIP_SEED is set; a failure names the seed to replay it.
const CASES = Number(process.env.ROUNDTRIP_CASES ?? 200);
const BASE = Number(process.env.ROUNDTRIP_SEED ?? Math.floor(Math.random() * 1_000_000));

describe('round trip: writeUnitReport → readWorkbook', () => {
  it(`gives back ${CASES} generated reports (seeds ${BASE}…${BASE + CASES - 1})`, { timeout: 120_000 }, async () => {
    let activities = 0;
    let formulaLike = 0;
    let nfd = 0;
    for (let i = 0; i < CASES; i++) {
      const seed = BASE + i;
      const input = generateReport(seed);
      const bytes = await writeUnitReport(input);
      const result = await readWorkbook(bytes, { fileName: `seed-${seed}.xlsx` });
      const errors = result.problems.filter((p) => p.severity === 'error' || !/nằm ngoài kỳ báo cáo/.test(p.message));
      expect(errors, `seed ${seed}`).toEqual([]);
      expect(result.report, `seed ${seed} (ROUNDTRIP_SEED=${seed} ROUNDTRIP_CASES=1 replays it)`).toEqual(expectedOf(input));
      activities += input.activities.length;
      formulaLike += input.activities.filter((a) => /^[=+\-@]/.test(a.title)).length;
      nfd += input.activities.filter((a) => a.title !== a.title.normalize('NFC')).length;
    }
    // The generator really produced the hard cases.
    expect(activities).toBeGreaterThan(CASES);
    if (CASES >= 100) {
      expect(formulaLike).toBeGreaterThan(0);
      expect(nfd).toBeGreaterThan(0);
    }
  });

  it('keeps every tone mark, đ and formula-like text exactly', async () => {
    const input = generateReport(1);
    input.activities = [
      { ...(input.activities[0] ?? generateReport(2).activities[0]!), id: 'a3c1f7e2-1111-4222-8333-444455556666', itemIds: [input.items[0]!.id], title: ALL_TONES.normalize('NFD'), content: '=1+1\n+84 912\n-5\n@x', location: '@SUM(A1)', participants: 0, indicators: {} },
    ];
    const r = await readWorkbook(await writeUnitReport(input), { fileName: 'tones.xlsx' });
    expect(r.report?.activities[0]?.title).toBe(ALL_TONES);
    expect(r.report?.activities[0]?.content).toBe('=1+1\n+84 912\n-5\n@x');
    expect(r.report?.activities[0]?.location).toBe('@SUM(A1)');
    expect(r.report?.activities[0]?.participants).toBe(0);
  });
});
