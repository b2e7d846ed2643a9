import type { CustomerDisplayState } from '@pos/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useAppStore } from '../../state/app-store';
import { useQrSvg } from '../receipt/use-qr-svg';

/** A link as a QR code the customer scans with a phone. */
function LinkCode({ url }: { url: string }) {
  const svg = useQrSvg(url, 4);
  return svg ? <div className="signup-code" role="img" aria-label={url} dangerouslySetInnerHTML={{ __html: svg }} /> : null;
}

/** The member of the sale: greeted by first name, with their points when the till knows them. */
function MemberGreeting({ member }: { member: NonNullable<CustomerDisplayState['member']> }) {
  const { t } = useTranslation();
  return (
    <p className="member">
      {t('customer.hello', { name: member.name })}
      {member.points !== undefined && <> · {t('customer.points', { count: member.points })}</>}
    </p>
  );
}

/** What the customer sees on the second screen: the sale as it is rung up, the change, a welcome. */
export function CustomerDisplay({ state, storeName }: { state: CustomerDisplayState | null; storeName: string }) {
  const { t } = useTranslation();
  const locale = intlLocale(useAppStore((s) => s.locale));
  const money = (amount: number) => formatMoney(amount, state?.currency ?? 'EUR', locale);
  if (!state || state.phase === 'idle') {
    return (
      <main className="customer-display idle">
        <h1>{state?.member ? t('customer.hello', { name: state.member.name }) : t('customer.welcome')}</h1>
        {state?.member?.points !== undefined && <p className="member">{t('customer.points', { count: state.member.points })}</p>}
        <p>{storeName}</p>
        {state?.loyaltyUrl && (
          <figure>
            <LinkCode url={state.loyaltyUrl} />
            <figcaption>{t('customer.joinLoyalty')}</figcaption>
          </figure>
        )}
      </main>
    );
  }
  if (state.phase === 'paid') {
    return (
      <main className="customer-display paid">
        <p className="total">
          {t('customer.total')} <strong>{money(state.total)}</strong>
        </p>
        {state.change !== undefined && (
          <p className="change" role="status">
            {t('customer.change')} <strong>{money(state.change)}</strong>
          </p>
        )}
        {state.receiptUrl && (
          <figure className="receipt-code">
            <LinkCode url={state.receiptUrl} />
            <figcaption>{t('customer.receiptCode')}</figcaption>
          </figure>
        )}
        {state.joinUrl && (
          <figure className="join-code">
            <LinkCode url={state.joinUrl} />
            <figcaption>{t('customer.joinCode')}</figcaption>
          </figure>
        )}
        <p>{t('customer.thanks')}</p>
      </main>
    );
  }
  return (
    <main className="customer-display sale">
      {state.member && <MemberGreeting member={state.member} />}
      <table>
        <tbody>
          {state.lines.map((line, i) => (
            <tr key={`${i}-${line.name}`}>
              <td>{line.name}</td>
              <td className="quantity">{line.quantity}</td>
              <td className="amount">{money(line.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="total" role="status">
        {t('customer.total')} <strong>{money(state.total)}</strong>
      </p>
    </main>
  );
}
