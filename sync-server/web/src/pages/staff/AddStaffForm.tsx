import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../app/Field';
import { PinFields } from './PinFields';
import { PanelForm } from '../../app/PanelForm';
import { useScopedErrorText } from '../../app/use-scoped-error-text';
import { isPin, STAFF_ROLES, type StaffApi, type StaffMember, type StaffRole } from './staff-api';
import { RoleSelect } from './RoleSelect';

type Props = { readonly api: StaffApi; readonly storeId: string; readonly onAdded: (person: StaffMember) => void };

/** Adds a person to a store's staff with a first PIN, typed twice and cleared once sent (never shown again). */
export function AddStaffForm({ api, storeId, onAdded }: Props) {
  const { t } = useTranslation();
  const errorText = useScopedErrorText('staff');
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>(STAFF_ROLES[0]);
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (name.trim() === '') return setProblem(t('staff.nameRequired'));
    if (!isPin(pin)) return setProblem(t('staff.pinInvalid'));
    if (pin !== pinAgain) return setProblem(t('staff.pinMismatch'));
    setBusy(true);
    setProblem(null);
    try {
      const person = await api.add(storeId, { displayName: name.trim(), role, pin });
      setName('');
      onAdded(person);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      // The PIN leaves the page whatever happened: it is typed again, never kept.
      setPin('');
      setPinAgain('');
      setBusy(false);
    }
  };

  return (
    <PanelForm title={t('staff.addTitle')} problem={problem} onSubmit={submit}>
      <Field label={t('staff.name')} value={name} maxLength={60} autoComplete="off" onChange={(e) => setName(e.target.value)} />
      <RoleSelect label={t('staff.role')} value={role} onChange={setRole} />
      <PinFields label={t('staff.pin')} pin={pin} pinAgain={pinAgain} onPin={setPin} onPinAgain={setPinAgain} />
      <button type="submit" disabled={busy}>
        {t('staff.add')}
      </button>
    </PanelForm>
  );
}
