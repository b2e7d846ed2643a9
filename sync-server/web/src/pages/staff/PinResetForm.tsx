import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PinFields } from './PinFields';
import { PanelForm } from '../../app/PanelForm';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import { isPin, type StaffApi, type StaffMember } from './staff-api';

type Props = {
  readonly api: StaffApi;
  readonly storeId: string;
  readonly person: StaffMember;
  readonly onDone: (message: string | null) => void;
};

/** A new PIN for one person, typed twice; the tills take it at their next pull. */
export function PinResetForm({ api, storeId, person, onDone }: Props) {
  const { t } = useTranslation();
  const errorText = useScopedErrorText('staff');
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async () => {
    if (!isPin(pin)) return setProblem(t('staff.pinInvalid'));
    if (pin !== pinAgain) return setProblem(t('staff.pinMismatch'));
    try {
      await api.setPin(storeId, person.staffId, pin);
      onDone(t('staff.pinChanged', { name: person.displayName }));
    } catch (error) {
      setProblem(errorText(error));
      setPin('');
      setPinAgain('');
    }
  };

  return (
    <PanelForm title={t('staff.pinTitle', { name: person.displayName })} problem={problem} onSubmit={submit}>
      <PinFields label={t('staff.newPin')} pin={pin} pinAgain={pinAgain} onPin={setPin} onPinAgain={setPinAgain} />
      <button type="submit">{t('staff.savePin')}</button>
      <button type="button" onClick={() => onDone(null)}>
        {t('staff.cancel')}
      </button>
    </PanelForm>
  );
}
