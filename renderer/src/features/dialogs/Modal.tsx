import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer } from '../../state/dialog-store';

/** A modal form: labelled by its title, Escape cancels, the first field takes the focus. */
export function Modal({
  title,
  children,
  onSubmit,
  error,
}: {
  title: string;
  children: ReactNode;
  onSubmit: () => void;
  error?: string | null;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const first = form.current?.querySelector<HTMLElement>('input, select, textarea, button[type="submit"]');
    first?.focus();
  }, []);
  return (
    <div className="modal-backdrop">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="modal"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            answer(null);
          }
        }}
      >
        <h2 id={titleId}>{title}</h2>
        <form
          ref={form}
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
      </div>
    </div>
  );
}
