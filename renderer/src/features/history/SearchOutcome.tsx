import { useTranslation } from 'react-i18next';

export type Search =
  | { readonly kind: 'today' }
  | { readonly kind: 'number'; readonly seq: number; readonly number: string }
  | { readonly kind: 'invalid'; readonly text: string };

/** What the history says when it finds nothing: which receipt was looked for, and where. */
export function SearchOutcome({ search }: { search: Search }) {
  const { t } = useTranslation();
  const message =
    search.kind === 'today'
      ? t('history.none')
      : search.kind === 'number'
        ? t('history.notFound', { number: search.number })
        : t('history.invalidNumber', { text: search.text });
  return <p role="status">{message}</p>;
}
