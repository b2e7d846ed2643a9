import { describe, expect, it } from 'vitest';
import { OfficeApiError } from '../../api/office-client';
import { downloadArchive, periodProblem, type Progress } from './archive-download';

function streamed(parts: string[], headers: Record<string, string> = {}): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(encoder.encode(part));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'application/zip', ...headers } });
}

describe('downloadArchive', () => {
  it('counts the bytes as they arrive, against Content-Length when the hub sends it', async () => {
    const seen: Progress[] = [];
    const blob = await downloadArchive(
      '/x',
      (p) => seen.push(p),
      async () => streamed(['abc', 'defg'], { 'content-length': '7' }),
    );
    expect(blob.size).toBe(7);
    expect(seen).toEqual([
      { received: 0, total: 7 },
      { received: 3, total: 7 },
      { received: 7, total: 7 },
    ]);
  });

  it('has no total without Content-Length (an indeterminate bar)', async () => {
    const seen: Progress[] = [];
    await downloadArchive(
      '/x',
      (p) => seen.push(p),
      async () => streamed(['ab']),
    );
    expect(seen.at(-1)).toEqual({ received: 2, total: null });
  });

  it('turns a refusal into its code', async () => {
    const refused = async () => new Response(JSON.stringify({ error: 'bad_request' }), { status: 400 });
    await expect(downloadArchive('/x', () => {}, refused)).rejects.toEqual(new OfficeApiError('bad_request', 400));
  });
});

describe('periodProblem', () => {
  it('follows the hub: from ≤ to, less than twelve months later', () => {
    expect(periodProblem('2025-01-01', '2025-12-31')).toBeNull();
    expect(periodProblem('2025-01-01', '2026-01-01')).toBe('tooLong');
    expect(periodProblem('2025-02-01', '2025-01-31')).toBe('order');
    expect(periodProblem('', '2025-01-31')).toBe('order');
  });
});
