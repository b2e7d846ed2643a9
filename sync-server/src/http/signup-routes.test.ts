import type { SealedRecord } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { loyaltyBalanceAtHub } from '../ledgers/loyalty-balance-read';
import { putLoyaltyProgram } from '../loyalty/loyalty-program-writes';
import { loyaltyProgramBody } from '../test-support/loyalty-programs';
import { testTargets } from '../test-support/test-databases';
import { CAMILLE, joinPath, signUp } from '../test-support/signup-client';
import { client, enrolledTills, useTestHub, type Device } from '../test-support/test-hub';

const PAGE_RATE = { max: 30, timeWindowMs: 60_000 };

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`sign-up from the receipt's QR code on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false, signupRateLimit: { page: PAGE_RATE, send: PAGE_RATE } });
    const push = async (device: Device, records: readonly SealedRecord[]) => {
      for (const reply of await client(ctx().hub, device).pushRecords(records)) expect(reply).toEqual({ conflicts: [], errors: [] });
      await ctx().hub.catchUp();
    };
    const open = (url: string, headers: Record<string, string> = {}, remoteAddress?: string) =>
      ctx().hub.app.inject({ method: 'GET', url, headers, ...(remoteAddress ? { remoteAddress } : {}) });
    const claims = (saleId: string) =>
      ctx().db.query<{ proof: string; status: string; customer_id: string }>(
        'SELECT proof, status, customer_id FROM signup_claims WHERE sale_id = $1 ORDER BY created_at',
        [saleId],
      );
    const customer = (id: string) =>
      ctx().db.query<{
        first_name: string;
        email: string;
        phone_normalised: string;
        card_number: string;
        consents: unknown;
        created_store: string | null;
      }>('SELECT first_name, email, phone_normalised, card_number, consents, created_store FROM chain_customers WHERE id = $1', [id]);

    it('serves a short form a phone shows, French by default, English by the browser or ?lang=', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const path = joinPath(till!.chains.sale('s-form'));
      const res = await open(path);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-[^']+';.*form-action 'self'/);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-frame-options']).toBeDefined();
      expect(res.body).toContain('<html lang="fr">');
      expect(res.body).toContain('<meta name="viewport"');
      for (const label of [
        'Prénom',
        'Nom',
        'E-mail',
        'Téléphone',
        'J’accepte de recevoir les offres du magasin par e-mail',
        'M’inscrire',
      ]) {
        expect(res.body).toContain(label.replace(/’/g, '’'));
      }
      // Every input has its label; the consents are never ticked in advance.
      for (const id of ['firstName', 'lastName', 'email', 'phone']) expect(res.body).toContain(`<label for="${id}">`);
      expect(res.body).not.toContain(' checked');
      expect(res.body).not.toContain('<script');
      const cookie = res.cookies.find((c) => c.name === 'pos_join');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/join' });

      expect((await open(path, { 'accept-language': 'en-GB,en;q=0.9' })).body).toContain('Become a member');
      expect((await open(`${path}?lang=en`)).body).toContain('Sign me up');
      expect((await open(path, { 'accept-language': 'de-DE' })).body).toContain('Devenez membre');
    });

    it('refuses a link that is not a receipt’s, in words', async () => {
      const res = await open('/join/S1/s-1.nothex');
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain('Ce lien d’inscription n’est pas valable');
    });

    it('makes the member of a verified sale at once: the claim, the consents dated with the channel receipt-qr, the card', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const sale = till!.chains.sale('s-claimed');
      await push(till!, [till!.chains.start(), sale]);
      const res = await signUp(ctx().hub, joinPath(sale));
      expect(res.statusCode).toBe(201);
      expect(res.body).toContain('Merci Camille, vous êtes membre : les points de cet achat sont pour vous.');
      const [claim] = await claims('s-claimed');
      expect(claim).toMatchObject({ status: 'claimed' });
      const [member] = await customer(claim!.customer_id);
      expect(member).toMatchObject({ first_name: 'Camille', email: 'camille.durand@example.com', phone_normalised: '+33612345678' });
      expect(member!.consents).toMatchObject({
        email: { given: true, channel: 'receipt-qr' },
        sms: { given: false, channel: 'receipt-qr' },
      });
      expect(Date.now() - Date.parse((member!.consents as { email: { at: string } }).email.at)).toBeLessThan(60_000);
      // The card on the page: its number as a QR code and in words; no wallet button on a hub without certificates.
      expect(member!.card_number).toMatch(/^M\d{3}-\d{3}-\d{3}-\d{3}$/);
      expect(res.body).toContain(member!.card_number);
      expect(res.body).toContain('<svg');
      expect(res.body).not.toContain('Apple Wallet');
      // Nothing personal went into the sealed sale.
      expect(JSON.stringify(sale)).not.toContain('Camille');
    });

    it('keeps a claim made before the sale reached the hub, and decides it when the sale is verified', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const sale = till!.chains.sale('s-offline');
      const guess = await signUp(ctx().hub, joinPath(sale, '0'.repeat(20)), { ...CAMILLE, email: 'someone@example.com' });
      expect(guess.statusCode).toBe(201);
      const res = await signUp(ctx().hub, joinPath(sale));
      expect(res.statusCode).toBe(201);
      expect(res.body).toContain('Votre achat n’est pas encore arrivé au serveur du magasin');
      expect((await claims('s-offline')).map((c) => c.status)).toEqual(['pending', 'pending']);
      await push(till!, [till!.chains.start(), sale]);
      const decided = await claims('s-offline');
      expect(decided.map((c) => c.status)).toEqual(['refused', 'claimed']);
    });

    it('gives a sale’s points once: a second sign-up for it is refused in words, and a wrong proof too', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const sale = till!.chains.sale('s-twice');
      await push(till!, [sale]);
      // A second phone opened the form before the first one sent it.
      const early = await open(joinPath(sale));
      expect((await signUp(ctx().hub, joinPath(sale))).statusCode).toBe(201);
      const again = await ctx().hub.app.inject({
        method: 'POST',
        url: joinPath(sale),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: `pos_join=${early.cookies.find((c) => c.name === 'pos_join')!.value}`,
        },
        payload: new URLSearchParams({
          ...CAMILLE,
          email: 'other@example.com',
          token: /name="token" value="([^"]+)"/.exec(early.body)![1]!,
        }).toString(),
      });
      expect(again.statusCode).toBe(409);
      expect(again.body).toContain('Les points de cet achat ont déjà été attribués à un membre.');
      // Opened again, the same link says so before anything is typed.
      const reopened = await open(joinPath(sale));
      expect(reopened.statusCode).toBe(409);
      expect(reopened.body).toContain('Les points de cet achat ont déjà été attribués à un membre.');
      expect(reopened.body).not.toContain('<form');
      const english = await open(`${joinPath(sale)}?lang=en`);
      expect(english.body).toContain('The points of this purchase already went to a member.');
      const wrong = await signUp(ctx().hub, joinPath(sale, 'f'.repeat(20)));
      expect(wrong.statusCode).toBe(404);
      expect(wrong.body).toContain('Ce lien d’inscription n’est pas valable');
      expect(await claims('s-twice')).toHaveLength(1);
      const [{ n }] = (await ctx().db.query<{ n: number }>('SELECT count(*)::int AS n FROM chain_customers')) as [{ n: number }];
      expect(n).toBe(1);
    });

    it('gives the new member the sale’s points once the sale is verified: at once, or when a pending claim’s sale arrives', async () => {
      const { expiryMonths: _never, ...body } = loyaltyProgramBody({ earn: { kind: 'spend', points: 1, per: 100, tax: 'inclusive' } });
      await putLoyaltyProgram(ctx().db, 'club', body as never);
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const t = till!.chains;
      const now = t.sale('s-points-now', [{ lineId: 'l1', productId: 'prd-1', quantity: 3 }]);
      const later = t.sale('s-points-later', [{ lineId: 'l1', productId: 'prd-1', quantity: 5 }]);
      await push(till!, [t.start(), now]);
      expect((await signUp(ctx().hub, joinPath(now))).statusCode).toBe(201);
      expect((await signUp(ctx().hub, joinPath(later), { ...CAMILLE, email: 'second@example.com' })).statusCode).toBe(201);
      const memberOf = async (saleId: string) => (await claims(saleId))[0]!.customer_id;
      const points = async (saleId: string) =>
        (await loyaltyBalanceAtHub(ctx().db, { customerId: await memberOf(saleId), programId: 'club' })).available;
      expect(await points('s-points-now')).toBe(3);
      expect(await points('s-points-later')).toBe(0);
      await push(till!, [later]);
      expect(await points('s-points-later')).toBe(5);
      const entries = await ctx().db.query<{ entry_id: string }>('SELECT entry_id FROM loyalty_entries ORDER BY entry_id');
      expect(entries.map((e) => e.entry_id)).toEqual(['earn:s-points-later', 'earn:s-points-now']);
    });

    it('gives a sale to one member when two phones send the form at the same moment', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const sale = till!.chains.sale('s-race');
      await push(till!, [sale]);
      const answers = await Promise.all(
        ['one@example.com', 'two@example.com', 'three@example.com'].map((email) =>
          signUp(ctx().hub, joinPath(sale), { ...CAMILLE, email }),
        ),
      );
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409]);
      expect((await claims('s-race')).map((c) => c.status)).toEqual(['claimed']);
      const [{ n }] = (await ctx().db.query<{ n: number }>('SELECT count(*)::int AS n FROM chain_customers')) as [{ n: number }];
      expect(n).toBe(1);
    });

    it('says what to fix in the form, keeping what was typed: a contact is needed, an e-mail must be one', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const path = joinPath(till!.chains.sale('s-fix'));
      const none = await signUp(ctx().hub, path, { firstName: 'Léa', lastName: 'Martin' });
      expect(none.statusCode).toBe(400);
      expect(none.body).toContain('role="alert"');
      expect(none.body).toContain('Indiquez un e-mail ou un téléphone.');
      expect(none.body).toContain('value="Léa"');
      const bad = await signUp(ctx().hub, path, { firstName: 'Léa', lastName: 'Martin', email: 'lea@' });
      expect(bad.body).toContain('Cette adresse e-mail n’est pas valable.');
      // A crafted post past the fields' bounds (the inputs' maxlength) is refused, never cut.
      const long = await signUp(ctx().hub, path, {
        firstName: 'Léa',
        lastName: 'Martin',
        phone: '0'.repeat(41),
        email: `${'a'.repeat(200)}@x.fr`,
      });
      expect(long.statusCode).toBe(400);
      expect(long.body).toContain('Ce numéro n’est pas valable');
      expect(long.body).toContain('Cette adresse e-mail n’est pas valable.');
      expect(await claims('s-fix')).toHaveLength(0);
    });

    it('refuses a post without the form’s cookie or with another link’s token (CSRF), and a body past its bound', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const path = joinPath(till!.chains.sale('s-csrf'));
      const other = joinPath(till!.chains.sale('s-other'));
      const page = await open(other);
      const token = /name="token" value="([^"]+)"/.exec(page.body)![1]!;
      const cookie = page.cookies.find((c) => c.name === 'pos_join')!.value;
      const post = (headers: Record<string, string>, payload: string) =>
        ctx().hub.app.inject({
          method: 'POST',
          url: path,
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
          payload,
        });
      const fields = new URLSearchParams({ ...CAMILLE, token }).toString();
      for (const res of [await post({}, fields), await post({ cookie: `pos_join=${cookie}` }, fields)]) {
        expect(res.statusCode).toBe(403);
        expect(res.body).toContain('Ce formulaire a expiré');
      }
      const huge = await post({ cookie: `pos_join=${cookie}` }, `${fields}&x=${'a'.repeat(5000)}`);
      expect(huge.statusCode).toBe(413);
      expect(await claims('s-csrf')).toHaveLength(0);
    });

    it('limits how often one address opens the form, and says so in French', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const path = joinPath(till!.chains.sale('s-rate'));
      for (let i = 0; i < PAGE_RATE.max; i++) expect((await open(path, {}, '10.9.9.9')).statusCode).toBe(200);
      const limited = await open(path, {}, '10.9.9.9');
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(limited.body).toContain('Trop de tentatives depuis cette connexion');
    });
  });
}
