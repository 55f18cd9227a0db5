/**
 * The backup benchmark page (built by vite.backup-bench.config.mts, driven by
 * run-backup-bench.mjs): a district's database of about 200 MB in Debian's Chromium with real
 * IndexedDB, backed up with the app's own writer, then restored:
 *
 *   bulkPut  the baseline: the same records, already parsed and in memory, written with bare
 *            Dexie bulkPut in one read-write transaction into a fresh database, in the batches
 *            the restore writes (what writing the records to IndexedDB costs at least).
 *   restore  restoreBackup(bytes, 'replace') into a fresh database, bytes never checked before:
 *            the file read in pieces, hashed, every record checked against its table's shape,
 *            written in one transaction.
 *   check    inspectBackup(bytes): what the restore dialog does before it shows the preview
 *            (read, hashed, every record checked; nothing written).
 *   after    restoreBackup of the bytes just checked (the dialog's «Khôi phục» after its
 *            preview): read and written, not hashed or checked a second time.
 *   merge    restoreBackup(bytes, 'merge') into the database that already holds all of it
 *            (every imported report found again, nothing written): one run.
 *
 * Each case runs in a page loaded for it alone (the runner reloads the page), with only its own
 * input in memory: the file's bytes (read back from a database of the bench's own, not timed), or
 * for the baseline the records parsed from them. Wall clock (performance.now()) on the page's
 * thread; the JS heap (performance.memory, precise with --enable-precise-memory-info) sampled
 * every 50 ms and at every progress call, garbage collected before each case (window.gc). Each
 * case announces itself on the console ("[bench] case …" / "[bench] end"), so the runner can
 * sample Chromium's memory (every process) for exactly that case.
 */
import { numberedUnitReport } from '../support/exchange-writer-fixtures';
import { activitySearchText, type Activity } from '@domain/activity';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { db } from '@db/db';
import { ensureSeeded } from '@db/plan-ops';
import { putSetting } from '@db/settings-ops';
import { BACKUP_TABLES, createBackup, inspectBackup, restoreBackup } from '@db/backup';
import { BackupReader, type RowBatch } from '@db/backup-format';
import type { ActivityRecord, ItemStatusRecord, SubmissionRecord, UnitRecord } from '@db/types';

const MB = 1024 * 1024;
const OWN = 'LDLD-DMC';
const T = '2025-06-20T00:00:00.000Z';

declare global {
  interface Window {
    backupBenchReady: boolean;
    prepareBackupBench: (o: BenchOptions) => Promise<PrepareOutput>;
    runBackupCase: (name: CaseResult['case'], rep: number) => Promise<CaseResult>;
    clearBackupBench: () => Promise<void>;
    gc?: () => void;
  }
  interface Performance {
    memory?: { usedJSHeapSize: number };
  }
}

export interface BenchOptions {
  submissions: number;
  perReport: number;
  activities: number;
}

export interface CaseResult {
  case: 'bulkPut' | 'restore' | 'check' | 'after' | 'merge';
  rep: number;
  ms: number;
  heapStartMb: number;
  heapPeakMb: number;
  /** Rows in the database afterwards (restore, bulkPut), or rows read (check). */
  rows: number;
}

export interface PrepareOutput {
  bytes: number;
  counts: Record<string, number>;
  generateMs: number;
  backupMs: number;
  backupHeapStartMb: number;
  backupHeapPeakMb: number;
  preciseMemory: boolean;
  gc: boolean;
  userAgent: string;
}

const status = (text: string) => {
  document.getElementById('status')!.textContent = text;
  console.log(`[bench] ${text}`);
};

const heapMb = () => (performance.memory ? performance.memory.usedJSHeapSize / MB : 0);

