/**
 * Who takes part in the scenario and what each one logs: deterministic, so the ledger (and the
 * expected totals) are known before the app is run.
 */
import type { ActivityType } from '@domain/activity';
import { nextDay, type IsoDate, type Period } from '@domain/periods';
import type { LoggedActivity, Status, UnitEntry } from './ledger';

export const PROVINCE = { level: 'province', name: 'LĐLĐ tỉnh Tây Ninh', code: 'LDLD-TN', parentName: 'Tổng Liên đoàn Lao động Việt Nam' } as const;
export const DISTRICT = { level: 'district', name: 'LĐLĐ huyện Dương Minh Châu', code: 'LDLD-DMC', parentName: PROVINCE.name } as const;
export const DISTRICT2 = { level: 'district', name: 'LĐLĐ huyện Gò Dầu', code: 'LDLD-GODAU', parentName: PROVINCE.name } as const;

export interface Unit {
  code: string;
  name: string;
  /** Short place name used in titles. */
  place: string;
}

/** The 12 CĐCS of Dương Minh Châu that use the app. */
export const APP_UNITS: readonly Unit[] = [
  { code: 'CDCS-MAY-HOABINH', name: 'CĐCS Công ty TNHH May mặc Hòa Bình', place: 'Hòa Bình' },
  { code: 'CDCS-THCS-PHUOCMINH', name: 'CĐCS Trường THCS Phước Minh', place: 'Phước Minh' },
  { code: 'CDCS-UBND-SUOIDA', name: 'CĐCS UBND xã Suối Đá', place: 'Suối Đá' },
  { code: 'CDCS-TH-TRUONGMIT', name: 'CĐCS Trường Tiểu học Truông Mít', place: 'Truông Mít' },
  { code: 'CDCS-MIADUONG-BAUNANG', name: 'CĐCS Công ty Cổ phần Mía đường Bàu Năng', place: 'Bàu Năng' },
  { code: 'CDCS-TYT-CHALA', name: 'CĐCS Trạm Y tế xã Chà Là', place: 'Chà Là' },
  { code: 'CDCS-GIAYDA-CAUKHOI', name: 'CĐCS Công ty TNHH Giày da Cầu Khởi', place: 'Cầu Khởi' },
  { code: 'CDCS-MN-LOCNINH', name: 'CĐCS Trường Mầm non Lộc Ninh', place: 'Lộc Ninh' },
  { code: 'CDCS-UBND-PHUOCNINH', name: 'CĐCS UBND xã Phước Ninh', place: 'Phước Ninh' },
  { code: 'CDCS-BVDK-DMC', name: 'CĐCS Bệnh viện Đa khoa huyện Dương Minh Châu', place: 'Bệnh viện huyện' },
  { code: 'CDCS-CAOSU-BENCUI', name: 'CĐCS Công ty TNHH Cao su Bến Củi', place: 'Bến Củi' },
  { code: 'CDCS-THPT-DMC', name: 'CĐCS Trường THPT Dương Minh Châu', place: 'Trường THPT' },
];

/** The 2 CĐCS without the app: the district sends them the blank template. */
export const TEMPLATE_UNITS: readonly Unit[] = [
  { code: 'CDCS-HTX-PHUOCMINH', name: 'CĐCS Hợp tác xã Nông nghiệp Phước Minh', place: 'HTX Phước Minh' },
  { code: 'CDCS-THUE-DMC', name: 'CĐCS Chi cục Thuế khu vực Dương Minh Châu', place: 'Chi cục Thuế' },
];

/** In the directory, never report: completeness shows them «Chưa nộp». */
export const SILENT_UNITS: readonly Unit[] = [
  { code: 'CDCS-NHCSXH-DMC', name: 'CĐCS Ngân hàng Chính sách xã hội huyện', place: 'Ngân hàng' },
  { code: 'CDCS-DIENLUC-DMC', name: 'CĐCS Điện lực Dương Minh Châu', place: 'Điện lực' },
];

/** The second district's CĐCS (for the province part). */
export const GODAU_UNITS: readonly Unit[] = [
  { code: 'CDCS-DET-THANHPHUOC', name: 'CĐCS Công ty TNHH Dệt Thanh Phước', place: 'Thanh Phước' },
  { code: 'CDCS-THCS-PHUOCDONG', name: 'CĐCS Trường THCS Phước Đông', place: 'Phước Đông' },
];

/** `n` days after `date`. */
export function addDays(date: IsoDate, n: number): IsoDate {
  let d = date;
  for (let i = 0; i < n; i++) d = nextDay(d);
  return d;
}

/** The k-th day after the period's start. */
export function dayOf(period: Period, k: number): IsoDate {
  return addDays(period.start, k);
}

/** An instant of a day, Vietnam time ("08:30"). */
export function vnTime(date: IsoDate, hhmm: string): Date {
  return new Date(`${date}T${hhmm}:00+07:00`);
}

