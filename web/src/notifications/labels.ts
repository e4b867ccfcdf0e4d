// Localized label of a notification event code; the raw code for one the console does not know.
import type { TFunction } from 'i18next';

/**
 * The message key of an event: a case event by its name after "case." ("case.overdue" → "overdue"), any other by its
 * dotted name in camelCase ("volunteer.feedback" → "volunteerFeedback", "webhook.test" → "webhookTest").
 */
const eventKey = (event: string): string =>
  event.startsWith('case.')
    ? event.slice('case.'.length)
    : event.replace(/\.([a-zA-Z])/g, (_, c: string) => c.toUpperCase());

export const eventLabel = (t: TFunction, event: string): string => {
  const labels = t('notifications.events', { returnObjects: true });
  const key = eventKey(event);
  return Object.hasOwn(labels, key) ? labels[key as keyof typeof labels] : event;
};
