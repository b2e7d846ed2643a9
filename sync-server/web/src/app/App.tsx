import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeClient, OfficeMe } from '../api/office-client';
import { PasswordChangePage } from '../pages/PasswordChangePage';
import { SignInPage } from '../pages/SignInPage';
import { TotpEnrollPage } from '../pages/TotpEnrollPage';
import { OfficeClientContext } from './client-context';
import { Layout } from './Layout';
import { guardSession } from './session-guard';
import { useErrorText } from './use-error-text';

type State =
  | { readonly phase: 'loading' }
  /** `expired`: a page's call found the session ended (the sign-in page says so). */
  | { readonly phase: 'signed-out'; readonly expired?: boolean }
  | { readonly phase: 'failed'; readonly error: unknown }
  /** `arrived`: from a form of this page (sign-in, password, second factor), whose focus the shell takes over. */
  | { readonly phase: 'signed-in'; readonly me: OfficeMe; readonly arrived: boolean };

/**
 * Who is here decides the screen: nobody → sign in; a one-time password → change it; an admin
 * without TOTP → enroll it; else the shell. A session ending under a page brings the sign-in back.
 */
export function App({ client }: { client: OfficeClient }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [state, setState] = useState<State>({ phase: 'loading' });

  const refresh = useCallback(
    (arrived: boolean) => {
      client.me().then(
        (me) => setState(me ? { phase: 'signed-in', me, arrived } : { phase: 'signed-out' }),
        (error: unknown) => setState({ phase: 'failed', error }),
      );
    },
    [client],
  );
  useEffect(() => refresh(false), [refresh]);
  // A page whose call meets a 401 (session expired or revoked) brings the sign-in page back, with why.
  const pagesClient = useMemo(() => guardSession(client, () => setState({ phase: 'signed-out', expired: true })), [client]);

  const signOut = useCallback(() => {
    // Signed out on this screen even if the hub cannot be told: the cookie expires by itself.
    void client.signOut().finally(() => setState({ phase: 'signed-out' }));
  }, [client]);

  switch (state.phase) {
    case 'loading':
      return (
        <main id="main" className="sign-in">
          <p role="status">{t('app.loading')}</p>
        </main>
      );
    case 'failed':
      return (
        <main id="main" className="sign-in">
          <p role="alert" className="error">
            {errorText(state.error)}
          </p>
        </main>
      );
    case 'signed-out':
      return (
        <SignInPage
          client={client}
          notice={state.expired ? t('session.expired') : null}
          onSignedIn={(me) => setState({ phase: 'signed-in', me, arrived: true })}
        />
      );
    case 'signed-in':
      if (state.me.mustChangePassword) return <PasswordChangePage client={client} onChanged={() => refresh(true)} />;
      if (state.me.totpEnrollmentRequired) return <TotpEnrollPage client={client} onEnrolled={() => refresh(true)} />;
      return (
        <OfficeClientContext.Provider value={pagesClient}>
          <Layout me={state.me} onSignOut={signOut} focusHeading={state.arrived} />
        </OfficeClientContext.Provider>
      );
  }
}
