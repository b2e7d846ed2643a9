import { useRef, type ReactNode } from 'react';
import { useOverlay } from './use-overlay';

/** Every overlay is named, by its own words or by its title's id (a screen reader says it first). */
type OverlayName = { label: string; labelledBy?: never } | { labelledBy: string; label?: never };

/**
 * A dialog or panel over the till (see useOverlay for what every one does). `closeOnBackdrop`
 * for panels that only show things; a form keeps what was typed when a finger slips beside it.
 */
export function Overlay({
  label,
  labelledBy,
  onClose,
  closeOnBackdrop = false,
  closeKeys,
  className,
  children,
}: OverlayName & {
  onClose?: () => void;
  closeOnBackdrop?: boolean;
  closeKeys?: readonly string[];
  className?: string;
  children: ReactNode;
}) {
  const root = useRef<HTMLDivElement>(null);
  useOverlay(root, onClose, closeKeys);
  return (
    <div
      ref={root}
      className="modal-backdrop"
      // A press on the backdrop must not take the focus out of the dialog.
      onMouseDown={(e) => e.target === e.currentTarget && e.preventDefault()}
      onClick={(e) => closeOnBackdrop && e.target === e.currentTarget && onClose?.()}
    >
      <div
        role="dialog"
        aria-modal="true"
        aria-label={label}
        aria-labelledby={labelledBy}
        tabIndex={-1}
        className={className ? `modal ${className}` : 'modal'}
      >
        {children}
      </div>
    </div>
  );
}
