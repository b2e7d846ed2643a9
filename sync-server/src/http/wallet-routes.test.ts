import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadOrCreateLinkKey } from '../signup/link-key';
import { signLink } from '../signup/signed-link';
import { CAMILLE, joinPath, signUp } from '../test-support/signup-client';
import { testTargets } from '../test-support/test-databases';
import { enrolledTills, useTestHub } from '../test-support/test-hub';
import { checkDetachedSignature, makeWalletKeys, testAppleKeys } from '../test-support/wallet-keys';
import { appleSigningOf } from '../wallet/apple-signing';
import { googleIssuerOf } from '../wallet/google-issuer';

// The self-made test certificates (a test "WWDR" CA and a pass certificate it signed), made once for the file.
const keys = makeWalletKeys(mkdtempSync(path.join(tmpdir(), 'pos-wallet-routes-')));
const wallet = {
  apple: appleSigningOf(testAppleKeys(keys)),
  google: googleIssuerOf({
    issuerId: '3388000000022222222',
    classId: '3388000000022222222.club_maison',
    serviceAccountEmail: 'wallet@pos-test.iam.gserviceaccount.com',
    privateKey: keys.googleKey,
  }),
};

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`a member's card in the phone's wallet on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false, wallet, walletBrand: { programName: 'Club Maison', storeName: 'Maison Lyon' } });
    const get = (url: string, headers: Record<string, string> = {}) => ctx().hub.app.inject({ method: 'GET', url, headers });

    /** A member made by the sign-up form, and the wallet links its page offers. */
    const member = async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const done = await signUp(ctx().hub, joinPath(till!.chains.sale(`s-${Math.random().toString(36).slice(2)}`)));
      expect(done.statusCode).toBe(201);
      const hrefs = [...done.body.matchAll(/href="(\/wallet\/[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
      const [row] = await ctx().db.query<{ id: string; card_number: string }>('SELECT id, card_number FROM chain_customers');
      return { till: till!, done, hrefs, id: row!.id, cardNumber: row!.card_number };
    };

    it('offers both wallets after the sign-up, and the Apple pass is a signed .pkpass whose manifest holds every file', async () => {
      const { done, hrefs, id, cardNumber } = await member();
      expect(done.body).toContain('Ajouter à Apple Wallet');
      expect(done.body).toContain('Enregistrer dans Google Wallet');
      const apple = hrefs.find((h) => h.includes('/pass.pkpass'))!;
      expect(apple).toMatch(new RegExp(`^/wallet/${id}/pass\\.pkpass\\?t=`));
      const res = await get(apple);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.apple.pkpass');
      const files = unzipSync(new Uint8Array(res.rawPayload));
      const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Record<string, string>;
      for (const [name, sha1] of Object.entries(manifest)) expect(createHash('sha1').update(files[name]!).digest('hex')).toBe(sha1);
      expect(checkDetachedSignature(files.signature!, files['manifest.json']!, keys.certificate)).toMatchObject({
        digestMatches: true,
        signatureValid: true,
      });
      const pass = JSON.parse(new TextDecoder().decode(files['pass.json'])) as Record<string, unknown>;
      expect(pass).toMatchObject({ serialNumber: id, organizationName: 'Maison Lyon', description: 'Club Maison' });
      expect(JSON.stringify(pass)).toContain(cardNumber);
      // The name as "Camille D.", never the e-mail or the phone.
      expect(JSON.stringify(pass)).toContain('Camille D.');
      expect(JSON.stringify(pass)).not.toContain('example.com');
      expect(JSON.stringify(pass)).not.toContain('612345678');
    });

    it('sends the member to Google Wallet’s save link, and shows the card page with its QR code', async () => {
      const { hrefs, cardNumber, id } = await member();
      const google = await get(hrefs.find((h) => h.includes('/google'))!);
      expect(google.statusCode).toBe(302);
      expect(google.headers.location).toMatch(/^https:\/\/pay\.google\.com\/gp\/v\/save\/[\w-]+\.[\w-]+\.[\w-]+$/);
      const page = await get(hrefs.find((h) => h.startsWith(`/wallet/${id}?t=`))!);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Votre carte de fidélité');
      expect(page.body).toContain(cardNumber);
      expect(page.body).toContain('<svg');
    });

    it('gives nobody another member’s card: a token is for one member, signed by this hub, and expires', async () => {
      const { hrefs, id } = await member();
      const apple = hrefs.find((h) => h.includes('/pass.pkpass'))!;
      const token = new URL(apple, 'http://hub').searchParams.get('t')!;
      // The hub's own key, as its instances share it (a test truncates the table between tests).
      const key = await loadOrCreateLinkKey(ctx().db);
      expect(
        (await get(`/wallet/${id}?t=${encodeURIComponent(signLink(key, 'wallet', id, new Date(Date.now() + 60_000)))}`)).statusCode,
      ).toBe(200);
      const refused = [
        await get(`/wallet/c-someone-else/pass.pkpass?t=${encodeURIComponent(token)}`),
        await get(`/wallet/${id}/pass.pkpass`),
        await get(
          `/wallet/${id}/pass.pkpass?t=${encodeURIComponent(signLink(Buffer.alloc(32, 7), 'wallet', id, new Date(Date.now() + 60_000)))}`,
        ),
        await get(`/wallet/${id}/google?t=${encodeURIComponent(signLink(key, 'wallet', id, new Date(Date.now() - 1000)))}`),
        await get(`/wallet/${id}?t=${encodeURIComponent(signLink(key, 'join-form', id, new Date(Date.now() + 60_000)))}`),
      ];
      for (const res of refused) {
        expect(res.statusCode).toBe(403);
        expect(res.headers['x-error-code']).toBe('wallet_link_invalid');
        expect(res.body).toContain('Ce lien a expiré');
      }
    });

    it('gives a till a member’s signed links on its online path, with its device token only', async () => {
      const { till, id } = await member();
      const links = await ctx().hub.app.inject({
        method: 'GET',
        url: `/api/v1/till/customers/${id}/wallet-links`,
        headers: { authorization: `Bearer ${till.token}` },
      });
      expect(links.statusCode).toBe(200);
      const body = links.json<{ page: string; apple: string; google: string }>();
      expect(body.page).toMatch(new RegExp(`^/wallet/${id}\\?t=`));
      expect((await get(body.apple)).statusCode).toBe(200);
      expect((await ctx().hub.app.inject({ method: 'GET', url: `/api/v1/till/customers/${id}/wallet-links` })).statusCode).toBe(401);
    });
  });

  describe.skipIf(target.skip)(`a hub without wallet certificates on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });

    it('answers wallet_not_configured, and the sign-up page shows the on-screen QR card instead of the buttons', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const done = await signUp(ctx().hub, joinPath(till!.chains.sale('s-noconf')), CAMILLE);
      expect(done.body).not.toContain('Wallet');
      expect(done.body).toContain('<svg');
      const [row] = await ctx().db.query<{ id: string }>('SELECT id FROM chain_customers');
      const token = /href="\/wallet\/[^?"]+\?t=([^"]+)"/.exec(done.body)![1]!;
      for (const url of [`/wallet/${row!.id}/pass.pkpass?t=${token}`, `/wallet/${row!.id}/google?t=${token}`]) {
        const res = await ctx().hub.app.inject({ method: 'GET', url });
        expect(res.statusCode).toBe(404);
        expect(res.headers['x-error-code']).toBe('wallet_not_configured');
        expect(res.body).toContain('présentez le code ci-dessous en caisse');
      }
    });
  });
}
