import type { Handlers } from '../ipc';
import { getDataFolder, getVersion } from './app-info';
import { copyLatestAutoBackup, listAutoBackups, quitBackupDone, readLatestAutoBackup, writeAutoBackup } from './backups';
import { cancelExport, saveWorkbook, writeWorkbook } from './exports';
import { openFiles, saveFile } from './files';

/** Every channel of the contract, exactly once: a missing or extra key fails to compile. */
export const handlers = {
  'app:getVersion': getVersion,
  'app:getDataFolder': getDataFolder,
  'file:save': saveFile,
  'file:open': openFiles,
  'export:write': writeWorkbook,
  'export:save': saveWorkbook,
  'export:cancel': cancelExport,
  'backup:writeAuto': writeAutoBackup,
  'backup:list': listAutoBackups,
  'backup:readLatest': readLatestAutoBackup,
  'backup:copyLatestTo': copyLatestAutoBackup,
  'backup:quitDone': quitBackupDone,
} satisfies Handlers;
