import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { load } from 'js-yaml';

/** Paths the packaging tests share. electron-builder runs from the repository root with --projectDir electron. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const PROJECT_DIR = path.join(REPO_ROOT, 'electron');
export const BUILD_DIR = path.join(REPO_ROOT, 'build');
export const CONFIG_FILE = path.join(BUILD_DIR, 'electron-builder.yml');

/** Resolves packages the way the repository's code does. */
export const requireFromRoot = createRequire(path.join(REPO_ROOT, 'package.json'));

type FileSet = { from: string; to: string; filter?: string[] };

/** The parts of electron-builder's configuration the tests read; the schema checks the rest. */
export type BuilderConfig = {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  extraResources: FileSet[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  icon: string;
  electronFuses: Record<string, boolean>;
  publish: { provider: string; url: string };
  win: { target: string[] };
  nsis: { oneClick: boolean; perMachine: boolean };
  mac: { target: string[]; category: string; hardenedRuntime: boolean; entitlements: string; entitlementsInherit: string };
  linux: { target: string[]; category: string; extraResources: FileSet[] };
  deb: { depends: string[]; afterInstall: string; afterRemove: string };
};

/** Parsed with js-yaml, the parser electron-builder itself reads YAML configuration with. */
export function loadBuilderConfig(): unknown {
  return load(readFileSync(CONFIG_FILE, 'utf8'), { filename: CONFIG_FILE });
}
