// Localized labels for server codes (roles, levels, count keys), with the raw key as fallback for unknown ones.
import type { TFunction } from 'i18next';
import type { OrgLevel, OrgStatus, RoleKey } from '../api/types';

export const roleLabel = (t: TFunction, role: RoleKey): string => t(`roles.${role}`, { defaultValue: role });

export const levelLabel = (t: TFunction, level: OrgLevel): string =>
  t(`levels.${level}`, { defaultValue: level });

export const statusLabel = (t: TFunction, status: OrgStatus): string =>
  t(`orgStatus.${status}`, { defaultValue: status });

export const countLabel = (t: TFunction, key: string): string => {
  const labels = t('counts', { returnObjects: true });
  return Object.hasOwn(labels, key) ? labels[key as keyof typeof labels] : key;
};

export const formatDateTime = (epochMs: number, locale: string): string =>
  new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(new Date(epochMs));

export const orgTypeLabel = (t: TFunction, type: string): string => {
  const labels = t('orgTypes', { returnObjects: true });
  return Object.hasOwn(labels, type) ? labels[type as keyof typeof labels] : type;
};

// Dates and times as the district reads them (Asia/Shanghai), whatever the browser's own zone.
/** The local date of an instant. */
export const formatDate = (epochMs: number, locale: string): string =>
  new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(epochMs));

export const formatDateTimeShort = (epochMs: number, locale: string): string =>
  new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(epochMs));

export const formatTime = (epochMs: number, locale: string): string =>
  new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(epochMs));

/** A share (0–1) as a percentage with one decimal, or a dash when there is none. */
export const formatShare = (share: number | null): string =>
  share === null ? '—' : `${Math.round(share * 1000) / 10}%`;