/**
 * The calendar of the scenario (Playwright's clock fixes each context's Date): the CĐCS export
 * 2 days after the period's cut-off, the deadline («Hạn nộp») is 5 days after it, the district
 * imports everything 8 days after it. A hand-filled template counts as handed in when imported,
 * so the 2 template units are the late ones («Nộp muộn»).
 */
export function calendarOf(period: Period) {
  return {
    unitExport: (i: number) => vnTime(addDays(period.end, 2), `${String(8 + Math.floor(i / 6)).padStart(2, '0')}:${String((i % 6) * 10).padStart(2, '0')}`),
    newerExport: vnTime(addDays(period.end, 4), '10:15'),
    deadline: addDays(period.end, 5),
    districtDay: vnTime(addDays(period.end, 8), '14:00'),
  };
}

interface Kind {
  type: ActivityType;
  typeLabel: string;
  itemIds: string[];
  title: string;
  participants: (i: number) => number | null;
  indicators: (i: number) => Record<string, number>;
}

const KINDS: readonly Kind[] = [
  {
    type: 'propaganda',
    typeLabel: 'Tuyên truyền',
    itemIds: ['III.1.1'],
    title: 'Tuyên truyền Nghị quyết 43-NQ/TW cho đoàn viên',
    participants: (i) => 40 + 5 * i,
    indicators: (i) => ({ 'propaganda-sessions': 1 + (i % 2) }),
  },
  {
    type: 'training',
    typeLabel: 'Tập huấn, bồi dưỡng',
    itemIds: ['III.3.1'],
    title: 'Tập huấn kỹ năng cho Ban Chấp hành công đoàn',
    participants: (i) => 20 + i,
    indicators: () => ({ 'training-classes': 1 }),
  },
  {
    type: 'dialogue',
    typeLabel: 'Đối thoại, thương lượng tập thể',
    itemIds: ['III.2.4', 'III.2.5'],
    title: 'Đối thoại định kỳ với người sử dụng lao động',
    participants: (i) => 30 + i,
    indicators: (i) => ({ 'workplace-dialogues': 1, ...(i % 3 ? { 'legal-advice': i % 3 } : {}) }),
  },
  {
    type: 'membership',
    typeLabel: 'Phát triển đoàn viên, thành lập CĐCS',
    itemIds: ['III.2.1'],
    title: 'Kết nạp đoàn viên công đoàn đợt 1',
    participants: () => null,
    indicators: (i) => ({ 'new-members': 3 + i }),
  },
  {
    type: 'legal-advice',
    typeLabel: 'Tư vấn pháp luật',
    itemIds: ['III.2.5'],
    title: 'Tư vấn pháp luật lao động cho người lao động',
    // Số lượt người 15+i, but «Lượt người tham gia» typed as 10+i: the explicit value counts.
    participants: (i) => 15 + i,
    indicators: (i) => ({ 'legal-advice': 2 + (i % 4), participants: 10 + i }),
  },
  {
    type: 'conference',
    typeLabel: 'Hội nghị, quán triệt',
    itemIds: ['III.1.2', 'IV.3'],
    title: 'Hội nghị sơ kết công tác công đoàn 6 tháng',
    participants: (i) => 50 + i,
    indicators: () => ({}),
  },
];

const STATUS_ITEMS = ['IV.3', 'III.1.1', 'III.2.4', 'III.3.1'] as const;
const STATUS_CYCLE: readonly Status[] = ['xong', 'dang', 'chua', 'khong-ap-dung'];

/** Unit number `i` (0-based, unique across the scenario) logs 1–3 activities and sets 2 statuses. */
export function planFor(unit: Unit, i: number, period: Period, count = 1 + (i % 3)): UnitEntry {
  const activities: LoggedActivity[] = [];
  for (let k = 0; k < count; k++) activities.push(activityFor(unit, i, k, period));
  return {
    code: unit.code,
    name: unit.name,
    source: 'app',
    activities,
    statuses: {
      [STATUS_ITEMS[i % 4]!]: STATUS_CYCLE[i % 4]!,
      [STATUS_ITEMS[(i + 1) % 4]!]: STATUS_CYCLE[(i + 2) % 4]!,
    },
  };
}

/** The k-th activity of unit `i`. */
export function activityFor(unit: Unit, i: number, k: number, period: Period): LoggedActivity {
  const kind = KINDS[(i + k) % KINDS.length]!;
  return {
    date: dayOf(period, 10 + 5 * i + 3 * k),
    itemIds: kind.itemIds,
    type: kind.type,
    typeLabel: kind.typeLabel,
    title: `${kind.title} (${unit.place}${k >= 3 ? `, lần ${k - 1}` : ''})`,
    participants: kind.participants(i),
    indicators: kind.indicators(i),
  };
}
