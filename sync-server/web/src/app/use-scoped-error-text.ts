import { useTranslation } from 'react-i18next';
import { errorCode, useErrorText } from './use-error-text';

/**
 * The words for a refusal on one page: its own meaning of a code where it has one (`<scope>.errors.<code>`:
 * "already_exists" is a badge on the staff page, a till on the stores page), else the app's.
 */
export function useScopedErrorText(scope: string): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  const general = useErrorText();
  return (error) => {
    const key = `${scope}.errors.${errorCode(error)}`;
    return i18n.exists(key) ? t(key) : general(error);
  };
}
