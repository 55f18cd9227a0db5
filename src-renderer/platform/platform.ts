/**
 * What features may ask of the machine they run on. Two implementations: the desktop one
 * (Electron, through the preload's `window.sokh`) and the browser one (downloads and file
 * inputs), so every screen runs, and is tested, in a plain browser unchanged.
 */
import type { AutoBackupList, ChannelInput, ChannelOutput, OpenedFile } from '@contract';
import type { StreamedWorkbookJob } from '@exchange/workbook-job';

export type { AutoBackupList, OpenedFile };

export interface FileFilter {
  /** Shown in the dialog, e.g. "Tệp Word". */
  name: string;
  /** Without dots: ["docx"]. */
  extensions: string[];
}

export interface OpenFilesOptions {
  multiple?: boolean;
  filters?: FileFilter[];
  /** Largest file accepted (bytes); default MAX_OPEN_FILE_BYTES, at most MAX_BACKUP_FILE_BYTES. */
  maxBytes?: number;
}

export interface SaveResult {
  /** False when the officer cancelled the save dialog. */
  saved: boolean;
  /** Where it went, when the platform knows (desktop only). */
  path?: string;
}

export interface Platform {
  kind: 'desktop' | 'browser';
  /** Offers `bytes` to be saved as `name` (a dialog on desktop, a download in the browser). */
  saveFile(name: string, bytes: Uint8Array, filters?: FileFilter[]): Promise<SaveResult>;
  /**
   * Lets the officer choose files and returns their bytes; [] when cancelled. Throws
   * PlatformError (Vietnamese message) when a chosen file is too large or unreadable.
   */
  openFiles(options?: OpenFilesOptions): Promise<OpenedFile[]>;
  getVersion(): Promise<string>;
  /** Automatic backups on disk (desktop only; absent in the browser). */
  autoBackups?: AutoBackups;
  /**
   * Desktop only: exported workbooks (all but the template) written by the shell, streaming into
   * a file, so a large one is never held whole in memory. The browser writes them in its worker
   * and saves the bytes.
   */
  workbookFiles?: WorkbookFiles;
}

export interface WorkbookFiles {
  /**
   * Writes the job into a file of the shell's own, reporting rows written. Rejects with an Error
   * whose message is for the officer, or when `signal` aborts it (nothing is left behind then).
   */
  write(job: StreamedWorkbookJob, onProgress: (done: number, total: number) => void, signal: AbortSignal): Promise<WrittenWorkbook>;
}

/** A workbook the shell wrote: offered to the officer (save dialog), or dropped. */
export interface WrittenWorkbook {
  save(name: string, filters?: FileFilter[]): Promise<SaveResult>;
  discard(): Promise<void>;
}

/** The desktop shell's automatic backups in userData/backups. */
export interface AutoBackups {
  write(input: Omit<ChannelInput<'backup:writeAuto'>, 'bytes'> & { bytes: Uint8Array }): Promise<AutoBackupList>;
  list(): Promise<AutoBackupList>;
  readLatest(): Promise<ChannelOutput<'backup:readLatest'>>;
  copyLatest(): Promise<ChannelOutput<'backup:copyLatestTo'>>;
  /** `listener` runs when the app is closing; it must call `done()` when its backup is written. */
  onCloseRequest(listener: () => void): () => void;
  done(): Promise<void>;
}

/** A platform action failed in a way the officer can act on; `message` is Vietnamese. */
export class PlatformError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlatformError';
  }
}

export function rejectedMessage(rejected: readonly { name: string; reason: 'too-large' | 'unreadable' }[], maxBytes: number): string {
  const mb = Math.round(maxBytes / (1024 * 1024));
  return rejected
    .map((r) => (r.reason === 'too-large' ? `Tệp "${r.name}" quá lớn (tối đa ${mb} MB).` : `Không đọc được tệp "${r.name}".`))
    .join(' ');
}
