import { useTranslation } from 'react-i18next';
import { OfficeApiError } from '../../api/office-client';
import { useScopedErrorText } from '../../app/use-scoped-error-text';

type CodedProblem = { readonly code?: unknown; readonly params?: Readonly<Record<string, string>> };

/**
 * The words of a refused save: each problem the hub names by a code this page has words for
 * (stores.problems.<code>: a price list gone…), and the refusal's own sentence for the others.
 */
export function useSettingsRefusal(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  const errorText = useScopedErrorText('stores');
  return (error) => {
    const listed = error instanceof OfficeApiError ? (error.body as { problems?: unknown } | null)?.problems : undefined;
    const problems = Array.isArray(listed) ? (listed as CodedProblem[]) : [];
    const keyOf = (problem: CodedProblem) => `stores.problems.${String(problem.code)}`;
    const said = problems.filter((p) => i18n.exists(keyOf(p)));
    const words = said.map((p) => t(keyOf(p), p.params ?? {}));
    return (said.length === problems.length && said.length > 0 ? words : [...words, errorText(error)]).join(' ');
  };
}
