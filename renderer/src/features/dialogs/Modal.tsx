import { useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, useDialogStore } from '../../state/dialog-store';
import { selectForRetry } from './overlay-focus';
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
  submitDisabled = false,
}: {
  title: string;
  children: ReactNode;
  onSubmit: () => void;
  error?: string | null;
  className?: string;
  /** Valider cannot be pressed (nor Enter confirm) while the dialog waits for something. */
  submitDisabled?: boolean;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const form = useRef<HTMLFormElement>(null);
  return (
    <Overlay labelledBy={titleId} onClose={() => answer(null)} className={className}>
      <h2 id={titleId}>{title}</h2>
      <form
        ref={form}
        onSubmit={(e) => {
          e.preventDefault();
          if (submitDisabled) return;
          const asked = useDialogStore.getState().request;
          onSubmit();
          // Still the same request: the value was refused (the dialog says why).
          if (useDialogStore.getState().request === asked && form.current) selectForRetry(form.current);
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
          <button type="submit" className="primary" disabled={submitDisabled}>
            {t('actions.confirm')}
          </button>
        </div>
      </form>
    </Overlay>
  );
}
