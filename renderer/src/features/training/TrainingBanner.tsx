import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store';
import { refreshTraining, useTrainingStore } from './training-store';
import './training.css';

/**
 * While training mode is on, a band no one can miss says every sale is fictitious. The host's
 * state is read again each time someone signs in.
 */
export function TrainingBanner() {
  const { t } = useTranslation();
  const phase = useAppStore((s) => s.phase);
  const on = useTrainingStore((s) => s.state.on);
  useEffect(() => {
    if (phase === 'selling') void refreshTraining();
  }, [phase]);
  if (!on || phase !== 'selling') return null;
  return (
    <div className="training-banner" role="status">
      {t('training.banner')}
    </div>
  );
}
