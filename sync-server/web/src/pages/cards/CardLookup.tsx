import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOfficeClient } from '../../app/client-context';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import { useNumbers } from '../dashboard/labels';
import { cardIdOf, cardsApi, type CardLedgerView } from './card-lookup';

/**
 * A gift card or store credit looked up by head office, by its code or the hub's card id: its
 * balance, what was loaded and spent, and its newest entries (administrators, as the hub checks).
 */
export function CardLookup() {
  const { t } = useTranslation();
  const n = useNumbers();
  const client = useOfficeClient();
  const api = useMemo(() => cardsApi(client), [client]);
  const errorText = useScopedErrorText('cards');
  const [typed, setTyped] = useState('');
  const [card, setCard] = useState<CardLedgerView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const look = async () => {
    setProblem(null);
    setCard(null);
    const id = await cardIdOf(typed);
    if ('refused' in id) return setProblem(t(`cards.refused.${id.refused}`));
    try {
      setCard(await api.get(id.cardId));
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  return (
    <section aria-labelledby="cards-title">
      <h2 id="cards-title">{t('cards.title')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void look();
        }}
      >
        <label>
          {t('cards.query')}
          <input value={typed} autoComplete="off" maxLength={64} onChange={(e) => setTyped(e.target.value)} />
        </label>
        <button type="submit">{t('cards.look')}</button>
      </form>
      {problem !== null && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {card && (
        <>
          <dl className="card-ledger">
            <dt>{t('cards.kind')}</dt>
            <dd>{t(`cards.kinds.${card.kind}`, { defaultValue: card.kind })}</dd>
            <dt>{t('cards.status')}</dt>
            <dd>{t(`cards.statuses.${card.status}`)}</dd>
            {(['available', 'reserved', 'loaded', 'redeemed', 'refunded', 'expired', 'voided'] as const).map((f) => (
              <div key={f}>
                <dt>{t(`cards.figures.${f}`)}</dt>
                <dd>{n.money(card[f])}</dd>
              </div>
            ))}
          </dl>
          <table>
            <caption>{t('cards.entries')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cards.at')}</th>
                <th scope="col">{t('cards.entryKind')}</th>
                <th scope="col">{t('cards.sale')}</th>
              </tr>
            </thead>
            <tbody>
              {card.entries.map((e) => (
                <tr key={e.entryId}>
                  <td>{n.date(e.at.slice(0, 10))}</td>
                  <td>{t(`cards.entryKinds.${e.kind}`, { defaultValue: e.kind })}</td>
                  <td>{e.saleId ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
