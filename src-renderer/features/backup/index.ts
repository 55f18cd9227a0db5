/** Backup and restore: what the shell and Cài đặt mount. */
export { BackupPanel, BACKUP_FILE_FILTERS } from './BackupPanel';
export { BackupReminder } from './BackupReminder';
export { DatabaseProblem } from './DatabaseProblem';
export { describeOpenFailure, type DatabaseFailure } from './open-failure';
export { RestoreDialog } from './RestoreDialog';
export { autoBackupIfDue, listenForCloseRequests, prepareDatabaseOpen, NewerDatabaseError } from './auto-backup';
