import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PanelForm } from '../../app/PanelForm';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import { chosenProductId, NO_PRODUCT, type ProductChoice } from '../catalog/product-choice';
import { ProductPicker } from '../catalog/ProductPicker';
import { storeLabel, type StoreChoice } from '../stores/stores-api';
import { MAX_LINES, MAX_NOTE, MAX_PRODUCT_ID, MAX_QUANTITY, newRequestId, type StockApi } from './stock-api';
import { FilterField, refusedField, useQuantity } from './stock-format';
import { wholeNumber } from './MovementForm';

type Props = { readonly api: StockApi; readonly storeId: string; readonly onDone: () => void };
type Line = { readonly key: number; readonly product: ProductChoice; readonly quantity: string };

/** Stock sent from this store to another: out of one, into the other, at once; the hub applies a retried submission once. */
export function TransferForm({ api, storeId, onDone }: Props) {
  const { t } = useTranslation();
  const errorText = useScopedErrorText('stock');
  const quantityText = useQuantity();
  const toId = useId();
  const noteId = useId();
  const [stores, setStores] = useState<readonly StoreChoice[] | null>(null);
  const [to, setTo] = useState('');
  const [lines, setLines] = useState<readonly Line[]>([{ key: 0, product: NO_PRODUCT, quantity: '' }]);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const transferId = useRef(newRequestId('transfer'));
  const nextKey = useRef(1);
  useEffect(() => {
    let live = true;
    api.stores().then(
      (list) => live && setStores(list.filter((s) => s.storeId !== storeId)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, storeId]);
  /** Any change makes another transfer: a new id, so the hub never sees two bodies under one. */
  const changed = () => {
    transferId.current = newRequestId('transfer');
  };
  const setLine = (key: number, change: Partial<Line>) => {
    changed();
    // From the current lines: a product is also chosen when the search answers, after other edits.
    setLines((current) => current.map((line) => (line.key === key ? { ...line, ...change } : line)));
  };

  const submit = async () => {
    setDone(null);
    if (!to) return setProblem(t('stock.transfer.noDestination'));
    const parsed = lines.map((line) => ({ productId: chosenProductId(line.product), quantity: wholeNumber(line.quantity, 1) }));
    const bad = parsed.findIndex((line) => !line.productId || line.quantity === null);
    if (bad >= 0) return setProblem(t('stock.transfer.badLine', { line: bad + 1, max: quantityText(MAX_QUANTITY) }));
    if (new Set(parsed.map((l) => l.productId)).size < parsed.length) return setProblem(t('stock.transfer.twice'));
    setProblem(null);
    try {
      const result = await api.transfer({
        id: transferId.current,
        from: storeId,
        to,
        lines: parsed.map((line) => ({ productId: line.productId, quantity: line.quantity! })),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setDone(t(result.applied ? 'stock.transfer.done' : 'stock.alreadyRecorded', { count: parsed.length, to }));
      changed();
      setLines([{ key: nextKey.current++, product: NO_PRODUCT, quantity: '' }]);
      setNote('');
      onDone();
    } catch (error) {
      const field = refusedField(error);
      const line = /^lines\[(\d+)\]\.productId$/.exec(field ?? '');
      setProblem(line ? t('stock.unknownProduct', { product: parsed[Number(line[1])]?.productId ?? '' }) : errorText(error));
    }
  };

  return (
    <PanelForm title={t('stock.transfer.title')} problem={problem} done={done} onSubmit={submit}>
      <p className="note">{t('stock.transfer.note', { store: storeId })}</p>
      <label htmlFor={toId}>{t('stock.transfer.to')}</label>
      <select
        id={toId}
        value={to}
        onChange={(e) => {
          changed();
          setTo(e.target.value);
        }}
      >
        <option value="">{t('stock.transfer.chooseStore')}</option>
        {(stores ?? []).map((store) => (
          <option key={store.storeId} value={store.storeId}>
            {storeLabel(store)}
          </option>
        ))}
      </select>
      {stores !== null && stores.length === 0 && <p className="note">{t('stock.transfer.noOtherStore')}</p>}
      <fieldset>
        <legend>{t('stock.transfer.lines')}</legend>
        {lines.map((line, index) => (
          <div key={line.key} className="transfer-line">
            <ProductPicker
              label={t('stock.transfer.lineProduct', { line: index + 1 })}
              value={line.product}
              search={api.products}
              maxLength={MAX_PRODUCT_ID}
              onChange={(product) => setLine(line.key, { product })}
            />
            <FilterField
              label={t('stock.transfer.lineQuantity', { line: index + 1 })}
              inputMode="numeric"
              value={line.quantity}
              maxLength={10}
              onChange={(e) => setLine(line.key, { quantity: e.target.value })}
            />
            {lines.length > 1 && (
              <button
                type="button"
                onClick={() => {
                  changed();
                  setLines(lines.filter((other) => other.key !== line.key));
                }}
              >
                {t('stock.transfer.removeLine', { line: index + 1 })}
              </button>
            )}
          </div>
        ))}
        {lines.length < MAX_LINES && (
          <button
            type="button"
            onClick={() => {
              changed();
              setLines([...lines, { key: nextKey.current++, product: NO_PRODUCT, quantity: '' }]);
            }}
          >
            {t('stock.transfer.addLine')}
          </button>
        )}
      </fieldset>
      <label htmlFor={noteId}>{t('stock.transfer.noteLabel')}</label>
      <textarea
        id={noteId}
        value={note}
        maxLength={MAX_NOTE}
        rows={2}
        onChange={(e) => {
          changed();
          setNote(e.target.value);
        }}
      />
      <button type="submit">{t('stock.transfer.submit')}</button>
    </PanelForm>
  );
}
