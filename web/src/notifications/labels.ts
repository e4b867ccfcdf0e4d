// Localized label of a notification event code; the raw code for one the console does not know.
import type { TFunction } from 'i18next';

export const eventLabel = (t: TFunction, event: string): string => {
  const labels = t('notifications.events', { returnObjects: true });
  const key = event === 'webhook.test' ? 'webhookTest' : event.replace(/^case\./, '');
  return Object.hasOwn(labels, key) ? labels[key as keyof typeof labels] : event;
};
