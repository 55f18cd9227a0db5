import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import type { Configuration } from 'electron-builder';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

// electron-builder cannot package here (it downloads Electron), but the JSON Schema it checks
// every configuration against ships with it (app-builder-lib's published scheme.json): the same
// rules, read offline, without reaching into electron-builder's internals.
const root = resolve(__dirname, '../..');
const schema = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

function loadConfig(): Configuration {
  return load(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')) as Configuration;
}

/** The schema's complaints about `config` (empty when it is valid). */
function problemsOf(config: unknown): string[] {
  return validate(config) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

describe('electron-builder configuration', () => {
  it("passes electron-builder's own schema", () => {
    expect(problemsOf(loadConfig())).toEqual([]);
  });

  it('the validation is real: an unknown key fails it', () => {
    expect(problemsOf({ ...loadConfig(), notAnElectronBuilderKey: true }).join('\n')).toMatch(/notAnElectronBuilderKey/);
  });

  it('builds per-user Windows installers, a portable exe, Linux and macOS packages, with no updates', () => {
    const config = loadConfig();
    expect(config.productName).toBe('Sổ Kế hoạch Công đoàn');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.publish).toBeNull();
    expect(config.win?.target).toEqual(['nsis', 'portable']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false });
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.icon).toBe('resources/icons/icon.png');
  });

  it('flips the Electron fuses that lock the packaged app down', () => {
    const config = loadConfig();
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
    // Loading only from app.asar needs the app packed in one: asar must not be turned off.
    expect(config.asar ?? true).not.toBe(false);
  });

  it('the validation knows the fuses: a misspelled one fails it', () => {
    const config = loadConfig();
    const wrong = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } };
    expect(problemsOf(wrong).join('\n')).toMatch(/^\/electronFuses .*runAsNod/m);
  });
});

