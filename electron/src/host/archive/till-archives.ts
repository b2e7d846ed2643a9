import { randomUUID } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  PosError,
  type ArchiveChunk,
  type ArchiveCreateRequest,
  type ArchiveProgress,
  type ArchiveResult,
  type StaffMember,
} from '@pos/core';
import { archiveJetCode, archivePeriodProblem } from '@pos/core/fiscal/archive/archive-format';
import type { HostContext } from '../host-context';
import { ARCHIVES_FOLDER, writeJournalArchive } from './journal-archive';

/** The most bytes one `archive.download` answers (base64 adds a third): a large archive comes in pieces. */
export const ARCHIVE_CHUNK = 1024 * 1024;

/**
 * The till's archives of its own journal (issue 12): a manager asks for a period, the host writes
 * the signed zip to `archives/` and then seals `archive.export` on the event chain; the page
 * downloads the zip in pieces. One archive at a time: a second would only read the journal twice.
 */
export class TillArchives {
  private busy = false;

  constructor(
    private readonly ctx: HostContext,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Archives are for whoever sees reports and runs closings (cash.report): the host checks it, whatever the page shows. */
  private requireReport(what: string): StaffMember {
    const staff = this.ctx.session.require();
    if (!this.ctx.staff.can(staff.role, 'cash.report'))
      throw new PosError('FORBIDDEN', `${staff.displayName} may not ${what}`, { reason: 'manager-only' });
    return staff;
  }

  async create(period: ArchiveCreateRequest): Promise<ArchiveResult> {
    const staff = this.requireReport('archive the journal');
    const problem = archivePeriodProblem(period.from, period.to);
    if (problem) throw new PosError('INVALID_REQUEST', `Cannot archive: ${problem}`, { reason: 'archive-period', ...period });
    const status = this.ctx.journal.status;
    // The archive must be traced by its event: a journal that takes no event takes no archive either.
    if (status.state !== 'ok')
      throw new PosError('SEALING_STOPPED', 'The fiscal journal is stopped: no archive can be made', { reason: status.reason });
    if (this.busy) throw new PosError('INVALID_REQUEST', 'An archive is already being written at this till', { reason: 'archive-busy' });
    this.busy = true;
    try {
      return await this.write(period, staff);
    } finally {
      this.busy = false;
    }
  }

  private async write(period: ArchiveCreateRequest, staff: StaffMember): Promise<ArchiveResult> {
    const { ctx } = this;
    const archiveId = randomUUID();
    const current = ctx.sealer.key;
    // A key whose rotation is not sealed yet has signed nothing: the key before it signs.
    const key = current.rotation && !ctx.journal.keyAnnounced(current.keyId) ? current.rotation.previous : current;
    let read: ArchiveProgress = { records: 0, total: 0 };
    const progress = (next: ArchiveProgress) => {
      read = next;
      ctx.events.emit('archive.progress', next);
    };
    const written = await writeJournalArchive({
      dataDir: ctx.dataDir,
      journal: ctx.journal,
      storeId: ctx.config.storeId,
      tillId: ctx.config.tillId,
      period,
      archiveId,
      signer: { keyId: key.keyId, publicKey: key.publicKeyHex, sign: (message) => key.sign(message) },
      createdAt: this.now().toISOString(),
      onProgress: progress,
    });
    const jetCode = archiveJetCode(period, ctx.profile.fiscalYearStartMonth ?? 1);
    const payload = {
      type: 'archive.export',
      archiveId,
      from: period.from,
      to: period.to,
      jetCode,
      records: written.records,
      manifestSha256: written.manifestSha256,
      keyId: key.keyId,
      staffId: staff.id,
    } as const;
    let event;
    try {
      event = await ctx.sealer.seal({ chain: 'event', id: `archive-${archiveId}`, payload });
    } catch (error) {
      // An archive the journal does not trace is not offered.
      await rm(path.join(ctx.dataDir, ARCHIVES_FOLDER, written.file), { force: true });
      throw error;
    }
    const result: ArchiveResult = {
      archiveId,
      file: written.file,
      bytes: written.bytes,
      period,
      records: written.records,
      jetCode,
      manifestSha256: written.manifestSha256,
      keyId: key.keyId,
      event,
    };
    // Said to every page too: a call that gave up waiting (browser mode) still learns the archive is ready.
    progress({ ...read, done: result });
    return result;
  }

  /** A piece of an archive made here: `file` is a name the handler checked (no folder in it). */
  async chunk(file: string, offset: number): Promise<ArchiveChunk> {
    this.requireReport('download an archive');
    const handle = await open(path.join(this.ctx.dataDir, ARCHIVES_FOLDER, file), 'r').catch(() => {
      throw new PosError('NOT_FOUND', `No archive ${file} at this till`);
    });
    try {
      const { size } = await handle.stat();
      if (offset > size) throw new PosError('INVALID_REQUEST', `offset ${offset} is past the end of ${file} (${size} bytes)`);
      const buffer = Buffer.alloc(Math.min(ARCHIVE_CHUNK, size - offset));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      return {
        filename: file,
        mediaType: 'application/zip',
        base64: buffer.subarray(0, bytesRead).toString('base64'),
        offset,
        total: size,
      };
    } finally {
      await handle.close();
    }
  }
}
