// Small shared pieces of the linkage pages: level and status tags, dates, shares.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/labels';
import { currentLocale } from '../i18n';

const STATUS_COLOURS: Record<string, string> = {
  open: 'processing',
  awaitingConfirmation: 'gold',
  settled: 'green',
  answered: 'cyan',
  case: 'purple',
};

export const LevelTag = ({ level }: { level: string }) => {
  const { t } = useTranslation();
  return <Tag>{t(`linkage.levels.${level}`, { defaultValue: level })}</Tag>;
};

export const StatusTag = ({ status }: { status: string }) => {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]}>{t(`linkage.statuses.${status}`, { defaultValue: status })}</Tag>
  );
};

export const when = (ms: number | null): string => (ms === null ? '—' : formatDateTime(ms, currentLocale()));

/** The local date of an instant (YYYY-MM-DD) in the district's time zone. */
export const localDay = (ms: number): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(ms));

export const share = (value: number | null): string =>
  value === null ? '—' : `${(value * 100).toFixed(1)}%`;
