import { describe, expect, it } from 'vitest';
import { fnv1a64, fnv1a64Hex, sha256Hex } from '@domain/hash';

describe('fnv1a64', () => {
  it('gives the published FNV-1a 64 test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('equals the plain BigInt form on Vietnamese text and any offset basis', () => {
    // The textbook definition, for comparison with the limb arithmetic.
    const reference = (bytes: Uint8Array, basis: bigint): string => {
      let h = basis;
      for (const b of bytes) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
      return h.toString(16).padStart(16, '0');
    };
    const swapped = [0x9ce4, 0xcbf2, 0x2325, 0x8422] as const;
    for (const text of ['Kế hoạch Công đoàn', 'III.2.4\u0000Tổ chức hội nghị 𝔸', 'x'.repeat(1000)]) {
      const bytes = new TextEncoder().encode(text);
      expect(fnv1a64(text)).toBe(reference(bytes, 0xcbf29ce484222325n));
      expect(fnv1a64Hex(bytes, swapped)).toBe(reference(bytes, 0x84222325cbf29ce4n));
    }
  });
});

describe('sha256Hex', () => {
  it('gives the lower-case hex SHA-256 of the bytes', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
