import { useTranslation } from 'react-i18next';
import { OfficeApiError } from '../api/office-client';
import { useScopedErrorText } from './use-scoped-error-text';

/**
 * The words of a save the hub refused: each problem it names by core's code (`<scope>.problems.<code>`,
 * or `fallbackKey` for a code the page does not word), once each; a refusal without problems in the
 * page's words for its error code.
 */
export function useCodedRefusal(scope: string, fallbackKey: string): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  const errorText = useScopedErrorText(scope);
  return (error) => {
    const problems = error instanceof OfficeApiError ? (error.body as { problems?: { code?: string }[] } | null)?.problems : undefined;
    if (!problems?.length) return errorText(error);
    const words = problems.map((p) => {
      const key = `${scope}.problems.${p.code ?? ''}`;
      return i18n.exists(key) ? t(key) : t(fallbackKey);
    });
    return [...new Set(words)].join(' ');
  };
}
