/**
 * The independent archive verifier: `npm run verify-archive -- archive.zip`, or bundled
 * (dist/verify-archive.mjs) `node verify-archive.mjs archive.zip` with nothing installed.
 */
import { verifyArchiveCommand } from './verify-archive-command';

process.exitCode = await verifyArchiveCommand(process.argv.slice(2), (line) => console.log(line));
