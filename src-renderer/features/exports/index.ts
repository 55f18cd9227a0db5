/** Exports of workbooks and documents, one job at a time: what the report screens use. */
export { isBusy, percentOf, useWorkbookJob, type JobState } from './use-workbook-job';
