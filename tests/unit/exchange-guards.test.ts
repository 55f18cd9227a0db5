import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { inspectWorkbookBytes } from '@exchange/guards';
import { craftCompoundFile, craftZip, MINIMAL_PARTS } from '../fixtures/workbooks/tools/zip-craft';

const MB = 1024 * 1024;

async function realWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Hoạt động').addRow(['Ngày', 'Tên hoạt động']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function refusal(bytes: Uint8Array, name: string, limits = {}) {
  const r = inspectWorkbookBytes(bytes, name, limits);
  if (r.ok) throw new Error('expected a refusal');
  return r;
}

describe('inspectWorkbookBytes', () => {
  it('accepts a real workbook and lists its parts without decompressing', async () => {
    const r = inspectWorkbookBytes(await realWorkbook(), 'C:\\Bao cao\\a.xlsx');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.entries.map((e) => e.name)).toContain('xl/workbook.xml');
      expect(r.uncompressedTotal).toBeGreaterThan(0);
    }
  });

  it('refuses what is not a workbook, naming the file without its folder', () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n');
    expect(refusal(pdf, '/home/x/x.pdf').message).toBe('Tệp «x.pdf» không phải bảng tính Excel (.xlsx)');
    expect(refusal(new TextEncoder().encode('ngày,tên\n'), 'a.xlsx').code).toBe('not-workbook');
    expect(refusal(new Uint8Array(0), 'rong.xlsx').message).toBe('Tệp «rong.xlsx» trống (0 byte), không phải bảng tính Excel (.xlsx)');
    expect(refusal(new Uint8Array([0x50, 0x4b]), 'pk.xlsx').code).toBe('not-workbook');
  });

  it('tells an old .xls, a password-protected file and another old Office file apart', () => {
    expect(refusal(craftCompoundFile(['Workbook', '\u0005SummaryInformation']), 'cu.xls').message).toBe(
      'Tệp «cu.xls» là định dạng Excel 97-2003 (.xls); hãy mở bằng Excel/LibreOffice và lưu lại dạng .xlsx',
    );
    expect(refusal(craftCompoundFile(['EncryptionInfo', 'EncryptedPackage']), 'mk.xlsx').message).toBe(
      'Tệp «mk.xlsx» được đặt mật khẩu; hãy bỏ mật khẩu rồi gửi lại',
    );
    expect(refusal(craftCompoundFile(['WordDocument']), 'a.doc').code).toBe('old-office');
  });

  it('falls back to scanning a damaged compound file for the stream names', () => {
    const cfb = craftCompoundFile(['EncryptionInfo', 'EncryptedPackage']);
    const damaged = cfb.slice();
    new DataView(damaged.buffer).setUint32(48, 999, true); // directory sector past the end
    expect(refusal(damaged, 'mk.xlsx').code).toBe('password');
  });

  it('refuses a zip cut short or pointing past its end', async () => {
    const good = await realWorkbook();
    expect(refusal(good.subarray(0, Math.floor(good.length / 2)), 'cut.xlsx').message).toBe(
      'Tệp «cut.xlsx» bị hỏng hoặc chưa tải/chép hết (thiếu phần cuối của tệp nén); hãy xin đơn vị gửi lại',
    );
    // Remove bytes from the middle: the end record survives but points past the data.
    const holed = new Uint8Array(good.length - 200);
    holed.set(good.subarray(0, 100));
    holed.set(good.subarray(300), 100);
    expect(['truncated', 'corrupt']).toContain(refusal(holed, 'holed.xlsx').code);
  });

  it('refuses too large a file before looking inside', () => {
    const big = new Uint8Array(51 * MB);
    expect(refusal(big, 'to.xlsx').message).toBe('Tệp «to.xlsx» quá lớn (51 MB; tối đa 50 MB)');
    expect(refusal(new Uint8Array(2000), 'nho.xlsx', { maxFileBytes: 1000 }).code).toBe('too-large');
  });

  it('refuses a zip bomb by its declared sizes: total and ratio', () => {
    const total = craftZip([...MINIMAL_PARTS, { name: 'xl/worksheets/sheet1.xml', data: 'x'.repeat(3 * MB), claimUncompressed: 250 * MB, claimCompressed: 3 * MB }]);
    expect(refusal(total, 'bom.xlsx').message).toBe(
      'Tệp «bom.xlsx» khi giải nén quá lớn (250 MB; tối đa 200 MB), có thể là tệp độc hại; không đọc',
    );
    const ratio = craftZip([...MINIMAL_PARTS, { name: 'xl/worksheets/sheet1.xml', data: 'x'.repeat(1000), claimUncompressed: 5 * MB }]);
    expect(refusal(ratio, 'bom2.xlsx').message).toBe(
      'Tệp «bom2.xlsx» có phần «xl/worksheets/sheet1.xml» nén bất thường (tỉ lệ giải nén quá 100 lần), có thể là tệp độc hại; không đọc',
    );
    // A small, very compressible part is normal.
    const small = craftZip([...MINIMAL_PARTS, { name: 'xl/styles.xml', data: 'x'.repeat(100), claimUncompressed: 500_000 }]);
    expect(inspectWorkbookBytes(small, 'ok.xlsx').ok).toBe(true);
  });

  it('refuses zips that are not OOXML workbooks', () => {
    expect(refusal(craftZip([{ name: 'a.txt', data: 'x' }]), 'nen.xlsx').code).toBe('not-workbook');
    expect(refusal(craftZip([MINIMAL_PARTS[0]!, { name: 'xl/styles.xml', data: '<x/>' }]), 'thieu.xlsx').message).toBe(
      'Tệp «thieu.xlsx» không phải bảng tính Excel hợp lệ (thiếu phần «xl/workbook.xml»); hãy mở bằng Excel/LibreOffice và lưu lại dạng .xlsx',
    );
    expect(refusal(craftZip([MINIMAL_PARTS[0]!, { name: 'word/document.xml', data: '<w/>' }]), 'vb.xlsx').code).toBe('word-document');
    expect(refusal(craftZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' }, { name: 'content.xml', data: '<x/>' }]), 'a.ods').code).toBe('open-document');
    expect(refusal(craftZip([...MINIMAL_PARTS.map((p) => ({ ...p, encrypted: true }))]), 'zipmk.xlsx').code).toBe('password');
  });

  it('judges a 40 MB file from its directory alone (speed: npm run bench:workbook)', () => {
    const filler = new Uint8Array(40 * MB);
    const zip = craftZip([...MINIMAL_PARTS, { name: 'xl/media/image1.png', data: filler }]);
    expect(inspectWorkbookBytes(zip, 'anh.xlsx').ok).toBe(true);
  });
});

