import { readFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { formatEnrollmentCode } from '@pos/core';
import { HubError } from '../errors/hub-error';
import { DEFAULT_HOST, DEFAULT_PORT } from '../server';
import { openAdminBackend, type AdminBackend } from './admin-backend';
import { databaseConfig } from './hub-location';
import { serve } from './serve-command';

export const USAGE = `Usage: npm run hub -- <command> [options]

  serve   [--port ${DEFAULT_PORT}] [--host ${DEFAULT_HOST}] [--data-dir DIR] [--tls-cert FILE --tls-key FILE]
          Runs the hub. DATABASE_URL selects PostgreSQL; otherwise PGlite in --data-dir (default .data/hub).
  store create --id S001 --name "Lyon Part-Dieu"
  till create  --store S001 --till T01 [--label "Till 1"]
  enroll       --store S001 --till T01 [--ttl-hours 24]     prints a one-time enrollment code
  revoke       --store S001 --till T01                      revokes the till's device tokens

Admin commands take --data-dir too; while a hub serves that directory they go through it.`;

export type CliIo = {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: NodeJS.ProcessEnv;
  /** Resolves when the served hub should stop (SIGINT/SIGTERM for the real command line). */
  readonly untilStopped: () => Promise<string>;
};

class UsageError extends Error {}

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'data-dir': { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  id: { type: 'string' },
  name: { type: 'string' },
  store: { type: 'string' },
  till: { type: 'string' },
  label: { type: 'string' },
  'ttl-hours': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function required(values: Values, name: 'id' | 'name' | 'store' | 'till'): string {
  const value = values[name];
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

function positiveNumber(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${name} must be a number`);
  return n;
}

async function adminCommand(command: string, values: Values, backend: AdminBackend, out: (line: string) => void): Promise<void> {
  switch (command) {
    case 'store create': {
      const store = await backend.createStore({ storeId: required(values, 'id'), name: required(values, 'name') });
      out(`Store ${store.storeId} created (${store.name})`);
      return;
    }
    case 'till create': {
      const till = await backend.createTill({ storeId: required(values, 'store'), tillId: required(values, 'till'), ...(values.label ? { label: values.label } : {}) });
      out(`Till ${till.tillId} of store ${till.storeId} created`);
      return;
    }
    case 'enroll': {
      const ttlHours = positiveNumber(values['ttl-hours'], 'ttl-hours');
      const issued = await backend.issueCode({ storeId: required(values, 'store'), tillId: required(values, 'till'), ...(ttlHours ? { ttlHours } : {}) });
      out(`Enrollment code for till ${issued.tillId} of store ${issued.storeId}: ${formatEnrollmentCode(issued.code)}`);
      out(`Valid once, until ${issued.expiresAt}. Type it on the till with the hub's address.`);
      return;
    }
    case 'revoke': {
      const storeId = required(values, 'store');
      const tillId = required(values, 'till');
      const { revokedTokens } = await backend.revoke({ storeId, tillId });
      out(`Till ${tillId} of store ${storeId}: ${revokedTokens} device token${revokedTokens === 1 ? '' : 's'} revoked; enroll it again to use it`);
      return;
    }
    default:
      throw new UsageError(`Unknown command "${command}"`);
  }
}

/** The command line, testable: returns the exit code (0 done, 1 refused or failed, 2 usage). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const out = (line: string) => io.stdout.write(`${line}\n`);
  const err = (line: string) => io.stderr.write(`${line}\n`);
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    err(`pos-hub: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') {
    out(USAGE);
    return 0;
  }
  const command = positionals.length === 0 ? 'serve' : positionals.slice(0, positionals[0] === 'store' || positionals[0] === 'till' ? 2 : 1).join(' ');
  const database = databaseConfig(io.env, values['data-dir']);
  try {
    if (command === 'serve') {
      const port = positiveNumber(values.port, 'port') ?? DEFAULT_PORT;
      if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined)) throw new UsageError('--tls-cert and --tls-key go together');
      const tls =
        values['tls-cert'] && values['tls-key'] ? { cert: await readFile(values['tls-cert'], 'utf8'), key: await readFile(values['tls-key'], 'utf8') } : undefined;
      const hub = await serve({ database, port, host: values.host ?? DEFAULT_HOST, logStream: io.stderr, ...(tls ? { tls } : {}), ...(io.env.LOG_LEVEL ? { logLevel: io.env.LOG_LEVEL } : {}) });
      const where = database.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${database.dataDir}`;
      out(`POS hub ready at ${hub.url} (${where})`);
      const signal = await io.untilStopped();
      err(`pos-hub: ${signal} received, shutting down (finishing requests in flight)`);
      await hub.close();
      return 0;
    }
    const backend = await openAdminBackend(database);
    try {
      await adminCommand(command, values, backend, out);
    } finally {
      await backend.close();
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      err(`pos-hub: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof HubError) {
      err(`pos-hub: ${error.message}`);
      return 1;
    }
    err(`pos-hub: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}
