/**
 * What the archive verifier reports: each problem names where it is — the file, its line (1 for
 * the first record; 0 for the file as a whole), the chain and the record's sequence — with a
 * stable code and English words.
 */
export type ArchiveProblemCode =
  | 'manifest'
  | 'period'
  | 'archive-key'
  | 'archive-signature'
  | 'file-missing'
  | 'file-extra'
  | 'file-hash'
  | 'file-unreadable'
  | 'file-size'
  | 'file-rows'
  | 'keys'
  | 'shape'
  | 'schema'
  | 'sequence'
  | 'link'
  | 'hash'
  | 'key'
  | 'signature'
  | 'rotation'
  | 'other-till'
  | 'outside-period'
  | 'start'
  | 'truncated'
  | 'dropped-tail'
  | 'closing';

export type ArchiveProblem = {
  readonly file: string;
  readonly line: number;
  readonly tillId: string;
  readonly chain: string;
  readonly seq: number;
  readonly code: ArchiveProblemCode;
  readonly problem: string;
};

/** Problems in the order of the archive: the manifest's, then file by file (manifest order) and line by line. */
export class ProblemList {
  private readonly kept: { problem: ArchiveProblem; rank: number }[] = [];
  private total = 0;

  constructor(
    private readonly rankOfFile: (file: string) => number,
    private readonly max = 1000,
  ) {}

  add(problem: ArchiveProblem): void {
    this.total += 1;
    if (this.kept.length < this.max) this.kept.push({ problem, rank: this.rankOfFile(problem.file) });
  }

  get count(): number {
    return this.total;
  }

  sorted(): ArchiveProblem[] {
    return [...this.kept].sort((a, b) => a.rank - b.rank || a.problem.line - b.problem.line).map((k) => k.problem);
  }
}

/** How a problem reads on one line: where, then what. */
export function describeProblem(p: ArchiveProblem): string {
  const where = [p.file, p.line > 0 ? `line ${p.line}` : '', p.tillId ? `till ${p.tillId}` : '', p.chain ? `chain ${p.chain}` : '']
    .concat(p.seq > 0 ? [`seq ${p.seq}`] : [])
    .filter(Boolean)
    .join(', ');
  return `${where}: [${p.code}] ${p.problem}`;
}
