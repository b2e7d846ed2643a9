import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store';
import { SHORTCUTS } from './shortcuts';

export function HelpOverlay() {
  const { t } = useTranslation();
  const open = useAppStore((s) => s.helpOpen);
  const toggle = useAppStore((s) => s.toggleHelp);
  if (!open) return null;
  return (
    <div className="modal-backdrop" onClick={() => toggle(false)}>
      <div role="dialog" aria-modal="true" aria-label={t('help.title')} className="modal help" onClick={(e) => e.stopPropagation()}>
        <h2>{t('help.title')}</h2>
        <table>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <kbd>{s.keys}</kbd>
                </th>
                <td>{t(`keys.${s.id}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>{t('help.scanning')}</p>
        <button type="button" onClick={() => toggle(false)}>
          {t('actions.close')}
        </button>
      </div>
    </div>
  );
}
