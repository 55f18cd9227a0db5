/**
 * The hashes the app computes: FNV-1a 64 (fast, stable ids and fingerprints; never for security)
 * and SHA-256 (a file's identity). One implementation each, so that a fingerprint or an id
 * computed in the renderer, a worker or Node is always the same.
 *
 * Pure module: no React, Dexie, Electron, Node or DOM (crypto.subtle is in workers and Node too).
 */

/** FNV-1a 64's standard offset basis 0xcbf29ce484222325, low limb first. */
export const FNV64_OFFSET: Limbs = [0x2325, 0x8422, 0x9ce4, 0xcbf2];

// FNV-1a 64 over the UTF-8 bytes, computed on four 16-bit limbs (plain numbers: BigInt
// arithmetic per byte made hashing most of an import's CPU time in Chromium). Same results as
// the BigInt form: hash ^= byte; hash = (hash * 0x100000001b3) mod 2^64.
export type Limbs = readonly [number, number, number, number];

/** FNV-1a 64 of the bytes from this offset basis, 16 lower-case hex digits. */
export function fnv1a64Hex(bytes: Uint8Array, offset: Limbs = FNV64_OFFSET): string {
  let [h0, h1, h2, h3] = offset;
  for (let i = 0; i < bytes.length; i++) {
    h0 ^= bytes[i]!;
    // prime = 2^40 + 0x1b3: limbs (low first) 0x1b3, 0, 0x100, 0.
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + h0 * 0x100 + (t1 >>> 16);
    const t3 = h3 * 0x1b3 + h1 * 0x100 + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  const hex4 = (n: number) => n.toString(16).padStart(4, '0');
  return hex4(h3) + hex4(h2) + hex4(h1) + hex4(h0);
}

/**
 * FNV-1a 64 of a text's code points encoded as UTF-8 one by one, 16 lower-case hex digits. A
 * lone surrogate is hashed as its own three bytes, not as U+FFFD the way TextEncoder writes it,
 * so fingerprints stored by earlier versions stay the same.
 */
export function fnv1a64(text: string): string {
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return fnv1a64Hex(Uint8Array.from(bytes));
}

/** SHA-256 of the bytes, lower-case hex. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
