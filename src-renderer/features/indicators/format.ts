/** How the indicators screen writes numbers: Vietnamese grouping ("1.200"), a real minus sign. */
const grouping = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

export function formatCount(n: number): string {
  return grouping.format(n).replace('-', '−');
}

/** "+4", "−3", "0". */
export function formatDelta(n: number): string {
  if (n > 0) return `+${formatCount(n)}`;
  return formatCount(n);
}

/** A number typed in a form, with a typographic minus or dash accepted as "-". */
export function normalizeTypedNumber(text: string): string {
  return text.replace(/[\u2212\u2012\u2013\u2014]/gu, '-').trim();
}
