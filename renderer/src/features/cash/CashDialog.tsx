import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Overlay } from '../dialogs/Overlay';
import './cash.css';

/**
 * A cash screen: an overlay (Escape, focus, shortcuts as everywhere) named by its title, a form
 * whose Enter or main button does `onSubmit`, and a way back. Without `onSubmit` it only shows.
 */
export function CashDialog({
  title,
  onClose,
  onSubmit,
  submitLabel,
  submitDisabled = false,
  closeLabel,
  error,
  className,
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit?: () => void;
  submitLabel?: string;
  submitDisabled?: boolean;
  closeLabel?: string;
  error?: string | null;
  className?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Overlay labelledBy={titleId} onClose={onClose} className={className ? `cash-dialog ${className}` : 'cash-dialog'}>
      <h2 id={titleId}>{title}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!submitDisabled) onSubmit?.();
        }}
      >
        {children}
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            {closeLabel ?? t('actions.cancel')}
          </button>
          {onSubmit && (
            <button type="submit" className="primary" disabled={submitDisabled}>
              {submitLabel ?? t('actions.confirm')}
            </button>
          )}
        </div>
      </form>
    </Overlay>
  );
}
