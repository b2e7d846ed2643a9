import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOfficeClient } from '../../app/client-context';
import { ExportButtons } from '../../app/export/ExportButtons';
import { useErrorText } from '../../app/use-error-text';
import { ArchiveExport, type ArchiveOptions } from './ArchiveExport';
import { ChainStatus } from './ChainStatus';
import { ClosingDetailView } from './ClosingDetailView';
import { ClosingsTable } from './ClosingsTable';
import { JetSection } from './JetSection';
import {
  CLOSING_KINDS,
  loadBreaks,
  loadChains,
  loadClosing,
  loadClosings,
  type ChainBreak,
  type ClosingDetail,
  type ClosingSummary,
  type TillChains,
} from './closings-api';

const SECTIONS = [...CLOSING_KINDS, 'chains', 'jet', 'archive'] as const;
type Section = (typeof SECTIONS)[number];

type Loaded = { closings: ClosingSummary[]; tills: TillChains[]; breaks: ChainBreak[] };

/** One store's closings, chains and archive, a section at a time. */
export function ClosingsView({ storeId, archive = {} }: { readonly storeId: string; readonly archive?: ArchiveOptions }) {
  const { t } = useTranslation();
  const client = useOfficeClient();
  const errorText = useErrorText();
  const [section, setSection] = useState<Section>('z');
  const [data, setData] = useState<Loaded | null>(null);
  const [detail, setDetail] = useState<ClosingDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setData(null);
    setDetail(null);
    setError(null);
    Promise.all([loadClosings(client, storeId), loadChains(client, storeId), loadBreaks(client, storeId)]).then(
      ([closings, tills, breaks]) => current && setData({ closings, tills, breaks }),
      (failure: unknown) => current && setError(errorText(failure)),
    );
    return () => {
      current = false;
    };
    // errorText is a new function each render; the store is what asks for a reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, storeId]);

  const open = (closing: ClosingSummary) => {
    setError(null);
    loadClosing(client, storeId, closing.tillId, closing.seq).then(setDetail, (failure: unknown) => setError(errorText(failure)));
  };

  return (
    <>
      <div className="section-switch" role="group" aria-label={t('closings.sections')}>
        {SECTIONS.map((name) => (
          <button
            key={name}
            type="button"
            aria-pressed={section === name}
            onClick={() => {
              setSection(name);
              setDetail(null);
            }}
          >
            {t(`closings.sectionNames.${name}`)}
          </button>
        ))}
      </div>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <section aria-labelledby="closings-section">
        <h2 id="closings-section">{t(`closings.sectionNames.${section}`)}</h2>
        {section === 'archive' ? (
          <ArchiveExport storeId={storeId} {...archive} />
        ) : section === 'jet' ? (
          <JetSection storeId={storeId} />
        ) : !data ? (
          error ? null : (
            <p role="status">{t('app.loading')}</p>
          )
        ) : section === 'chains' ? (
          <ChainStatus tills={data.tills} breaks={data.breaks} />
        ) : detail ? (
          <ClosingDetailView detail={detail} onClose={() => setDetail(null)} />
        ) : (
          <>
            <ExportButtons
              path={`/stores/${encodeURIComponent(storeId)}/closings`}
              query={{ kind: section }}
              label={t(`closings.sectionNames.${section}`)}
            />
            <ClosingsTable kind={section} closings={data.closings} onOpen={open} />
          </>
        )}
      </section>
    </>
  );
}
