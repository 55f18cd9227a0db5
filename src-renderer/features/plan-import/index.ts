/** Importing a plan from a document: the dialog the checklist opens (loaded on demand). */
export { PlanImportDialog } from './PlanImportDialog';
