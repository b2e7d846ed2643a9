import { readFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import {
  DEMO_CATALOG_SIZE,
  EVERY_PERMISSION,
  formatEnrollmentCode,
  isPermission,
  isStoreRole,
  STORE_ROLES,
  type Permission,
  type StoreRole,
} from '@pos/core';
import type { ImportRowError } from '@pos/core/sync/head-office-api';
import type { StaffInfo } from '../admin/staff';
import { HubError } from '../errors/hub-error';
import { DEFAULT_HOST, DEFAULT_PORT, type HubOptions } from '../server';
import { openAdminBackend, type AdminBackend } from './admin-backend';
import { archiveCommand } from './archive-command';
import { databaseConfig } from './hub-location';
import { runProjectors } from './projectors-command';
import { serve } from './serve-command';
import { loadWalletConfig } from '../wallet/wallet-config-file';
import { WalletError } from '../wallet/wallet-error';
import { USER_USAGE, userCommand, UserUsageError } from './user-command';

export const USAGE = `Usage: npm run hub -- <command> [options]

  serve   [--port ${DEFAULT_PORT}] [--host ${DEFAULT_HOST}] [--data-dir DIR] [--tls-cert FILE --tls-key FILE]
          [--demo] [--demo-products N] [--trust-proxy ADDRESSES|true] [--request-timeout SECONDS]
          [--without-projectors] [--wallet-config FILE]
          Runs the hub. DATABASE_URL selects PostgreSQL; otherwise PGlite in --data-dir (default .data/hub).
          --demo creates what is missing of the demo store S001 (till T01, settings, ${DEMO_CATALOG_SIZE} products);
          --demo-products N does so with a generated catalog of N products.
          With --demo, the demo administrator admin@demo.local too (its password in DIR/demo-admin.json).
          --trust-proxy: behind a load balancer, its addresses (comma-separated, CIDR allowed), so the
          per-address limits see the client's address (X-Forwarded-For).
          --request-timeout: seconds a whole request may take to arrive (default 120).
          --without-projectors: this hub answers requests only; run "projectors" beside it (PostgreSQL).
          --wallet-config (or POS_WALLET_CONFIG): the Apple and Google wallet certificates for the members'
          cards (docs/operations.md, "Wallet passes"); without it members get the on-screen QR card.
  projectors
          Runs the chain verifier and the stock, closing and reporting projections in a process of
          their own (PostgreSQL), beside hubs serving --without-projectors: under hundreds of tills,
          the lag from a push to the dashboard stays short. Stops on SIGINT/SIGTERM.
  store create --id S001 --name "Lyon Part-Dieu"
  till create  --store S001 --till T01 [--label "Till 1"]
  enroll       --store S001 --till T01 [--ttl-hours 24]     prints a one-time enrollment code
  revoke       --store S001 --till T01                      revokes the till's device tokens
  import       products.csv [--dry-run]                     imports products (all rows or none; format in sync-server/README.md)
  admin create-token --label "Head office ERP"             prints a new admin token once (the hub keeps its hash)
  admin list-tokens  [--all]                               admin tokens: id, created, label (--all: revoked ones too)
  admin revoke-token --id 0123456789ab                     revokes one, at once
  archive      --store S001 --from 2026-01-01 --to 2026-12-31 --out archive.zip
               the signed fiscal archive of a store and period (at most 12 months); check it with
               npm run verify-archive -- archive.zip
  staff add      --store S001 --name "Julie" --role cashier|manager --pin 1234 [--badge CODE]
  staff list     --store S001                              id, name, role, badge, enabled (never PINs)
  staff set-role --store S001 --id staff-… --role manager
  staff set-pin  --store S001 --id staff-… --pin 4826      the hub keeps only the PIN's scrypt hash
  staff disable  --store S001 --id staff-…                 (staff enable to undo)
  roles show     --store S001                              each role's permissions: the chain's, and the store's
  roles set      --store S001 --role cashier --permissions sale.sell,receipt.reprint
                                                            tightens a role in this store (never beyond the chain's)
  Tills of the store pull their staff within a minute; a PIN typed here is never stored in clear
  (it stays in your shell's history: clear it, or prefix the command with a space).
${USER_USAGE}

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
  demo: { type: 'boolean' },
  'demo-products': { type: 'string' },
  'dry-run': { type: 'boolean' },
  all: { type: 'boolean' },
  from: { type: 'string' },
  to: { type: 'string' },
  out: { type: 'string' },
  role: { type: 'string' },
  pin: { type: 'string' },
  badge: { type: 'string' },
  permissions: { type: 'string' },
  email: { type: 'string' },
  stores: { type: 'string' },
  staff: { type: 'string' },
  'trust-proxy': { type: 'string' },
  'request-timeout': { type: 'string' },
  'without-projectors': { type: 'boolean' },
  'wallet-config': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function required(
  values: Values,
  name: 'id' | 'name' | 'store' | 'till' | 'label' | 'role' | 'pin' | 'permissions' | 'from' | 'to' | 'out',
): string {
  const value = values[name];
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

function wholeNumber(text: string, name: string): number {
  if (!/^\d{1,9}$/.test(text)) throw new UsageError(`--${name} must be a whole number`);
  return Number(text);
}

function positiveNumber(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${name} must be a number`);
  return n;
}

