import type { Writable } from 'node:stream';
import { ZipOutput as CoreZipOutput, type DeflateLevel } from '@pos/core/fiscal/archive/zip-output';
import { Zip, ZipDeflate } from 'fflate';

/** The archive's zip (core's ZipOutput, shared with the till) written with fflate to a stream. */
export class ZipOutput extends CoreZipOutput<ZipDeflate> {
  constructor(out: Writable, level: DeflateLevel = 6) {
    super(out, { Zip, ZipDeflate }, level);
  }
}
