// English messages of the audit log.
import type { Messages } from '../i18n/messages';

export const auditEn: Messages['audit'] = {
  title: 'Audit log',
  actor: 'Operator',
  action: 'Action',
  entityType: 'Record type',
  subject: 'Record',
  dateRange: 'Date range',
  startDate: 'Start date',
  endDate: 'End date',
  time: 'Time',
  ip: 'IP address',
  actorPlaceholder: 'Name or username',
  actionPlaceholder: 'All actions',
  entityTypePlaceholder: 'All record types',
  loaded: '{{count}} loaded',
  unknownActor: 'Unknown (not signed in)',
  code: 'Code: {{code}}',
};
