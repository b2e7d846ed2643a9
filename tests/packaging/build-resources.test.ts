import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_DIR } from './builder-config';
import { readPng } from './png-info';
import { readBooleanPlist } from './plist';

/** The files build/electron-builder.yml points at: entitlements, icons, the udev rule and the deb scripts. */
const read = (...parts: string[]): string => readFileSync(path.join(BUILD_DIR, ...parts), 'utf8');

describe('build/entitlements.mac.plist', () => {
  const entitlements = readBooleanPlist(read('entitlements.mac.plist'));

  it('parses as a plist of boolean entitlements', () => {
    expect(Object.keys(entitlements).length).toBeGreaterThan(0);
    expect(() => readBooleanPlist('<plist version="1.0"><dict><key>a</key><string>x</string></dict></plist>')).toThrow();
  });

  it('grants JIT (V8 needs it under the hardened runtime) and the USB and serial devices', () => {
    expect(entitlements).toMatchObject({
      'com.apple.security.cs.allow-jit': true,
      'com.apple.security.device.usb': true,
      'com.apple.security.device.serial': true,
    });
  });

  it('grants none of the exceptions a modern Electron does not need', () => {
    for (const key of [
      'com.apple.security.cs.allow-unsigned-executable-memory',
      'com.apple.security.cs.disable-library-validation',
      'com.apple.security.cs.allow-dyld-environment-variables',
      'com.apple.security.cs.disable-executable-page-protection',
      'com.apple.security.get-task-allow',
    ]) {
      expect(entitlements).not.toHaveProperty([key]);
    }
  });
});

describe('build/icons', () => {
  it.each([512, 256])('has a valid square PNG of %i pixels', (size) => {
    const info = readPng(readFileSync(path.join(BUILD_DIR, 'icons', `${size}x${size}.png`)));
    expect(info).toMatchObject({ width: size, height: size, bitDepth: 8 });
  });

  it('would notice a corrupt PNG', () => {
    const bytes = Buffer.from(readFileSync(path.join(BUILD_DIR, 'icons', '256x256.png')));
    bytes[40] = bytes[40]! ^ 0xff;
    expect(() => readPng(bytes)).toThrow();
  });
});

describe('build/linux/70-pos-hid-scanners.rules', () => {
  const rules = read('linux', '70-pos-hid-scanners.rules');
  const lines = rules.split('\n').filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));

  it('opens hidraw to the seat’s user for Honeywell (0c2e, 23d0), Zebra (05e0) and Datalogic (05f9)', () => {
    for (const vendor of ['0c2e', '23d0', '05e0', '05f9']) {
      expect(lines).toContain(`SUBSYSTEM=="hidraw", ATTRS{idVendor}=="${vendor}", MODE="0660", TAG+="uaccess"`);
    }
  });

  it('holds only such rules (udev allows no comment after a rule, and nothing world-writable)', () => {
    for (const line of lines) {
      expect(line).toMatch(/^SUBSYSTEM=="hidraw", ATTRS\{idVendor\}=="[0-9a-f]{4}", MODE="0660", TAG\+="uaccess"$/);
    }
  });
});

/** What electron-builder does to the scripts before fpm gets them: fill the macros, fail on any other. */
function expandMacros(script: string): string {
  const values: Record<string, string> = { executable: 'pos-caisse', sanitizedProductName: 'POS Caisse', productFilename: 'POS Caisse' };
  return script.replace(/\$\{([a-zA-Z]+)\}/g, (_match, name: string) => {
    if (!(name in values)) throw new Error(`Macro ${name} is not defined`);
    return values[name]!;
  });
}

describe.each(['after-install.sh', 'after-remove.sh'])('build/linux/%s', (name) => {
  const script = read('linux', name);

  it('uses only the macros electron-builder defines, and is valid bash once they are filled', () => {
    const expanded = expandMacros(script);
    const check = spawnSync('bash', ['-n'], { input: expanded, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('still does the duties of electron-builder’s default script it replaces', () => {
    expect(script).toMatch(/update-alternatives --(install|remove)/);
    expect(script).toContain('apparmor');
  });
});

describe('build/linux/after-install.sh', () => {
  const script = read('linux', 'after-install.sh');

  it('installs the scanner rule from the package resources and reloads udev', () => {
    expect(script).toContain('resources/udev/70-pos-hid-scanners.rules');
    expect(script).toContain('/etc/udev/rules.d/70-pos-hid-scanners.rules');
    expect(script).toContain('udevadm control --reload-rules');
    expect(script).toContain('udevadm trigger');
  });

  it('keeps the Chromium sandbox helper working', () => {
    expect(script).toContain('chrome-sandbox');
  });
});