/** Fastify's trustProxy from the flag: true (any proxy), or addresses and CIDR ranges. */
function trustProxy(text: string): boolean | string {
  if (text === 'true') return true;
  if (!/^[0-9A-Fa-f.:/,\s]+$/.test(text)) throw new UsageError('--trust-proxy takes addresses or CIDR ranges (comma-separated), or true');
  return text;
}

/** The serve flags that tune the hub itself. */
function hubOptionsOf(values: Values): Partial<HubOptions> {
  const seconds = positiveNumber(values['request-timeout'], 'request-timeout');
  if (seconds !== undefined && seconds < 1) throw new UsageError('--request-timeout is at least 1 second');
  const options: { trustProxy?: HubOptions['trustProxy']; timeouts?: HubOptions['timeouts']; projectors?: boolean } = {};
  if (values['trust-proxy']) options.trustProxy = trustProxy(values['trust-proxy']);
  if (values['without-projectors']) options.projectors = false;
  if (seconds !== undefined) options.timeouts = { requestMs: Math.round(seconds * 1000) };
  return options;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The import's row errors, one line each, as a spreadsheet user looks them up. */
function importErrorLines(error: HubError): string[] {
  const errors = Array.isArray(error.details.errors) ? (error.details.errors as ImportRowError[]) : [];
  const lines = errors.map((e) => `  row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.message}`);
  const total = typeof error.details.errorCount === 'number' ? error.details.errorCount : errors.length;
  if (total > errors.length) lines.push(`  … and ${total - errors.length} more`);
  return lines;
}

/** Read before the database is opened: a mistyped file name should not touch the hub. */
async function readImportFile(file: string | undefined): Promise<{ name: string; bytes: Buffer }> {
  if (!file) throw new UsageError('import needs the CSV file: npm run hub -- import products.csv');
  try {
    return { name: file, bytes: await readFile(file) };
  } catch (error) {
    throw new HubError(400, 'bad_request', `Cannot read ${file}: ${(error as Error).message}`);
  }
}

async function importCommand(
  importFile: { name: string; bytes: Buffer } | null,
  values: Values,
  backend: AdminBackend,
  out: (line: string) => void,
): Promise<void> {
  if (!importFile) throw new UsageError('import needs the CSV file');
  const file = importFile.name;
  const dryRun = values['dry-run'] === true;
  const result = await backend.importProducts(importFile.bytes, { dryRun });
  if (dryRun)
    out(
      `${file}: ${plural(result.rows, 'product')} checked, no errors; ${result.written} would be created or changed. Nothing imported (--dry-run).`,
    );
  else
    out(
      `${file}: ${plural(result.rows, 'product')} imported: ${result.written} created or changed, ${result.unchanged} unchanged${result.lastSeq === null ? '' : ` (catalog sequence ${result.lastSeq})`}.`,
    );
}

type Output = { readonly out: (line: string) => void; readonly err: (line: string) => void };

/**
 * Admin tokens. A new token goes alone on stdout (`TOKEN=$(pos-hub admin create-token …)`), what it
 * is on stderr: it is shown this once.
 */
async function adminTokenCommand(command: string, values: Values, backend: AdminBackend, io: Output): Promise<void> {
  const { out, err } = io;
  if (command === 'admin create-token') {
    const created = await backend.createAdminToken(required(values, 'label'));
    out(created.token);
    err(`pos-hub: admin token ${created.id} (${created.label}) created. It is shown this once: the hub keeps only its hash.`);
    return;
  }
  if (command === 'admin revoke-token') {
    const revoked = await backend.revokeAdminToken(required(values, 'id'));
    out(`Admin token ${revoked.id} (${revoked.label}) revoked at ${revoked.revokedAt}`);
    return;
  }
  const tokens = await backend.listAdminTokens({ all: values.all === true });
  if (tokens.length === 0) out(values.all ? 'No admin token was ever issued' : 'No valid admin token');
  for (const t of tokens) out(`${t.id}  created ${t.createdAt}  ${t.revokedAt ? `revoked ${t.revokedAt}` : 'valid'}  ${t.label}`);
}

function role(values: Values): StoreRole {
  const text = required(values, 'role');
  if (!isStoreRole(text)) throw new UsageError(`--role is one of ${STORE_ROLES.join(', ')}`);
  return text;
}

function staffLine(s: StaffInfo): string {
  return `${s.staffId}  ${s.role.padEnd(8)}  ${s.disabled ? 'disabled' : 'enabled '}  ${s.badgeCode ? `badge ${s.badgeCode}  ` : ''}${s.displayName}`;
}

/** Staff and roles of a store (the hub hashes PINs: what is printed never holds one). */
async function staffCommand(command: string, values: Values, backend: AdminBackend, out: (line: string) => void): Promise<void> {
  const storeId = required(values, 'store');
  switch (command) {
    case 'staff add': {
      const added = await backend.createStaff(storeId, {
        displayName: required(values, 'name'),
        role: role(values),
        pin: required(values, 'pin'),
        ...(values.badge ? { badgeCode: values.badge } : {}),
      });
      out(`${added.displayName} added to store ${storeId} as ${added.role}: ${added.staffId}`);
      return;
    }
    case 'staff list': {
      const staff = await backend.listStaff(storeId);
      if (staff.length === 0) out(`Store ${storeId} has no staff at the hub yet`);
      for (const s of staff) out(staffLine(s));
      return;
    }
    case 'staff set-role':
      out(`Now: ${staffLine(await backend.updateStaff(storeId, required(values, 'id'), { role: role(values) }))}`);
      return;
    case 'staff set-pin': {
      const changed = await backend.setStaffPin(storeId, required(values, 'id'), required(values, 'pin'));
      out(`New PIN set for ${changed.displayName} (${changed.staffId}); the old one stops working at the tills' next pull`);
      return;
    }
    case 'staff disable':
    case 'staff enable':
      out(`Now: ${staffLine(await backend.updateStaff(storeId, required(values, 'id'), { disabled: command === 'staff disable' }))}`);
      return;
    case 'roles set': {
      const permissions = required(values, 'permissions')
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== '');
      const unknown = permissions.filter((p) => !isPermission(p));
      if (unknown.length > 0) throw new UsageError(`Unknown permission ${unknown.join(', ')} (known: ${EVERY_PERMISSION.join(', ')})`);
      await backend.setStoreRoles(storeId, { [role(values)]: permissions as Permission[] });
      break;
    }
    case 'roles show':
      break;
    default:
      throw new UsageError(`Unknown command "${command}"`);
  }
  const roles = await backend.getStoreRoles(storeId);
  for (const r of STORE_ROLES) {
    const taken = roles.chain[r].filter((p) => !roles.roles[r].includes(p));
    out(`${r}: ${roles.roles[r].join(', ')}${taken.length > 0 ? `  (taken away in ${storeId}: ${taken.join(', ')})` : ''}`);
  }
}

