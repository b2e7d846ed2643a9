import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../app/Field';
import { PanelForm } from '../../app/PanelForm';
import { OfficeApiError } from '../../api/office-client';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import type { CatalogApi, Product, VatRate } from './catalog-api';
import { bodyOf, draftOf, EMPTY_DRAFT, type ProductDraft } from './product-draft';
import { useFocusFirst } from './use-focus-first';
import { useProblemText, type CodedProblem } from './use-problem-text';

type Props = {
  readonly api: CatalogApi;
  /** The product to open, or null for a new one. */
  readonly id: string | null;
  readonly vatRates: readonly VatRate[];
  readonly canEdit: boolean;
  readonly onSaved: (product: Product) => void;
  readonly onClose: () => void;
};

/** A product's fields: administrators change and save them (PUT, the whole product); other roles read them. */
export function ProductEditor({ api, id, vatRates, canEdit, onSaved, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useScopedErrorText('catalog');
  const problemText = useProblemText();
  const fieldId = useId();
  const [saved, setSaved] = useState<{ product: Product; deleted: boolean } | null>(null);
  const [draft, setDraft] = useState<ProductDraft>(EMPTY_DRAFT);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const box = useFocusFirst();

  useEffect(() => {
    if (id === null) return;
    api.read(id).then(
      (read) => {
        setSaved(read);
        setDraft(draftOf(read.product, i18n.language));
      },
      (error: unknown) => setProblem(errorText(error)),
    );
    // Read once per product opened (the editor is keyed by it).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, id]);

  const set = (field: Exclude<keyof ProductDraft, 'service'>) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [field]: event.target.value }));

  const save = async () => {
    setDone(null);
    const checked = bodyOf(draft, saved?.product ?? null);
    if ('problem' in checked)
      return setProblem(t(checked.problem === 'price' ? 'catalog.invalidPrice' : `catalog.problems.${checked.problem}`));
    try {
      const product = await api.put(draft.id.trim(), checked.body);
      setSaved({ product, deleted: false });
      setProblem(null);
      setDone(t('catalog.saved', { name: product.name }));
      onSaved(product);
    } catch (error) {
      // 422 invalid_product names each problem by code (a barcode on another product, a wrong check digit…).
      const problems = error instanceof OfficeApiError ? (error.body as { problems?: CodedProblem[] } | null)?.problems : undefined;
      setProblem(problems?.length ? problems.map(problemText).join(' ') : errorText(error));
    }
  };

  const locked = !canEdit;
  const input = (field: 'id' | 'name' | 'sku', maxLength: number) => (
    <Field
      disabled={locked}
      label={t(`catalog.${field}`)}
      value={draft[field]}
      maxLength={maxLength}
      autoComplete="off"
      required
      onChange={set(field)}
    />
  );
  const title = id === null ? t('catalog.newTitle') : t(canEdit ? 'catalog.editTitle' : 'catalog.viewTitle', { id });
  return (
    <div ref={box}>
      <PanelForm title={title} problem={problem} done={done} onSubmit={save}>
        {saved?.deleted && <p className="note">{t('catalog.deleted')}</p>}
        <fieldset>
          <legend className="visually-hidden">{title}</legend>
          {id === null && input('id', 64)}
          {input('name', 200)}
          {input('sku', 64)}
          <label htmlFor={`${fieldId}-barcodes`}>{t('catalog.barcodes')}</label>
          <textarea
            disabled={locked}
            id={`${fieldId}-barcodes`}
            aria-describedby={`${fieldId}-barcodes-help`}
            rows={3}
            maxLength={50 * 65}
            value={draft.barcodes}
            onChange={set('barcodes')}
          />
          <p id={`${fieldId}-barcodes-help`} className="help">
            {t('catalog.barcodesHelp')}
          </p>
          <Field disabled={locked} label={t('catalog.category')} value={draft.category} maxLength={100} onChange={set('category')} />
          <label htmlFor={`${fieldId}-vat`}>{t('catalog.vat')}</label>
          <select disabled={locked} id={`${fieldId}-vat`} value={draft.vatRateId} required onChange={set('vatRateId')}>
            <option value="" disabled>
              {t('catalog.problems.vat')}
            </option>
            {vatRates.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
          <label htmlFor={`${fieldId}-measure`}>{t('catalog.measure')}</label>
          <select disabled={locked} id={`${fieldId}-measure`} value={draft.measure} onChange={set('measure')}>
            <option value="unit">{t('catalog.measures.unit')}</option>
            <option value="weight">{t('catalog.measures.weight')}</option>
          </select>
          <Field
            disabled={locked}
            label={t('catalog.priceEuros')}
            value={draft.price}
            inputMode="decimal"
            maxLength={16}
            required
            onChange={set('price')}
          />
          <label className="check">
            <input
              type="checkbox"
              disabled={locked}
              checked={draft.service}
              aria-describedby={`${fieldId}-service-help`}
              onChange={(e) => setDraft((d) => ({ ...d, service: e.target.checked }))}
            />{' '}
            {t('catalog.service')}
          </label>
          <p id={`${fieldId}-service-help`} className="help">
            {t('catalog.serviceHelp')}
          </p>
        </fieldset>
        {canEdit && <button type="submit">{t('catalog.save')}</button>}{' '}
        <button type="button" onClick={onClose}>
          {t('catalog.close')}
        </button>
      </PanelForm>
    </div>
  );
}
