import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../app/Field';
import { PanelForm } from '../../app/PanelForm';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import { ImportRefused, type CatalogApi } from './catalog-api';
import { ImportErrors } from './ImportErrors';

/** The hub's limit (sync-server/src/http/import-route.ts MAX_IMPORT_BYTES). */
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

type Props = { readonly api: CatalogApi; readonly onImported: () => void };

/**
 * A CSV file checked first (a dry run: every row error listed, nothing written), then imported
 * whole; the same file only, once its check found no error.
 */
export function ImportPanel({ api, onImported }: Props) {
  const { t } = useTranslation();
  const errorText = useScopedErrorText('catalog');
  const [file, setFile] = useState<File | null>(null);
  const [checkedFile, setCheckedFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [refused, setRefused] = useState<ImportRefused | null>(null);

  const run = async (dryRun: boolean) => {
    setDone(null);
    setRefused(null);
    if (!file) return setProblem(t('catalog.chooseFile'));
    if (file.size > MAX_IMPORT_BYTES) return setProblem(t('catalog.fileTooLarge'));
    setProblem(null);
    setBusy(dryRun ? 'check' : 'import');
    try {
      const result = await api.importCsv(file, dryRun);
      setCheckedFile(dryRun ? file : null);
      setDone(t(dryRun ? 'catalog.checked' : 'catalog.imported', result));
      if (!dryRun) onImported();
    } catch (error) {
      setCheckedFile(null);
      if (error instanceof ImportRefused) {
        setRefused(error);
        setProblem(t('catalog.refused', { count: error.errorCount }));
      } else setProblem(errorText(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <PanelForm title={t('catalog.importTitle')} problem={problem} done={done} onSubmit={() => run(true)}>
      <p className="note">{t('catalog.importHelp')}</p>
      <Field
        label={t('catalog.file')}
        type="file"
        accept=".csv,.txt,text/csv,text/plain"
        onChange={(e) => {
          setFile(e.target.files?.[0] ?? null);
          setCheckedFile(null);
          setDone(null);
          setRefused(null);
          setProblem(null);
        }}
      />
      <button type="submit" disabled={busy !== null}>
        {busy === 'check' ? t('catalog.checking') : t('catalog.check')}
      </button>{' '}
      <button type="button" disabled={busy !== null || checkedFile === null || checkedFile !== file} onClick={() => void run(false)}>
        {busy === 'import' ? t('catalog.importing') : t('catalog.import')}
      </button>
      {refused && <ImportErrors refused={refused} />}
    </PanelForm>
  );
}
