// A list of the caller's notifications: unread ones stand out; "open" goes to the record a notification is about
// (its case, or the console path in its data) and marks it read.
import { Badge, Button, Empty, List, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/labels';
import type { NotificationItem } from './api';
import { eventLabel } from './labels';

/** Where a notification leads in the console: its case, else a path of the console in its data; null for none. */
export const notificationTarget = (item: NotificationItem): string | null => {
  if (item.caseId !== null) {
    return `/cases/${encodeURIComponent(item.caseId)}`;
  }
  const link = item.data.link;
  return typeof link === 'string' && link.startsWith('/') && !link.startsWith('//') ? link : null;
};

export const NotificationList = ({
  items,
  isLoading,
  onRead,
  onOpen,
}: {
  items: NotificationItem[];
  isLoading: boolean;
  onRead: (item: NotificationItem) => void;
  /** Called after going to a notification's record (the bell closes its drawer). */
  onOpen?: (item: NotificationItem) => void;
}) => {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const open = (item: NotificationItem, target: string) => {
    if (!item.isRead) {
      onRead(item);
    }
    void navigate(target);
    onOpen?.(item);
  };
  return (
    <List<NotificationItem>
      data-testid="notification-list"
      loading={isLoading}
      dataSource={items}
      locale={{ emptyText: <Empty description={t('notifications.empty')} /> }}
      renderItem={(item) => {
        const target = notificationTarget(item);
        return (
          <List.Item
            data-testid="notification-item"
            style={{ alignItems: 'flex-start' }}
            actions={[
              ...(target === null
                ? []
                : [
                    <Button
                      key="open"
                      size="small"
                      type="link"
                      href={target}
                      onClick={(event) => {
                        event.preventDefault();
                        open(item, target);
                      }}
                      data-testid="notification-open"
                    >
                      {t('notifications.open')}
                    </Button>,
                  ]),
              ...(item.isRead
                ? []
                : [
                    <Button
                      key="read"
                      size="small"
                      type="link"
                      onClick={() => onRead(item)}
                      data-testid="notification-read"
                    >
                      {t('notifications.markRead')}
                    </Button>,
                  ]),
            ]}
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
        );
      }}
    />
  );
};
