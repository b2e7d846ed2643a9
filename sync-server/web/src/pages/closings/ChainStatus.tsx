import { useTranslation } from 'react-i18next';
import type { ChainBreak, TillChains } from './closings-api';
import { useFormat } from './format';

type Props = { readonly tills: readonly TillChains[]; readonly breaks: readonly ChainBreak[] };

/** Each till's chains as the hub verified them, then every break by its code with the record it concerns. */
export function ChainStatus({ tills, breaks }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      {tills.length === 0 ? (
        <p>{t('closings.chains.none')}</p>
      ) : (
        <table>
          <caption>{t('closings.chains.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('closings.till')}</th>
              <th scope="col">{t('closings.chains.chain')}</th>
              <th scope="col">{t('closings.chains.journal')}</th>
              <th scope="col">{t('closings.chains.verifiedUpTo')}</th>
              <th scope="col">{t('closings.chains.waiting')}</th>
              <th scope="col">{t('closings.chains.breaks')}</th>
            </tr>
          </thead>
          <tbody>
            {tills.flatMap((till) =>
              till.chains.map((chain) => (
                <tr key={`${till.tillId}-${chain.chain}-${chain.journal}`}>
                  <th scope="row">{till.tillId}</th>
                  <td>{t(`closings.chains.names.${chain.chain}`, { defaultValue: chain.chain })}</td>
                  <td>{format.number(chain.journal)}</td>
                  <td>{format.number(chain.verifiedSeq)}</td>
                  <td>{format.number(chain.pendingRecords)}</td>
                  <td>{format.number(chain.breaks)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
      {breaks.length === 0 ? (
        <p>{t('closings.chains.noBreaks')}</p>
      ) : (
        <table>
          <caption>{t('closings.chains.breaksCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('closings.chains.code')}</th>
              <th scope="col">{t('closings.till')}</th>
              <th scope="col">{t('closings.chains.chain')}</th>
              <th scope="col">{t('closings.seq')}</th>
              <th scope="col">{t('closings.chains.foundAt')}</th>
              <th scope="col">{t('closings.chains.record')}</th>
            </tr>
          </thead>
          <tbody>
            {breaks.map((b) => (
              <tr key={`${b.tillId}-${b.chain}-${b.journal}-${b.seq}-${b.code}`}>
                <th scope="row">{t(`closings.codes.${b.code}`, { defaultValue: b.code })}</th>
                <td>{b.tillId}</td>
                <td>{t(`closings.chains.names.${b.chain}`, { defaultValue: b.chain })}</td>
                <td>{format.number(b.seq)}</td>
                <td>{format.dateTime(b.foundAt)}</td>
                <td>
                  {b.record === null ? (
                    t('closings.chains.noRecord')
                  ) : (
                    <details>
                      <summary>{t('closings.chains.showRecord')}</summary>
                      <pre>{JSON.stringify(b.record, null, 2)}</pre>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
