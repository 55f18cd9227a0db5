import { describe, expect, it } from 'vitest';
import { fnv1a64 as fnv1a64OfText, fnv1a64Hex } from '@domain/hash';
import { BUILTIN_PLAN } from '@domain/builtin-plan';
import { planFingerprint, trackableItems } from '@domain/plan-tree';

// The textbook FNV-1a 64 in BigInt, over the code points encoded one by one (as fingerprints
// have always been computed): the limb form must give the same digits.
function reference(text: string): string {
  let hash = 0xcbf29ce484222325n;
  const byte = (b: number) => {
    hash ^= BigInt(b);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) byte(cp);
    else if (cp < 0x800) [0xc0 | (cp >> 6), 0x80 | (cp & 0x3f)].forEach(byte);
    else if (cp < 0x10000) [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)].forEach(byte);
    else [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)].forEach(byte);
  }
  return hash.toString(16).padStart(16, '0');
}

describe('FNV-1a 64 on limbs', () => {
  it('equals the BigInt form for Vietnamese, astral and lone-surrogate text', () => {
    const samples = ['', 'a', 'Tuyên truyền, phổ biến', '😀 Đoàn \u0000\u0001', '\ud800 lẻ', 'x'.repeat(5000)];
    let seed = 7;
    for (let i = 0; i < 300; i++) {
      let s = '';
      const n = (seed = (seed * 1103515245 + 12345) >>> 0) % 40;
      for (let k = 0; k < n; k++) s += String.fromCharCode((seed = (seed * 1103515245 + 12345) >>> 0) % 0xffff);
      samples.push(s);
    }
    for (const s of samples) {
      expect(fnv1a64OfText(s), JSON.stringify(s)).toBe(reference(s));
      if (!/[\ud800-\udfff]/.test(s)) expect(fnv1a64Hex(new TextEncoder().encode(s))).toBe(reference(s));
    }
  });

  it("keeps the built-in plan's fingerprint as files carry it", () => {
    const parts = trackableItems(BUILTIN_PLAN.plan).map((n) => `${n.id}\u0000${n.text.normalize('NFC')}`);
    expect(planFingerprint(BUILTIN_PLAN.plan)).toBe(`fnv1a64:${reference(parts.join('\u0001'))}`);
  });
});
