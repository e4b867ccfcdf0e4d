// An activity's state as a tag: upcoming, over with its hours to confirm, or confirmed.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Activity } from './api';
import { activityStateLabel } from './labels';

export const ActivityStateTag = ({ activity }: { activity: Activity }) => {
  const { t } = useTranslation();
  if (activity.status !== 'open') {
    return <Tag color="success">{activityStateLabel(t, activity.status)}</Tag>;
  }
  // Only a label: whether the hours may be confirmed is the server's decision.
  return activity.endsAt < Date.now() ? (
    <Tag color="warning">{t('volunteers.activities.toConfirm')}</Tag>
  ) : (
    <Tag color="processing">{t('volunteers.activities.upcoming')}</Tag>
  );
};
