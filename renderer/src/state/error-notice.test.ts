import { ERROR_CODES, ERROR_REASONS, PosError } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { createI18n, LOCALES } from '../i18n/i18n';
import { errorMessage, hostWords } from './error-notice';

const ENGLISH = 'The host said this in English';

/** Values some sentences name (who may not approve, which till a code was for). */
const SAMPLE_VALUES = { name: 'Sophie', till: 'T02', store: 'S009', attemptsLeft: 3, retryInMs: 30_000 };

const sentence = (dict: unknown, path: string) =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], dict);

describe('every error the host can send is said in French and in English', () => {
  const keys = [...ERROR_CODES.map((code) => `errors.${code}`), ...ERROR_REASONS.map((reason) => `errors.reason.${reason}`)];

  it.each(keys)('%s has a sentence of its own in both languages, never the host’s words', (key) => {
    for (const dict of [fr, en]) {
      const text = sentence(dict, key);
      expect(typeof text, key).toBe('string');
      expect((text as string).trim(), key).not.toBe('');
      expect(text as string, key).not.toContain('{{message}}');
    }
  });

  it('turns each code and each reason into its sentence, the English words left for support', () => {
    const cases = [
      ...ERROR_CODES.map((code) => new PosError(code, ENGLISH, SAMPLE_VALUES)),
      ...ERROR_REASONS.map((reason) => new PosError('FORBIDDEN', ENGLISH, { ...SAMPLE_VALUES, reason })),
    ];
    for (const locale of LOCALES) {
      const i18n = createI18n(locale);
      for (const error of cases) {
        const { key, values } = errorMessage(error);
        expect(i18n.exists(key), `${locale} ${key}`).toBe(true);
        const shown = i18n.t(key, values ?? {});
        expect(shown, key).not.toContain(ENGLISH);
        expect(shown, key).not.toMatch(/{{|undefined|\[object/);
      }
    }
    expect(hostWords(new PosError('INTERNAL', ENGLISH))).toBe(ENGLISH);
  });

  it('says an error from elsewhere (a plain Error, a string) in a sentence too', () => {
    const i18n = createI18n('fr');
    for (const error of [new Error(ENGLISH), ENGLISH, null, { code: 'SOMETHING_NEW', message: ENGLISH }]) {
      const { key, values } = errorMessage(error);
      expect(i18n.t(key, values ?? {})).toBe('Erreur inattendue.');
    }
  });

  it('counts a lock in whole seconds and keeps the attempts left', () => {
    expect(errorMessage(new PosError('PIN_LOCKED', ENGLISH, { retryInMs: 29_001 })).values).toMatchObject({ seconds: 30 });
    const i18n = createI18n('fr');
    const wrong = errorMessage(new PosError('WRONG_PIN', 'Wrong PIN', { attemptsLeft: 2 }));
    expect(i18n.t(wrong.key, wrong.values ?? {})).toBe('Code incorrect (2 essai(s) restant(s)).');
  });
});
