import type { StaffMember } from '@pos/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store';
import { replaceStaff, useMaybeServices, type TillServices } from '../../state/services';
import { PinForm } from './PinForm';
import { SetupScreen } from './SetupScreen';
import { StaffPicker } from './StaffPicker';
import { UnlockForm } from './UnlockForm';
import { useLockouts } from './use-lockouts';
import './signin.css';

/** Sign-in: choose who you are, then your PIN; a till with no staff sets up its first manager. */
export function SignInScreen() {
  const needsSetup = useAppStore((s) => s.needsSetup);
  return needsSetup ? <SetupScreen /> : <StaffSignIn />;
}

/** How often a till left on the sign-in screen asks the host who may sign in (the host pulls staff from the hub). */
const STAFF_REFRESH_MS = 60_000;

/** Keeps the list as the host has it; an empty answer is left to the set-up flow (the host says so at sign-in). */
function useStaffRefresh(bridge: TillServices['bridge'] | undefined): void {
  useEffect(() => {
    if (!bridge) return;
    const timer = setInterval(() => {
      bridge.invoke('staff.list').then(
        (list) => list.length > 0 && replaceStaff(list),
        () => undefined,
      );
    }, STAFF_REFRESH_MS);
    return () => clearInterval(timer);
  }, [bridge]);
}

type Step = { readonly kind: 'choose' } | { readonly kind: 'pin' | 'unlock'; readonly person: StaffMember };

function StaffSignIn() {
  const { t } = useTranslation();
  const services = useMaybeServices();
  const staff = services?.staff ?? [];
  const lockouts = useLockouts();
  useStaffRefresh(services?.bridge);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const choose = () => setStep({ kind: 'choose' });

  return (
    <main className="signin">
      <h1>{t('signin.title')}</h1>
      {step.kind === 'choose' && (
        <StaffPicker
          staff={staff}
          lockouts={lockouts}
          onChoose={(person) => setStep({ kind: 'pin', person })}
          onUnlock={(person) => setStep({ kind: 'unlock', person })}
        />
      )}
      {step.kind === 'pin' && (
        <PinForm
          person={step.person}
          lockouts={lockouts}
          onBack={choose}
          onUnlock={() => setStep({ kind: 'unlock', person: step.person })}
        />
      )}
      {step.kind === 'unlock' && (
        <UnlockForm
          person={step.person}
          lockouts={lockouts}
          onDone={() => setStep({ kind: 'pin', person: step.person })}
          onCancel={() => setStep({ kind: 'pin', person: step.person })}
        />
      )}
    </main>
  );
}
