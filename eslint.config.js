// @ts-check
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import rooms, { CODE_KINDS, DATA_KINDS, ROOMS, guardParser, opaqueParser } from './lint/rooms.js';

const root = import.meta.dirname;
const code = CODE_KINDS.map((kind) => `**/*.${kind}`);

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '.cache/**', 'coverage/**', 'build/**/*.js'],
  },
  ...tseslint.configs.recommended,
  {
    files: code,
    plugins: { rooms },
    // typescript-eslint's parser, with the comments that would turn rooms/imports off disarmed.
    languageOptions: { parser: guardParser(tseslint.parser) },
    rules: {
      'rooms/imports': ['error', { root }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "Property[key.name='$regex']", message: 'Never $regex a collection: it scans everything. Use an index range.' },
        { selector: "Property[key.value='$regex']", message: 'Never $regex a collection: it scans everything. Use an index range.' },
      ],
    },
  },
  {
    // Every other file in a room (`*.*` and extensionless: ESLint skips patterns that end in a bare `**`):
    // the rule cannot read it, so it reports it, unless its kind is data that never runs. Hidden files
    // (.DS_Store, an editor's .x.ts.swp) are litter no tool runs; hidden code is read by the block above.
    files: ROOMS.flatMap((room) => [`${room.dir}/**/*.*`, `${room.dir}/**/!(*.*)`]),
    ignores: [...code, ...DATA_KINDS.map((kind) => `**/*.${kind}`), '**/.*'],
    plugins: { rooms },
    languageOptions: { parser: opaqueParser },
    rules: { 'rooms/imports': ['error', { root }] },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}', 'sync-server/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'tests/**', 'bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
