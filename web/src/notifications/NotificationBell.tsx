// The header bell: the unread count (refreshed every minute) and a drawer with the latest notifications.
import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Drawer, Flex } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { fetchInbox, fetchUnreadCount, markAllRead, markRead, type NotificationItem } from './api';
import { NotificationList } from './NotificationList';

const REFRESH_MS = 60_000;

export const NotificationBell = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [count, setCount] = useState(0);
  const [isOpen, setIsOpen] = useState(false);
  const [items, setItems] = useState<NotificationItem[]>([]);
  const [isLoading, setIsLoading] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const refreshCount = useCallback(() => {
    fetchUnreadCount().then(
      (r) => setCount(r.count),
      () => undefined,
    );
  }, []);

  useEffect(() => {
    refreshCount();
    const timer = setInterval(refreshCount, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refreshCount]);

  const load = useCallback(async () => {
    setIsLoading(true);
    setError(undefined);
    try {
      const inbox = await fetchInbox(null, 10);
      setItems(inbox.items);
      setCount(inbox.unreadCount);
    } catch (failure) {
      setError(failure);
    } finally {
      setIsLoading(false);
    }
  }, []);

  const open = () => {
    setIsOpen(true);
    void load();
  };

  const read = async (item: NotificationItem) => {
    try {
      await markRead(item.id);
      await load();
    } catch (failure) {
      setError(failure);
    }
  };

  const readAll = async () => {
    try {
      await markAllRead();
      await load();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <>
      <Badge count={count} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          data-testid="notification-bell"
          aria-label={`${t('notifications.bell')}, ${t('notifications.bellCount', { count })}`}
          icon={<BellOutlined />}
          onClick={open}
        />
      </Badge>
      <Drawer
        title={t('notifications.drawerTitle')}
        open={isOpen}
        onClose={() => setIsOpen(false)}
        size={380}
        extra={
          <Button size="small" onClick={() => void readAll()} disabled={count === 0}>
            {t('notifications.markAllRead')}
          </Button>
        }
        footer={
          <Flex justify="center">
            <Button
              type="link"
              onClick={() => {
                setIsOpen(false);
                void navigate('/notifications');
              }}
            >
              {t('notifications.viewAll')}
            </Button>
          </Flex>
        }
      >
        {error === undefined ? null : <ProblemAlert error={error} onRetry={() => void load()} />}
        <NotificationList
          items={items}
          isLoading={isLoading}
          onRead={(item) => void read(item)}
          onOpen={() => setIsOpen(false)}
        />
      </Drawer>
    </>
  );
};
