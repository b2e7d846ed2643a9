import { isStoreId } from '@pos/core';
import { useContext, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeMe } from '../api/office-client';
import { OfficeClientContext } from './client-context';

/** The hub's own rule for a store id (core's isStoreId): checked here so a typo never reaches it. */
export { isStoreId };

/** The store a one-store page opens on: the user's first store, or none for an administrator without any. */
export function initialStore(me: OfficeMe): string | null {
  return me.stores[0] ?? null;
}

type StorePickerProps = {
  readonly me: OfficeMe;
  readonly value: string | null;
  readonly onChange: (storeId: string) => void;
};

type Store = { readonly storeId: string; readonly name: string };

/**
 * Which store a page works on. Regional managers, store managers and accountants pick among their
 * stores (from /me); administrators pick from every store (GET /api/v1/admin/stores), and type a
 * store id (validated like the hub does) only while that list is not there (loading, refused, empty).
 */
export function StorePicker({ me, value, onChange }: StorePickerProps) {
  const client = useContext(OfficeClientContext);
  const [stores, setStores] = useState<readonly Store[] | null>(null);
  const admin = me.role === 'admin';
  useEffect(() => {
    if (!admin || !client) return;
    let live = true;
    client.admin('GET', '/stores').then(
      (answer) => {
        const list = (answer as { stores?: unknown } | null)?.stores;
        if (live && Array.isArray(list)) setStores(list as Store[]);
      },
      // Without the list, the administrator types the id as before.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [admin, client]);
  if (!admin) return <StoreSelect me={me} value={value} onChange={onChange} />;
  if (stores !== null && stores.length > 0) return <StoreListSelect stores={stores} value={value} onChange={onChange} />;
  return <StoreIdField me={me} value={value} onChange={onChange} />;
}

function StoreListSelect({ stores, value, onChange }: Omit<StorePickerProps, 'me'> & { readonly stores: readonly Store[] }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="store-picker">
      <label htmlFor={id}>{t('storePicker.label')}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
        {value === null ? <option value="">{t('storePicker.choose')}</option> : null}
        {stores.map((store) => (
          <option key={store.storeId} value={store.storeId}>
            {`${store.name} (${store.storeId})`}
          </option>
        ))}
      </select>
    </div>
  );
}

function StoreSelect({ me, value, onChange }: StorePickerProps) {
  const { t } = useTranslation();
  const id = useId();
  if (me.stores.length === 0) return <p role="status">{t('storePicker.none')}</p>;
  return (
    <div className="store-picker">
      <label htmlFor={id}>{t('storePicker.label')}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
        {value === null ? <option value="">{t('storePicker.choose')}</option> : null}
        {me.stores.map((store) => (
          <option key={store} value={store}>
            {store}
          </option>
        ))}
      </select>
    </div>
  );
}

function StoreIdField({ me, value, onChange }: StorePickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const listId = useId();
  const errorId = useId();
  const [text, setText] = useState(value ?? '');
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const storeId = text.trim();
    const ok = isStoreId(storeId);
    setInvalid(!ok);
    if (ok) onChange(storeId);
  };
  return (
    <form className="store-picker" onSubmit={submit} noValidate>
      <label htmlFor={id}>{t('storePicker.idLabel')}</label>
      <input
        id={id}
        value={text}
        list={me.stores.length > 0 ? listId : undefined}
        autoComplete="off"
        aria-invalid={invalid}
        aria-describedby={invalid ? errorId : undefined}
        onChange={(event) => setText(event.target.value)}
      />
      {me.stores.length > 0 ? (
        <datalist id={listId}>
          {me.stores.map((store) => (
            <option key={store} value={store} />
          ))}
        </datalist>
      ) : null}
      <button type="submit">{t('storePicker.open')}</button>
      {invalid ? (
        <p id={errorId} role="alert" className="error">
          {t('storePicker.invalid')}
        </p>
      ) : null}
    </form>
  );
}
