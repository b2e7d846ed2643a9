import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store';
import { useSyncStore } from '../../state/sync-store';
import { sellCode, sellTapped } from './sell';
import { SearchResults } from './SearchResults';
import { useTileWords } from './tiles/ProductTile';
import { QuickKeysPane } from './tiles/QuickKeysPane';
import { startSearch } from './search-runner';
import { useSearch } from './use-search';
import { SEARCH_FIELD_ATTRIBUTE } from './use-wedge-scanner';

/**
 * The search box is also where a typed code goes: Enter on digits sells the code, else the first
 * result. Results are tiles; with nothing searched, the store's tiles take the pane.
 */
export function SearchPanel() {
  const { t } = useTranslation();
  const text = useAppStore((s) => s.searchText);
  const focusToken = useAppStore((s) => s.searchFocusToken);
  const setSearchText = useAppStore((s) => s.setSearchText);
  const words = useTileWords();
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
    else if (results[0]) void sellTapped(results[0]);
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
          onChange={(e) => {
            startSearch(e.target.value, useSyncStore.getState().catalogRevision);
            setSearchText(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              submit();
            }
          }}
        />
      </label>
      {query && <SearchResults query={query} results={results} stock={stock} done={done} words={words} />}
      <QuickKeysPane hidden={query !== ''} />
    </div>
  );
}
