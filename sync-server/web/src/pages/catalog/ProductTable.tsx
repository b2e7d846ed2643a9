import { useTranslation } from 'react-i18next';
import type { CatalogApi, Product, VatRate } from './catalog-api';
import { formatPrice } from './price';
import { QuickPrice } from './QuickPrice';

type Props = {
  readonly api: CatalogApi;
  readonly products: readonly Product[];
  readonly vatRates: readonly VatRate[];
  readonly canEdit: boolean;
  readonly onOpen: (id: string) => void;
  readonly onPriceChanged: (product: Product) => void;
  readonly onProblem: (problem: string) => void;
};

/** The products found: one row each, the price changed in place by administrators. */
export function ProductTable({ api, products, vatRates, canEdit, onOpen, onPriceChanged, onProblem }: Props) {
  const { t, i18n } = useTranslation();
  const vatLabel = (id: string) => vatRates.find((r) => r.id === id)?.label ?? id;
  const price = (p: Product) => {
    const text = formatPrice(p.price, p.currency, i18n.language);
    return p.measure === 'weight' ? t('catalog.perKg', { price: text }) : text;
  };
  return (
    <div className="table-scroll">
      <table>
        <caption>{t('catalog.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('catalog.id')}</th>
            <th scope="col">{t('catalog.name')}</th>
            <th scope="col">{t('catalog.barcodes')}</th>
            <th scope="col">{t('catalog.category')}</th>
            <th scope="col">{t('catalog.vat')}</th>
            <th scope="col">{t('catalog.price')}</th>
            <th scope="col">{t('catalog.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {products.map((p) => (
            <tr key={p.id}>
              <td>{p.id}</td>
              <th scope="row">
                {p.name}
                {p.disabled ? ` (${t('catalog.disabled')})` : ''}
              </th>
              <td>{p.barcodes.join(', ')}</td>
              <td>{p.category || t('catalog.noCategory')}</td>
              <td>{vatLabel(p.vatRateId)}</td>
              <td>
                {price(p)}
                {canEdit && <QuickPrice api={api} product={p} onChanged={onPriceChanged} onProblem={onProblem} />}
              </td>
              <td>
                <button
                  type="button"
                  aria-label={t(canEdit ? 'catalog.editLabel' : 'catalog.viewLabel', { name: p.name })}
                  onClick={() => onOpen(p.id)}
                >
                  {t(canEdit ? 'catalog.edit' : 'catalog.view')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
