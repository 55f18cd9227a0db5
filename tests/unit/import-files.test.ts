/**
 * Which files of a folder choice or a drop the import screen reads (features/import/import-files.ts):
 * .xlsx only, lock and hidden files silently skipped, the rest listed once with the reason;
 * dropped folders walked recursively through the FileSystemEntry API (readEntries in batches).
 */
import { describe, expect, it } from 'vitest';
import { classifyPath, collect, filesOfEntries, fromFileList } from '@features/import/import-files';
import { MAX_OPEN_FILE_BYTES } from '@contract';

const file = (name: string, text = 'x'): File => new File([text], name);

describe('classifyPath', () => {
  it('reads .xlsx in any case, skips lock, hidden and system files silently, names the others', () => {
    expect(classifyPath('BaoCao.xlsx', 10)).toBe('read');
    expect(classifyPath('Huyện A/BÁO CÁO.XLSX', 10)).toBe('read');
    expect(classifyPath('Huyện A/~$BaoCao.xlsx', 10)).toBe('silent');
    expect(classifyPath('.an/BaoCao.xlsx', 10)).toBe('silent');
    expect(classifyPath('Huyện A/.DS_Store', 10)).toBe('silent');
    expect(classifyPath('Huyện A/Thumbs.db', 10)).toBe('silent');
    expect(classifyPath('ghi-chu.docx', 10)).toEqual({ reason: 'bỏ qua: không phải tệp .xlsx' });
    expect(classifyPath('cu.xls', 10)).toEqual({ reason: expect.stringMatching(/^bỏ qua: tệp Excel cũ \(\.xls\)/) });
    expect(classifyPath('lon.xlsx', MAX_OPEN_FILE_BYTES + 1)).toEqual({ reason: 'bỏ qua: tệp lớn hơn 50 MB' });
  });
});

describe('collect', () => {
  it('reads the .xlsx files in path order with their bytes and lists each other file once', async () => {
    const found = [
      { path: 'Tổng hợp/b.xlsx', file: file('b.xlsx', 'BBB') },
      { path: 'Tổng hợp/a.xlsx', file: file('a.xlsx', 'AA') },
      { path: 'Tổng hợp/~$a.xlsx', file: file('~$a.xlsx') },
      { path: 'Tổng hợp/anh.png', file: file('anh.png') },
    ];
    const out = await collect(found);
    expect(out.files.map((f) => [f.name, f.path, new TextDecoder().decode(f.bytes)])).toEqual([
      ['a.xlsx', 'Tổng hợp/a.xlsx', 'AA'],
      ['b.xlsx', 'Tổng hợp/b.xlsx', 'BBB'],
    ]);
    expect(out.skipped).toEqual([{ path: 'Tổng hợp/anh.png', reason: 'bỏ qua: không phải tệp .xlsx' }]);
  });

  it('a folder choice keeps each file’s path inside the folder', () => {
    const f = file('a.xlsx');
    Object.defineProperty(f, 'webkitRelativePath', { value: 'Báo cáo/Huyện A/a.xlsx' });
    expect(fromFileList([f, file('b.xlsx')]).map((x) => x.path)).toEqual(['Báo cáo/Huyện A/a.xlsx', 'b.xlsx']);
  });
});

/** A FileSystemEntry tree as Chromium gives it; readEntries answers in batches of `batch`. */
function fileEntry(name: string): FileSystemFileEntry {
  return { name, isFile: true, isDirectory: false, file: (ok: (f: File) => void) => ok(file(name, name)) } as unknown as FileSystemFileEntry;
}
function dirEntry(name: string, children: FileSystemEntry[], batch = 2): FileSystemDirectoryEntry {
  return {
    name,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (ok: (e: FileSystemEntry[]) => void) => {
          const next = children.slice(at, at + batch);
          at += batch;
          setTimeout(() => ok(next), 0);
        },
      };
    },
  } as unknown as FileSystemDirectoryEntry;
}

describe('filesOfEntries', () => {
  it('walks dropped folders recursively, every batch of readEntries, not into hidden folders', async () => {
    const tree = [
      dirEntry('Báo cáo', [
        fileEntry('1.xlsx'),
        fileEntry('2.xlsx'),
        fileEntry('3.xlsx'),
        dirEntry('Huyện A', [fileEntry('4.xlsx'), fileEntry('ghi-chu.txt')]),
        dirEntry('.git', [fileEntry('config')]),
      ]),
      fileEntry('5.xlsx'),
    ];
    const found = await filesOfEntries(tree);
    expect(found.map((f) => f.path)).toEqual(['Báo cáo/1.xlsx', 'Báo cáo/2.xlsx', 'Báo cáo/3.xlsx', 'Báo cáo/Huyện A/4.xlsx', 'Báo cáo/Huyện A/ghi-chu.txt', '5.xlsx']);
    const out = await collect(found);
    expect(out.files.map((f) => f.path)).toEqual(['5.xlsx', 'Báo cáo/1.xlsx', 'Báo cáo/2.xlsx', 'Báo cáo/3.xlsx', 'Báo cáo/Huyện A/4.xlsx']);
    expect(out.skipped).toEqual([{ path: 'Báo cáo/Huyện A/ghi-chu.txt', reason: 'bỏ qua: không phải tệp .xlsx' }]);
  });
});
