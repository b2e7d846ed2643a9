import type { SafeStorage } from 'electron';
import type { SecretProtector } from '../host/hub/hub-credentials';

export type ShellSafeStorage = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

/**
 * The OS keychain through Electron's safeStorage (Keychain on macOS, DPAPI on Windows, the
 * Secret Service or KWallet on Linux), for the device token and the till's signing key. None
 * where it has no real keychain: on Linux without one, safeStorage falls back to a fixed
 * password ("basic_text"), no better than the 0600 file the host keeps without a protector.
 */
export function safeStorageProtector(safeStorage: ShellSafeStorage | undefined, platform: NodeJS.Platform): SecretProtector | undefined {
  if (!safeStorage?.isEncryptionAvailable()) return undefined;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return undefined;
  return {
    encrypt: (text) => safeStorage.encryptString(text),
    decrypt: (data) => safeStorage.decryptString(data),
  };
}
