import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OfficeApiError, type OfficeClient } from '../api/office-client';
import { App } from '../app/App';
import { fakeClient, renderWithI18n, userWith } from '../test-support/render';

const ENROLLMENT = {
  secret: 'JBSWY3DPEHPK3PXPJBSWY3DP',
  uri: 'otpauth://totp/POS:ana@example.test?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=POS',
};

describe('an administrator without a second factor', () => {
  it('enrolls one (QR code and key, a wrong code said in French) before seeing the shell', async () => {
    let enrolled = false;
    const confirmTotp = vi.fn<OfficeClient['confirmTotp']>(async (code) => {
      if (code !== '654321') throw new OfficeApiError('totp_invalid', 400);
      enrolled = true;
    });
    const client = fakeClient({
      me: vi.fn(async () => userWith('admin', { totpEnabled: enrolled, totpEnrollmentRequired: !enrolled })),
      startTotp: vi.fn(async () => ENROLLMENT),
      confirmTotp,
    });
    renderWithI18n(<App client={client} />);

    expect(await screen.findByRole('heading', { name: 'Activez la double authentification' })).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(await screen.findByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP')).toBeTruthy();
    const qr = await screen.findByRole('img', { name: 'QR code à scanner avec l’application d’authentification' });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    const code = screen.getByLabelText('Code à 6 chiffres affiché par l’application');
    await waitFor(() => expect(document.activeElement).toBe(code));

    await userEvent.type(code, '111111');
    await userEvent.click(screen.getByRole('button', { name: 'Activer' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Ce code de vérification n’est pas valide : réessayez avec le code affiché.',
    );
    expect(client.startTotp).toHaveBeenCalledTimes(1);

    await userEvent.type(code, '654321');
    await userEvent.click(screen.getByRole('button', { name: 'Activer' }));
    expect(await screen.findByRole('navigation', { name: 'Navigation principale' })).toBeTruthy();
    expect(confirmTotp).toHaveBeenLastCalledWith('654321');
  });
});
