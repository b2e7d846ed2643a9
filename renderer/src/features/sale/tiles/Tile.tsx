import type { ReactNode } from 'react';
import { inkOn } from './tile-ink';
import './tiles.css';

export type TileProps = {
  readonly label: ReactNode;
  /** Under the label: a price, a stock level, or why the tile cannot be used. */
  readonly detail?: ReactNode;
  readonly colour?: string | undefined;
  readonly image?: string | undefined;
  readonly ariaLabel?: string | undefined;
  readonly kind: 'category' | 'product';
  readonly disabled?: boolean;
  readonly onTap: () => void;
};

/** One big button of the touch sale screen, in the store's colour or with its picture. */
export function Tile({ label, detail, colour, image, ariaLabel, kind, disabled = false, onTap }: TileProps) {
  return (
    <button
      type="button"
      className={`tile tile-${kind}${colour ? ' tile-coloured' : ''}`}
      style={colour ? { background: colour, color: inkOn(colour), borderColor: colour } : undefined}
      aria-label={ariaLabel}
      disabled={disabled}
      onClick={onTap}
    >
      {image && <img className="tile-image" src={image} alt="" />}
      <span className="tile-label">{label}</span>
      {detail && <span className="tile-detail">{detail}</span>}
    </button>
  );
}
