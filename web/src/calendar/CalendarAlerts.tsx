// The missing-calendar notices: in the shell for holders of 'calendar.write', and on the calendar page itself.
import { Alert, Button, Flex, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useAbility } from '../auth/useAuth';
import { useLoader } from '../common/useLoader';
import { fetchCalendarStatus, type CalendarAlert } from './api';

export const CALENDAR_PATH = '/admin/calendar';

export const CalendarAlerts = ({ alerts }: { alerts: readonly CalendarAlert[] }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  if (alerts.length === 0) {
    return null;
  }
  return (
    <Flex vertical gap={8} data-testid="calendar-alerts">
      {alerts.map((a) => (
        <Alert
          key={a.year}
          type={a.severity}
          showIcon
          role="alert"
          title={t(`calendar.banner.${a.severity}`, { year: a.year })}
          action={
            location.pathname === CALENDAR_PATH ? undefined : (
              <Button size="small" onClick={() => void navigate(CALENDAR_PATH)}>
                {t('calendar.banner.action')}
              </Button>
            )
          }
        />
      ))}
    </Flex>
  );
};

const StatusBanner = () => {
  const status = useLoader((signal) => fetchCalendarStatus(signal), []);
  const alerts = status.data?.alerts ?? [];
  if (alerts.length === 0) {
    return null;
  }
  return (
    <div style={{ marginBottom: 16 }}>
      <CalendarAlerts alerts={alerts} />
    </div>
  );
};

/** The shell's banner: only calendar admins are asked, and told, about missing years. */
export const CalendarBanner = () => {
  const isCalendarAdmin = useAbility('calendar.write');
  const location = useLocation();
  // The calendar page shows the same notices with its own, fresher status.
  return isCalendarAdmin && location.pathname !== CALENDAR_PATH ? <StatusBanner /> : null;
};

/** "暂定 provisional" beside a deadline computed across a year without a holiday calendar. */
export const ProvisionalTag = ({ isProvisional }: { isProvisional: boolean | undefined }) => {
  const { t } = useTranslation();
  if (isProvisional !== true) {
    return null;
  }
  return (
    <Tooltip title={t('calendar.provisionalHint')}>
      <Tag color="orange" data-testid="deadline-provisional" style={{ marginInlineStart: 8 }}>
        {t('calendar.provisional')}
      </Tag>
    </Tooltip>
  );
};
