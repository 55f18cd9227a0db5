import { contextBridge } from 'electron';
contextBridge.exposeInMainWorld('sokh', {});
