import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import type { CatalogApi, Product } from './catalog-api';
import { centsOf, euroText } from './price';

type Props = {
  readonly api: CatalogApi;
  readonly product: Product;
  readonly onChanged: (product: Product) => void;
  readonly onProblem: (problem: string) => void;
};

/** A price changed from its row: euros typed, cents sent (PATCH), online tills told by the hub at once. */
export function QuickPrice({ api, product, onChanged, onProblem }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useScopedErrorText('catalog');
  const [text, setText] = useState(() => euroText(product.price, i18n.language));
  const [busy, setBusy] = useState(false);
  // A price saved (here or elsewhere) is shown as saved; the input keeps its focus.
  useEffect(() => setText(euroText(product.price, i18n.language)), [product.price, i18n.language]);

  const submit = async () => {
    const cents = centsOf(text);
    if (cents === null) return onProblem(t('catalog.invalidPrice'));
    setBusy(true);
    try {
      onChanged(await api.changePrice(product.id, cents));
    } catch (error) {
      onProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="quick-price"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <input
        aria-label={t('catalog.priceOf', { name: product.name })}
        inputMode="decimal"
        size={9}
        maxLength={16}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />{' '}
      <button type="submit" disabled={busy} aria-label={t('catalog.changePriceLabel', { name: product.name })}>
        {t('catalog.changePrice')}
      </button>
    </form>
  );
}
