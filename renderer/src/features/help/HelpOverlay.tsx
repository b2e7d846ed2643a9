import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store';
import { Overlay } from '../dialogs/Overlay';
import { BarcodeSheetButton } from './BarcodeSheet';
import { SHORTCUTS } from './shortcuts';

/** F1 opens the help (a sale shortcut) and, the help open, closes it. */
const HELP_KEY = ['F1'];

export function HelpOverlay() {
  const { t } = useTranslation();
  const open = useAppStore((s) => s.helpOpen);
  const toggle = useAppStore((s) => s.toggleHelp);
  if (!open) return null;
  return (
    <Overlay label={t('help.title')} className="help" onClose={() => toggle(false)} closeKeys={HELP_KEY} closeOnBackdrop>
      <h2>{t('help.title')}</h2>
      <table>
        <tbody>
          {SHORTCUTS.map((id) => (
            <tr key={id}>
              <th scope="row">
                <kbd>{t(`keyLabels.${id}`)}</kbd>
              </th>
              <td>{t(`keys.${id}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('help.scanning')}</p>
      <BarcodeSheetButton />
      <button type="button" onClick={() => toggle(false)}>
        {t('actions.close')}
      </button>
    </Overlay>
  );
}
