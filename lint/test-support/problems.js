import path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

/** Every message ESLint gives on `code` as the file `file` (relative to the repository), parse errors included. */
export async function messages(file, code) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages;
}

/** The rooms rule's messages on `code` as the file `file`. */
export async function problems(file, code) {
  return (await messages(file, code)).filter((m) => m.ruleId === 'rooms/imports').map((m) => m.message);
}
