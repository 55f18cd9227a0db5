/**
 * Shapes of the records stored in IndexedDB. Later issues add tables (activity log, imports);
 * these records already carry what they will need (unit levels and parents, per-period keys).
 */
import type { ParsedPlan } from '@domain/plan-types';
import type { PeriodConfig, PeriodKind } from '@domain/periods';

/** ISO 8601 instant, e.g. "2025-06-14T08:30:00.000Z": when a record was written. */
export type Timestamp = string;

export type PlanSource = 'builtin' | 'paste' | 'docx';

export interface PlanRecord {
  id: string;
  /** "63/KH-LĐLĐ", or '' when the plan has no number. */
  number: string;
  title: string;
  source: PlanSource;
  fileName?: string;
  plan: ParsedPlan;
  periodConfig: PeriodConfig;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export type UnitLevel = 'province' | 'district' | 'grassroots';
export const UNIT_LEVELS: readonly UnitLevel[] = ['province', 'district', 'grassroots'];
export const UNIT_LEVEL_LABELS: Record<UnitLevel, string> = {
  province: 'LĐLĐ tỉnh',
  district: 'LĐLĐ huyện',
  grassroots: 'Công đoàn cơ sở (CĐCS)',
};

export interface UnitRecord {
  /** Short stable code, e.g. "LDLD-DMC"; statuses and (later) activities refer to it. */
  code: string;
  name: string;
  level: UnitLevel;
  /** The body above it, e.g. "LĐLĐ tỉnh Tây Ninh". */
  parentName: string;
  /** Kind of grassroots union (doanh nghiệp, hành chính sự nghiệp…), for the directory. */
  type?: string;
  members?: number;
  contact?: string;
  phone?: string;
  active: boolean;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export type ItemStatusValue = 'chua' | 'dang' | 'xong' | 'khong-ap-dung';
export const ITEM_STATUS_VALUES: readonly ItemStatusValue[] = ['chua', 'dang', 'xong', 'khong-ap-dung'];
export const ITEM_STATUS_LABELS: Record<ItemStatusValue, string> = {
  chua: 'Chưa thực hiện',
  dang: 'Đang thực hiện',
  xong: 'Đã hoàn thành',
  'khong-ap-dung': 'Không áp dụng',
};

export interface ItemStatusRecord {
  planId: string;
  unitCode: string;
  /** "2025-H1", "2025-Y", "2025-Q1" (see domain/periods.ts). */
  periodKey: string;
  /** Node id in the plan, e.g. "III.2.4". */
  itemId: string;
  status: ItemStatusValue;
  /** Đánh giá. */
  note: string;
  /** Minh chứng: document numbers, file names. */
  evidence: string;
  updatedAt: Timestamp;
}

/** Every setting and the type of its value. */
export interface SettingValues {
  ownUnitCode: string;
  activePlanId: string;
  selectedPeriodKind: PeriodKind;
  /** When ensureSeeded first ran; its presence means the first-run data exists. */
  seededAt: Timestamp;
}
export type SettingKey = keyof SettingValues;

export interface SettingRecord<K extends SettingKey = SettingKey> {
  key: K;
  value: SettingValues[K];
}
