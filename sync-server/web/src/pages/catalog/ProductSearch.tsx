import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButtons } from '../../app/export/ExportButtons';
import { Field } from '../../app/Field';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import type { CatalogApi, Product, VatRate } from './catalog-api';
import { formatPrice } from './price';
import { ProductTable } from './ProductTable';

type Props = {
  readonly api: CatalogApi;
  readonly vatRates: readonly VatRate[];
  readonly canEdit: boolean;
  /** Changes when the catalog changed elsewhere on the page (an editor's save, an import): the search runs again. */
  readonly reloadKey: number;
  readonly onOpen: (id: string) => void;
};

const PAGE = 50;

/** Finds products by name words, id, SKU or barcode, in a category, 50 at a time (the hub's keyset pages). */
export function ProductSearch({ api, vatRates, canEdit, reloadKey, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useScopedErrorText('catalog');
  const categoryId = useId();
  const [text, setText] = useState('');
  const [category, setCategory] = useState('');
  const [query, setQuery] = useState({ q: '', category: '' });
  const [categories, setCategories] = useState<readonly string[]>([]);
  const [products, setProducts] = useState<readonly Product[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(
    async (after: string | null) => {
      try {
        const page = await api.search({ ...query, limit: PAGE, ...(after ? { after } : {}) });
        setProducts((shown) => (after && shown ? [...shown, ...page.products] : page.products));
        setNext(page.next);
        setProblem(null);
      } catch (error) {
        setProblem(errorText(error));
      }
    },
    // errorText is a new function each render; the list depends on the query alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, query],
  );
  useEffect(() => void load(null), [load, reloadKey]);
  useEffect(() => {
    api.categories().then(setCategories, () => setCategories([]));
  }, [api, reloadKey]);

  const priceChanged = (product: Product) => {
    setProducts((shown) => shown?.map((p) => (p.id === product.id ? product : p)) ?? null);
    setProblem(null);
    setDone(t('catalog.priceChanged', { name: product.name, price: formatPrice(product.price, product.currency, i18n.language) }));
  };
  const showProblem = (text: string) => {
    setDone(null);
    setProblem(text);
  };

  return (
    <section className="panel" aria-labelledby={`${categoryId}-title`}>
      <h2 id={`${categoryId}-title`}>{t('catalog.searchTitle')}</h2>
      <form
        role="search"
        className="catalog-search"
        onSubmit={(event) => {
          event.preventDefault();
          setDone(null);
          setQuery({ q: text.trim(), category });
        }}
      >
        <Field label={t('catalog.search')} type="search" value={text} maxLength={200} onChange={(e) => setText(e.target.value)} />
        <label htmlFor={categoryId}>{t('catalog.category')}</label>
        <select id={categoryId} value={category} onChange={(e) => setCategory(e.target.value)}>
          <option value="">{t('catalog.allCategories')}</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>{' '}
        <button type="submit">{t('catalog.searchButton')}</button>
      </form>
      {problem !== null && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {done !== null && <p role="status">{done}</p>}
      {products !== null && products.length === 0 && <p>{t('catalog.empty')}</p>}
      {products !== null && products.length > 0 && (
        <ProductTable
          api={api}
          products={products}
          vatRates={vatRates}
          canEdit={canEdit}
          onOpen={onOpen}
          onPriceChanged={priceChanged}
          onProblem={showProblem}
        />
      )}
      <ExportButtons path="/products" query={query} label={t('catalog.exportLabel')} />
      {next !== null && (
        <button type="button" onClick={() => void load(next)}>
          {t('catalog.more')}
        </button>
      )}
    </section>
  );
}
