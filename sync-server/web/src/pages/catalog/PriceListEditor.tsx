import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../app/Field';
import { PanelForm } from '../../app/PanelForm';
import { OfficeApiError } from '../../api/office-client';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import type { CatalogApi } from './catalog-api';
import { bodyOfList, draftOfList, EMPTY_LIST, newEntry, type EntryDraft, type PriceListDraft } from './price-list-draft';
import { useFocusFirst } from './use-focus-first';
import { useProblemText, type CodedProblem } from './use-problem-text';

type Props = {
  readonly api: CatalogApi;
  /** The list to open, or null for a new one. */
  readonly id: string | null;
  readonly canEdit: boolean;
  readonly onSaved: () => void;
  readonly onClose: () => void;
};

/** A price list: its name and its rows (a product id, a price in euros); administrators change and save it whole. */
export function PriceListEditor({ api, id, canEdit, onSaved, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useScopedErrorText('catalog.priceLists');
  const problemText = useProblemText();
  const [draft, setDraft] = useState<PriceListDraft>(id === null ? { ...EMPTY_LIST, entries: [newEntry()] } : EMPTY_LIST);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const box = useFocusFirst();

  useEffect(() => {
    if (id === null) return;
    api.readPriceList(id).then(
      (read) => setDraft(draftOfList(read, i18n.language)),
      (error: unknown) => setProblem(errorText(error)),
    );
    // Read once per list opened (the editor is keyed by it).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, id]);

  const setRow = (key: number, field: 'productId' | 'price', value: string) =>
    setDraft((d) => ({ ...d, entries: d.entries.map((e) => (e.key === key ? { ...e, [field]: value } : e)) }));
  const removeRow = (key: number) => setDraft((d) => ({ ...d, entries: d.entries.filter((e) => e.key !== key) }));

  const save = async () => {
    setDone(null);
    const checked = bodyOfList(draft);
    if ('problem' in checked)
      return setProblem(t(`catalog.priceLists.problems.${checked.problem}`, 'row' in checked ? { row: checked.row } : {}));
    try {
      const saved = await api.putPriceList(draft.id.trim(), checked.body);
      setDraft(draftOfList(saved, i18n.language));
      setProblem(null);
      setDone(t('catalog.priceLists.saved', { name: saved.priceList.name }));
      onSaved();
    } catch (error) {
      // 422 invalid_price_list names each problem by code (unknown_products lists the ids).
      const problems = error instanceof OfficeApiError ? (error.body as { problems?: CodedProblem[] } | null)?.problems : undefined;
      setProblem(problems?.length ? problems.map(problemText).join(' ') : errorText(error));
    }
  };

  const locked = !canEdit;
  const title =
    id === null ? t('catalog.priceLists.newTitle') : t(canEdit ? 'catalog.priceLists.editTitle' : 'catalog.priceLists.viewTitle', { id });
  const row = (entry: EntryDraft, n: number) => (
    <tr key={entry.key}>
      <td>
        <input
          aria-label={t('catalog.priceLists.productOf', { n })}
          disabled={locked}
          value={entry.productId}
          maxLength={64}
          autoComplete="off"
          onChange={(e) => setRow(entry.key, 'productId', e.target.value)}
        />
      </td>
      <td>
        <input
          aria-label={t('catalog.priceLists.priceOf', { n })}
          disabled={locked}
          value={entry.price}
          inputMode="decimal"
          maxLength={16}
          size={9}
          onChange={(e) => setRow(entry.key, 'price', e.target.value)}
        />
      </td>
      {canEdit && (
        <td>
          <button type="button" aria-label={t('catalog.priceLists.removeRowLabel', { n })} onClick={() => removeRow(entry.key)}>
            {t('catalog.priceLists.removeRow')}
          </button>
        </td>
      )}
    </tr>
  );
  return (
    <div ref={box}>
      <PanelForm title={title} problem={problem} done={done} onSubmit={save}>
        {id === null && (
          <Field
            label={t('catalog.priceLists.id')}
            value={draft.id}
            maxLength={64}
            autoComplete="off"
            required
            onChange={(e) => setDraft((d) => ({ ...d, id: e.target.value }))}
          />
        )}
        <Field
          disabled={locked}
          label={t('catalog.priceLists.name')}
          value={draft.name}
          maxLength={100}
          required
          onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))}
        />
        <table>
          <caption>{t('catalog.priceLists.entriesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('catalog.priceLists.productId')}</th>
              <th scope="col">{t('catalog.priceLists.priceEuros')}</th>
              {canEdit && <th scope="col">{t('catalog.actions')}</th>}
            </tr>
          </thead>
          <tbody>{draft.entries.map((entry, i) => row(entry, i + 1))}</tbody>
        </table>
        {canEdit && (
          <p>
            <button type="button" onClick={() => setDraft((d) => ({ ...d, entries: [...d.entries, newEntry()] }))}>
              {t('catalog.priceLists.addRow')}
            </button>
          </p>
        )}
        {canEdit && <button type="submit">{t('catalog.priceLists.save')}</button>}{' '}
        <button type="button" onClick={onClose}>
          {t('catalog.close')}
        </button>
      </PanelForm>
    </div>
  );
}
