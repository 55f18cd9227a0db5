/**
 * The Dexie database "so-ke-hoach": its tables and every schema version, in order.
 * Versions are append-only, one file each under ./versions.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type {
  ActivityRecord,
  IndicatorAdjustmentRecord,
  IndicatorTargetRecord,
  LogKeysRecord,
  LogRowsRecord,
  MetaRecord,
  OverviewDigestRecord,
  ItemStatusRecord,
  PlanRecord,
  SettingRecord,
  SubmissionRecord,
  UnitRecord,
} from './types';
import { V1_STORES } from './versions/v1';
import { upgradeToV2, V2_STORES } from './versions/v2';
import { upgradeToV3, V3_STORES } from './versions/v3';
import { upgradeToV4, V4_STORES } from './versions/v4';
import { upgradeToV5, V5_STORES } from './versions/v5';
import { upgradeToV6, V6_STORES } from './versions/v6';
import { V7_STORES } from './versions/v7';
import { V8_STORES } from './versions/v8';
import { V9_STORES } from './versions/v9';
import { revisionMiddleware } from './revision';

export const DB_NAME = 'so-ke-hoach';

export type ItemStatusKey = [planId: string, unitCode: string, periodKey: string, itemId: string];
export type IndicatorKey = [planId: string, unitCode: string, periodKey: string, indicatorCode: string];

export class SoKeHoachDb extends Dexie {
  plans!: EntityTable<PlanRecord, 'id'>;
  units!: EntityTable<UnitRecord, 'code'>;
  itemStatuses!: Table<ItemStatusRecord, ItemStatusKey>;
  settings!: Table<SettingRecord, string>;
  activities!: EntityTable<ActivityRecord, 'id'>;
  indicatorAdjustments!: Table<IndicatorAdjustmentRecord, IndicatorKey>;
  indicatorTargets!: Table<IndicatorTargetRecord, IndicatorKey>;
  submissions!: EntityTable<SubmissionRecord, 'id'>;
  logRows!: Table<LogRowsRecord, [submissionId: string, page: number]>;
  logKeys!: EntityTable<LogKeysRecord, 'submissionId'>;
  overviewDigests!: EntityTable<OverviewDigestRecord, 'submissionId'>;
  meta!: EntityTable<MetaRecord, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(V1_STORES);
    this.version(2).stores(V2_STORES).upgrade(upgradeToV2);
    this.version(3).stores(V3_STORES).upgrade(upgradeToV3);
    this.version(4).stores(V4_STORES).upgrade(upgradeToV4);
    this.version(5).stores(V5_STORES).upgrade(upgradeToV5);
    this.version(6).stores(V6_STORES).upgrade(upgradeToV6);
    this.version(7).stores(V7_STORES);
    this.version(8).stores(V8_STORES);
    this.version(9).stores(V9_STORES);
    // Next: this.version(10).stores(V10_STORES).upgrade(upgradeToV10), in versions/v10.ts.
    // Every transaction that writes gets a new revision stamp (db/revision.ts).
    this.use(revisionMiddleware);
  }
}
