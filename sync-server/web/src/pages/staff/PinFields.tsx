import { useTranslation } from 'react-i18next';
import { Field } from '../../app/Field';

type Props = {
  readonly label: string;
  readonly pin: string;
  readonly pinAgain: string;
  readonly onPin: (pin: string) => void;
  readonly onPinAgain: (pin: string) => void;
};

/** A PIN typed twice, hidden as typed; the browser is told it is new, so it never offers a saved one. */
export function PinFields({ label, pin, pinAgain, onPin, onPinAgain }: Props) {
  const { t } = useTranslation();
  const input = { type: 'password', inputMode: 'numeric', autoComplete: 'new-password', maxLength: 6 } as const;
  return (
    <>
      <Field label={label} {...input} value={pin} onChange={(e) => onPin(e.target.value)} />
      <Field label={t('staff.pinAgain')} {...input} value={pinAgain} onChange={(e) => onPinAgain(e.target.value)} />
    </>
  );
}
