/**
 * Shapes of the records stored in IndexedDB. Later issues add tables (activity log, imports);
 * these records already carry what they will need (unit levels and parents, per-period keys).
 */
import type { ParsedPlan } from '@domain/plan-types';
import type { PeriodConfig, PeriodKind } from '@domain/periods';
import type { Unit, UnitKind, UnitLevel } from '@domain/units';
import type { Activity, ActivityType } from '@domain/activity';
import type { LogKeysPack, LogRowsPack } from '@domain/log-rows';
import type { IndicatorAdjustment, IndicatorDef, IndicatorTarget } from '@domain/indicators';
import type { Letterhead, ReportTexts } from '@domain/result-report';
import type { UnitReport, WorkbookStatus } from '@domain/report';
import type { SubmittedSource } from '@domain/consolidate';

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
  /** The plan's own indicators beyond the standard list (domain/indicators.ts); absent = none. */
  extraIndicators?: IndicatorDef[];
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export type { UnitLevel } from '@domain/units';
export { UNIT_LEVELS, UNIT_LEVEL_LABELS } from '@domain/units';

/** A unit of the directory (the own unit is one of them): see domain/units.ts. */
export type UnitRecord = Unit;

/** An item's status as stored: the report model's vocabulary (domain/report.ts), codes and labels alike. */
export type ItemStatusValue = WorkbookStatus;
export { WORKBOOK_STATUSES as ITEM_STATUS_VALUES, WORKBOOK_STATUS_LABELS as ITEM_STATUS_LABELS } from '@domain/report';

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
  /** The submission (imported workbook) it came from; absent when entered in this installation. */
  submissionId?: string;
}

/** Every setting and the type of its value. */
export interface SettingValues {
  ownUnitCode: string;
  activePlanId: string;
  /**
   * Read by no code since schema v6 (the app opens on the period that is due and the kind
   * chosen lasts a session); the v6 upgrade removes it. Kept typed for older backups.
   */
  selectedPeriodKind: PeriodKind;
  /** The kinds of unit this office named itself (domain/units.ts customUnitKind); the built-in ones are not stored. */
  unitKinds: UnitKind[];
  /** When ensureSeeded first ran; its presence means the first-run data exists. */
  seededAt: Timestamp;
  /** When the officer finished the first-run setup (who this installation belongs to). */
  setupDoneAt: Timestamp;
  /** The activity type used last, the entry form's default. */
  lastActivityType: ActivityType;
  /** When the officer last saved a backup file (ISO instant); the browser reminds after 7 days. */
  lastBackupAt: Timestamp;
  /** How many automatic backups the desktop app keeps (1–100, default 10). */
  autoBackupKeep: number;
  /** Deadline (Hạn nộp) of the units' reports per plan and period: "planId|periodKey" → 'YYYY-MM-DD'. */
  reportDeadlines: Record<string, string>;
  /** «Báo cáo kết quả» drafts: "planId|unitCode|periodKey" → the officer's texts and letterhead. */
  reportDrafts: Record<string, ReportDraftRecord>;
  /** What a unit's next «Báo cáo kết quả» starts from: unit code → its letterhead and signature. */
  reportLetterheads: Record<string, RememberedLetterhead>;
  /** «Nơi ban hành» and «Người xuất» of the last exported report, offered for the next one. */
  issuer: Issuer;
}

/** Where this installation's reports are issued and who exports them (printed on the workbooks). */
export interface Issuer {
  /** "Dương Minh Châu": the place on the line «…, ngày … tháng … năm …». */
  place: string;
  /** The officer's name, written in «Thông tin» as «Người xuất». */
  exportedBy: string;
}

/** The officer's draft of one «Báo cáo kết quả» (one unit, plan and period). */
export interface ReportDraftRecord {
  texts: ReportTexts;
  letterhead: Letterhead;
  updatedAt: Timestamp;
}

/** Remembered per unit: the header lines, the symbol, the place, the signature block and the last number used. */
export type RememberedLetterhead = Omit<Letterhead, 'date' | 'recipients' | 'number'> & { lastNumber: string };

