import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requestJson } from '../test-support/sse-client';
import { testTargets, type TestDatabase } from '../test-support/test-databases';
import { syncHeaders } from '../test-support/test-hub';
import { sha256Hex } from '../auth/secrets';
import { openDatabase } from '../db/open-database';
import { readHubFile } from './hub-file';
import { runCli } from './run-cli';
import { serve } from './serve-command';
import { collect } from '../test-support/output-collector';
import { enrollmentRequest } from '../test-support/till-keys';
import { seedMigratedDataDir } from '../test-support/migrated-data-dir';

const SYNC_SERVER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CODE = /([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/;

/** The bundled command (dist/cli.cjs), built from the sources once for this file's tests that run it. */
let bundled: string | null = null;
function bundledCli(): string {
  if (!bundled) {
    execFileSync(process.execPath, [path.join(SYNC_SERVER, 'build.mjs')], { stdio: 'pipe' });
    bundled = path.join(SYNC_SERVER, 'dist', 'cli.cjs');
  }
  return bundled;
}

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`command line on ${target.name}`, () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pos-hub-cli-'));
    let database: TestDatabase | null = null;
    let env: NodeJS.ProcessEnv = {};
    let failure: unknown = null;
    beforeAll(async () => {
      try {
        if (target.name === 'postgres') {
          database = await target.open();
          env = { DATABASE_URL: database.url! };
        } else {
          // The first start of an empty directory is the EPIPE test's, on a directory of its own.
          await seedMigratedDataDir(dataDir);
        }
      } catch (error) {
        // Failing each test (not the hook) keeps them counted as failed, not skipped.
        failure = error;
      }
    });
    beforeEach(() => {
      if (failure) throw failure;
    });
    afterAll(async () => {
      await database?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    /** What admin_tokens holds, read while no hub holds the data directory. */
    async function storedAdminTokens() {
      const db = database ? database.db : await openDatabase({ kind: 'pglite', dataDir });
      try {
        return await db.query<{ token_hash: string; label: string }>('SELECT token_hash, label FROM admin_tokens');
      } finally {
        if (!database) await db.close();
      }
    }

    async function cli(...argv: string[]) {
      const out = collect();
      const err = collect();
      const code = await runCli([...argv, '--data-dir', dataDir], {
        stdout: out.stream,
        stderr: err.stream,
        env,
        untilStopped: () => new Promise(() => undefined),
      });
      return { code, out: out.text(), err: err.text() };
    }

    it('creates a store and a till, prints a one-time code, revokes; refusals exit 1, usage mistakes 2', async () => {
      expect(await cli('store', 'create', '--id', 'S001', '--name', 'Lyon Part-Dieu')).toMatchObject({
        code: 0,
        out: 'Store S001 created (Lyon Part-Dieu)\n',
      });
      expect(await cli('till', 'create', '--store', 'S001', '--till', 'T01')).toMatchObject({
        code: 0,
        out: 'Till T01 of store S001 created\n',
      });
      const enrolled = await cli('enroll', '--store', 'S001', '--till', 'T01');
      expect(enrolled.code).toBe(0);
      expect(enrolled.out).toMatch(new RegExp(`^Enrollment code for till T01 of store S001: ${CODE.source}\n`));
      expect(await cli('revoke', '--store', 'S001', '--till', 'T01')).toMatchObject({
        code: 0,
        out: expect.stringContaining('0 device tokens revoked'),
      });
      expect(await cli('store', 'create', '--id', 'S001', '--name', 'Again')).toMatchObject({
        code: 1,
        err: 'pos-hub: Store S001 already exists\n',
      });
      expect(await cli('till', 'create', '--store', 'S404', '--till', 'T01')).toMatchObject({
        code: 1,
        err: expect.stringContaining('does not exist'),
      });
      expect(await cli('enroll', '--store', 'S001')).toMatchObject({ code: 2, err: expect.stringContaining('--till is required') });
      expect(await cli('frobnicate')).toMatchObject({ code: 2, err: expect.stringContaining('Unknown command') });
      expect(await cli('store', 'create', '--bogus')).toMatchObject({ code: 2 });
    });

    it('while a hub serves, the admin commands work (through it when it holds a PGlite directory)', async () => {
      const hub = await serve({
        database: target.name === 'postgres' ? { kind: 'postgres', url: env.DATABASE_URL! } : { kind: 'pglite', dataDir },
        port: 0,
        host: '127.0.0.1',
      });
      try {
        const file = await readHubFile(dataDir);
        if (target.name === 'pglite') {
          expect(file).toMatchObject({ url: hub.url, pid: process.pid, adminToken: expect.stringMatching(/^admin\./) });
          expect(statSync(path.join(dataDir, 'hub.json')).mode & 0o777).toBe(0o600);
          // The admin routes want that token.
          expect((await requestJson(`${hub.url}/api/v1/admin/stores`, { method: 'POST', body: { storeId: 'X', name: 'X' } })).status).toBe(
            401,
          );
        } else expect(file).toBeNull();
        expect(await cli('till', 'create', '--store', 'S001', '--till', 'T02')).toMatchObject({ code: 0 });
        const { out } = await cli('enroll', '--store', 'S001', '--till', 'T02');
        const code = CODE.exec(out)![1]!;
        const enrolled = await requestJson(`${hub.url}/api/v1/enroll`, { method: 'POST', body: enrollmentRequest(code) });
        expect(enrolled.status).toBe(200);
        const token = (enrolled.body as { token: string }).token;
        expect((await requestJson(`${hub.url}/sync/v1/products/pull`, { headers: syncHeaders(token, 'products') })).status).toBe(200);
        expect(await cli('revoke', '--store', 'S001', '--till', 'T02')).toMatchObject({
          code: 0,
          out: expect.stringContaining('1 device token revoked'),
        });
        // On PostgreSQL the CLI revokes in its own process and the hub learns it by NOTIFY, a moment later.
        await expect
          .poll(async () => (await requestJson(`${hub.url}/sync/v1/products/pull`, { headers: syncHeaders(token, 'products') })).status, {
            timeout: 2_000,
          })
          .toBe(401);
      } finally {
        await hub.close();
      }
      expect(existsSync(path.join(dataDir, 'hub.json'))).toBe(false);
    });

    it('admin tokens for head office: created (shown once, stored hashed), listed, revoked; directly and through a running hub', async () => {
      const created = await cli('admin', 'create-token', '--label', 'Head office ERP');
      expect(created).toMatchObject({
        code: 0,
        err: expect.stringMatching(/admin token [0-9a-f]{12} \(Head office ERP\) created.*shown this once/),
      });
      const token = created.out.trim();
      expect(token).toMatch(/^admin\.[A-Za-z0-9_-]{43}$/);
      expect(await cli('admin', 'create-token')).toMatchObject({ code: 2, err: expect.stringContaining('--label is required') });
      const stored = await storedAdminTokens();
      expect(stored).toContainEqual({ token_hash: sha256Hex(token), label: 'Head office ERP' });
      expect(JSON.stringify(stored)).not.toContain(token.slice(6));

      const hub = await serve({
        database: target.name === 'postgres' ? { kind: 'postgres', url: env.DATABASE_URL! } : { kind: 'pglite', dataDir },
        port: 0,
        host: '127.0.0.1',
      });
      try {
        const stores = () => requestJson(`${hub.url}/api/v1/admin/stock/exceptions`, { headers: { authorization: `Bearer ${token}` } });
        expect((await stores()).status).toBe(200);

        // Through the running hub when it holds a PGlite directory, straight to PostgreSQL otherwise.
        const listed = await cli('admin', 'list-tokens');
        expect(listed.code).toBe(0);
        const line = listed.out.split('\n').find((l) => l.endsWith('Head office ERP'))!;
        expect(line).toMatch(/^[0-9a-f]{12} {2}created \S+ {2}valid {2}Head office ERP$/);
        expect(listed.out).not.toContain(token);
        const id = line.slice(0, 12);
        expect(await cli('admin', 'revoke-token', '--id', id)).toMatchObject({
          code: 0,
          out: expect.stringMatching(new RegExp(`^Admin token ${id} \\(Head office ERP\\) revoked at `)),
        });
        expect((await stores()).status).toBe(401);
        expect((await cli('admin', 'list-tokens')).out).not.toContain('Head office ERP');
        expect((await cli('admin', 'list-tokens', '--all')).out).toMatch(
          new RegExp(`${id} {2}created \\S+ {2}revoked \\S+ {2}Head office ERP`),
        );
        expect(await cli('admin', 'revoke-token', '--id', 'ffffffffffff')).toMatchObject({
          code: 1,
          err: expect.stringContaining('No admin token'),
        });
        // A token made through the running hub works too.
        const second = (await cli('admin', 'create-token', '--label', 'Second')).out.trim();
        expect(
          (await requestJson(`${hub.url}/api/v1/admin/stock/exceptions`, { headers: { authorization: `Bearer ${second}` } })).status,
        ).toBe(200);
      } finally {
        await hub.close();
      }
    });

    it('serve --wallet-config: a configuration it cannot read stops the start with its code, before anything is served', async () => {
      expect(await cli('serve', '--wallet-config', path.join(dataDir, 'no-such-wallet.json'))).toMatchObject({
        code: 1,
        err: expect.stringContaining('wallet_config_unreadable'),
      });
    });

    it('serve --trust-proxy: behind the balancer, each client’s address counts apart; bad flags are usage mistakes', async () => {
      expect(await cli('serve', '--trust-proxy', 'not an address')).toMatchObject({
        code: 2,
        err: expect.stringContaining('--trust-proxy'),
      });
      expect(await cli('serve', '--request-timeout', '0')).toMatchObject({ code: 2, err: expect.stringContaining('--request-timeout') });
      const out = collect();
      let stop: (signal: string) => void = () => undefined;
      const served = runCli(['serve', '--port', '0', '--data-dir', dataDir, '--trust-proxy', '127.0.0.1', '--request-timeout', '30'], {
        stdout: out.stream,
        stderr: collect().stream,
        env,
        untilStopped: () => new Promise((resolve) => (stop = resolve)),
      });
      try {
        await expect.poll(() => /ready at (\S+)/.exec(out.text())?.[1], { timeout: 30_000 }).toBeTruthy();
        const url = /ready at (\S+)/.exec(out.text())![1]!;
        const pull = (client: string) =>
          requestJson(`${url}/sync/v1/products/pull`, { headers: { ...syncHeaders('S1.guessed', 'products'), 'x-forwarded-for': client } });
        const statuses: number[] = [];
        for (let i = 0; i < 31; i++) statuses.push((await pull('203.0.113.1')).status);
        expect(statuses.at(-1)).toBe(429);
        expect((await pull('203.0.113.2')).status).toBe(401);
      } finally {
        stop('SIGTERM');
        expect(await served).toBe(0);
      }
    }, 60_000);

    if (target.name === 'pglite')
      it('over HTTPS the command line pins the hub’s certificate from hub.json', async () => {
        const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dataDir, stdio: 'pipe' });
        run(
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          'tls.key',
          '-out',
          'tls.pem',
          '-days',
          '1',
          '-subj',
          '/CN=hub',
          '-addext',
          'subjectAltName=IP:127.0.0.1',
        );
        const tls = { cert: readFileSync(path.join(dataDir, 'tls.pem'), 'utf8'), key: readFileSync(path.join(dataDir, 'tls.key'), 'utf8') };
        const hub = await serve({ database: { kind: 'pglite', dataDir }, port: 0, host: '127.0.0.1', tls });
        try {
          expect(hub.url).toMatch(/^https:/);
          expect((await readHubFile(dataDir))!.certFingerprint256).toMatch(/^[0-9A-F:]{95}$/);
          expect(await cli('till', 'create', '--store', 'S001', '--till', 'T03')).toMatchObject({ code: 0 });
          // A hub.json whose fingerprint does not match: the command refuses rather than send its token.
          const file = JSON.parse(readFileSync(path.join(dataDir, 'hub.json'), 'utf8'));
          writeFileSync(path.join(dataDir, 'hub.json'), JSON.stringify({ ...file, certFingerprint256: 'AA:'.repeat(31) + 'AA' }));
          expect(await cli('till', 'create', '--store', 'S001', '--till', 'T04')).toMatchObject({
            code: 1,
            err: expect.stringContaining('does not answer'),
          });
        } finally {
          await hub.close();
        }
      });

    if (target.name === 'pglite')
      it('the bundled command keeps serving when the readers of its output go away (EPIPE, as in serve | head -1)', async () => {
        const ownDir = mkdtempSync(path.join(tmpdir(), 'pos-hub-epipe-'));
        const child = spawn(process.execPath, [bundledCli(), 'serve', '--port', '0', '--data-dir', ownDir], {
          env: { ...process.env, LOG_LEVEL: 'info' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
        try {
          let stdout = '';
          const url = await new Promise<string>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no ready line: ${stdout}`)), 30_000);
            child.stdout.on('data', (c: Buffer) => {
              stdout += c.toString();
              const match = /POS hub ready at (\S+)/.exec(stdout);
              if (match) {
                clearTimeout(timer);
                resolve(match[1]!);
              }
            });
          });
          // Like `head -1`: the reader has its line and goes away; so does the reader of the log.
          child.stdout.destroy();
          child.stderr.destroy();
          for (let i = 0; i < 20; i++) expect((await requestJson(`${url}/health`)).status).toBe(200);
          await new Promise((r) => setTimeout(r, 300));
          expect(child.exitCode).toBeNull();
          expect((await requestJson(`${url}/ready`)).status).toBe(200);
        } finally {
          child.kill('SIGTERM');
          // Its shutdown lines find no reader either: it still stops cleanly.
          expect(await exited).toBe(0);
          rmSync(ownDir, { recursive: true, force: true });
        }
      });

    it('the bundled command: serve prints its URL, admin commands from other processes, SIGTERM shuts down cleanly', async () => {
      const bin = bundledCli();
      const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dataDir], {
        env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c));
      child.stderr.on('data', (c: Buffer) => (stderr += c));
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      try {
        const url = await new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no ready line: ${stdout} ${stderr}`)), 30_000);
          child.stdout.on('data', () => {
            const match = /POS hub ready at (\S+)/.exec(stdout);
            if (match) {
              clearTimeout(timer);
              resolve(match[1]!);
            }
          });
        });
        expect(stdout.trim().split('\n')).toHaveLength(1);
        expect((await requestJson(`${url}/ready`)).status).toBe(200);
        const admin = execFileSync(process.execPath, [bin, 'enroll', '--store', 'S001', '--till', 'T01', '--data-dir', dataDir], {
          env: { ...process.env, ...env },
          encoding: 'utf8',
        });
        expect(admin).toMatch(CODE);
      } finally {
        child.kill('SIGTERM');
      }
      expect(await exited).toBe(0);
      expect(stderr).toContain('SIGTERM received');
      expect(existsSync(path.join(dataDir, 'hub.json'))).toBe(false);
    });
  });
}
