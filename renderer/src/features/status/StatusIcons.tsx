import type { ReactNode } from 'react';

/**
 * The status bar's pictograms, drawn in SVG: no icon font to ship, the same on every till's
 * system fonts. Each stands for a word kept for screen readers and titles, so it is hidden from them.
 */
const stroke = { fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinejoin: 'round', strokeLinecap: 'round' } as const;

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg className="status-glyph" width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export function GearIcon() {
  return (
    <Icon>
      <circle cx="12" cy="12" r="8" {...stroke} strokeWidth={4} strokeDasharray="3.1 3.18" strokeLinecap="butt" />
      <circle cx="12" cy="12" r="6" {...stroke} />
      <circle cx="12" cy="12" r="2" fill="currentColor" />
    </Icon>
  );
}

export function PrinterIcon() {
  return (
    <Icon>
      <path d="M6 9V3h12v6" {...stroke} />
      <rect x="3" y="9" width="18" height="8" rx="2" {...stroke} />
      <path d="M7 14h10v7H7z" {...stroke} />
    </Icon>
  );
}

export function SyncIcon() {
  return (
    <Icon>
      <path d="M20 12a8 8 0 0 1-14 5.3M4 12a8 8 0 0 1 14-5.3" {...stroke} />
      <path d="M18 2v5h-5M6 22v-5h5" {...stroke} />
    </Icon>
  );
}