/** Samples the heap every 50 ms and whenever `sample()` is called; returns the peak. */
function heapSampler() {
  let peak = heapMb();
  const sample = () => {
    peak = Math.max(peak, heapMb());
  };
  const timer = setInterval(sample, 50);
  return {
    sample,
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

const hex = (i: number) => (i.toString(16).padStart(8, '0') + 'ab').repeat(7).slice(0, 64);

async function fill(o: BenchOptions): Promise<void> {
  db.close();
  await db.delete();
  await db.open();
  await ensureSeeded();
  const unit = (code: string, name: string, level: UnitRecord['level']): UnitRecord => ({
    code,
    name,
    level,
    parentName: 'LĐLĐ huyện Dương Minh Châu',
    type: null,
    members: null,
    contact: '',
    phone: '',
    active: true,
    createdAt: T,
    updatedAt: T,
  });
  await db.units.put(unit(OWN, 'LĐLĐ huyện Dương Minh Châu', 'district'));
  await putSetting('ownUnitCode', OWN);
  await putSetting('setupDoneAt', T);
  // Imported reports: one active report per CĐCS, with the statuses an import materializes.
  for (let start = 0; start < o.submissions; start += 50) {
    const subs: SubmissionRecord[] = [];
    const units: UnitRecord[] = [];
    const statuses: ItemStatusRecord[] = [];
    for (let i = start; i < Math.min(o.submissions, start + 50); i++) {
      const report = numberedUnitReport(i, o.perReport, '2025-06-14T02:30:00.000Z');
      const id = `${hex(i).slice(0, 8)}-0000-4000-8000-${hex(i).slice(0, 12)}`;
      units.push(unit(report.unit.code, report.unit.name, 'grassroots'));
      subs.push({
        id,
        fileName: `BaoCao_${report.unit.code}.xlsx`,
        fileHash: hex(i),
        unitCode: report.unit.code,
        unitName: report.unit.name,
        level: 'grassroots',
        planId: BUILTIN_PLAN.id,
        planNumber: report.plan.number,
        planFingerprint: report.plan.fingerprint,
        periodKey: report.period.key,
        exportedAt: report.exportedAt,
        importedAt: T,
        state: 'active',
        counts: { items: report.items.length, activities: report.activities.length, indicators: report.indicators.length },
        unitCodes: [report.unit.code],
        report,
      });
      for (const it of report.items) {
        if (it.status === null) continue;
        statuses.push({ planId: BUILTIN_PLAN.id, unitCode: report.unit.code, periodKey: report.period.key, itemId: it.id, status: it.status, note: it.note, evidence: it.evidence, updatedAt: T, submissionId: id });
      }
    }
    await db.transaction('rw', db.units, db.submissions, db.itemStatuses, async () => {
      await db.units.bulkPut(units);
      await db.submissions.bulkPut(subs);
      await db.itemStatuses.bulkPut(statuses);
    });
  }
  // The district's own log.
  for (let start = 0; start < o.activities; start += 5000) {
    const rows: ActivityRecord[] = [];
    for (let i = start; i < Math.min(o.activities, start + 5000); i++) {
      const a: Activity = {
        id: `${hex(i + 1_000_000).slice(0, 8)}-1111-4000-8000-${hex(i).slice(0, 12)}`,
        planId: BUILTIN_PLAN.id,
        unitCode: OWN,
        date: `2025-0${1 + (i % 6)}-${String(1 + (i % 28)).padStart(2, '0')}`,
        itemIds: ['III.1.1'],
        type: 'propaganda',
        title: `Tuyên truyền Nghị quyết 43-NQ/TW cho đoàn viên, đợt ${i + 1}`,
        content: i % 2 === 0 ? 'Tổ chức tại hội trường; phát tài liệu, giải đáp thắc mắc của người lao động.' : '',
        location: 'Hội trường LĐLĐ huyện',
        participants: 20 + (i % 100),
        evidenceDoc: `${i + 1}/BC-LĐLĐ`,
        evidenceFile: '',
        indicators: { 'propaganda-sessions': 1 },
        createdAt: T,
        updatedAt: T,
        deletedAt: null,
      };
      rows.push({ ...a, searchText: activitySearchText(a) });
    }
    await db.activities.bulkPut(rows);
  }
}

async function freshDatabase(): Promise<void> {
  db.close();
  await db.delete();
  await db.open();
}

async function rowCount(): Promise<number> {
  let n = 0;
  for (const t of BACKUP_TABLES) n += await db.table(t).count();
  return n;
}

async function measure(name: CaseResult['case'], rep: number, run: (sample: () => void) => Promise<number>): Promise<CaseResult> {
  window.gc?.();
  await new Promise((r) => setTimeout(r, 50));
  const heapStartMb = heapMb();
  const sampler = heapSampler();
  console.log(`[bench] case ${name} ${rep}`);
  const t0 = performance.now();
  const rows = await run(sampler.sample);
  const ms = performance.now() - t0;
  console.log('[bench] end');
  const heapPeakMb = sampler.stop();
  status(`${name} rep ${rep + 1}: ${ms.toFixed(0)} ms, heap peak ${heapPeakMb.toFixed(0)} MB`);
  return { case: name, rep, ms, heapStartMb, heapPeakMb, rows };
}

/** The backup file is kept between page loads in a database of its own (as a Blob). */
const FILES_DB = 'bench-backup-files';

function filesDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(FILES_DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore('files');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function keepFile(bytes: Uint8Array): Promise<void> {
  const d = await filesDb();
  await new Promise<void>((resolve, reject) => {
    const tx = d.transaction('files', 'readwrite');
    tx.objectStore('files').put(new Blob([bytes as Uint8Array<ArrayBuffer>]), 'backup');
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  d.close();
}

async function keptFile(): Promise<Uint8Array> {
  const d = await filesDb();
  const blob = await new Promise<Blob>((resolve, reject) => {
    const req = d.transaction('files').objectStore('files').get('backup');
    req.onsuccess = () => resolve(req.result as Blob);
    req.onerror = () => reject(req.error);
  });
  d.close();
  return new Uint8Array(await blob.arrayBuffer());
}

/** First page load: fills the app's database, backs it up, keeps the file. */
window.prepareBackupBench = async (o: BenchOptions): Promise<PrepareOutput> => {
  status('filling the database');
  const g0 = performance.now();
  await fill(o);
  const generateMs = performance.now() - g0;
  window.gc?.();
  status('backing up');
  const backupSampler = heapSampler();
  const heapStart = heapMb();
  const b0 = performance.now();
  const backup = await createBackup();
  const backupMs = performance.now() - b0;
  const backupHeapPeakMb = backupSampler.stop();
  await keepFile(backup.bytes);
  status(`backup: ${(backup.bytes.length / MB).toFixed(0)} MB in ${backupMs.toFixed(0)} ms`);
  return {
    bytes: backup.bytes.length,
    counts: backup.counts as Record<string, number>,
    generateMs,
    backupMs,
    backupHeapStartMb: heapStart,
    backupHeapPeakMb,
    preciseMemory: performance.memory !== undefined,
    gc: typeof window.gc === 'function',
    userAgent: navigator.userAgent,
  };
};

/**
 * Each later page load: one case, in a fresh page (nothing of the other cases in memory). The
 * file is read from where prepare kept it; the baseline's records are parsed from it; neither is
 * timed. `merge` first restores the file (not timed), then merges it into that.
 */
window.runBackupCase = async (name: CaseResult['case'], rep: number): Promise<CaseResult> => {
  let bytes: Uint8Array | null = await keptFile();
  await freshDatabase();
  if (name === 'bulkPut') {
    // The baseline's input: the same records, parsed, in the batches the restore writes.
    const reader = new BackupReader(bytes, { validate: false, checksumVerified: true });
    reader.start();
    const batches: RowBatch[] = [...reader.rows()];
    bytes = null;
    return measure('bulkPut', rep, async (sample) => {
      await db.transaction('rw', BACKUP_TABLES.map((t) => db.table(t)), async () => {
        for (const b of batches) {
          await db.table(b.table).bulkPut(b.rows);
          sample();
        }
      });
      return rowCount();
    });
  }
  const file = bytes;
  if (name === 'restore') {
    return measure('restore', rep, async (sample) => {
      await restoreBackup(file, 'replace', { onProgress: sample });
      return rowCount();
    });
  }
  if (name === 'check') {
    return measure('check', rep, async (sample) => {
      const r = await inspectBackup(file, { onProgress: sample });
      if (!r.ok) throw new Error(r.message);
      return Object.values(r.counts).reduce((n, x) => n + (x ?? 0), 0);
    });
  }
  if (name === 'after') {
    // The dialog's check first (not timed here: it is the case above).
    const r = await inspectBackup(file);
    if (!r.ok) throw new Error(r.message);
    return measure('after', rep, async (sample) => {
      await restoreBackup(file, 'replace', { onProgress: sample });
      return rowCount();
    });
  }
  await restoreBackup(file, 'replace');
  return measure('merge', rep, async (sample) => {
    const r = await restoreBackup(file, 'merge', { onProgress: sample });
    if ((r.written.submissions ?? 0) !== 0) throw new Error('merge wrote reports that were already there');
    return rowCount();
  });
};

window.clearBackupBench = async (): Promise<void> => {
  await freshDatabase();
  db.close();
  await new Promise((r) => {
    const req = indexedDB.deleteDatabase(FILES_DB);
    req.onsuccess = req.onerror = () => r(undefined);
  });
};

window.backupBenchReady = true;
status('ready');
