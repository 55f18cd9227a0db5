import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';

// electron-builder cannot package here (it downloads Electron), but its own schema check runs
// offline: this is the same validation `electron-builder` performs before building.
const root = resolve(__dirname, '../..');

async function loadConfig() {
  return getConfig(root, resolve(root, 'electron-builder.yml'), null);
}

describe('electron-builder configuration', () => {
  it("passes app-builder-lib's own validation", async () => {
    const config = await loadConfig();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the validation is real: an unknown key fails it', async () => {
    const config = { ...(await loadConfig()), notAnElectronBuilderKey: true } as Parameters<typeof validateConfiguration>[0];
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/notAnElectronBuilderKey/);
  });

  it('builds per-user Windows installers, a portable exe, Linux and macOS packages, with no updates', async () => {
    const config = await loadConfig();
    expect(config.productName).toBe('Sổ Kế hoạch Công đoàn');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.publish).toBeNull();
    expect(config.win?.target).toEqual(['nsis', 'portable']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false });
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.icon).toBe('resources/icons/icon.png');
  });

  it('flips the Electron fuses that lock the packaged app down', async () => {
    const config = await loadConfig();
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

  it('the validation knows the fuses: a misspelled one fails it', async () => {
    const config = await loadConfig();
    const wrong = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } } as Parameters<typeof validateConfiguration>[0];
    await expect(validateConfiguration(wrong, new DebugLogger(false))).rejects.toThrow(/configuration\.electronFuses/);
  });
});

