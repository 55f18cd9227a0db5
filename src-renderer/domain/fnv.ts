/**
 * FNV-1a 64 over UTF-8 bytes, computed on four 16-bit limbs (plain numbers: BigInt arithmetic
 * per byte made hashing most of an import's CPU time in Chromium). Same results as the textbook
 * form: hash ^= byte; hash = (hash * 0x100000001b3) mod 2^64.
 */

/** Four 16-bit limbs, low first. */
export type Limbs = readonly [number, number, number, number];

/** The FNV-1a 64 offset basis 0xcbf29ce484222325. */
export const FNV_OFFSET: Limbs = [0x2325, 0x8422, 0x9ce4, 0xcbf2];

/** The running state of one hash. */
class Fnv64 {
  private h0: number;
  private h1: number;
  private h2: number;
  private h3: number;

  constructor(offset: Limbs) {
    [this.h0, this.h1, this.h2, this.h3] = offset;
  }

  byte(b: number): void {
    const h0 = this.h0 ^ b;
    const { h1, h2, h3 } = this;
    // prime = 2^40 + 0x1b3: limbs (low first) 0x1b3, 0, 0x100, 0.
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + h0 * 0x100 + (t1 >>> 16);
    const t3 = h3 * 0x1b3 + h1 * 0x100 + (t2 >>> 16);
    this.h0 = t0 & 0xffff;
    this.h1 = t1 & 0xffff;
    this.h2 = t2 & 0xffff;
    this.h3 = t3 & 0xffff;
  }

  hex(): string {
    const hex4 = (n: number) => n.toString(16).padStart(4, '0');
    return hex4(this.h3) + hex4(this.h2) + hex4(this.h1) + hex4(this.h0);
  }
}

/** The hash of `bytes` from `offset`, 16 hex digits. */
export function fnv1a64Hex(bytes: Uint8Array, offset: Limbs = FNV_OFFSET): string {
  const h = new Fnv64(offset);
  for (let i = 0; i < bytes.length; i++) h.byte(bytes[i]!);
  return h.hex();
}

/**
 * The hash of `text`'s code points encoded as UTF-8 one by one — a lone surrogate as its own
 * three bytes, not as U+FFFD the way TextEncoder writes it — so fingerprints written by earlier
 * versions stay the same.
 */
export function fnv1a64OfText(text: string): string {
  const h = new Fnv64(FNV_OFFSET);
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) h.byte(cp);
    else if (cp < 0x800) {
      h.byte(0xc0 | (cp >> 6));
      h.byte(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      h.byte(0xe0 | (cp >> 12));
      h.byte(0x80 | ((cp >> 6) & 0x3f));
      h.byte(0x80 | (cp & 0x3f));
    } else {
      h.byte(0xf0 | (cp >> 18));
      h.byte(0x80 | ((cp >> 12) & 0x3f));
      h.byte(0x80 | ((cp >> 6) & 0x3f));
      h.byte(0x80 | (cp & 0x3f));
    }
  }
  return h.hex();
}
