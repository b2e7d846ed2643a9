import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { OfficeClient, OfficeMe, OfficeRole } from '../api/office-client';
import { createI18n, type Locale } from '../i18n/i18n';

/** Renders with the bundled dictionaries, French unless told. */
export function renderWithI18n(ui: ReactElement, locale: Locale = 'fr'): RenderResult {
  return render(<I18nextProvider i18n={createI18n(locale)}>{ui}</I18nextProvider>);
}

export function userWith(role: OfficeRole, more: Partial<OfficeMe> = {}): OfficeMe {
  return {
    id: 'u1',
    email: 'anne@example.test',
    name: 'Anne Martin',
    role,
    stores: ['S1'],
    totpEnabled: true,
    mustChangePassword: false,
    totpEnrollmentRequired: false,
    ...more,
  };
}

/** A client whose every call fails unless the test gives it an answer. */
export function fakeClient(overrides: Partial<OfficeClient> = {}): OfficeClient {
  const never = () => Promise.reject(new Error('not expected in this test'));
  return {
    me: never,
    signIn: never,
    signOut: never,
    changePassword: never,
    startTotp: never,
    confirmTotp: never,
    admin: never,
    office: never,
    ...overrides,
  };
}
