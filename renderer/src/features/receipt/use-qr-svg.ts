import { useEffect, useState } from 'react';

/** A QR code as SVG text, drawn by bwip-js, loaded on first use so start-up does not pay for it. */
export function useQrSvg(text: string | null, scale: number): string | null {
  const [svg, setSvg] = useState<{ readonly text: string; readonly svg: string } | null>(null);
  useEffect(() => {
    if (!text) return;
    let live = true;
    void import('bwip-js/browser').then((bwip) => {
      const drawn = bwip.toSVG({ bcid: 'qrcode', text, scale, paddingwidth: 4, paddingheight: 4, backgroundcolor: 'FFFFFF' });
      if (live) setSvg({ text, svg: drawn });
    });
    return () => {
      live = false;
    };
  }, [text, scale]);
  // Never the previous text's code while the new one is drawn.
  return svg && svg.text === text ? svg.svg : null;
}

/** The same code as an image source. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
