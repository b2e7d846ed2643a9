import { useTranslation } from 'react-i18next';
import { OfficeApiError } from '../api/office-client';
import { errorKey } from '../i18n/i18n';

/** The words for a refusal: its code translated, never the hub's English message. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    const code = error instanceof OfficeApiError ? error.code : 'unknown';
    return t(errorKey(code), { code });
  };
}

export function errorCode(error: unknown): string {
  return error instanceof OfficeApiError ? error.code : 'unknown';
}
