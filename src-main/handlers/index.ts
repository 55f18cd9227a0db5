import type { Handlers } from '../ipc';
import { getDataFolder, getVersion } from './app-info';
import { openFiles, saveFile } from './files';

/** Every channel of the contract, exactly once: a missing or extra key fails to compile. */
export const handlers = {
  'app:getVersion': getVersion,
  'app:getDataFolder': getDataFolder,
  'file:save': saveFile,
  'file:open': openFiles,
} satisfies Handlers;
