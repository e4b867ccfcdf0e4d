// A list of the caller's notifications: unread ones stand out; clicking one marks it read.
import { Badge, Button, Empty, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/labels';
import type { NotificationItem } from './api';
import { eventLabel } from './labels';

export const NotificationList = ({
  items,
  isLoading,
  onRead,
}: {
  items: NotificationItem[];
  isLoading: boolean;
  onRead: (item: NotificationItem) => void;
}) => {
  const { t, i18n } = useTranslation();
  return (
    <List<NotificationItem>
      data-testid="notification-list"
      loading={isLoading}
      dataSource={items}
      locale={{ emptyText: <Empty description={t('notifications.empty')} /> }}
      renderItem={(item) => (
        <List.Item
          data-testid="notification-item"
          style={{ alignItems: 'flex-start' }}
          actions={
            item.isRead
              ? []
              : [
                  <Button key="read" size="small" type="link" onClick={() => onRead(item)}>
                    {t('notifications.markRead')}
                  </Button>,
                ]
          }
        >
          <List.Item.Meta
            title={
              <Badge dot={!item.isRead} offset={[6, 0]}>
                <Typography.Text strong={!item.isRead}>{item.title}</Typography.Text>
              </Badge>
            }
            description={
              <>
                <div>{item.body}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {eventLabel(t, item.event)} · {formatDateTime(item.createdAt, i18n.language)}
                </Typography.Text>
              </>
            }
          />
        </List.Item>
      )}
    />
  );
};