/**
 * An activity of the log (domain/activity.ts) as stored, with its folded search text
 * (activitySearchText) kept beside it so that filtering 50,000 needs no folding at query time.
 */
/** A page of the log's rows of one imported submission (domain/log-rows.ts packLogRows). */
export interface LogRowsRecord extends LogRowsPack {
  submissionId: string;
  /** 0, 1, …: rows page × LOG_PAGE_ROWS onwards, in report order. */
  page: number;
  planId: string;
  /** The submission's import instant. */
  at: string;
}

/** The keys of those rows (domain/log-rows.ts packLogKeys): what the list's first screen reads. */
export interface LogKeysRecord extends LogKeysPack {
  submissionId: string;
  planId: string;
  at: string;
}

/** What the database records about itself (table meta, schema v9): see db/remembered.ts. */
export interface MetaRecord {
  key: string;
  value: unknown;
}

/** A submission's digest for «Tổng quan» (domain/overview-digest.ts, packed): see db/overview-digests.ts. */
export interface OverviewDigestRecord {
  submissionId: string;
  planId: string;
  periodKey: string;
  /** The unit it is filed under (the submission's, which may differ from the code in its report). */
  unitCode: string;
  /** packOverviewDigest of the digest. */
  digest: string;
  /** The import instant: contributions are consolidated in its order. */
  importedAt: string;
  /** submissionTime of the submission (domain/consolidate.ts). */
  submittedAt: string;
  submittedSource: SubmittedSource;
}

export interface ActivityRecord extends Activity {
  searchText: string;
  /** The submission (imported workbook) it came from; absent when logged in this installation. */
  submissionId?: string;
  /**
   * Imported only: the row's identity in the unit's own data ("Mã dòng", or the id derived for a
   * row without one). The stored `id` is derived from it and the submission's unit, plan and
   * period (domain/merge.ts importedActivityId), so one activity reported in two overlapping
   * periods (H1 and the year) is two records and never counted twice in one period.
   */
  sourceId?: string;
}

/** What an imported submission is now (db/import-ops.ts). */
export type SubmissionState = 'active' | 'superseded' | 'withdrawn';

/**
 * One imported workbook ("Lịch sử nhập"). At most one submission per unit + plan +
 * period is 'active' (its data is in activities / itemStatuses); the others are history.
 */
export interface SubmissionRecord {
  /** UUID. */
  id: string;
  fileName: string;
  /** SHA-256 of the file's bytes, lower-case hex. */
  fileHash: string;
  unitCode: string;
  unitName: string;
  level: UnitLevel;
  /** The plan the data was filed under (the report's own plan id unless the officer chose another). */
  planId: string;
  planNumber: string;
  /** The report's plan fingerprint, as the file carries it. */
  planFingerprint: string;
  periodKey: string;
  /** When the unit exported the workbook (from the file). */
  exportedAt: Timestamp;
  /** When this installation imported it. */
  importedAt: Timestamp;
  state: SubmissionState;
  /** The submission that replaced this one (state 'superseded'). */
  supersededBy?: string;
  /** The submission this one replaced when it was applied. */
  supersedes?: string;
  /** When it was withdrawn (state 'withdrawn'). */
  withdrawnAt?: Timestamp;
  counts: { items: number; activities: number; indicators: number };
  /**
   * Every unit code its data is filed under (multiEntry index, schema v5): the scope's unit, and
   * for a consolidated report each CĐCS whose activities it lists. Empty once withdrawn (it
   * files nothing then, so a unit added by mistake and withdrawn can be deleted again).
   */
  unitCodes: string[];
  /**
   * The whole parsed workbook. It is the only copy of the submission's activities: the log and
   * the other readers derive them from it (db/activity-read.ts), so any submission can be
   * re-materialized later and an import writes one record per file.
   */
  report: UnitReport;
}

export type IndicatorAdjustmentRecord = IndicatorAdjustment & {
  /** The submission (imported workbook) it came from; absent when entered in this installation. */
  submissionId?: string;
};
export type IndicatorTargetRecord = IndicatorTarget;
export type SettingKey = keyof SettingValues;

export interface SettingRecord<K extends SettingKey = SettingKey> {
  key: K;
  value: SettingValues[K];
}
