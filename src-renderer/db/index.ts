/** The database layer: connection, record types, named operations, progress. */
export { db } from './db';
export { DB_NAME, SoKeHoachDb } from './schema';
export * from './types';
export * from './write-helpers';
export * from './settings-ops';
export * from './plan-ops';
export * from './item-status-ops';
export { OperationError } from './errors';
export { progressOf, progressLabel, percentDone, type Progress, type PlanProgress } from './progress';
export * from './indicator-ops';
export * from './activity-ops';
export * from './activity-read';
export * from './unit-ops';
export * from './report-query';
export * from './import-ops';
export * from './consolidation-ops';
export { remembered, currentRevision, type Remembered } from './remembered';
export * from './result-report-ops';
