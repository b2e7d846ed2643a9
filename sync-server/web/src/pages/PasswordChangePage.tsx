import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeClient } from '../api/office-client';
import { Field } from '../app/Field';
import { CardForm } from '../app/CardForm';
import { useErrorText } from '../app/use-error-text';

/** The one-time password must be replaced before anything else: the hub refuses every other route until then. */
export function PasswordChangePage({ client, onChanged }: { client: OfficeClient; onChanged: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const errorId = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const currentRef = useRef<HTMLInputElement>(null);
  const nextRef = useRef<HTMLInputElement>(null);

  useEffect(() => currentRef.current?.focus(), []);

  async function submit() {
    if (next !== confirm) {
      setProblem(t('password.mismatch'));
      nextRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await client.changePassword(current, next);
      onChanged();
    } catch (refusal) {
      setProblem(errorText(refusal));
      setBusy(false);
      nextRef.current?.focus();
    }
  }

  return (
    <CardForm title={t('password.title')} intro={t('password.intro')} problem={problem} problemId={errorId} onSubmit={() => void submit()}>
      <Field
        label={t('password.current')}
        inputRef={currentRef}
        type="password"
        autoComplete="current-password"
        required
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
      />
      <Field
        label={t('password.next')}
        inputRef={nextRef}
        type="password"
        autoComplete="new-password"
        required
        value={next}
        onChange={(e) => setNext(e.target.value)}
        aria-describedby={problem ? errorId : undefined}
      />
      <Field
        label={t('password.confirm')}
        type="password"
        autoComplete="new-password"
        required
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
      />
      <button type="submit" disabled={busy}>
        {t('password.submit')}
      </button>
    </CardForm>
  );
}
