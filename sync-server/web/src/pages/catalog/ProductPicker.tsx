import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from './catalog-api';
import { exactMatch, type ProductChoice } from './product-choice';

type Props = {
  readonly label: string;
  readonly value: ProductChoice;
  readonly onChange: (choice: ProductChoice) => void;
  /** The catalog's search (GET /products?q=…); its refusal or failure leaves the id to be typed. */
  readonly search: (text: string) => Promise<readonly Product[]>;
  readonly maxLength: number;
};

/** Typing waits this long before the catalog is searched: a scanner's burst or a word makes one request. */
export const SEARCH_DELAY_MS = 200;
/** From two characters: one letter matches a large part of a catalog, for nothing. */
const MIN_SEARCH = 2;

/**
 * A product field that finds products as a name, barcode, SKU or id is typed: a combobox whose
 * listbox offers the matches (arrows and Enter, or a click), the chosen product's name shown beside
 * it, its id what the form sends. A code matching one product exactly (a scan) chooses it at once.
 * Without the search (refused, unreachable), it is a plain field taking the id.
 */
export function ProductPicker({ label, value, onChange, search, maxLength }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const listId = `${id}-list`;
  const chosenId = `${id}-chosen`;
  const [matches, setMatches] = useState<readonly Product[] | null>(null);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const [unavailable, setUnavailable] = useState(false);
  const text = value.text.trim();
  const searching = !unavailable && value.product === null && text.length >= MIN_SEARCH;

  useEffect(() => {
    setMatches(null);
    setActive(-1);
    if (!searching) return;
    let live = true;
    const timer = setTimeout(() => {
      search(text).then(
        (found) => {
          if (!live) return;
          const exact = exactMatch(found, text);
          if (exact) return onChange({ text: value.text, product: { id: exact.id, name: exact.name } });
          setMatches(found);
          setOpen(true);
        },
        () => live && setUnavailable(true),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // The text is what asks for a search; onChange and value.text are read when its answer comes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, searching, search]);

  const shown = open && matches !== null ? matches : null;
  const choose = (product: Product) => {
    onChange({ text: product.id, product: { id: product.id, name: product.name } });
    setOpen(false);
  };
  const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = matches?.length ?? 0;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (count === 0) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + count) % count);
    } else if (event.key === 'Enter' && shown && active >= 0 && shown[active]) {
      // Enter chooses the product under the cursor rather than sending the form.
      event.preventDefault();
      choose(shown[active]);
    } else if (event.key === 'Escape' && shown) {
      event.preventDefault();
      setOpen(false);
    }
  };

  return (
    <div className="field product-picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value.text}
        maxLength={maxLength}
        autoComplete="off"
        spellCheck={false}
        {...(unavailable
          ? {}
          : {
              role: 'combobox',
              'aria-autocomplete': 'list' as const,
              'aria-expanded': shown !== null && shown.length > 0,
              'aria-controls': listId,
              'aria-activedescendant': shown && active >= 0 ? `${id}-option-${active}` : undefined,
            })}
        aria-describedby={chosenId}
        onChange={(event) => {
          setOpen(true);
          onChange({ text: event.target.value, product: null });
        }}
        onKeyDown={keyDown}
        onBlur={() => setOpen(false)}
      />
      <span id={chosenId} className="note">
        {value.product ? value.product.name : unavailable ? t('productPicker.typeId') : ''}
      </span>
      {!unavailable && (
        <ul id={listId} role="listbox" aria-label={t('productPicker.list', { label })} hidden={!shown || shown.length === 0}>
          {(shown ?? []).map((product, index) => (
            <li
              key={product.id}
              id={`${id}-option-${index}`}
              role="option"
              aria-selected={index === active}
              // Keeps the focus in the field, whose blur would close the list before the click.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(product)}
            >
              {product.name} <span className="note">{[product.id, ...product.barcodes.slice(0, 1)].join(' · ')}</span>
            </li>
          ))}
        </ul>
      )}
      {/* The count is said to screen readers; that nothing matched is shown to everyone. */}
      <span role="status" className={matches?.length === 0 ? 'note' : 'visually-hidden'}>
        {searching && matches !== null ? t('productPicker.found', { count: matches.length }) : ''}
      </span>
    </div>
  );
}
