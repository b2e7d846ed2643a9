import { parseAmount, parsePercent } from '@pos/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, type DialogRequest } from '../../state/dialog-store';
import { Modal } from './Modal';
import { NumberField } from './NumberField';
import './dialogs.css';

type DiscountKind = 'percent' | 'amount';

/**
 * F4 / F5: the value field has the focus (10 then Enter is 10 %); percent or amount is a pair of
 * toggle buttons after it, which a touch does not take the focus from the field.
 */
export function DiscountDialog({ request }: { request: Extract<DialogRequest, { kind: 'line-discount' | 'cart-discount' }> }) {
  const { t } = useTranslation();
  const percentOnly = request.kind === 'cart-discount';
  const [kind, setKind] = useState<DiscountKind>('percent');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const title = request.kind === 'cart-discount' ? t('dialogs.cartDiscountTitle') : t('dialogs.discountTitle', { name: request.name });
  return (
    <Modal
      title={title}
      error={error}
      onSubmit={() => {
        if (kind === 'percent') {
          const bp = parsePercent(text);
          if (bp === null) return setError(t('dialogs.invalidPercent'));
          return answer({ kind: 'discount', discount: { kind: 'percent', bp } });
        }
        const amount = parseAmount(text);
        if (amount === null || amount <= 0) return setError(t('dialogs.invalidAmount'));
        answer({ kind: 'discount', discount: { kind: 'amount', amount } });
      }}
    >
      <NumberField label={t('dialogs.value')} value={text} onChange={setText} decimal>
        {!percentOnly && (
          <div role="group" aria-label={t('dialogs.discountKind')} className="segmented">
            {(['percent', 'amount'] as const).map((k) => (
              <button
                key={k}
                type="button"
                aria-pressed={kind === k}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  setKind(k);
                  setError(null);
                }}
              >
                {t(`dialogs.${k}`)}
              </button>
            ))}
          </div>
        )}
      </NumberField>
      {request.hasDiscount && (
        <button type="button" onClick={() => answer({ kind: 'discount', discount: null })}>
          {t('dialogs.removeDiscount')}
        </button>
      )}
    </Modal>
  );
}
