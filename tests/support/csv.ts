/** Reading back the CSV files LibreOffice exports (comma, double quotes, "" inside quotes). */
import Papa from 'papaparse';

/** The rows of `text`; a final line break ends the last row rather than starting an empty one. */
export function parseCsv(text: string): string[][] {
  const { data, errors } = Papa.parse<string[]>(text, { delimiter: ',', quoteChar: '"' });
  if (errors.length > 0) throw new Error(`CSV: ${errors.map((e) => `${e.message} (row ${e.row})`).join('; ')}`);
  const last = data.at(-1);
  if (last && last.length === 1 && last[0] === '') data.pop();
  return data;
}
