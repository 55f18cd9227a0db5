/**
 * Settings (one record per key) and who issues the exported reports. Each write is one
 * transaction.
 */
import { cleanLine } from '@domain/fields';
import { db } from './db';
import { type Issuer, type SettingKey, type SettingValues } from './types';


export async function putSetting<K extends SettingKey>(key: K, value: SettingValues[K]): Promise<void> {
  await db.settings.put({ key, value });
}

export async function getSetting<K extends SettingKey>(key: K): Promise<SettingValues[K] | undefined> {
  const rec = await db.settings.get(key);
  return rec?.value as SettingValues[K] | undefined;
}

// ---------------------------------------------------------------------------------------------
// Who issues the exported reports.

/** Characters kept of «Nơi ban hành» and «Người xuất» (the export forms' limit). */
export const ISSUER_MAX = 100;

/** «Nơi ban hành» and «Người xuất» as last used on this installation ('' when never given). */
export async function getIssuer(): Promise<Issuer> {
  const stored = await getSetting('issuer');
  return { place: stored?.place ?? '', exportedBy: stored?.exportedBy ?? '' };
}

/** Remembers them for the next export (of any report): one line each, NFC. */
export async function saveIssuer(issuer: Issuer): Promise<Issuer> {
  const clean = (s: string) => cleanLine(s).slice(0, ISSUER_MAX);
  const value: Issuer = { place: clean(issuer.place), exportedBy: clean(issuer.exportedBy) };
  await db.transaction('rw', db.settings, () => putSetting('issuer', value));
  return value;
}

