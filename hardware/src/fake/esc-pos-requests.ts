/**
 * The requests the fake printer acts on, found in the bytes as they arrive. Like its DLE EOT
 * handling this is a scan, not a full command parser: a request's bytes inside other data (an
 * image) would be taken for the request, as a real printer takes real-time commands anywhere.
 */
export type FakeRequest =
  | { readonly kind: 'dle-eot'; readonly n: number }
  | { readonly kind: 'asb'; readonly flags: number }
  | { readonly kind: 'process-id'; readonly id: string }
  | { readonly kind: 'drawer-kick'; readonly pin: 2 | 5; readonly onMs: number; readonly offMs: number };

type Pattern = {
  readonly prefix: readonly number[];
  readonly length: number;
  readonly read: (bytes: Buffer, at: number) => FakeRequest | null;
};

const PATTERNS: readonly Pattern[] = [
  { prefix: [0x10, 0x04], length: 3, read: (b, at) => ({ kind: 'dle-eot', n: b[at + 2]! }) },
  { prefix: [0x1d, 0x61], length: 3, read: (b, at) => ({ kind: 'asb', flags: b[at + 2]! }) },
  {
    prefix: [0x1d, 0x28, 0x48, 0x06, 0x00, 0x30, 0x30],
    length: 11,
    read: (b, at) => ({ kind: 'process-id', id: b.subarray(at + 7, at + 11).toString('latin1') }),
  },
  {
    prefix: [0x1b, 0x70],
    length: 5,
    read: (b, at) => {
      const m = b[at + 2]!;
      if (![0, 1, 48, 49].includes(m)) return null;
      return { kind: 'drawer-kick', pin: m % 2 === 0 ? 2 : 5, onMs: b[at + 3]! * 2, offMs: b[at + 4]! * 2 };
    },
  },
];

/**
 * The requests complete in `data` from `from` on, and where the next scan starts: a request cut
 * across packets is found once its last byte has arrived.
 */
export function scanRequests(data: Buffer, from: number): { readonly requests: FakeRequest[]; readonly next: number } {
  const requests: FakeRequest[] = [];
  let i = from;
  outer: while (i < data.length) {
    for (const pattern of PATTERNS) {
      const available = Math.min(pattern.prefix.length, data.length - i);
      if (!pattern.prefix.slice(0, available).every((b, k) => data[i + k] === b)) continue;
      if (i + pattern.length > data.length) break outer;
      const request = pattern.read(data, i);
      if (!request) continue;
      requests.push(request);
      i += pattern.length;
      continue outer;
    }
    i += 1;
  }
  return { requests, next: i };
}

/** A connection that sent nothing but real-time status requests is a status query, not a job. */
export function onlyStatusRequests(data: Buffer): boolean {
  if (data.length === 0 || data.length % 3 !== 0) return false;
  for (let i = 0; i < data.length; i += 3) if (data[i] !== 0x10 || data[i + 1] !== 0x04) return false;
  return true;
}
