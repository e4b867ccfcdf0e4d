// The events a notification can be about, the channels a user chooses among, and the defaults of those choices.
export const notificationEvents = [
  'case.assigned',
  'case.deadlineNear',
  'case.overdue',
  'case.supervised',
  'case.returned',
  'case.escalated',
  'case.closed',
  'case.rated',
  'case.callBack',
  'case.merged',
  'case.reopened',
  'case.extension',
  'case.reported',
  'case.toVerify',
  'case.toCheck',
  'case.handled',
  'case.checked',
  'case.task',
  'case.followUp',
  'volunteer.feedback',
  'consultation.hotspot',
  'consultation.invited',
  'consultation.changed',
  'consultation.vote',
  'consultation.outcome',
  'linkage.visitDue',
  'command.alert',
  'command.patrolFocus',
] as const;
export type NotificationEvent = (typeof notificationEvents)[number];

/** Channels a user turns on or off per event; webhooks are configured per endpoint by administrators. */
export const userChannels = ['inApp', 'email'] as const;
export type UserChannel = (typeof userChannels)[number];

/** How a user takes e-mail: one mail per event, or one digest a day of all but the urgent events. */
export const emailModes = ['immediate', 'daily'] as const;
export type EmailMode = (typeof emailModes)[number];

/** Events that cannot wait for tomorrow's digest: a deadline running out, a supervision, a command-centre alert. */
const URGENT: ReadonlySet<NotificationEvent> = new Set([
  'case.deadlineNear',
  'case.overdue',
  'case.supervised',
  'command.alert',
]);

export const isUrgent = (event: NotificationEvent): boolean => URGENT.has(event);

/** What an e-mail may be about: an event, or the day's digest of them. */
export type EmailEvent = NotificationEvent | 'notification.digest';

/** What a webhook may carry in X-Tongxin-Event: the case events and the administrator's test. */
export type WebhookEvent = NotificationEvent | 'webhook.test';

const EMAIL_BY_DEFAULT: ReadonlySet<NotificationEvent> = new Set([
  'case.assigned',
  'case.deadlineNear',
  'case.overdue',
  'case.supervised',
  'case.toVerify',
  'case.toCheck',
  'volunteer.feedback',
  'command.alert',
]);

export function isEnabledByDefault(event: NotificationEvent, channel: UserChannel): boolean {
  switch (channel) {
    case 'inApp':
      return true;
    case 'email':
      return EMAIL_BY_DEFAULT.has(event);
  }
}

export function isNotificationEvent(value: string): value is NotificationEvent {
  return (notificationEvents as readonly string[]).includes(value);
}
