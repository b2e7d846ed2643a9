/** A phone's fields on the receipt's sign-up form (the hub's /join page). */
export type PhoneFields = Readonly<Record<string, string>>;

export type PhoneAnswer = { readonly status: number; readonly body: string };

/**
 * A customer's phone scanning the receipt's sign-up code: over real HTTP to the hub's own address
 * (a phone reaches the hub on the internet, never through a till), it opens the form, keeps its
 * cookie and token as a browser does, and sends it.
 */
export async function phoneSignUp(hubUrl: string, joinLink: string, fields: PhoneFields): Promise<PhoneAnswer> {
  const link = new URL(joinLink);
  const url = new URL(`${link.pathname}${link.search}`, hubUrl);
  const page = await fetch(url);
  const html = await page.text();
  if (page.status !== 200) return { status: page.status, body: html };
  const token = /name="token" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('pos_join='));
  const sent = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams({ ...fields, token }).toString(),
  });
  return { status: sent.status, body: await sent.text() };
}
