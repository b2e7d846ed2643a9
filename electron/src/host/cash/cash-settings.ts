import { DEFAULT_CASH_SESSION_SETTINGS, type BusinessDaySettings, type StoreProfile } from '@pos/core';

/** The store's settings for cash sessions and closings, with their defaults. */
export type CashSettings = {
  readonly cashSession: 'required' | 'optional';
  readonly varianceLimit: number;
  readonly fiscalYearStartMonth: number;
  readonly days: BusinessDaySettings;
};

export function cashSettingsOf(profile: StoreProfile): CashSettings {
  return {
    cashSession: profile.cashSession ?? 'optional',
    varianceLimit: profile.varianceLimit ?? DEFAULT_CASH_SESSION_SETTINGS.varianceLimit,
    fiscalYearStartMonth: profile.fiscalYearStartMonth ?? 1,
    days: { timeZone: profile.timeZone, dayStartHour: profile.dayStartHour ?? 0 },
  };
}
