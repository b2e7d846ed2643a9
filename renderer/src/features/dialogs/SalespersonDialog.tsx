import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, type DialogRequest } from '../../state/dialog-store';
import { Modal } from './Modal';

type Request = Extract<DialogRequest, { kind: 'salesperson' }>;

/** Who gets the credit for a line: one of the store's staff, or nobody but the cashier. */
export function SalespersonDialog({ request }: { request: Request }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string>(request.current ?? '');
  const choices = [{ id: '', name: t('dialogs.salespersonNone') }, ...request.people];
  return (
    <Modal
      title={t('dialogs.salespersonTitle', { name: request.name })}
      onSubmit={() => answer({ kind: 'salesperson', staffId: chosen || null })}
    >
      <fieldset className="choices">
        <legend className="visually-hidden">{t('dialogs.salespersonTitle', { name: request.name })}</legend>
        {choices.map((c) => (
          <label key={c.id || 'none'}>
            <input type="radio" name="salesperson" value={c.id} checked={chosen === c.id} onChange={() => setChosen(c.id)} />
            <span>{c.name}</span>
          </label>
        ))}
      </fieldset>
    </Modal>
  );
}
