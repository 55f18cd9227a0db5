/**
 * A file's identity in the import history: SHA-256 of its bytes, lower-case hex. Here, beside
 * the reader, so that the worker reading a file hashes it too (the database code re-exports it).
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
