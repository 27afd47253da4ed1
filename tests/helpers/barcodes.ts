import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, NotFoundException, RGBLuminanceSource } from '@zxing/library';

/**
 * Reads the barcode in an image as a scanner would, with ZXing (the decoder most
 * phone and handheld scanner apps build on). Answers its text and format, or null
 * when there is no readable barcode.
 */
export function decodeBarcode(image: { width: number; height: number; rgba: Uint8ClampedArray }): { text: string; format: string } | null {
  const luminances = new Uint8ClampedArray(image.width * image.height);
  for (let i = 0; i < luminances.length; i += 1) {
    const r = image.rgba[i * 4]!;
    const g = image.rgba[i * 4 + 1]!;
    const b = image.rgba[i * 4 + 2]!;
    luminances[i] = (r * 299 + g * 587 + b * 114) / 1000;
  }
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.CODE_128, BarcodeFormat.QR_CODE, BarcodeFormat.CODE_39]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  try {
    const result = reader.decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminances, image.width, image.height))), hints);
    return { text: result.getText(), format: BarcodeFormat[result.getBarcodeFormat()]! };
  } catch (error) {
    if (error instanceof NotFoundException) return null;
    throw error;
  }
}
