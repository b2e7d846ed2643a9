import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireFromRoot } from './builder-config';

/**
 * build/electron-builder.yml sets npmRebuild: false. That is only safe if the native addons ship prebuilt
 * binaries for every target platform AND those binaries use N-API, whose ABI is stable across Node and
 * Electron (an addon built against Node's own ABI would refuse to load in Electron). This checks both,
 * on the files that are really installed.
 */
const hidDir = path.dirname(requireFromRoot.resolve('node-hid/package.json'));
const serialportDir = path.dirname(requireFromRoot.resolve('serialport/package.json'));
const bindingsDir = path.dirname(createRequire(path.join(serialportDir, 'package.json')).resolve('@serialport/bindings-cpp/package.json'));

type PackageJson = { binary?: { napi_versions?: number[] }; scripts?: Record<string, string> };
const packageJson = (dir: string): PackageJson => JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;

/** Executable formats: ELF (Linux), PE (Windows), Mach-O 64-bit, and a universal (fat) Mach-O. */
function format(bytes: Buffer): 'elf' | 'pe' | 'macho' | 'macho-universal' | 'unknown' {
  const magic = bytes.readUInt32BE(0);
  if (magic === 0x7f454c46) return 'elf';
  if (bytes.readUInt16BE(0) === 0x4d5a) return 'pe';
  if (magic === 0xcffaedfe) return 'macho';
  if (magic === 0xcafebabe) return 'macho-universal';
  return 'unknown';
}

/**
 * An N-API addon registers through napi_register_module_v1 (or napi_module_register in older
 * node-addon-api builds); a Node-ABI addon exports node_register_module_v<ABI> and links V8 symbols.
 */
function isNapiAddon(bytes: Buffer): boolean {
  const text = bytes.toString('latin1');
  const napi = text.includes('napi_register_module_v1') || text.includes('napi_module_register');
  return napi && !text.includes('node_register_module_v') && !text.includes('_ZN2v8');
}

function addonsIn(dir: string): string[] {
  return readdirSync(dir).filter((file) => file.endsWith('.node'));
}

describe('node-hid prebuilds', () => {
  const prebuilds = path.join(hidDir, 'prebuilds');
  const cases = [
    { dir: 'HID-win32-x64', format: 'pe' },
    { dir: 'HID-darwin-x64', format: 'macho' },
    { dir: 'HID-darwin-arm64', format: 'macho' },
    { dir: 'HID-linux-x64', format: 'elf' },
    // node-hid's default driver on Linux.
    { dir: 'HID_hidraw-linux-x64', format: 'elf' },
  ] as const;

  it('declares N-API builds in package.json', () => {
    expect(packageJson(hidDir).binary?.napi_versions?.length).toBeGreaterThan(0);
  });

  it.each(cases)('ships an N-API $dir binary', ({ dir, format: expected }) => {
    const files = addonsIn(path.join(prebuilds, dir));
    expect(files).toContain('node-napi-v4.node');
    for (const file of files) {
      const bytes = readFileSync(path.join(prebuilds, dir, file));
      expect(format(bytes)).toBe(expected);
      expect(isNapiAddon(bytes)).toBe(true);
    }
  });
});

describe('@serialport/bindings-cpp prebuilds', () => {
  const prebuilds = path.join(bindingsDir, 'prebuilds');
  const cases = [
    { dir: 'win32-x64', format: 'pe' },
    // One universal binary serves Intel and Apple silicon Macs.
    { dir: 'darwin-x64+arm64', format: 'macho-universal' },
    { dir: 'linux-x64', format: 'elf' },
  ] as const;

  it('is built with prebuildify --napi and declares N-API in package.json', () => {
    const pkg = packageJson(bindingsDir);
    expect(pkg.binary?.napi_versions?.length).toBeGreaterThan(0);
    expect(pkg.scripts?.prebuildify).toContain('--napi');
  });

  it.each(cases)('ships an N-API $dir binary', ({ dir, format: expected }) => {
    const files = addonsIn(path.join(prebuilds, dir));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      // No ABI tag (like "abi127") in the name: node-gyp-build loads it in any runtime, which is right for N-API only.
      expect(file).not.toMatch(/abi\d+/);
      const bytes = readFileSync(path.join(prebuilds, dir, file));
      expect(format(bytes)).toBe(expected);
      expect(isNapiAddon(bytes)).toBe(true);
    }
  });

  it('has a glibc build for ordinary Linux tills', () => {
    expect(addonsIn(path.join(prebuilds, 'linux-x64'))).toContain('@serialport+bindings-cpp.glibc.node');
  });
});
