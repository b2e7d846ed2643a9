import { useTranslation } from 'react-i18next';

/** A problem the hub names by code (an import row error, a product's field): its params fill the words. */
export type CodedProblem = { readonly code?: string; readonly params?: Readonly<Record<string, string>> };

/** The words of a coded problem in the page's language (catalog.importErrors), never the hub's English. */
export function useProblemText(): (problem: CodedProblem) => string {
  const { t, i18n } = useTranslation();
  return (problem) => {
    const key = `catalog.importErrors.${problem.code ?? 'other'}`;
    return t(i18n.exists(key) ? key : 'catalog.importErrors.other', problem.params ?? {});
  };
}
