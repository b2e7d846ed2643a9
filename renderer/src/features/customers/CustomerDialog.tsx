import { CUSTOMER_LIMITS } from '@pos/core/customers/customer-contact';
import { CUSTOMER_QUERY_LIMITS } from '@pos/core/customers/customer-query';
import { PosError, type CartCustomer, type CustomerDraft, type CustomerMatchView } from '@pos/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, type DialogRequest } from '../../state/dialog-store';
import { services } from '../../state/services';
import { Modal } from '../dialogs/Modal';
import { CustomerHistory } from './CustomerHistory';
import { CustomerWalletCard } from './CustomerWalletCard';

type Request = Extract<DialogRequest, { kind: 'customer' }>;

/** How a match is read out at the counter: its name, then what tells two Durand apart. */
export function matchLabel(m: CustomerMatchView): string {
  return [m.lastName, m.firstName].filter(Boolean).join(' ') || m.id;
}

type Search =
  | { state: 'idle' }
  | { state: 'searching' }
  | { state: 'found'; customers: readonly CustomerMatchView[]; source: 'hub' | 'local' }
  | { state: 'offline' };

/** What the cart keeps of a match: its id, its label, and the first name that greets the member on the customer display. */
function attached(m: CustomerMatchView): CartCustomer {
  return { id: m.id, label: matchLabel(m), ...(m.firstName ? { firstName: m.firstName } : {}) };
}

/**
 * The customer of the sale: found among the chain's at the hub, or offline among those of this
 * store the till keeps (said so above the list), or created here, also offline (the host keeps it
 * and sends it when the hub answers). The list shows only what recognises a person (the screen
 * may face the queue). The customer's purchases in every store are a tab (online only).
 */
