import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer } from '../../state/dialog-store';
import { Overlay } from './Overlay';

/**
 * A dialog's form: labelled by its title, Escape or Annuler cancels, Enter or Valider confirms
 * (an overlay: see useOverlay).
 */
export function Modal({
  title,
  children,
  onSubmit,
  error,
  className,
}: {
  title: string;
  children: ReactNode;
  onSubmit: () => void;
  error?: string | null;
  className?: string;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Overlay labelledBy={titleId} onClose={() => answer(null)} className={className}>
      <h2 id={titleId}>{title}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {children}
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" onClick={() => answer(null)}>
            {t('actions.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('actions.confirm')}
          </button>
        </div>
      </form>
    </Overlay>
  );
}
