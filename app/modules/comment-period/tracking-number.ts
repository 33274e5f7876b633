import { randomInt } from "node:crypto";

/**
 * Crockford's base 32: no I, L, O or U, so a tracking number read over the phone or copied by
 * hand is not misread.
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** "K7QM-4XRT-9B2H": 60 random bits, so numbers cannot be guessed or enumerated. */
export function newTrackingNumber(): string {
  let text = "";
  for (let i = 0; i < 12; i++) {
    if (i > 0 && i % 4 === 0) text += "-";
    text += ALPHABET[randomInt(32)];
  }
  return text;
}

export function isTrackingNumber(text: string) {
  return /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/.test(text);
}
