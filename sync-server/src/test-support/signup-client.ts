import { joinProof } from '@pos/core/signup/join-link';
import type { SealedRecord } from '@pos/core';
import type { Hub } from '../server';

/** The path of a sale's sign-up link (core's joinUrl without the hub's address). */
export function joinPath(record: Pick<SealedRecord<'sale'>, 'storeId' | 'id' | 'hash'>, proof = joinProof(record.hash)): string {
  return `/join/${encodeURIComponent(record.storeId)}/${record.id}.${proof}`;
}

export type SignupFields = Readonly<Record<string, string>>;

export const CAMILLE: SignupFields = {
  firstName: 'Camille',
  lastName: 'Durand',
  email: 'camille.durand@example.com',
  phone: '06 12 34 56 78',
  consentEmail: 'on',
};

/** A phone's visit: opens the form (its cookie and token), then sends it with these fields. */
export async function signUp(hub: Hub, path: string, fields: SignupFields = CAMILLE, headers: Record<string, string> = {}) {
  const page = await hub.app.inject({ method: 'GET', url: path, headers });
  const token = /name="token" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const cookie = page.cookies.find((c) => c.name === 'pos_join');
  return hub.app.inject({
    method: 'POST',
    url: path,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie: `pos_join=${cookie.value}` } : {}), ...headers },
    payload: new URLSearchParams({ ...fields, token }).toString(),
  });
}