type Prepared = { readonly importFile: { name: string; bytes: Buffer } | null };

async function adminCommand(
  command: string,
  values: Values,
  prepared: Prepared,
  backend: AdminBackend,
  { out, err }: Output,
): Promise<void> {
  switch (command) {
    case 'store create': {
      const store = await backend.createStore({ storeId: required(values, 'id'), name: required(values, 'name') });
      out(`Store ${store.storeId} created (${store.name})`);
      return;
    }
    case 'till create': {
      const till = await backend.createTill({
        storeId: required(values, 'store'),
        tillId: required(values, 'till'),
        ...(values.label ? { label: values.label } : {}),
      });
      out(`Till ${till.tillId} of store ${till.storeId} created`);
      return;
    }
    case 'enroll': {
      const ttlHours = positiveNumber(values['ttl-hours'], 'ttl-hours');
      const issued = await backend.issueCode({
        storeId: required(values, 'store'),
        tillId: required(values, 'till'),
        ...(ttlHours ? { ttlHours } : {}),
      });
      out(`Enrollment code for till ${issued.tillId} of store ${issued.storeId}: ${formatEnrollmentCode(issued.code)}`);
      out(`Valid once, until ${issued.expiresAt}. Type it on the till with the hub's address.`);
      return;
    }
    case 'revoke': {
      const storeId = required(values, 'store');
      const tillId = required(values, 'till');
      const { revokedTokens } = await backend.revoke({ storeId, tillId });
      out(
        `Till ${tillId} of store ${storeId}: ${revokedTokens} device token${revokedTokens === 1 ? '' : 's'} revoked; enroll it again to use it`,
      );
      return;
    }
    case 'import':
      return importCommand(prepared.importFile, values, backend, out);
    case 'admin create-token':
    case 'admin list-tokens':
    case 'admin revoke-token':
      return adminTokenCommand(command, values, backend, { out, err });
    default:
      if (command.startsWith('staff ') || command.startsWith('roles ')) return staffCommand(command, values, backend, out);
      if (command.startsWith('user ')) return userCommand(command, values, backend, { out, err });
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
  const command =
    positionals.length === 0
      ? 'serve'
      : positionals.slice(0, ['store', 'till', 'admin', 'staff', 'roles', 'user'].includes(positionals[0]!) ? 2 : 1).join(' ');
  const database = databaseConfig(io.env, values['data-dir']);
  try {
    if (command === 'serve') {
      const port = positiveNumber(values.port, 'port') ?? DEFAULT_PORT;
      if (values['without-projectors'] && database.kind === 'pglite')
        throw new UsageError(
          '--without-projectors needs PostgreSQL (DATABASE_URL): PGlite serves one process, so this hub runs its projectors',
        );
      if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined))
        throw new UsageError('--tls-cert and --tls-key go together');
      const tls =
        values['tls-cert'] && values['tls-key']
          ? { cert: await readFile(values['tls-cert'], 'utf8'), key: await readFile(values['tls-key'], 'utf8') }
          : undefined;
      // Read and checked now: a wrong certificate is said at start, never when a member asks for a card.
      const walletFile = values['wallet-config'] ?? io.env.POS_WALLET_CONFIG;
      const demoProducts = values['demo-products'] === undefined ? undefined : wholeNumber(values['demo-products'], 'demo-products');
      const demo =
        values.demo || demoProducts !== undefined
          ? { products: demoProducts ?? DEMO_CATALOG_SIZE, onSeeded: (line: string) => err(`pos-hub: ${line}`) }
          : undefined;
      const hub = await serve({
        database,
        port,
        host: values.host ?? DEFAULT_HOST,
        logStream: io.stderr,
        ...(tls ? { tls } : {}),
        ...(demo ? { demo } : {}),
        ...(io.env.LOG_LEVEL ? { logLevel: io.env.LOG_LEVEL } : {}),
        hubOptions: { ...hubOptionsOf(values), ...(walletFile ? { wallet: await loadWalletConfig(walletFile) } : {}) },
      });
      const where = database.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${database.dataDir}`;
      out(`POS hub ready at ${hub.url} (${where})`);
      const signal = await io.untilStopped();
      err(`pos-hub: ${signal} received, shutting down (finishing requests in flight)`);
      await hub.close();
      return 0;
    }
    if (command === 'projectors') {
      const projectors = await runProjectors(database, {
        logStream: io.stderr,
        ...(io.env.LOG_LEVEL ? { logLevel: io.env.LOG_LEVEL } : {}),
      });
      out('POS hub projectors running (PostgreSQL)');
      const signal = await io.untilStopped();
      err(`pos-hub: ${signal} received, stopping the projectors (finishing the steps under way)`);
      await projectors.close();
      return 0;
    }
    if (command === 'archive') {
      const options = {
        storeId: required(values, 'store'),
        from: required(values, 'from'),
        to: required(values, 'to'),
        out: required(values, 'out'),
      };
      await archiveCommand(database, options, { out, stderr: io.stderr });
      return 0;
    }
    const prepared: Prepared = { importFile: command === 'import' ? await readImportFile(positionals[1]) : null };
    const backend = await openAdminBackend(database);
    try {
      await adminCommand(command, values, prepared, backend, { out, err });
    } finally {
      await backend.close();
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof UserUsageError) {
      err(`pos-hub: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof HubError) {
      err(`pos-hub: ${error.message}`);
      for (const line of importErrorLines(error)) err(line);
      return 1;
    }
    if (error instanceof WalletError) {
      err(`pos-hub: ${error.message} (${error.code})`);
      return 1;
    }
    err(`pos-hub: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}
