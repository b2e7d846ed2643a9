import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import http from 'node:http';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { archivePeriodProblem } from '@pos/core/fiscal/archive/archive-format';
import type { DatabaseConfig } from '../db/open-database';
import { openDatabase } from '../db/open-database';
import { HubError } from '../errors/hub-error';
import { exportArchive, type ArchiveSummary } from '../fiscal/archive-export';
import { pinnedSocket, probeHub } from './admin-client';
import { readHubFile, type HubFile } from './hub-file';

export type ArchiveOptions = { readonly storeId: string; readonly from: string; readonly to: string; readonly out: string };

/** One line that rewrites itself on a terminal, a line now and then otherwise (a log). */
function progressLine(stderr: Writable & { isTTY?: boolean }) {
  let last = 0;
  let shown = false;
  const update = (text: string) => {
    const now = Date.now();
    if (now - last < (stderr.isTTY ? 200 : 5000)) return;
    last = now;
    shown = true;
    stderr.write(stderr.isTTY ? `\r\x1b[2K${text}` : `${text}\n`);
  };
  /** The terminal's line ended, so what follows starts on its own. */
  const done = () => {
    if (shown && stderr.isTTY) stderr.write('\n');
  };
  return { update, done };
}

/** Through a running hub that holds the data directory: the admin route, streamed to the file. */
async function download(hub: HubFile, options: ArchiveOptions, file: Writable, progress: (text: string) => void): Promise<void> {
  const url = new URL(`/api/v1/admin/stores/${encodeURIComponent(options.storeId)}/archive?from=${options.from}&to=${options.to}`, hub.url);
  const socket = url.protocol === 'https:' ? await pinnedSocket(url, hub.certFingerprint256, 10_000) : null;
  const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port,
        path: `${url.pathname}${url.search}`,
        headers: { authorization: `Bearer ${hub.adminToken}` },
        ...(socket ? { createConnection: () => socket } : {}),
      },
      resolve,
    );
    request.on('error', reject);
    request.end();
  });
  if (response.statusCode !== 200) {
    const chunks: Buffer[] = [];
    for await (const chunk of response) chunks.push(chunk as Buffer);
    let message = `The hub answered ${response.statusCode}`;
    try {
      message = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { message?: string }).message ?? message;
    } catch {
      // not JSON: the status says it
    }
    throw new HubError(response.statusCode ?? 500, 'bad_request', message);
  }
  let bytes = 0;
  response.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    progress(`archive: ${(bytes / 1e6).toFixed(1)} MB received from ${hub.url}`);
  });
  await pipeline(response, file);
}

/**
 * `archive --store S001 --from 2026-01-01 --to 2026-12-31 --out file.zip`: the signed archive
 * written to a temporary file beside `--out`, renamed once whole. A PGlite directory a hub serves
 * is archived through that hub (its admin route); otherwise the database is opened here.
 */
export async function archiveCommand(
  config: DatabaseConfig,
  options: ArchiveOptions,
  io: { readonly out: (line: string) => void; readonly stderr: Writable },
): Promise<void> {
  const period = archivePeriodProblem(options.from, options.to);
  if (period) throw new HubError(400, 'bad_request', `Cannot archive: ${period}`);
  const progress = progressLine(io.stderr as Writable & { isTTY?: boolean });
  const partial = `${options.out}.partial`;
  const file = createWriteStream(partial);
  const fileDone = new Promise<void>((resolve, reject) => {
    file.on('close', resolve);
    file.on('error', reject);
  });
  try {
    const hub = config.kind === 'pglite' && config.dataDir ? await readHubFile(config.dataDir) : null;
    let summary: ArchiveSummary | null = null;
    if (hub && (await probeHub(hub)).answers) await download(hub, options, file, progress.update);
    else {
      const db = await openDatabase(config);
      try {
        summary = await exportArchive(
          db,
          {
            storeId: options.storeId,
            from: options.from,
            to: options.to,
            requestedBy: 'cli',
            onProgress: (p) =>
              progress.update(`archive: ${p.records.toLocaleString('en')} / ${p.total.toLocaleString('en')} records (${p.file})`),
          },
          file,
        );
      } finally {
        await db.close();
      }
      file.end();
    }
    await fileDone;
    await rename(partial, options.out);
    progress.done();
    if (summary)
      io.out(
        `Archive of store ${summary.storeId}, ${summary.period.from} to ${summary.period.to}: ${summary.records.toLocaleString('en')} records of ${summary.tillIds.length} till(s) in ${options.out}, signed by archive key ${summary.keyId} (logged as JET ${summary.jetCode}, ${summary.archiveId})`,
      );
    else io.out(`Archive of store ${options.storeId}, ${options.from} to ${options.to} written to ${options.out} by the running hub`);
    io.out(`Verify it: npm run verify-archive -- ${options.out}   (or node verify-archive.mjs ${options.out})`);
  } catch (error) {
    file.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}
