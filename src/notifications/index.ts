// What other modules may use of notifications: tell users and gateways about case events, inside their transaction.
export { notify, notifyExternal, type NotifyExternalInput, type NotifyInput } from './notify.js';
export { notificationEvents, type NotificationEvent } from './events.js';
export { notificationJobHandlers } from './deliveryJobs.js';
export { ensureDigestJob as ensureNotificationJobs } from './digest.js';
export { notificationRoutes } from './routes.js';
export { isValidWebhookSignature, signWebhook } from './signature.js';
