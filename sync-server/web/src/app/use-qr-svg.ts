import { useEffect, useState } from 'react';

/** A QR code as an SVG data URL, drawn by bwip-js, loaded only by the page that shows one. */
export function useQrDataUrl(text: string | null): string | null {
  const [drawn, setDrawn] = useState<{ readonly text: string; readonly url: string } | null>(null);
  useEffect(() => {
    if (!text) return;
    let live = true;
    void import('bwip-js/browser').then((bwip) => {
      const svg = bwip.toSVG({ bcid: 'qrcode', text, scale: 4, paddingwidth: 4, paddingheight: 4, backgroundcolor: 'FFFFFF' });
      if (live) setDrawn({ text, url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` });
    });
    return () => {
      live = false;
    };
  }, [text]);
  return drawn && drawn.text === text ? drawn.url : null;
}
