import { useTranslation } from 'react-i18next';
import type { ImportRefused } from './catalog-api';
import { useProblemText } from './use-problem-text';

/** A refused file's errors, row by row, each said in the page's language from its code. */
export function ImportErrors({ refused }: { readonly refused: ImportRefused }) {
  const { t } = useTranslation();
  const message = useProblemText();
  return (
    <div className="table-scroll">
      {refused.errors.length < refused.errorCount && (
        <p className="note">{t('catalog.moreErrors', { shown: refused.errors.length, count: refused.errorCount })}</p>
      )}
      <table>
        <caption>{t('catalog.errorsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('catalog.row')}</th>
            <th scope="col">{t('catalog.column')}</th>
            <th scope="col">{t('catalog.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {refused.errors.map((error, i) => (
            <tr key={`${error.row}-${error.column}-${i}`}>
              <th scope="row">{error.row}</th>
              <td>{error.column || t('catalog.wholeRow')}</td>
              <td>{message(error)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
