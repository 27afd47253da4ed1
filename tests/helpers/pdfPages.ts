import { createCanvas } from '@napi-rs/canvas';

/** One PDF page drawn to pixels, the way a viewer shows it: RGBA pixels and the same as a PNG. */
export interface RenderedPage {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
  png: Buffer;
}

/**
 * Renders a page of a PDF with PDF.js (Mozilla's renderer) onto a Skia canvas: what a person sees
 * when they open the file, independent of the Chromium that wrote it. `scale` 1 is 72 dpi.
 */
export async function renderPdfPage(pdf: Uint8Array, pageNumber: number, scale: number): Promise<RenderedPage> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  try {
    const page = await document.getPage(pageNumber);
    const viewport = page.getViewport({ scale });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
    const rgba = context.getImageData(0, 0, canvas.width, canvas.height).data;
    return { width: canvas.width, height: canvas.height, rgba, png: canvas.toBuffer('image/png') };
  } finally {
    await document.destroy();
  }
}

/** The text of a PDF page as PDF.js extracts it (what search and copy in a viewer find). */
export async function pdfPageText(pdf: Uint8Array, pageNumber: number): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  try {
    const content = await (await document.getPage(pageNumber)).getTextContent();
    return content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
  } finally {
    await document.destroy();
  }
}
