import { describe, expect, it } from 'vitest';
import { applyKeypadKey, fieldTextSelected } from './keypad-input';

const digit = (digits: string) => ({ kind: 'digits', digits }) as const;
const comma = { kind: 'decimal', separator: ',' } as const;

describe('applyKeypadKey', () => {
  it('appends digits to what is there', () => {
    expect(applyKeypadKey('1', digit('3'), false)).toBe('13');
    expect(applyKeypadKey('12', digit('00'), false)).toBe('1200');
  });

  it('replaces a selected value, as a keyboard would: "1" selected then 3 is 3', () => {
    expect(applyKeypadKey('1', digit('3'), true)).toBe('3');
  });

  it('puts one decimal separator at most, with a 0 before it on an empty field', () => {
    expect(applyKeypadKey('', comma, false)).toBe('0,');
    expect(applyKeypadKey('12', comma, false)).toBe('12,');
    expect(applyKeypadKey('12,5', comma, false)).toBe('12,5');
    expect(applyKeypadKey('12.5', comma, false)).toBe('12.5');
  });

  it('corrects the last character and clears the whole text', () => {
    expect(applyKeypadKey('12,5', { kind: 'backspace' }, false)).toBe('12,');
    expect(applyKeypadKey('', { kind: 'backspace' }, false)).toBe('');
    expect(applyKeypadKey('12,5', { kind: 'clear' }, false)).toBe('');
  });
});

describe('fieldTextSelected', () => {
  it('is true only for the focused field showing the text wholly selected', () => {
    const input = document.createElement('input');
    document.body.append(input);
    input.value = '15';
    input.focus();
    input.select();
    expect(fieldTextSelected('15', document.activeElement)).toBe(true);
    expect(fieldTextSelected('16', document.activeElement)).toBe(false);
    input.setSelectionRange(2, 2);
    expect(fieldTextSelected('15', document.activeElement)).toBe(false);
    expect(fieldTextSelected('15', document.body)).toBe(false);
    input.remove();
  });
});
