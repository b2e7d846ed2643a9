import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  readonly title: string;
  readonly help: string;
  /** The secret (a one-time password, an API key): shown here only, never kept by the page. */
  readonly secret: string;
  readonly onDismiss: () => void;
};

/** A secret the hub shows once: the text, a copy button (focused, so the keyboard is on it), and a way to hide it. */
export function ShownOnce({ title, help, secret, onDismiss }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [copied, setCopied] = useState<'done' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('done');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <p>{help}</p>
      <p>
        <code className="secret">{secret}</code>
      </p>
      <p>
        {/* The panel replaced the form that had focus: the copy button takes it. */}
        <button type="button" autoFocus onClick={() => void copy()}>
          {t('users.copy')}
        </button>{' '}
        <button type="button" onClick={onDismiss}>
          {t('users.dismiss')}
        </button>
      </p>
      <p role="status">{copied === 'done' ? t('users.copied') : copied === 'failed' ? t('users.copyFailed') : null}</p>
    </section>
  );
}
