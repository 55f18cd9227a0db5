/**
 * Imported first by main.tsx, so it runs before the rest of the bundle is evaluated: the
 * browser's first IndexedDB call opens its store on disk (about 200 ms on an office PC with a
 * province's data), and this one starts that while the app's code is still being evaluated.
 * app/open-database.ts then finds the store open. Nothing is read or written here.
 */
if (typeof indexedDB !== 'undefined' && typeof indexedDB.databases === 'function') {
  indexedDB.databases().catch(() => undefined);
}

export {};
