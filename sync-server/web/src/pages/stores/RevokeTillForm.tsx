import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../app/ConfirmAction';
import { Field } from '../../app/Field';
import { PanelForm } from '../../app/PanelForm';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import { isTillId, type StoresApi } from './stores-api';

type Props = { readonly api: StoresApi; readonly storeId: string };

/** Revokes every device token of a till, once confirmed: it must enroll again (administrators only). */
export function RevokeTillForm({ api, storeId }: Props) {
  const { t } = useTranslation();
  const errorText = useScopedErrorText('stores');
  const [tillId, setTillId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const till = tillId.trim();

  const revoke = async () => {
    setDone(null);
    if (!isTillId(till)) return setProblem(t('stores.badTillId'));
    setProblem(null);
    try {
      const count = await api.revoke(storeId, till);
      setDone(t('stores.revoked', { till, count }));
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  // Enter in the field asks nothing: revoking is only done through the confirmed button.
  return (
    <PanelForm title={t('stores.revokeTitle')} problem={problem} done={done} onSubmit={() => undefined}>
      <Field label={t('stores.tillId')} value={tillId} maxLength={64} autoComplete="off" onChange={(e) => setTillId(e.target.value)} />
      <ConfirmAction label={t('stores.revoke')} question={t('stores.revokeQuestion', { till })} onConfirm={() => void revoke()} />
    </PanelForm>
  );
}
