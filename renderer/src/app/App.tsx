import { useTranslation } from 'react-i18next';
import { CashBanner } from '../features/cash/CashBanner';
import { CashScreens } from '../features/cash/CashScreens';
import { DevicesPanel } from '../features/devices/DevicesPanel';
import { DialogHost } from '../features/dialogs/DialogHost';
import { SupportWords } from '../features/errors/SupportWords';
import { HelpOverlay } from '../features/help/HelpOverlay';
import { ReturnsPanel } from '../features/returns/ReturnsPanel';
import { SaleScreen } from '../features/sale/SaleScreen';
import { SignInScreen } from '../features/signin/SignInScreen';
import { useAutoLock } from '../features/signin/use-auto-lock';
import { SyncPanel } from '../features/sync/SyncPanel';
import { FiscalStopBanner } from '../features/status/FiscalStopBanner';
import { TrainingBanner } from '../features/training/TrainingBanner';
import { NoticeBar } from '../features/status/NoticeBar';
import { StatusBar } from '../features/status/StatusBar';
import { useAppStore } from '../state/app-store';

function Boot() {
  const { t } = useTranslation();
  const { bootKey, bootValues } = useAppStore();
  const progress = typeof bootValues.percent === 'number' ? bootValues.percent : null;
  return (
    <main className="boot" aria-busy="true">
      <p role="status">{t(bootKey, bootValues)}</p>
      {progress !== null && <progress max={100} value={progress} aria-label={t(bootKey, bootValues)} />}
    </main>
  );
}

export function App() {
  const { t } = useTranslation();
  const phase = useAppStore((s) => s.phase);
  useAutoLock();
  const fatalMessage = useAppStore((s) => s.fatalMessage);
  return (
    <div className="app">
      <StatusBar />
      <NoticeBar />
      <FiscalStopBanner />
      <CashBanner />
      <TrainingBanner />
      {phase === 'booting' && <Boot />}
      {phase === 'no-host' && (
        <main className="boot">
          <h1>{t('app.noHost')}</h1>
          <p>{t('app.noHostHelp')}</p>
        </main>
      )}
      {phase === 'fatal' && (
        <main className="boot" role="alert">
          <p>{t('app.fatal')}</p>
          <SupportWords words={fatalMessage} />
        </main>
      )}
      {phase === 'signin' && <SignInScreen />}
      {phase === 'selling' && <SaleScreen />}
      {/* Before the dialogs: a manager's PIN asked over a cash screen comes after it in the page too. */}
      <CashScreens />
      <DialogHost />
      <HelpOverlay />
      <SyncPanel />
      <DevicesPanel />
      <ReturnsPanel />
    </div>
  );
}
