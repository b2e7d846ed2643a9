import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../app/Field';
import { PanelForm } from '../../app/PanelForm';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import { chosenProductId, choiceText, NO_PRODUCT, type ProductChoice } from '../catalog/product-choice';
import { ProductPicker } from '../catalog/ProductPicker';
import { MAX_PRODUCT_ID, MAX_QUANTITY, newRequestId, type StockApi } from './stock-api';
import { refusedField, useQuantity } from './stock-format';

type Props = {
  readonly api: StockApi;
  readonly storeId: string;
  /** receipt: the quantity delivered; count_adjustment: the quantity counted (the hub records the difference). */
  readonly kind: 'receipt' | 'count_adjustment';
  readonly onDone: () => void;
};

/** A whole number within the bounds, or null. */
export function wholeNumber(text: string, min: number): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,10}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= min && value <= MAX_QUANTITY ? value : null;
}

/** Goods received, or a count of one product: one ledger movement, applied once however often the same submission is sent. */
export function MovementForm({ api, storeId, kind, onDone }: Props) {
  const { t } = useTranslation();
  const errorText = useScopedErrorText('stock');
  const quantityText = useQuantity();
  const words = kind === 'receipt' ? 'stock.receipt' : 'stock.count';
  const [product, setProduct] = useState<ProductChoice>(NO_PRODUCT);
  const [quantity, setQuantity] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const movementId = useRef(newRequestId(kind === 'receipt' ? 'receipt' : 'count'));
  // Any change makes another movement: a new id (the same id with another body would be ignored as already recorded).
  const renew = () => {
    movementId.current = newRequestId(kind === 'receipt' ? 'receipt' : 'count');
  };

  const submit = async () => {
    setDone(null);
    const productId = chosenProductId(product);
    const value = wholeNumber(quantity, kind === 'receipt' ? 1 : 0);
    if (!productId || productId.length > MAX_PRODUCT_ID) return setProblem(t('stock.badProduct'));
    if (value === null)
      return setProblem(t(kind === 'receipt' ? 'stock.badQuantity' : 'stock.badCounted', { max: quantityText(MAX_QUANTITY) }));
    setProblem(null);
    try {
      const base = { movementId: movementId.current, productId };
      const result = await api.record(storeId, kind === 'receipt' ? { ...base, kind, quantity: value } : { ...base, kind, counted: value });
      const level = result.levels.find((l) => l.productId === productId)?.level;
      setDone(
        level === undefined ? t('stock.alreadyRecorded') : t(`${words}.done`, { product: choiceText(product), level: quantityText(level) }),
      );
      renew();
      setProduct(NO_PRODUCT);
      setQuantity('');
      onDone();
    } catch (error) {
      setProblem(refusedField(error)?.endsWith('productId') ? t('stock.unknownProduct', { product: productId }) : errorText(error));
    }
  };

  return (
    <PanelForm title={t(`${words}.title`)} problem={problem} done={done} onSubmit={submit}>
      <p className="note">{t(`${words}.note`)}</p>
      <ProductPicker
        label={t('stock.productPicked')}
        value={product}
        search={api.products}
        maxLength={MAX_PRODUCT_ID}
        onChange={(choice) => {
          renew();
          setProduct(choice);
        }}
      />
      <Field
        label={t(`${words}.quantity`)}
        inputMode="numeric"
        value={quantity}
        maxLength={10}
        onChange={(e) => {
          renew();
          setQuantity(e.target.value);
        }}
      />
      <button type="submit">{t(`${words}.submit`)}</button>
    </PanelForm>
  );
}
