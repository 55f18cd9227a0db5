export declare const INSTALL_TIMEOUT_MS: number;
export declare const BROWSER_URL: string;
export declare const MISSING_SHELL_MESSAGE: string;
export interface InstallOutcome {
  ok: boolean;
  reason: string;
}
export declare function findElectronBinary(electronDir: string, env?: NodeJS.ProcessEnv): string | null;
export declare function tryInstallElectron(electronDir: string, timeoutMs?: number): InstallOutcome;
export declare function resolveElectron(
  electronDir: string,
  options?: { install?: (electronDir: string) => InstallOutcome; env?: NodeJS.ProcessEnv },
): { binary: string | null; attempted: boolean; reason?: string };
