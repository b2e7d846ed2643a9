import type { TerminalPrompt } from '@pos/core';
import { useTranslation } from 'react-i18next';

/**
 * The terminal is working on this card: no outcome yet, so nothing to settle by hand. Says what
 * the terminal asks the customer when its protocol tells.
 */
export function CardWorking({ prompt }: { prompt: TerminalPrompt }) {
  const { t } = useTranslation();
  return (
    <div className="card-working" role="status">
      <p className="card-working-title">{t('cardTerminal.working')}</p>
      {prompt !== 'working' && <p className="card-working-prompt">{t(`cardTerminal.prompt.${prompt}`)}</p>}
    </div>
  );
}
