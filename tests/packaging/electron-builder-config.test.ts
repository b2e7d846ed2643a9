import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { resolveAppPaths } from '../../electron/src/main/app-paths';
import { BUILD_DIR, loadBuilderConfig, PROJECT_DIR, REPO_ROOT, requireFromRoot } from './builder-config';
import type { BuilderConfig } from './builder-config';

/**
 * build/electron-builder.yml cannot be exercised here (packaging downloads Electron), so it is held to
 * electron-builder's own JSON schema and to the settings the till's security and hardware depend on.
 */
const raw = loadBuilderConfig();
const config = raw as BuilderConfig;

function validator() {
  const schema: unknown = JSON.parse(readFileSync(requireFromRoot.resolve('app-builder-lib/scheme.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
  // electron-builder's schema marks function-valued hooks with ajv-keywords' `typeof`.
  ajv.addKeyword({ keyword: 'typeof', schemaType: 'string', validate: (type: string, data: unknown) => typeof data === type });
  return ajv.compile(schema as object);
}

describe('build/electron-builder.yml', () => {
  const validate = validator();

  it('is valid against electron-builder’s schema', () => {
    const valid = validate(raw);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is checked by a schema that would catch a misspelt or mistyped key', () => {
    expect(validate({ ...config, npmRebiuld: false })).toBe(false);
    expect(validate({ ...config, mac: { ...config.mac, hardenedRuntime: 'yes' } })).toBe(false);
  });

  it('names the app and puts packages outside the sources', () => {
    expect(config.appId).toBe('eu.openpos.till');
    expect(config.productName).toBeTruthy();
    expect(path.resolve(PROJECT_DIR, config.directories.output)).toBe(path.join(REPO_ROOT, 'dist-packages'));
    expect(path.resolve(PROJECT_DIR, config.directories.buildResources)).toBe(BUILD_DIR);
  });

  it('ships the bundles, and the renderer where the main process looks for it', () => {
    expect(config.files).toContain('dist/**/*');
    const renderer = config.extraResources.find((set) => set.to === 'renderer');
    expect(renderer && path.resolve(PROJECT_DIR, renderer.from)).toBe(path.join(REPO_ROOT, 'renderer', 'dist'));
    const packaged = resolveAppPaths({
      mainDir: '/app/resources/app.asar/dist',
      isPackaged: true,
      resourcesPath: '/app/resources',
      rendererOverride: null,
    });
    expect(packaged.rendererIndex).toBe(path.join('/app/resources', renderer!.to, 'index.html'));
  });

  it('packs the app in an asar, keeps the native addons on disk, and never rebuilds them', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/node-hid/**', '**/node_modules/@serialport/**']));
    expect(config.npmRebuild).toBe(false);
  });

  it('flips the Electron fuses that close side doors into the app', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
    // The renderer is a file:// page with module scripts: taking file:// privileges away would blank it.
    expect(config.electronFuses).not.toHaveProperty('grantFileProtocolExtraPrivileges', false);
  });

  it('publishes to a generic server whose URL each deployment provides', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.POS_UPDATE_URL}' });
  });

  it('builds an assisted, per-machine Windows installer', () => {
    expect(config.win.target).toContain('nsis');
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true });
  });

  it('signs the Mac app with the hardened runtime and our entitlements, and ships the zip updates need', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.category).toBe('public.app-category.business');
    expect(config.mac.target).toEqual(expect.arrayContaining(['dmg', 'zip']));
    // codesign reads these relative to the working directory: the repository root, where `npm run dist` runs.
    expect(path.resolve(REPO_ROOT, config.mac.entitlements)).toBe(path.join(BUILD_DIR, 'entitlements.mac.plist'));
    expect(path.resolve(REPO_ROOT, config.mac.entitlementsInherit)).toBe(path.join(BUILD_DIR, 'entitlements.mac.plist'));
    expect(existsSync(path.resolve(REPO_ROOT, config.mac.entitlements))).toBe(true);
  });

  it('builds an AppImage and a .deb that depends on libusb and udev and installs the scanner rule', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.linux.category).toBe('Office');
    expect(config.deb.depends).toEqual(expect.arrayContaining(['libusb-1.0-0', 'udev', 'libnss3', 'libgtk-3-0']));
    const rule = config.linux.extraResources.find((set) => set.to === 'udev/70-pos-hid-scanners.rules');
    expect(rule && existsSync(path.resolve(PROJECT_DIR, rule.from))).toBe(true);
    expect(path.resolve(PROJECT_DIR, config.deb.afterInstall)).toBe(path.join(BUILD_DIR, 'linux', 'after-install.sh'));
    expect(path.resolve(PROJECT_DIR, config.deb.afterRemove)).toBe(path.join(BUILD_DIR, 'linux', 'after-remove.sh'));
  });

  it('finds its icons where electron-builder looks: build/icons', () => {
    expect(existsSync(path.join(BUILD_DIR, config.icon, '512x512.png'))).toBe(true);
  });
});