import { deflateRawSync } from 'node:zlib';
import { verifyInflatedSizes } from '@exchange/guards';
import { readWorkbook } from '@exchange/reader';

/** A zip whose one deflated part declares `claim` bytes but inflates to `real.length`. */
function lyingZip(real: Uint8Array, claim: number): Uint8Array {
  const deflated = new Uint8Array(deflateRawSync(real));
  return craftZip([...MINIMAL_PARTS, { name: 'xl/worksheets/sheet1.xml', data: deflated, claimUncompressed: claim, method: 8 }]);
}

describe('verifyInflatedSizes', () => {
  it('stops a part that inflates to more than it declared, without inflating all of it', async () => {
    const zip = lyingZip(new Uint8Array(64 * MB), 1000);
    const guard = inspectWorkbookBytes(zip, 'noi-doi.xlsx');
    expect(guard.ok).toBe(true);
    if (!guard.ok) return;
    expect(await verifyInflatedSizes(zip, 'noi-doi.xlsx', guard.entries)).toEqual({
      ok: false,
      code: 'expands-too-much',
      message: 'Tệp «noi-doi.xlsx» có phần «xl/worksheets/sheet1.xml» giải nén ra nhiều hơn kích thước ghi trong tệp, có thể là tệp độc hại; không đọc',
    });
    const r = await readWorkbook(zip, { fileName: 'noi-doi.xlsx' });
    expect(r.report).toBeNull();
    expect(r.problems[0]!.message).toContain('giải nén ra nhiều hơn kích thước ghi trong tệp');
  });

  it('accepts honest parts', async () => {
    const zip = lyingZip(new TextEncoder().encode('<worksheet/>'.repeat(100)), 1200);
    const guard = inspectWorkbookBytes(zip, 'a.xlsx');
    expect(guard.ok && (await verifyInflatedSizes(zip, 'a.xlsx', guard.entries))).toEqual({ ok: true });
  });
});
