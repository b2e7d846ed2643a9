import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../app/Field';
import { PanelForm } from '../../app/PanelForm';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import { EnrollmentCode } from './EnrollmentCode';
import { isTillId, type Enrollment, type StoresApi } from './stores-api';

type Props = { readonly api: StoresApi; readonly storeId: string };

/** Creates a till and its first enrollment code, or a new code for a till that exists (administrators only). */
export function TillForm({ api, storeId }: Props) {
  const { t } = useTranslation();
  const errorText = useScopedErrorText('stores');
  const [tillId, setTillId] = useState('');
  const [label, setLabel] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [enrollment, setEnrollment] = useState<Enrollment | null>(null);

  const run = async (create: boolean) => {
    const till = tillId.trim();
    setEnrollment(null);
    if (!isTillId(till)) return setProblem(t('stores.badTillId'));
    setProblem(null);
    try {
      if (create) await api.createTill(storeId, till, label.trim());
      setEnrollment(await api.enroll(storeId, till));
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  return (
    <PanelForm title={t('stores.tillsTitle')} problem={problem} onSubmit={() => run(true)}>
      <p className="note">{t('stores.tillsNote')}</p>
      <Field label={t('stores.tillId')} value={tillId} maxLength={64} autoComplete="off" onChange={(e) => setTillId(e.target.value)} />
      <Field label={t('stores.tillLabel')} value={label} maxLength={200} onChange={(e) => setLabel(e.target.value)} />
      <button type="submit">{t('stores.createTill')}</button>{' '}
      <button type="button" onClick={() => void run(false)}>
        {t('stores.enroll')}
      </button>
      {enrollment && <EnrollmentCode enrollment={enrollment} />}
    </PanelForm>
  );
}
