import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../app/Field';
import { errorCode, useErrorText } from '../../app/use-error-text';
import type { PriceListSummary, StoresApi } from './stores-api';

type Props = { readonly api: StoresApi; readonly value: string; readonly onChange: (priceListId: string) => void };

type Lists =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly lists: readonly PriceListSummary[] }
  | { readonly state: 'unreadable'; readonly why: string };

/**
 * The price list a store sells at: none (catalog prices) or one of the chain's lists. A user whose
 * role may not read the lists (or when they cannot be read) sees the saved choice without changing
 * it; the form then sends it back as it was.
 */
export function PriceListField({ api, value, onChange }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const selectId = useId();
  const helpId = useId();
  const [lists, setLists] = useState<Lists>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    api.priceLists().then(
      (found) => live && setLists({ state: 'ready', lists: found }),
      (error: unknown) =>
        live &&
        setLists({
          state: 'unreadable',
          why:
            errorCode(error) === 'forbidden' ? t('stores.priceListForbidden') : t('stores.priceListUnreadable', { why: errorText(error) }),
        }),
    );
    return () => {
      live = false;
    };
    // t and errorText are new functions each render; the lists are read once per store.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api]);

  if (lists.state === 'unreadable')
    return (
      <>
        <Field label={t('stores.priceList')} value={value === '' ? t('stores.priceListNone') : value} readOnly aria-describedby={helpId} />
        <p id={helpId} className="help">
          {lists.why}
        </p>
      </>
    );
  const known = lists.state === 'ready' ? lists.lists : [];
  // A list deleted since it was chosen: shown as such, kept until another is picked (the hub lets it be).
  const gone = value !== '' && !known.some((list) => list.id === value);
  return (
    <>
      <label htmlFor={selectId}>{t('stores.priceList')}</label>
      <select
        id={selectId}
        value={value}
        disabled={lists.state === 'loading'}
        aria-describedby={helpId}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t('stores.priceListNone')}</option>
        {known.map((list) => (
          <option key={list.id} value={list.id}>
            {t('stores.priceListOption', { name: list.name, id: list.id })}
          </option>
        ))}
        {gone && <option value={value}>{lists.state === 'ready' ? t('stores.priceListGone', { id: value }) : value}</option>}
      </select>
      <p id={helpId} className="help">
        {t('stores.priceListHelp')}
      </p>
    </>
  );
}
