import { useLayoutEffect, useRef } from 'react';
import JsBarcode from 'jsbarcode';

/**
 * A Code 128 barcode as SVG (sharp at any printer resolution). Bars are 2 px
 * wide at 96 dpi (about 0.5 mm on paper), with the quiet zone the standard asks for,
 * so an ordinary handheld scanner reads it from a sheet at arm's length.
 */
export function Barcode({ value, label }: { value: string; label: string }) {
  const svg = useRef<SVGSVGElement>(null);
  useLayoutEffect(() => {
    if (!svg.current) return;
    JsBarcode(svg.current, value, {
      format: 'CODE128',
      width: 2,
      height: 64,
      margin: 20,
      displayValue: true,
      font: 'monospace',
      fontSize: 16,
      background: '#ffffff',
      lineColor: '#000000',
    });
  }, [value]);
  return <svg ref={svg} className="sheet-barcode" role="img" aria-label={label} />;
}
