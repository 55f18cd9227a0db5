/**
 * Where a JSON value ends in UTF-8 bytes, without decoding them: how a backup of hundreds of
 * megabytes is cut into records (each then parsed by JSON.parse alone), and how the desktop
 * shell tells a complete backup file from one cut short or written over by two writers.
 *
 * Pure module. Scanning bytes is safe in UTF-8: the bytes of a multi-byte character are all
 * ≥ 0x80, so they are never taken for a quote, a backslash or a bracket. Only the structure is
 * checked here (strings closed, brackets matched); the values themselves are JSON.parse's job.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** valueEnd's answers besides an index: the bytes end inside the value / the bytes are not JSON there. */
export const INCOMPLETE = -1;
export const NOT_JSON = -2;

/** Nesting deeper than this is refused (NOT_JSON): no file of ours nests more than a few dozen levels. */
export const MAX_DEPTH = 1000;

export function isWhitespace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** The index of the first byte at or after `i` that is not JSON white space (bytes.length at the end). */
export function skipWhitespace(bytes: Uint8Array, i: number): number {
  while (i < bytes.length && isWhitespace(bytes[i])) i++;
  return i;
}

/**
 * The index just after the string whose opening quote is at `start`, or INCOMPLETE. Finds the
 * next quote with indexOf (native, fast over long texts) and skips the escaped ones.
 */
export function stringEnd(bytes: Uint8Array, start: number): number {
  let from = start + 1;
  for (;;) {
    const q = bytes.indexOf(QUOTE, from);
    if (q < 0) return INCOMPLETE;
    let k = q - 1;
    while (k > start && bytes[k] === BACKSLASH) k--;
    // An even number of backslashes before the quote: it closes the string.
    if ((q - 1 - k) % 2 === 0) return q + 1;
    from = q + 1;
  }
}

function literalEnd(bytes: Uint8Array, start: number): number {
  let i = start;
  while (i < bytes.length) {
    const c = bytes[i]!;
    if (c === COMMA || c === CLOSE_OBJECT || c === CLOSE_ARRAY || c === COLON || isWhitespace(c)) break;
    if (c === QUOTE || c === OPEN_OBJECT || c === OPEN_ARRAY) return NOT_JSON;
    i++;
  }
  if (i === start) return NOT_JSON;
  // Cut at the end of the bytes: "12" may have been "1234", "tr" "true".
  return i === bytes.length ? INCOMPLETE : i;
}

/**
 * The index just after the JSON value that starts at `start` (no white space before it), or
 * INCOMPLETE when the bytes end inside it, or NOT_JSON when its brackets do not match (or nest
 * deeper than MAX_DEPTH). A number or literal at the very end of the bytes counts as
 * INCOMPLETE: it may have been cut.
 */
