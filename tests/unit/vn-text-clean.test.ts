/**
 * Control characters and bidirectional overrides are removed from what an officer types and
 * what a file brings (cleanText), NFC kept, at every input edge: forms through the database
 * operations, unit lists and workbooks read.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { cleanText } from '@domain/vn-text';
import { cleanBlock, cleanLine } from '@domain/fields';
import { addActivity, addUnit, db, ensureSeeded, setItemStatus, setIndicatorAdjustment } from '@db';
import { normalizeText } from '@exchange/cell-values';
import { readWorkbook } from '@exchange/reader';
import { writeUnitReport } from '@exchange/writer';
import { sampleReport } from '../support/exchange-writer-fixtures';

const RLO = '\u202e';
/** «gnp.exe» with a right-to-left override: displays as «exe.png». */
const SPOOFED = `CĐCS ${RLO}gnp.exe`;

describe('cleanText', () => {
  it('removes the right-to-left override that makes «gnp.exe» display as «exe.png»', () => {
    expect(cleanText(SPOOFED)).toBe('CĐCS gnp.exe');
  });

  it('removes every bidirectional embedding, override, isolate and mark', () => {
    const bidi = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
    for (const ch of bidi) expect(cleanText(`a${ch}b`), `U+${ch.charCodeAt(0).toString(16)}`).toBe('ab');
  });

  it('removes NUL and the other C0 controls, DEL and the C1 controls, keeps tab and line feed', () => {
    expect(cleanText('Tên\u0000 đơn vị')).toBe('Tên đơn vị');
    for (let c = 0; c < 0x20; c++) {
      const ch = String.fromCharCode(c);
      const expected = ch === '\t' || ch === '\n' ? `a${ch}b` : ch === '\r' ? 'a\nb' : 'ab';
      expect(cleanText(`a${ch}b`), `U+${c.toString(16)}`).toBe(expected);
    }
    for (let c = 0x7f; c <= 0x9f; c++) expect(cleanText(`a${String.fromCharCode(c)}b`)).toBe('ab');
  });

  it('turns CR LF and lone CR into LF', () => {
    expect(cleanText('dòng 1\r\ndòng 2\rdòng 3')).toBe('dòng 1\ndòng 2\ndòng 3');
  });

  it('keeps NFC and turns NFD into NFC; leaves Vietnamese, emoji and zero-width joiners alone', () => {
    const nfc = 'Tuyên truyền Nghị quyết 43 về “đại đoàn kết” 👩‍👩‍👧';
    expect(cleanText(nfc)).toBe(nfc);
    expect(cleanText(nfc.normalize('NFD'))).toBe(nfc);
    expect(cleanText('  hai  khoảng  ')).toBe('  hai  khoảng  ');
  });

  it('is what cleanLine and cleanBlock store, and what the workbook reader keeps of a cell', () => {
    expect(cleanLine(` ${SPOOFED}\u0000 `)).toBe('CĐCS gnp.exe');
    expect(cleanBlock(`Nội dung\r\n${RLO}dòng hai`)).toBe('Nội dung\ndòng hai');
    expect(normalizeText(SPOOFED)).toBe('CĐCS gnp.exe');
    expect(normalizeText('tên\u0085 đơn vị')).toBe('tên đơn vị');
    expect(normalizeText(`a\u0007\nb${RLO}`, true)).toBe('a\nb');
  });
});

describe('every input edge stores cleaned text', () => {
  const T = '2025-01-01T00:00:00.000Z';
  beforeEach(async () => {
    db.close();
    await db.delete();
    await db.open();
    await ensureSeeded();
    await db.units.put({ code: 'LDLD-DMC', name: 'LĐLĐ huyện Dương Minh Châu', level: 'district', parentName: '', type: null, members: null, contact: '', phone: '', active: true, createdAt: T, updatedAt: T });
  });

  it('a unit typed in the form', async () => {
    const unit = await addUnit({ code: 'CDCS-0001', name: SPOOFED, level: 'grassroots', parentName: `LĐLĐ${RLO} huyện`, type: null, members: null, contact: 'Chị\u0000 Lan', phone: '' } as never);
    expect(unit.name).toBe('CĐCS gnp.exe');
    expect((await db.units.get('CDCS-0001'))).toMatchObject({ name: 'CĐCS gnp.exe', parentName: 'LĐLĐ huyện', contact: 'Chị Lan' });
  });

  it('an activity, a note (Đánh giá) and an adjustment reason typed in the forms', async () => {
    const act = await addActivity({
      planId: BUILTIN_PLAN.id,
      unitCode: 'LDLD-DMC',
      date: '15/3/2025',
      itemIds: ['III.1.1'],
      type: 'propaganda',
      title: `Tuyên truyền ${RLO}gnp.exe`,
      content: 'dòng 1\u0000\r\ndòng 2',
    });
    expect(act.title).toBe('Tuyên truyền gnp.exe');
    expect(act.content).toBe('dòng 1\ndòng 2');
    const status = await setItemStatus({ planId: BUILTIN_PLAN.id, unitCode: 'LDLD-DMC', periodKey: '2025-H1', itemId: 'III.1.1', status: 'dang', note: `Đã ${RLO}làm\u0007`, evidence: '' });
    expect(status.note).toBe('Đã làm');
    const adj = await setIndicatorAdjustment({ planId: BUILTIN_PLAN.id, unitCode: 'LDLD-DMC', periodKey: '2025-H1', indicatorCode: 'propaganda-sessions', delta: 2, reason: `Trước khi dùng${RLO} ứng dụng` });
    expect(adj!.reason).toBe('Trước khi dùng ứng dụng');
  });

  it('a unit name read from a workbook', async () => {
    const report = sampleReport(2);
    report.unit.name = SPOOFED;
    const bytes = await writeUnitReport(report);
    const read = await readWorkbook(bytes, { fileName: 'BaoCao.xlsx' });
    expect(read.report?.unit.name).toBe('CĐCS gnp.exe');
  });
});
