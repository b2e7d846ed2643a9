import { DASHBOARD_BREAKDOWNS, type DashboardBreakdown } from '@pos/core/sync/head-office-api';
import { lazy, Suspense, useCallback, useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeMe } from '../../api/office-client';
import { OfficeClientContext } from '../../app/client-context';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import { BreakdownTable } from './BreakdownTable';
import { dashboardQuery, loadDashboard, loadStoreChoices, type DashboardAnswer } from './dashboard-api';
import { KpiCards } from './KpiCards';
import { VoucherFigures } from './VoucherFigures';
import { useKeyLabel, useNumbers } from './labels';
import { useLiveReports, type OpenEvents } from './live-reports';
import { localToday, periodRange, type DateRange, type PeriodKind } from './period';
import { PeriodPicker } from './PeriodPicker';
import { StoresFilter } from './StoresFilter';

/** The charts (and the chart library) load after the figures: the page reads before they draw. */
const SalesChart = lazy(() => import('./SalesChart'));

const CHARTED = ['day', 'hour', 'weekday'] as const satisfies readonly DashboardBreakdown[];
const TABLES = DASHBOARD_BREAKDOWNS.filter((b) => !(CHARTED as readonly string[]).includes(b));
const RANKED = ['topProducts', 'bottomProducts', 'topCategories', 'bottomCategories'] as const;

type Props = {
  readonly me: OfficeMe;
  /** Tests: the day it is, and the event stream. */
  readonly today?: string;
  readonly openEvents?: OpenEvents;
};

/** The dashboard: a period and stores, key figures with comparisons, charts, breakdowns and rankings, updated live. */
export function DashboardView({ me, today = localToday(), openEvents }: Props) {
  const { t } = useTranslation();
  // Without a client (the shell's own tests) the page shows its filters and waits.
  const client = useContext(OfficeClientContext);
  const errorText = useScopedErrorText('dashboard');
  const n = useNumbers();
  const [kind, setKind] = useState<PeriodKind>('today');
  const [range, setRange] = useState<DateRange>(periodRange('today', today));
  const [stores, setStores] = useState<readonly string[] | null>(null);
  const [choices, setChoices] = useState<readonly { storeId: string; name: string }[]>([]);
  const [answer, setAnswer] = useState<DashboardAnswer | null>(null);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const label = useKeyLabel(answer);

  useEffect(() => {
    if (!client) return;
    let current = true;
    loadStoreChoices(client, me.role === 'admin', me.stores).then(
      (list) => current && setChoices(list),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [client, me.role, me.stores]);

  useEffect(() => {
    if (!client) return;
    let current = true;
    loadDashboard(client, stores, range).then(
      (loaded) => {
        if (!current) return;
        setAnswer(loaded);
        setUpdatedAt(new Date());
        setError(null);
      },
      (failure: unknown) => current && setError(errorText(failure)),
    );
    return () => {
      current = false;
    };
    // errorText is a new function each render; the filters and live notices ask for a reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, stores, range, version]);

  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const live = useLiveReports(stores, refresh, openEvents);
  const by = (b: DashboardBreakdown | 'product') => (key: string) => label(b, key);
  const exportOf = (table: string) => ({ ...dashboardQuery(stores, range), table });

  return (
    <>
      <section aria-label={t('dashboard.filters')} className="dashboard-filters">
        <PeriodPicker
          kind={kind}
          range={range}
          today={today}
          onChange={(k, r) => {
            setKind(k);
            setRange(r);
          }}
        />
        <StoresFilter
          choices={choices.map((c) => ({ ...c, name: answer?.names.stores[c.storeId] ?? c.name }))}
          value={stores}
          onChange={setStores}
        />
      </section>
      <p role="status" className="dashboard-status">
        {answer ? (
          <>
            {t('dashboard.showing', {
              from: n.date(answer.from),
              to: n.date(answer.to),
              stores: stores === null ? t('dashboard.everyStore') : t('dashboard.storeCount', { count: answer.stores.length }),
            })}{' '}
            {updatedAt ? t('dashboard.updated', { time: n.time(updatedAt) }) : null} {live ? t('dashboard.live') : t('dashboard.offline')}
          </>
        ) : error ? null : (
          t('dashboard.loading')
        )}
      </p>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {answer ? (
        <>
          <KpiCards answer={answer} />
          <VoucherFigures answer={answer} />
          <section aria-labelledby="dashboard-charts">
            <h2 id="dashboard-charts">{t('dashboard.charts')}</h2>
            <div className="dashboard-charts">
              <Suspense fallback={<p>{t('app.loading')}</p>}>
                {CHARTED.map((b) => (
                  <SalesChart key={b} by={t(`dashboard.by.${b}`)} rows={answer.by[b]} label={by(b)} />
                ))}
              </Suspense>
            </div>
          </section>
          <section aria-labelledby="dashboard-ranked">
            <h2 id="dashboard-ranked">{t('dashboard.rankings')}</h2>
            <div className="dashboard-tables">
              {RANKED.map((r) => (
                <BreakdownTable
                  key={r}
                  caption={t(`dashboard.ranked.${r}`)}
                  keyHeader={r.endsWith('Products') ? t('dashboard.product') : t('dashboard.by.category')}
                  rows={answer[r]}
                  label={by(r.endsWith('Products') ? 'product' : 'category')}
                  quantity
                  exportQuery={exportOf(r)}
                />
              ))}
            </div>
          </section>
          <section aria-labelledby="dashboard-breakdowns">
            <h2 id="dashboard-breakdowns">{t('dashboard.breakdowns')}</h2>
            <div className="dashboard-tables">
              {TABLES.map((b) => (
                <BreakdownTable
                  key={b}
                  caption={t('dashboard.tableOf', { by: t(`dashboard.by.${b}`) })}
                  keyHeader={t(`dashboard.by.${b}`)}
                  rows={answer.by[b]}
                  label={by(b)}
                  exportQuery={exportOf(b)}
                />
              ))}
            </div>
          </section>
        </>
      ) : null}
    </>
  );
}
