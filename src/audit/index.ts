// What other modules may use of the audit log: write an entry inside their transaction; the search API's routes.
export { recordAudit, type AuditEntry } from './recordAudit.js';
export { auditRoutes } from './routes.js';
