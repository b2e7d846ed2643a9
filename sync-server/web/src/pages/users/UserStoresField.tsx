import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeRole } from '../../api/office-client';
import { Field } from '../../app/Field';
import { storeLabel } from '../stores/stores-api';
import type { StoreChoice } from './users-api';

type Props = {
  readonly role: OfficeRole;
  /** The chain's stores; undefined while they load; null when they cannot be read (the ids are then typed, in `typed`). */
  readonly choices: readonly StoreChoice[] | null | undefined;
  readonly picked: readonly string[];
  readonly onPick: (stores: readonly string[]) => void;
  readonly typed: string;
  readonly onType: (text: string) => void;
};

/**
 * The stores of a user, picked by their names: one in a select for a store manager, several ticked
 * for the other roles, none for an administrator (who covers them all). A store the user has that
 * the list lacks stays shown, so saving never drops it unseen.
 */
export function UserStoresField({ role, choices, picked, onPick, typed, onType }: Props) {
  const { t } = useTranslation();
  const selectId = useId();
  const helpId = useId();
  if (role === 'admin') return <p className="note">{t('users.adminStores')}</p>;
  if (choices === undefined) return <p role="status">{t('app.loading')}</p>;
  if (choices === null)
    return (
      <>
        <Field
          label={t('users.storesField')}
          aria-describedby={helpId}
          maxLength={20_000}
          value={typed}
          onChange={(e) => onType(e.target.value)}
        />
        <p id={helpId} className="help">
          {t('users.storesUnread')} {t('users.storesHelp')}
        </p>
      </>
    );
  const known = new Set(choices.map((store) => store.storeId));
  const shown = [...choices, ...picked.filter((id) => !known.has(id)).map((storeId) => ({ storeId, name: storeId }))];
  if (shown.length === 0) return <p className="note">{t('users.noStores')}</p>;
  if (role === 'store-manager')
    return (
      <>
        <label htmlFor={selectId}>{t('users.storeLabel')}</label>
        <select id={selectId} value={picked[0] ?? ''} onChange={(e) => onPick(e.target.value ? [e.target.value] : [])}>
          <option value="">{t('users.chooseStore')}</option>
          {shown.map((store) => (
            <option key={store.storeId} value={store.storeId}>
              {storeLabel(store)}
            </option>
          ))}
        </select>
      </>
    );
  const toggle = (storeId: string, on: boolean) =>
    onPick(shown.map((store) => store.storeId).filter((id) => (id === storeId ? on : picked.includes(id))));
  return (
    <fieldset>
      <legend>{t('users.storesLegend')}</legend>
      {shown.map((store) => (
        <label key={store.storeId} className="check">
          <input type="checkbox" checked={picked.includes(store.storeId)} onChange={(e) => toggle(store.storeId, e.target.checked)} />{' '}
          {storeLabel(store)}
        </label>
      ))}
    </fieldset>
  );
}