export function CustomerDialog({ request }: { request: Request }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'search' | 'create' | 'history' | 'wallet'>('search');
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<Search>({ state: 'idle' });
  const [chosen, setChosen] = useState<string>('');
  const [draft, setDraft] = useState({ lastName: '', firstName: '', phone: '', email: '', sms: false, mail: false });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const failure = (e: unknown) => {
    if (e instanceof PosError && e.code === 'HUB_UNREACHABLE') return t('customers.offline');
    if (e instanceof PosError && e.code === 'HUB_REFUSED' && typeof e.details?.hubCode === 'string')
      return t(`customers.refused.${e.details.hubCode}`, { defaultValue: t('customers.refused.other') });
    // The host refuses a search the hub would refuse, before asking it (also offline).
    if (e instanceof PosError && e.code === 'INVALID_REQUEST' && typeof e.details?.query === 'string')
      return t('customers.refused.invalid_customer_query');
    return t('customers.refused.other');
  };

  const runSearch = async () => {
    if (query.trim().length < 2) return setError(t('customers.queryShort'));
    setError(null);
    setSearch({ state: 'searching' });
    try {
      const answer = await services().bridge.invoke('customers.search', { query: query.trim() });
      setSearch({ state: 'found', customers: answer.customers, source: answer.source });
      setChosen(answer.customers[0]?.id ?? '');
    } catch (e) {
      if (e instanceof PosError && e.code === 'HUB_UNREACHABLE') setSearch({ state: 'offline' });
      else {
        setSearch({ state: 'idle' });
        setError(failure(e));
      }
    }
  };

  const create = async () => {
    if (!draft.lastName.trim()) return setError(t('customers.lastNameRequired'));
    const at = new Date().toISOString();
    const customer: CustomerDraft = {
      lastName: draft.lastName.trim(),
      ...(draft.firstName.trim() ? { firstName: draft.firstName.trim() } : {}),
      ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}),
      ...(draft.email.trim() ? { email: draft.email.trim() } : {}),
      ...(draft.sms || draft.mail
        ? { consents: { ...(draft.mail ? { email: { given: true, at } } : {}), ...(draft.sms ? { sms: { given: true, at } } : {}) } }
        : {}),
    };
    setBusy(true);
    try {
      const id = crypto.randomUUID();
      const saved = await services().bridge.invoke('customers.create', { id, customer });
      const label = [customer.lastName, customer.firstName].filter(Boolean).join(' ');
      const firstName = customer.firstName ? { firstName: customer.firstName } : {};
      answer({ kind: 'customer', customer: { id: saved.id, label, ...firstName } satisfies CartCustomer });
    } catch (e) {
      setError(failure(e));
    } finally {
      setBusy(false);
    }
  };

  const submit = () => {
    if (mode === 'create') return void create();
    if (mode === 'history' || mode === 'wallet') return setMode('search');
    const match = found();
    if (!match) return void runSearch();
    answer({ kind: 'customer', customer: attached(match) });
  };

  const found = () => (search.state === 'found' ? search.customers.find((c) => c.id === chosen) : undefined);
  /** Whose history the tab shows: the match chosen in the list, else the customer of the sale. */
  const historyOf = (() => {
    const match = found();
    if (match) return { id: match.id, name: matchLabel(match) };
    return request.current ? { id: request.current.id, name: request.current.label } : null;
  })();

  const field = (key: 'lastName' | 'firstName' | 'phone' | 'email', max: number) => (
    <label>
      <span>{t(`customers.fields.${key}`)}</span>
      <input value={draft[key]} maxLength={max} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
    </label>
  );

  return (
    <Modal title={t('customers.title')} onSubmit={submit} error={error} submitDisabled={busy || search.state === 'searching'}>
      {request.current && (
        <p>
          {t('customers.current', { name: request.current.label })}{' '}
          <button type="button" onClick={() => answer({ kind: 'customer', customer: null })}>
            {t('customers.remove')}
          </button>
        </p>
      )}
      {mode === 'wallet' && historyOf ? (
        <>
          <CustomerWalletCard customerId={historyOf.id} name={historyOf.name} />
          <button type="button" onClick={() => setMode('search')}>
            {t('customers.backToSearch')}
          </button>
        </>
      ) : mode === 'history' && historyOf ? (
        <>
          <CustomerHistory customerId={historyOf.id} name={historyOf.name} />
          <button type="button" onClick={() => setMode('search')}>
            {t('customers.backToSearch')}
          </button>
        </>
      ) : mode === 'search' ? (
        <>
          <label>
            <span>{t('customers.query')}</span>
            <input value={query} maxLength={CUSTOMER_QUERY_LIMITS.maxLength} autoFocus onChange={(e) => setQuery(e.target.value)} />
          </label>
          <button type="button" onClick={() => void runSearch()}>
            {t('customers.search')}
          </button>{' '}
          <button type="button" onClick={() => setMode('create')}>
            {t('customers.new')}
          </button>
          {historyOf && (
            <>
              {' '}
              <button type="button" onClick={() => setMode('history')}>
                {t('customers.history.tab')}
              </button>{' '}
              <button type="button" onClick={() => setMode('wallet')}>
                {t('customers.wallet.tab')}
              </button>
            </>
          )}
          <p role="status">
            {search.state === 'searching'
              ? t('customers.searching')
              : search.state === 'offline'
                ? t('customers.offline')
                : search.state === 'found' && search.source === 'local'
                  ? t(search.customers.length === 0 ? 'customers.noneLocal' : 'customers.local')
                  : search.state === 'found' && search.customers.length === 0
                    ? t('customers.none')
                    : ''}
          </p>
          {search.state === 'found' && search.customers.length > 0 && (
            <fieldset className="choices">
              <legend className="visually-hidden">{t('customers.results')}</legend>
              {search.customers.map((c) => (
                <label key={c.id}>
                  <input type="radio" name="customer" value={c.id} checked={chosen === c.id} onChange={() => setChosen(c.id)} />
                  <span>{matchLabel(c)}</span>
                  <span className="line-note">
                    {[
                      c.postalCode,
                      c.phoneEnd && t('customers.phoneEnd', { end: c.phoneEnd }),
                      c.emailHint,
                      c.cardEnd && t('customers.cardEnd', { end: c.cardEnd }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </label>
              ))}
            </fieldset>
          )}
        </>
      ) : (
        <fieldset>
          <legend>{t('customers.new')}</legend>
          {field('lastName', CUSTOMER_LIMITS.nameLength)}
          {field('firstName', CUSTOMER_LIMITS.nameLength)}
          {field('phone', CUSTOMER_LIMITS.phoneLength)}
          {field('email', CUSTOMER_LIMITS.emailLength)}
          <label>
            <input type="checkbox" checked={draft.mail} onChange={(e) => setDraft({ ...draft, mail: e.target.checked })} />
            <span>{t('customers.consentEmail')}</span>
          </label>
          <label>
            <input type="checkbox" checked={draft.sms} onChange={(e) => setDraft({ ...draft, sms: e.target.checked })} />
            <span>{t('customers.consentSms')}</span>
          </label>
          <button type="button" onClick={() => setMode('search')}>
            {t('customers.backToSearch')}
          </button>
        </fieldset>
      )}
    </Modal>
  );
}
