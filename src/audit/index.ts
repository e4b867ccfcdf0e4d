// What other modules may use of the audit log: write an entry inside their transaction; the search API's routes;
// the look-ups through which the modules that own people and records let the log name them.
export { recordAudit, type AuditEntry } from './recordAudit.js';
export { auditRoutes } from './routes.js';
export {
  isInReach,
  provideAuditAccounts,
  provideAuditSubjects,
  type AuditAccountNames,
  type AuditAccountSearch,
  type AuditReader,
  type AuditSubjectLabels,
} from './lookups.js';
