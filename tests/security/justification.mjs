// The justification rule for electronegativity findings, kept apart so it is unit-tested.
//
// A finding above LOW is accepted only when the source names it and says why, in a comment
// on the finding's line or in the comment block directly above it:
//
//   // electronegativity-safe(PRELOAD_JS_CHECK): the preload exposes four named methods only
//
// Several checks may be listed, comma-separated. The reason must be a real sentence
// (at least 10 characters). A marker without a check id, or for another check, does not count.

const MARKER = /electronegativity-safe\(([A-Z0-9_,\s]+)\):\s*(.+)$/;
const MIN_REASON = 10;

/** The marker on one line of source, or null. */
export function parseMarker(line) {
  const match = MARKER.exec(line);
  if (!match) return null;
  const checks = match[1].split(',').map((c) => c.trim()).filter(Boolean);
  const reason = match[2].replace(/\*\/\s*$/, '').trim();
  if (checks.length === 0 || reason.length < MIN_REASON) return null;
  return { checks, reason };
}

function isCommentLine(line) {
  const t = line.trim();
  return t.startsWith('//') || t.startsWith('/*') || t.startsWith('*');
}

/**
 * The reason given for `checkId` at 1-based `line` of `source`, or null when unjustified.
 * Looks at the line itself, then upwards through the contiguous comment lines above it.
 */
export function findJustification(source, line, checkId) {
  const lines = source.split(/\r?\n/);
  if (line >= 1 && line <= lines.length) {
    const inline = parseMarker(lines[line - 1]);
    if (inline && inline.checks.includes(checkId)) return inline.reason;
  }
  for (let i = line - 2; i >= 0 && isCommentLine(lines[i]); i--) {
    const marker = parseMarker(lines[i]);
    if (!marker || !marker.checks.includes(checkId)) continue;
    // A reason may continue on the comment lines below the marker.
    const more = lines.slice(i + 1, line - 1).map((l) => l.trim().replace(/^(\/\/|\/\*+|\*\/?)\s*/, '').replace(/\*\/$/, '').trim());
    return [marker.reason, ...more].filter(Boolean).join(' ');
  }
  return null;
}

// Findings inside third-party code that Vite bundled into out/renderer/assets cannot carry a
// comment. Each entry names the check, the exact shape of the vendor code, and why it is safe;
// a finding is accepted only when the code at its position has that shape.
export const VENDOR_JUSTIFICATIONS = [
  {
    check: 'DANGEROUS_FUNCTIONS_JS_CHECK',
    // The `setimmediate` polyfill that JSZip (inside mammoth and ExcelJS) bundles:
    //   setImmediate = function (cb) { if (typeof cb !== "function") cb = new Function("" + cb); … }
    pattern: /\.setImmediate=function\((\w+)\)\{typeof \1!=[`'"]function[`'"]&&\(\1=Function\([`'"]{2}\+\1\)\)/,
    reason:
      'setimmediate polyfill bundled by JSZip (mammoth, ExcelJS): Function() runs only when setImmediate is given a string instead of a function, which JSZip never does and no code of ours calls',
  },
];

/** The vendor reason for a finding at 1-based `line`, 1-based `column` of a bundle, or null. */
export function findVendorJustification(source, line, column, checkId) {
  const text = source.split(/\r?\n/)[line - 1];
  if (text === undefined) return null;
  // The finding points at the call; the recognised shape starts a little before it.
  const window = text.slice(Math.max(0, column - 200), column + 200);
  const hit = VENDOR_JUSTIFICATIONS.find((v) => v.check === checkId && v.pattern.test(window));
  return hit ? hit.reason : null;
}
