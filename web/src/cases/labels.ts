// Localized names of case codes (states, actions, nets, platforms, sources…); the raw code for one the console does not know.
import type { TFunction } from 'i18next';
import type { Messages } from '../i18n/messages';

const pick = (labels: Record<string, string>, key: string): string =>
  Object.hasOwn(labels, key) ? (labels[key] ?? key) : key;

export const stateLabel = (t: TFunction, key: string) =>
  pick(t('cases.states', { returnObjects: true }), key);
export const actionLabel = (t: TFunction, key: string) =>
  pick(t('cases.actions', { returnObjects: true }), key);
export const netLabel = (t: TFunction, key: string) => pick(t('cases.nets', { returnObjects: true }), key);
export const platformLabel = (t: TFunction, key: string) =>
  pick(t('cases.platforms', { returnObjects: true }), key);
export const sourceLabel = (t: TFunction, key: string) =>
  pick(t('cases.sources', { returnObjects: true }), key);
export const lightLabel = (t: TFunction, key: string) =>
  pick(t('cases.lights', { returnObjects: true }), key);
export const urgencyLabel = (t: TFunction, key: string) =>
  pick(t('cases.urgencies', { returnObjects: true }), key);
export const levelLabel = (t: TFunction, key: string) =>
  pick(t('cases.levels', { returnObjects: true }), key);
export const kindLabel = (t: TFunction, key: string) => pick(t('cases.kinds', { returnObjects: true }), key);
export const partyLabel = (t: TFunction, key: string) =>
  pick(t('cases.parties', { returnObjects: true }), key);
export const supervisionLabel = (t: TFunction, key: string) =>
  pick(t('cases.supervision', { returnObjects: true }), key);
export const pendingLabel = (t: TFunction, key: string) =>
  pick(t('cases.pendingRequests', { returnObjects: true }), key);
export const ratingLabel = (t: TFunction, rating: number) =>
  pick(t('cases.ratings', { returnObjects: true }), String(rating));

export const caseStateKeys = [
  'draft',
  'reported',
  'verifying',
  'accepted',
  'registered',
  'dispatched',
  'handling',
  'pendingApproval',
  'onHold',
  'handled',
  'checking',
  'checked',
  'closed',
  'voided',
  'merged',
] as const;
export const netKeys = [
  'partyBuilding',
  'environment',
  'illegalConstruction',
  'petitionStability',
  'workSafety',
  'convenience',
] as const;
export const platformKeys = ['governance', 'marketSupervision', 'lawEnforcement', 'publicService'] as const;
export const sourceKeys = [
  'resident',
  'patrol',
  'hotline',
  'walkIn',
  'council',
  'centralHousehold',
  'sensor',
  'superior',
] as const;
export const staffSourceKeys = [
  'hotline',
  'walkIn',
  'council',
  'centralHousehold',
  'sensor',
  'superior',
] as const;
export const lightKeys = ['green', 'yellow', 'red'] as const;

export const lightColour = (light: string): string =>
  light === 'red' ? 'red' : light === 'yellow' ? 'gold' : 'green';

/** Who acted on a step when it was not a person: the system, the reporter, a resident. */
export const actorKindLabel = (t: TFunction, key: string) =>
  pick(t('cases.actorKinds', { returnObjects: true }), key);

type ReasonKey = keyof Messages['cases']['reasons'];

/** The words of a step's coded reason; a merge note names the merged report from the step's data. */
export const reasonText = (t: TFunction, code: string, data: Record<string, unknown> | null): string => {
  const reasons: Record<string, string> = t('cases.reasons', { returnObjects: true });
  const isKnown = (key: string): key is ReasonKey => Object.hasOwn(reasons, key);
  if (!isKnown(code)) {
    return code;
  }
  const merged = data?.mergedTrackingCode;
  return t(`cases.reasons.${code}`, { code: typeof merged === 'string' ? merged : '' });
};
