import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src-renderer/exchange/reader';
import { writeUnitReport } from '../../src-renderer/exchange/writer';
import { sampleReport } from '../fixtures/workbooks/tools/sample-report';

describe('readWorkbook on what the writer writes', () => {
  it('reads back the same report, no problems', async () => {
    const report = sampleReport();
    const bytes = await writeUnitReport(report);
    const r = await readWorkbook(bytes, { fileName: 'a.xlsx' });
    expect(r.problems).toEqual([]);
    expect(r.report).toEqual(report);
  });
});
