import { Resvg } from "@resvg/resvg-js";
import jsQR from "jsqr";

/** What a phone's camera reads off a QR code: the SVG drawn to pixels, then decoded. */
export function decodeQr(svg: string) {
  const image = new Resvg(svg, { fitTo: { mode: "width", value: 400 } }).render();
  return jsQR(new Uint8ClampedArray(image.pixels), image.width, image.height)?.data ?? null;
}
