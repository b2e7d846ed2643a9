import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, type DialogRequest } from '../../state/dialog-store';
import { Modal } from './Modal';
import { NumberField } from './NumberField';

/** F3: the line's quantity, offered selected so what is typed replaces it. */
export function QuantityDialog({ request }: { request: Extract<DialogRequest, { kind: 'quantity' }> }) {
  const { t } = useTranslation();
  const [text, setText] = useState(String(request.initial));
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      title={t('dialogs.quantityTitle', { name: request.name })}
      error={error}
      onSubmit={() => {
        const quantity = Number(text);
        if (text.trim() === '' || !Number.isSafeInteger(quantity) || quantity < 1 || quantity > request.max)
          return setError(t('dialogs.invalidQuantity', { max: request.max }));
        answer({ kind: 'quantity', quantity });
      }}
    >
      <NumberField label={t('sale.quantity')} value={text} onChange={setText} />
    </Modal>
  );
}
