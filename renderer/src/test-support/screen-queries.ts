import { screen, within } from '@testing-library/react';
import { formatMoney } from '../i18n/format';

/** Intl puts no-break and narrow no-break spaces in French amounts: compare with plain spaces. */
export function plain(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

export function euros(amount: number): string {
  return plain(formatMoney(amount, 'EUR', 'fr-FR'));
}

export type LineView = {
  readonly name: string;
  readonly quantity: string;
  readonly unitPrice: string;
  readonly total: string;
  readonly row: HTMLElement;
};

/** The cart's lines as the cashier reads them: name, quantity, unit price, line total. */
export function cartLines(): LineView[] {
  const table = screen.queryByRole('table', { name: 'Panier' });
  if (!table) return [];
  const [, ...rows] = within(table).getAllByRole('row');
  return rows.map((row) => {
    const cells = within(row).getAllByRole('cell');
    // The name is the cell's first button (the selected line also offers its salesperson).
    const nameButton = within(cells[0]!).getAllByRole('button')[0]!;
    return {
      name: plain(nameButton.textContent),
      quantity: plain(cells[1]!.textContent)
        .replace(/^−\s?|\s?\+$/g, '')
        .trim(),
      unitPrice: plain(cells[2]!.textContent),
      total: plain(cells[3]!.textContent),
      row,
    };
  });
}

export function lineNamed(name: string): LineView {
  const line = cartLines().find((l) => l.name === name);
  if (!line) throw new Error(`No line ${name} in ${JSON.stringify(cartLines().map((l) => l.name))}`);
  return line;
}

/** A definition list (dt/dd pairs) as term → definition, read through their roles. */
export function figures(container: HTMLElement): Record<string, string> {
  const terms = within(container).queryAllByRole('term');
  const out: Record<string, string> = {};
  for (const term of terms) {
    const definition = term.nextElementSibling;
    out[plain(term.textContent)] = plain(definition?.textContent);
  }
  return out;
}

export function cartSummary(): Record<string, string> {
  return figures(screen.getByLabelText('Total TTC'));
}

export function paymentRegion(): HTMLElement {
  return screen.getByRole('region', { name: 'Encaissement' });
}

export function paymentFigures(): Record<string, string> {
  return figures(paymentRegion());
}

export function searchBox(): HTMLInputElement {
  return screen.getByRole('searchbox', { name: 'Rechercher ou scanner' }) as HTMLInputElement;
}

/** The cashier's notice (errors and warnings are alerts). */
export function noticeText(): string {
  return screen
    .queryAllByRole('alert')
    .map((a) => plain(a.textContent))
    .join(' | ');
}
