import type { ReactNode } from 'react';
import { inkOn } from './tile-ink';
import './tiles.css';

export type TileProps = {
  readonly label: ReactNode;
  /** Under the label: a price, a stock level, or why the tile cannot be used. */
  readonly detail?: ReactNode;
  readonly colour?: string | undefined;
  readonly image?: string | undefined;
  /**
   * What a tap does, for a screen reader only ("Ajouter"): read before the label. No aria-label:
   * the name is what the tile shows, so a voice command naming what is seen finds it.
   */
  readonly verb?: string | undefined;
  readonly kind: 'category' | 'product';
  readonly disabled?: boolean;
  readonly onTap: () => void;
};

/** One big button of the touch sale screen, in the store's colour or with its picture. */
export function Tile({ label, detail, colour, image, verb, kind, disabled = false, onTap }: TileProps) {
  return (
    <button
      type="button"
      className={`tile tile-${kind}${colour ? ' tile-coloured' : ''}`}
      style={colour ? { background: colour, color: inkOn(colour), borderColor: colour } : undefined}
      disabled={disabled}
      onClick={onTap}
    >
      {image && <img className="tile-image" src={image} alt="" />}
      <span className="tile-label">
        {verb && <span className="visually-hidden">{verb} </span>}
        {label}
      </span>
      {/* Spaces between the parts: ignored by the flex layout, they keep the name read aloud apart. */}
      {detail && (
        <>
          {' '}
          <span className="tile-detail">{detail}</span>
        </>
      )}
    </button>
  );
}
