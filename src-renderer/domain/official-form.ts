/**
 * The official document form of Nghị định 30/2020/NĐ-CP, Phụ lục I (applied to union bodies
 * through QĐ 933/QĐ-TLĐ): the words and lines every printed report carries, whatever program
 * prints it (the workbooks' header rows, the Word report).
 *
 * Pure module: no React, Dexie, Electron, Node or DOM.
 */

/** Quốc hiệu, printed in bold capitals. */
export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
/** Tiêu ngữ, printed in bold under the Quốc hiệu. */
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** Capitals as Vietnamese prints them (locale-independent for our letters). */
export function vnUpper(text: string): string {
  return text.normalize('NFC').toUpperCase();
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "Dương Minh Châu, ngày 14 tháng 6 năm 2025"; blanks to fill by hand when unknown.
 * ND 30/2020: a day below 10 and the months 1 and 2 are written with a leading 0
 * ("ngày 05 tháng 02 năm 2025").
 */
export function placeAndDateLine(place: string, date: string | null): string {
  const where = place.trim() === '' ? '……………' : place.trim();
  const m = date ? ISO_DAY.exec(date) : null;
  if (!m) return `${where}, ngày …… tháng …… năm ………`;
  const day = Number(m[3]);
  const month = Number(m[2]);
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month <= 2 ? `0${month}` : String(month);
  return `${where}, ngày ${dd} tháng ${mm} năm ${m[1]}`;
}

/** "Số: 12/BC-LĐLĐ" from the number and the symbol; '' when both are empty. */
export function documentNumberLine(number: string, symbol: string): string {
  const n = number.trim();
  const s = symbol.trim();
  if (n === '' && s === '') return '';
  if (s === '') return `Số: ${n}`;
  return `Số: ${n === '' ? '……' : n}/${s}`;
}

const PLACE_RE = /(?:^|\s)(?:huyện|tỉnh|thị xã|thành phố|quận|thị trấn|xã|phường|TP\.?)\s+(.+)$/iu;

/**
 * The place of the place-and-date line, from the first name that carries one: "LĐLĐ huyện
 * Dương Minh Châu" → "Dương Minh Châu" (the unit's own name, then its parent's, then the
 * installation's own unit and its parent); '' when none does.
 */
export function defaultPlace(unit: { name: string; parentName: string }, own: { name: string; parentName: string }): string {
  for (const name of [unit.name, unit.parentName, own.name, own.parentName]) {
    const m = PLACE_RE.exec(name.normalize('NFC').trim());
    if (m?.[1]) return m[1].trim();
  }
  return '';
}
