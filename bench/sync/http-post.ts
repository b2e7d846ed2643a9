import http from 'node:http';

export type Answer = { readonly status: number; readonly body: string };

/**
 * POSTs a JSON body through node:http on the caller's kept-alive agent: the bench's tills in Node
 * use it rather than fetch, whose body handling (web streams, USV string conversion) costs the
 * client process as much CPU again on these 2 cores, CPU the hub and PostgreSQL then lack.
 */
export function postJson(agent: http.Agent, url: URL, headers: Record<string, string>, text: string): Promise<Answer> {
  // Encoded once: Buffer.byteLength for the length and then the socket's own encoding would walk
  // the (two-byte, as soon as a name has a ’ or an œ) text twice.
  const body = Buffer.from(text, 'utf8');
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': String(body.length) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
