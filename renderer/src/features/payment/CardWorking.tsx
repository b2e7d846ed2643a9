import type { TerminalPrompt } from '@pos/core';
import { useTranslation } from 'react-i18next';

/** "40 s", "2 min": seconds up to a minute and a half, whole minutes after. */
function duration(ms: number, locale: string): string {
  const seconds = Math.ceil(ms / 1000);
  const [value, unit] = seconds < 90 ? [seconds, 'second'] : [Math.round(seconds / 60), 'minute'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
}

/**
 * The terminal is working on this card: no outcome yet, so nothing to settle by hand. Says what
 * the terminal asks the customer when its protocol tells, and how long it may take before the
 * outcome becomes unknown (the driver's wait; connecting may add a few seconds).
 */
export function CardWorking({ prompt, waitMs }: { prompt: TerminalPrompt; waitMs?: number }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="card-working" role="status">
      <p className="card-working-title">{t('cardTerminal.working')}</p>
      {prompt !== 'working' && <p className="card-working-prompt">{t(`cardTerminal.prompt.${prompt}`)}</p>}
      {waitMs !== undefined && (
        <p className="card-working-wait">{t('cardTerminal.answerWithin', { wait: duration(waitMs, i18n.language) })}</p>
      )}
    </div>
  );
}
