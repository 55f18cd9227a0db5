import { app } from 'electron';
import type { Handlers } from '../ipc';

export const getVersion: Handlers['app:getVersion'] = async () => app.getVersion();

export const getDataFolder: Handlers['app:getDataFolder'] = async () => app.getPath('userData');