export function valueEnd(bytes: Uint8Array, start: number): number {
  if (start >= bytes.length) return INCOMPLETE;
  const first = bytes[start]!;
  if (first === QUOTE) return stringEnd(bytes, start);
  if (first !== OPEN_OBJECT && first !== OPEN_ARRAY) return literalEnd(bytes, start);
  const closers = new Uint8Array(MAX_DEPTH);
  let depth = 0;
  let i = start;
  while (i < bytes.length) {
    const c = bytes[i]!;
    if (c === QUOTE) {
      const end = stringEnd(bytes, i);
      if (end < 0) return end;
      i = end;
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (depth === MAX_DEPTH) return NOT_JSON;
      closers[depth++] = c === OPEN_OBJECT ? CLOSE_OBJECT : CLOSE_ARRAY;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      if (depth === 0 || closers[depth - 1] !== c) return NOT_JSON;
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return INCOMPLETE;
}

const LITERALS = [new Uint8Array([0x74, 0x72, 0x75, 0x65]), new Uint8Array([0x66, 0x61, 0x6c, 0x73, 0x65]), new Uint8Array([0x6e, 0x75, 0x6c, 0x6c])];

/** The index after the number or literal at `i`, or NOT_JSON / INCOMPLETE. */
function scalarEnd(bytes: Uint8Array, i: number): number {
  const c = bytes[i]!;
  for (const lit of LITERALS) {
    if (c !== lit[0]) continue;
    for (let k = 1; k < lit.length; k++) {
      if (i + k >= bytes.length) return INCOMPLETE;
      if (bytes[i + k] !== lit[k]) return NOT_JSON;
    }
    return i + lit.length;
  }
  // -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?
  let j = i;
  const digits = () => {
    const from = j;
    while (j < bytes.length && bytes[j]! >= 0x30 && bytes[j]! <= 0x39) j++;
    return j - from;
  };
  if (bytes[j] === 0x2d) j++;
  const leadingZero = bytes[j] === 0x30;
  const intDigits = digits();
  if (intDigits === 0) return j >= bytes.length ? INCOMPLETE : NOT_JSON;
  if (leadingZero && intDigits > 1) return NOT_JSON;
  if (bytes[j] === 0x2e) {
    j++;
    if (digits() === 0) return j >= bytes.length ? INCOMPLETE : NOT_JSON;
  }
  if (bytes[j] === 0x65 || bytes[j] === 0x45) {
    j++;
    if (bytes[j] === 0x2b || bytes[j] === 0x2d) j++;
    if (digits() === 0) return j >= bytes.length ? INCOMPLETE : NOT_JSON;
  }
  return j;
}

/**
 * True when `bytes` hold exactly one complete JSON object or array (white space around it
 * allowed), checked token by token (strings are checked for their end only): what a file cut
 * short, or written by two writers at once, is not. Bounded memory, one pass.
 */
export function isCompleteJsonDocument(bytes: Uint8Array): boolean {
  let i = skipWhitespace(bytes, 0);
  if (bytes[i] !== OPEN_OBJECT && bytes[i] !== OPEN_ARRAY) return false;
  /** Open containers: OPEN_OBJECT / OPEN_ARRAY. */
  const stack: number[] = [];
  /** What may come next: a value, a key (or the end of an object just opened), a separator. */
  let want: 'value' | 'key' | 'first-key' | 'first-value' | 'after' = 'value';
  for (;;) {
    i = skipWhitespace(bytes, i);
    if (i >= bytes.length) return false;
    const c = bytes[i]!;
    const top = stack[stack.length - 1];
    if (want === 'after') {
      if (c === COMMA && top !== undefined) {
        want = top === OPEN_OBJECT ? 'key' : 'value';
        i++;
      } else if ((c === CLOSE_OBJECT && top === OPEN_OBJECT) || (c === CLOSE_ARRAY && top === OPEN_ARRAY)) {
        stack.pop();
        i++;
        if (stack.length === 0) return skipWhitespace(bytes, i) === bytes.length;
      } else return false;
      continue;
    }
    if (want === 'key' || want === 'first-key') {
      if (want === 'first-key' && c === CLOSE_OBJECT) {
        want = 'after';
        stack.push(OPEN_OBJECT);
        continue;
      }
      if (c !== QUOTE) return false;
      const end = stringEnd(bytes, i);
      if (end < 0) return false;
      i = skipWhitespace(bytes, end);
      if (bytes[i] !== COLON) return false;
      i++;
      want = 'value';
      continue;
    }
    // A value (or, right after "[", the end of an empty array).
    if (want === 'first-value' && c === CLOSE_ARRAY) {
      stack.push(OPEN_ARRAY);
      want = 'after';
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (stack.length >= MAX_DEPTH) return false;
      i = skipWhitespace(bytes, i + 1);
      const isObject = c === OPEN_OBJECT;
      // An empty object or array closes at once: handled by 'first-key' / 'first-value' pushing before 'after'.
      if (bytes[i] === (isObject ? CLOSE_OBJECT : CLOSE_ARRAY)) {
        want = isObject ? 'first-key' : 'first-value';
        continue;
      }
      stack.push(c);
      want = isObject ? 'key' : 'value';
      continue;
    }
    if (stack.length === 0) return false;
    const end = c === QUOTE ? stringEnd(bytes, i) : scalarEnd(bytes, i);
    if (end < 0) return false;
    i = end;
    want = 'after';
  }
}
