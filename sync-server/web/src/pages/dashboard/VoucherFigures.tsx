import { useTranslation } from 'react-i18next';
import type { DashboardAnswer } from './dashboard-api';
import { useNumbers } from './labels';

const FIGURES = ['giftCardsSold', 'giftCardsRedeemed', 'storeCreditIssued', 'storeCreditRedeemed'] as const;

/**
 * Gift cards sold against redeemed, store credit given against redeemed, over the period: apart
 * from the key figures, which never include them (multi-purpose vouchers are no revenue).
 */
export function VoucherFigures({ answer }: { readonly answer: DashboardAnswer }) {
  const { t } = useTranslation();
  const n = useNumbers();
  return (
    <section aria-labelledby="dashboard-vouchers">
      <h2 id="dashboard-vouchers">{t('dashboard.vouchers.title')}</h2>
      <p>{t('dashboard.vouchers.note')}</p>
      <dl className="voucher-figures">
        {FIGURES.map((f) => (
          <div key={f}>
            <dt>{t(`dashboard.vouchers.${f}`)}</dt>
            <dd>{n.money(answer.vouchers[f])}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
