// js-yaml arrives with electron-builder (which reads its YAML config with it) and has no bundled types.
// Only what the packaging tests use. Delete this file if @types/js-yaml is ever added.
declare module 'js-yaml' {
  export function load(text: string, options?: { filename?: string }): unknown;
}
