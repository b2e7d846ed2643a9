import { useTranslation } from 'react-i18next';

type Props = {
  readonly page: number;
  readonly pages: number;
  /** "Page N of M…", read out when it changes. */
  readonly status: string;
  readonly onPage: (page: number) => void;
};

/**
 * Previous and next page of a long list held in memory. At either end a button says it is
 * unavailable (aria-disabled) rather than being disabled, so the keyboard focus stays on it.
 */
export function RowsPager({ page, pages, status, onPage }: Props) {
  const { t } = useTranslation();
  const step = (to: number) => () => {
    if (to >= 1 && to <= pages) onPage(to);
  };
  return (
    <nav className="pager" aria-label={t('catalog.priceLists.pages')}>
      <button type="button" aria-disabled={page <= 1} onClick={step(page - 1)}>
        {t('catalog.priceLists.previousPage')}
      </button>
      <span aria-live="polite" aria-atomic="true">
        {status}
      </span>
      <button type="button" aria-disabled={page >= pages} onClick={step(page + 1)}>
        {t('catalog.priceLists.nextPage')}
      </button>
    </nav>
  );
}
