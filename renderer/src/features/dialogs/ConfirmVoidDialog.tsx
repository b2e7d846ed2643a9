import { useTranslation } from 'react-i18next';
import { answer } from '../../state/dialog-store';
import { Modal } from './Modal';

/** Ctrl+Delete: the whole sale is voided (journaled) only once the cashier confirms. */
export function ConfirmVoidDialog() {
  const { t } = useTranslation();
  return (
    <Modal title={t('dialogs.voidTitle')} onSubmit={() => answer({ kind: 'confirmed' })}>
      <p>{t('dialogs.voidText')}</p>
    </Modal>
  );
}
