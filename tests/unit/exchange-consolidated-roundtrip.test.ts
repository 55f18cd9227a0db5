/**
 * Property: consolidated report → workbook (in memory AND streaming) → readWorkbook gives back
 * the report, for generated reports. The seed base changes per run unless ROUNDTRIP_SEED is
 * set; a failure names the seed to replay it.
 */
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '@exchange/reader';
import { isConsolidated } from '@domain/report';
import { writeConsolidatedReport } from '@exchange/writer-consolidated';
import { writeConsolidatedReportStreaming } from '@exchange/writer-consolidated-stream';
import { expectedConsolidatedOf, generateConsolidated } from '../fixtures/workbooks/tools/generate-consolidated';
import { ALL_TONES } from '../fixtures/workbooks/tools/generate-report';

const CASES = Number(process.env.ROUNDTRIP_CASES ?? 100);
const BASE = Number(process.env.ROUNDTRIP_SEED ?? Math.floor(Math.random() * 1_000_000));

describe('round trip: writeConsolidatedReport / …Streaming → readWorkbook', () => {
  it(`gives back ${CASES} generated consolidated reports both ways (seeds ${BASE}…${BASE + CASES - 1})`, { timeout: 300_000 }, async () => {
    const seen = { units: 0, manyUnits: 0, activities: 0, formulaLike: 0, nfd: 0, zero: 0, large: 0, late: 0 };
    for (let i = 0; i < CASES; i++) {
      const seed = BASE + i;
      const input = generateConsolidated(seed);
      const want = expectedConsolidatedOf(input);
      const replay = `seed ${seed} (ROUNDTRIP_SEED=${seed} ROUNDTRIP_CASES=1 replays it)`;
      const written = { memory: await writeConsolidatedReport(input), streaming: (await writeConsolidatedReportStreaming(input))! };
      for (const [how, bytes] of Object.entries(written)) {
        const result = await readWorkbook(bytes, { fileName: `seed-${seed}-${how}.xlsx` });
        const problems = result.problems.filter((p) => p.severity === 'error' || !/nằm ngoài kỳ báo cáo/.test(p.message));
        expect(problems, `${how}, ${replay}`).toEqual([]);
        expect(result.report, `${how}, ${replay}`).toEqual(want);
        expect(result.counts.units, replay).toBe(input.consolidation.units.length);
      }
      const c = input.consolidation;
      seen.units += c.units.length;
      if (c.units.length >= 40) seen.manyUnits++;
      seen.activities += input.activities.length;
      seen.formulaLike += [...input.activities.map((a) => a.title), ...c.units.map((u) => u.unitName)].filter((t) => /^[=+\-@]/.test(t)).length;
      seen.nfd += c.units.filter((u) => u.unitName !== u.unitName.normalize('NFC')).length;
      seen.zero += c.units.filter((u) => Object.values(u.values).includes(0)).length;
      seen.large += c.items.filter((it) => Object.values(it.counts).includes(2 ** 31)).length;
      seen.late += c.completeness.filter((e) => e.state === 'nop-muon').length;
    }
    // The generator really produced the hard cases.
    if (CASES >= 100) {
      for (const [k, v] of Object.entries(seen)) expect(v, k).toBeGreaterThan(0);
    }
  });

  it('reads back entity-like text exactly from the streaming writer too ("&amp;" stays "&amp;")', async () => {
    const input = generateConsolidated(11);
    input.exportedBy = 'Trần <b>&amp;</b> &lt;Bình&gt; & Cộng sự';
    const r = await readWorkbook((await writeConsolidatedReportStreaming(input))!, { fileName: 'amp.xlsx' });
    expect(r.report?.exportedBy).toBe('Trần <b>&amp;</b> &lt;Bình&gt; & Cộng sự');
  });

  it('keeps every tone mark of unit names, decomposed on input, and formula-like names as text', async () => {
    const input = generateConsolidated(7);
    const code = 'CDCS-0001';
    input.consolidation.units = [{ unitCode: code, unitName: `=${ALL_TONES}`.normalize('NFD'), level: 'grassroots', reports: 1, activityCount: 0, values: {} }];
    input.consolidation.completeness = [{ unitCode: code, unitName: `+${ALL_TONES}`, state: 'da-nop', submittedAt: '2025-06-14T02:30:59.999Z', activityCount: 0 }];
    input.indicators = input.indicators.map((ind) => ({ ...ind, value: 0 }));
    const r = await readWorkbook(await writeConsolidatedReport(input), { fileName: 'tones.xlsx' });
    expect(r.report && isConsolidated(r.report)).toBe(true);
    const c = (r.report as typeof input).consolidation;
    expect(c.units[0]!.unitName).toBe(`=${ALL_TONES}`);
    expect(c.completeness[0]).toEqual({ unitCode: code, unitName: `+${ALL_TONES}`, state: 'da-nop', submittedAt: '2025-06-14T02:30:59.999Z', activityCount: 0 });
  });
});
