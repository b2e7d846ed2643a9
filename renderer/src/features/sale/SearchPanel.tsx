import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useAppStore } from '../../state/app-store';
import { sellCode, sellProduct } from './sell';
import { useSearch } from './use-search';
import { SEARCH_FIELD_ATTRIBUTE } from './use-wedge-scanner';

/** The search box is also where a typed code goes: Enter on digits sells the code, else the first result. */
export function SearchPanel() {
  const { t } = useTranslation();
  const text = useAppStore((s) => s.searchText);
  const focusToken = useAppStore((s) => s.searchFocusToken);
  const setSearchText = useAppStore((s) => s.setSearchText);
  const locale = intlLocale(useAppStore((s) => s.locale));
  const input = useRef<HTMLInputElement>(null);
  const { query, results, done, stock } = useSearch(text);

  useEffect(() => {
    input.current?.focus();
  }, [focusToken]);

  const submit = () => {
    const value = text.trim();
    if (!value) return;
    setSearchText('');
    if (/^[0-9A-Za-z._/-]+$/.test(value) && (results.length === 0 || /^[0-9]+$/.test(value))) void sellCode(value);
    else if (results[0]) void sellProduct(results[0]);
    else void sellCode(value);
  };

  return (
    <div className="search-panel">
      <label className="search-label">
        <span>{t('sale.search')}</span>
        <input
          ref={input}
          type="search"
          value={text}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          placeholder={t('sale.searchPlaceholder')}
          {...{ [SEARCH_FIELD_ATTRIBUTE]: 'search' }}
          onChange={(e) => setSearchText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              submit();
            }
          }}
        />
      </label>
      {query && (
        <ul className="results" aria-label={t('sale.results')}>
          {results.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                aria-label={t('sale.add', { name: p.name })}
                onClick={() => {
                  setSearchText('');
                  void sellProduct(p);
                }}
              >
                <span className="result-name">{p.name}</span>
                <span className="result-sku">
                  {p.sku}
                  {stock.has(p.id) && ` · ${t('sale.stock', { level: stock.get(p.id) })}`}
                </span>
                <span className="result-price">
                  {formatMoney(p.price, p.currency, locale)}
                  {p.measure === 'weight' ? t('sale.perKg') : ''}
                </span>
              </button>
            </li>
          ))}
          {done && results.length === 0 && <li className="no-results">{t('sale.noResults', { query })}</li>}
        </ul>
      )}
    </div>
  );
}
