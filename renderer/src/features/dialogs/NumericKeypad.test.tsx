import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n, type Locale } from '../../i18n/i18n';
import { NumericKeypad } from './NumericKeypad';

function Field({ initial, decimal }: { initial: string; decimal?: boolean }) {
  const [text, setText] = useState(initial);
  return (
    <>
      <input aria-label="champ" value={text} onChange={(e) => setText(e.target.value)} autoFocus onFocus={(e) => e.target.select()} />
      <NumericKeypad value={text} onChange={setText} decimal={decimal} />
    </>
  );
}

function renderField(props: { initial: string; decimal?: boolean }, locale: Locale = 'fr') {
  render(
    <I18nextProvider i18n={createI18n(locale)}>
      <Field {...props} />
    </I18nextProvider>,
  );
  const field = screen.getByLabelText<HTMLInputElement>('champ');
  const pad = screen.getByRole('group', { name: locale === 'fr' ? 'Pavé numérique' : 'Numeric keypad' });
  return { field, key: (name: string) => within(pad).getByRole('button', { name }) };
}

describe('NumericKeypad', () => {
  it('replaces the selected value on the first key, then appends, and keeps the focus in the field', async () => {
    const user = userEvent.setup();
    const { field, key } = renderField({ initial: '1' });
    expect(document.activeElement).toBe(field);
    await user.click(key('3'));
    expect(field.value).toBe('3');
    await user.click(key('00'));
    expect(field.value).toBe('300');
    expect(document.activeElement).toBe(field);
    // Keyboard and touch mix: a key typed after a touch goes on the end of the same text.
    await user.keyboard('5');
    expect(field.value).toBe('3005');
  });

  it('writes one decimal comma in French', async () => {
    const user = userEvent.setup();
    const fr = renderField({ initial: '', decimal: true });
    await user.click(fr.key('1'));
    await user.click(fr.key('Virgule'));
    await user.click(fr.key('Virgule'));
    await user.click(fr.key('5'));
    expect(fr.field.value).toBe('1,5');
  });

  it('writes a decimal point in English', async () => {
    const user = userEvent.setup();
    const en = renderField({ initial: '', decimal: true }, 'en');
    await user.click(en.key('Decimal point'));
    expect(en.field.value).toBe('0.');
  });

  it('offers no separator for whole numbers, and corrects and clears', async () => {
    const user = userEvent.setup();
    const { field, key } = renderField({ initial: '' });
    expect(screen.queryByRole('button', { name: 'Virgule' })).toBeNull();
    await user.click(key('4'));
    await user.click(key('2'));
    await user.click(key('Corriger'));
    expect(field.value).toBe('4');
    await user.click(key('Effacer'));
    expect(field.value).toBe('');
  });

  it('keeps its keys out of the tab order', () => {
    renderField({ initial: '' });
    const keys = within(screen.getByRole('group')).getAllByRole('button');
    expect(keys).toHaveLength(13);
    for (const k of keys) {
      expect(k.getAttribute('type')).toBe('button');
      expect(k.tabIndex).toBe(-1);
    }
  });
});
