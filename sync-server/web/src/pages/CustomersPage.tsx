import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useOfficeClient } from '../app/client-context';
import { Field } from '../app/Field';
import type { PageProps } from '../app/page-props';
import { useScopedErrorText } from '../app/use-scoped-error-text';
import { CustomerEditor } from './customers/CustomerEditor';
import { customerName, customersApi, type ChainCustomer, type CustomerChange, type DuplicateGroup } from './customers/customers-api';
import { DuplicatesPanel } from './customers/DuplicatesPanel';

/**
 * The chain's customers (administrators, as the hub checks): found by phone, e-mail, card or name,
 * corrected, and their likely duplicates merged. Personal data: nothing is exported from here.
 */
export default function CustomersPage({ access }: PageProps) {
  const { t } = useTranslation();
  const client = useOfficeClient();
  const api = useMemo(() => customersApi(client), [client]);
  const errorText = useScopedErrorText('customers');
  const canEdit = access === 'edit';
  const [query, setQuery] = useState('');
  const [customers, setCustomers] = useState<readonly ChainCustomer[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [editing, setEditing] = useState<ChainCustomer | null>(null);
  const [groups, setGroups] = useState<readonly DuplicateGroup[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const fail = (error: unknown) => setProblem(errorText(error));
  const search = (text: string, after: string | null = null) => {
    setProblem(null);
    api.search(text, after).then((page) => {
      setCustomers((list) => (after ? [...(list ?? []), ...page.customers] : page.customers));
      setNext(page.next);
    }, fail);
  };
  const loadDuplicates = useCallback(() => {
    api.duplicates().then(setGroups, () => setGroups(null));
  }, [api]);
  useEffect(() => {
    search('');
    loadDuplicates();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, at opening
  }, [api]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    search(query);
  };
  const replace = (customer: ChainCustomer) => setCustomers((list) => (list ?? []).map((c) => (c.id === customer.id ? customer : c)));
  const save = (customer: ChainCustomer, change: CustomerChange) => {
    setNotice(null);
    api.update(customer.id, change).then((saved) => {
      replace(saved);
      setEditing(null);
      setNotice(t('customers.saved', { name: customerName(saved) }));
      loadDuplicates();
    }, fail);
  };
  const merge = (merged: ChainCustomer, kept: ChainCustomer) => {
    setNotice(null);
    api.merge(merged.id, kept.id).then(() => {
      setCustomers((list) => (list ?? []).filter((c) => c.id !== merged.id));
      setNotice(t('customers.merged', { merged: customerName(merged), kept: customerName(kept) }));
      loadDuplicates();
    }, fail);
  };

  return (
    <>
      <form role="search" aria-label={t('customers.searchTitle')} onSubmit={submit}>
        <Field label={t('customers.searchLabel')} value={query} maxLength={200} onChange={(e) => setQuery(e.target.value)} />
        <button type="submit">{t('customers.searchButton')}</button>
      </form>
      {problem !== null && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <p role="status">{notice}</p>
      {editing && <CustomerEditor customer={editing} onSave={(change) => save(editing, change)} onCancel={() => setEditing(null)} />}
      <section aria-labelledby="customers-title">
        <h2 id="customers-title">{t('customers.listTitle')}</h2>
        {customers === null ? (
          <p>{t('app.loading')}</p>
        ) : customers.length === 0 ? (
          <p>{t('customers.none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('customers.fields.name')}</th>
                <th scope="col">{t('customers.fields.email')}</th>
                <th scope="col">{t('customers.fields.phone')}</th>
                <th scope="col">{t('customers.fields.postalCode')}</th>
                <th scope="col">{t('customers.fields.cardNumber')}</th>
                <th scope="col">{t('customers.fields.createdStore')}</th>
                {canEdit && <th scope="col">{t('customers.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {customers.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{customerName(c)}</th>
                  <td>{c.email ?? ''}</td>
                  <td>{c.phone ?? ''}</td>
                  <td>{c.postalCode ?? ''}</td>
                  <td>{c.cardNumber ?? ''}</td>
                  <td>{c.createdStore ?? t('customers.web')}</td>
                  {canEdit && (
                    <td>
                      <button type="button" onClick={() => setEditing(c)} aria-label={t('customers.editOne', { name: customerName(c) })}>
                        {t('customers.edit')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {next && (
          <button type="button" onClick={() => search(query, next)}>
            {t('customers.more')}
          </button>
        )}
      </section>
      <DuplicatesPanel groups={groups} canEdit={canEdit} onMerge={merge} />
    </>
  );
}
