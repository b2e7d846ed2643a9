import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../app/Field';
import { PanelForm } from '../../app/PanelForm';
import { OfficeApiError } from '../../api/office-client';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import type { EditorProps } from './editor-props';
import { bodyOfList, draftOfList, EMPTY_LIST, newEntry, type PriceListDraft } from './price-list-draft';
import { NO_FILTER, pageOfIndex, rowFilter, rowOfProblem, type ListProblem, type RowFilter } from './price-list-rows';
import { PriceListRows, type RowField, type RowTarget } from './PriceListRows';
import { useFocusFirst } from './use-focus-first';
import { useProblemText, type CodedProblem } from './use-problem-text';

/**
 * A price list: its name and its rows (a product id, a price in euros), shown a page at a time;
 * administrators change and save it whole. A problem, found here or by the hub, is said with its
 * row number and its row is shown, its input focused.
 */
export function PriceListEditor({ api, id, canEdit, onSaved, onClose }: EditorProps) {
  const { t, i18n } = useTranslation();
  const errorText = useScopedErrorText('catalog.priceLists');
  const problemText = useProblemText();
  const [draft, setDraft] = useState<PriceListDraft>(id === null ? { ...EMPTY_LIST, entries: [newEntry()] } : EMPTY_LIST);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [filter, setFilter] = useState<RowFilter>(NO_FILTER);
  const [page, setPage] = useState(1);
  const [invalid, setInvalid] = useState<RowTarget | null>(null);
  // A new object each time, so the same input is focused again after another save.
  const [focus, setFocus] = useState<RowTarget | null>(null);
  const box = useFocusFirst();

  useEffect(() => {
    if (id === null) return;
    api.readPriceList(id).then(
      (read) => {
        const loaded = draftOfList(read, i18n.language);
        setDraft(loaded);
        setFilter((f) => rowFilter(loaded.entries, f.text));
      },
      (error: unknown) => setProblem(errorText(error)),
    );
    // Read once per list opened (the editor is keyed by it).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, id]);

  useEffect(() => {
    if (focus) box.current?.querySelector<HTMLInputElement>(`input[data-row="${focus.row}"][data-field="${focus.field}"]`)?.focus();
  }, [box, focus]);

  // Stable, so the page's rows (memoised) re-render only when their own entry changes.
  const setRow = useCallback(
    (key: number, field: RowField, value: string) =>
      setDraft((d) => ({ ...d, entries: d.entries.map((e) => (e.key === key ? { ...e, [field]: value } : e)) })),
    [],
  );
  const removeRow = useCallback((key: number) => {
    setDraft((d) => ({ ...d, entries: d.entries.filter((e) => e.key !== key) }));
    // The rows below move up a number: the one marked would no longer be the one found wrong.
    setInvalid(null);
  }, []);
  /** Every row again (a filter could hide it), on the row's page, its input focused. */
  const showRow = (target: RowTarget) => {
    setFilter(NO_FILTER);
    setPage(pageOfIndex(target.row - 1));
    setFocus({ ...target });
  };
  /** A row found wrong: marked invalid, and shown. */
  const flagRow = (row: number, field: RowField) => {
    setInvalid({ row, field });
    showRow({ row, field });
  };
  const addRow = () => {
    setDraft((d) => ({ ...d, entries: [...d.entries, newEntry()] }));
    showRow({ row: draft.entries.length + 1, field: 'productId' });
  };

  const save = async () => {
    setDone(null);
    setInvalid(null);
    const checked = bodyOfList(draft);
    if ('problem' in checked) {
      if ('row' in checked) flagRow(checked.row, checked.problem === 'price' ? 'price' : 'productId');
      return setProblem(t(`catalog.priceLists.problems.${checked.problem}`, 'row' in checked ? { row: checked.row } : {}));
    }
    try {
      const saved = await api.putPriceList(draft.id.trim(), checked.body);
      const stored = draftOfList(saved, i18n.language);
      setDraft(stored);
      // The hub's rows are new ones (in product id order): the filter picks them again.
      setFilter((f) => rowFilter(stored.entries, f.text));
      setProblem(null);
      setDone(t('catalog.priceLists.saved', { name: saved.priceList.name }));
      onSaved();
    } catch (error) {
      // 422 invalid_price_list names each problem by code (unknown_products lists the ids).
      const problems =
        error instanceof OfficeApiError ? (error.body as { problems?: (CodedProblem & ListProblem)[] } | null)?.problems : undefined;
      if (!problems?.length) return setProblem(errorText(error));
      const words = problems.map(problemText).join(' ');
      const found = problems.map((p) => ({ p, row: rowOfProblem(p, checked.rows, draft.entries) })).find((f) => f.row !== null);
      if (!found?.row) return setProblem(words);
      flagRow(found.row, found.p.code === 'entry_price_range' ? 'price' : 'productId');
      setProblem(`${words} ${t('catalog.priceLists.atRow', { row: found.row, page: pageOfIndex(found.row - 1) })}`);
    }
  };

  const locked = !canEdit;
  const title =
    id === null ? t('catalog.priceLists.newTitle') : t(canEdit ? 'catalog.priceLists.editTitle' : 'catalog.priceLists.viewTitle', { id });
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
        <PriceListRows
          entries={draft.entries}
          canEdit={canEdit}
          filter={filter}
          page={page}
          invalid={invalid}
          onFilter={(text) => {
            setFilter(rowFilter(draft.entries, text));
            setPage(1);
          }}
          onPage={setPage}
          onChange={setRow}
          onRemove={removeRow}
        />
        {canEdit && (
          <p>
            <button type="button" onClick={addRow}>
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
