/**
 * Two files of the same unit and period in one batch are filed by export time whatever the
 * selection order: the older is shown «sẽ được lưu vào lịch sử» and kept as history, the newer
 * is the active report. Pure rule (domain/import-batch.ts) and the batch applied through it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { orderBatch, type BatchCandidate } from '@domain/import-batch';
import { db, previewImport } from '@db';
import { applyReady, useImportStore } from '@features/import/import-store';
import { newCard, type Card } from '@features/import/import-cards';
import { fileBytes, freshInstallation, PERIOD, PLAN_ID, scenarioReports } from '../fixtures/backups/tools/installations';

const scope = (unitCode: string, periodKey = '2025-H1') => ({ unitCode, planId: 'p', periodKey });
const cand = (key: string, unitCode: string, exportedAt: string, fileHash = key, periodKey?: string): BatchCandidate => ({ key, scope: scope(unitCode, periodKey), exportedAt, fileHash });

describe('orderBatch', () => {
  it('puts the newer export of a unit first and marks the older one, whichever was chosen first', () => {
    const older = cand('a', 'U1', '2025-06-10T01:00:00.000Z');
    const newer = cand('b', 'U1', '2025-06-12T01:00:00.000Z');
    for (const chosen of [[older, newer], [newer, older]]) {
      const r = orderBatch(chosen);
      expect(r.order).toEqual(['b', 'a']);
      expect([...r.olderThan]).toEqual([['a', 'b']]);
    }
  });

  it('leaves other units and periods alone, in the order chosen', () => {
    const r = orderBatch([
      cand('x', 'U2', '2025-06-10T00:00:00.000Z'),
      cand('a', 'U1', '2025-06-10T00:00:00.000Z'),
      cand('y', 'U1', '2025-06-11T00:00:00.000Z', 'y', '2025-Y'),
      cand('b', 'U1', '2025-06-12T00:00:00.000Z'),
    ]);
    expect(r.order).toEqual(['x', 'b', 'a', 'y']);
    expect([...r.olderThan]).toEqual([['a', 'b']]);
  });

  it('orders by instant (not by text) and takes three copies; a duplicate file is not history', () => {
    const r = orderBatch([
      cand('c', 'U1', '2025-06-12T08:00:00+07:00'),
      cand('a', 'U1', '2025-06-12T02:00:00.000Z'),
      cand('d', 'U1', '2025-06-11T00:00:00.000Z', 'same'),
      cand('e', 'U1', '2025-06-13T00:00:00.000Z', 'same'),
    ]);
    expect(r.order).toEqual(['e', 'a', 'c', 'd']);
    expect(r.olderThan.get('a')).toBe('e');
    expect(r.olderThan.get('c')).toBe('e');
    expect(r.olderThan.has('d')).toBe(false);
  });

  it('the same export instant keeps the chosen order: the one chosen later comes first', () => {
    const r = orderBatch([cand('a', 'U1', '2025-06-12T00:00:00.000Z'), cand('b', 'U1', '2025-06-12T00:00:00.000Z')]);
    expect(r.order).toEqual(['b', 'a']);
    expect(r.olderThan.size).toBe(0);
  });
});

describe('the import batch', () => {
  beforeEach(async () => {
    await freshInstallation();
    useImportStore.setState({ cards: [], skipped: [], progress: null, checking: false, message: null });
  });

  async function cardOf(name: 'U1v1' | 'U1v2', key: string): Promise<Card> {
    const r = scenarioReports()[name];
    const preview = await previewImport(r, fileBytes(r), `${name}.xlsx`);
    return { ...newCard(key, { name: `${name}.xlsx`, path: `${name}.xlsx` }), original: preview, preview, checked: true, addUnit: true };
  }

  for (const chosen of [['U1v1', 'U1v2'], ['U1v2', 'U1v1']] as const) {
    it(`files the newer report as active and the older as history (chosen ${chosen.join(', ')})`, async () => {
      const cards = [await cardOf(chosen[0], 'k0'), await cardOf(chosen[1], 'k1')];
      // Both are «Mới» against the database.
      expect(cards.map((c) => c.preview!.plan.decision)).toEqual(['new', 'new']);
      useImportStore.setState({ cards });
      await applyReady();
      const subs = await db.submissions.where('[unitCode+planId+periodKey]').equals(['CDCS-1001', PLAN_ID, PERIOD]).toArray();
      expect(subs.map((s) => [s.exportedAt, s.state]).sort()).toEqual([
        ['2025-06-10T01:00:00.000Z', 'superseded'],
        ['2025-06-12T01:00:00.000Z', 'active'],
      ]);
      const results = Object.fromEntries(useImportStore.getState().cards.map((c) => [c.fileName, c.result?.outcome]));
      expect(results).toEqual({ 'U1v1.xlsx': 'history', 'U1v2.xlsx': 'applied' });
    });
  }
});
