// The caller's notifications (all of them, paged) and their settings: e-mail address and events × channels.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Radio, Switch, Table, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { useCursorList } from '../api/useCursorList';
import {
  fetchInbox,
  fetchPreferences,
  markAllRead,
  markRead,
  notificationEvents,
  saveEmail,
  savePreferences,
  type Channel,
  type EmailMode,
  type NotificationEvent,
  type Preference,
} from './api';
import { eventLabel } from './labels';
import { NotificationList } from './NotificationList';

const pageSize = 20;

const Inbox = () => {
  const { t } = useTranslation();
  const list = useCursorList((cursor, signal) => fetchInbox(cursor, pageSize, signal), []);
  const [actionError, setActionError] = useState<unknown>(undefined);
  const error = actionError ?? list.error;

  const act = async (action: () => Promise<unknown>) => {
    setActionError(undefined);
    try {
      await action();
      list.reload();
    } catch (failure) {
      setActionError(failure);
    }
  };

  return (
    <Card size="small">
      <Flex justify="flex-end" style={{ marginBottom: 8 }}>
        <Button onClick={() => void act(markAllRead)} data-testid="notifications-read-all">
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      {error === undefined ? null : <ProblemAlert error={error} onRetry={list.reload} />}
      <NotificationList
        items={list.items}
        isLoading={list.isLoading || list.isLoadingMore}
        onRead={(item) => void act(() => markRead(item.id))}
      />
      <Flex justify="center" style={{ marginTop: 12 }}>
        {list.hasMore ? (
          <Button onClick={list.loadMore} loading={list.isLoadingMore}>
            {t('common.loadMore')}
          </Button>
        ) : (
          <Typography.Text type="secondary">
            {list.items.length === 0 ? null : t('common.noMore')}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
};

type Row = { event: NotificationEvent } & Record<Channel, boolean>;

const Settings = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const loaded = useLoader((signal) => fetchPreferences(signal), []);
  const [prefs, setPrefs] = useState<Preference[]>([]);
  const [email, setEmail] = useState<string | null>(null);
  const [emailMode, setEmailMode] = useState<EmailMode>('immediate');
  const [error, setError] = useState<unknown>(undefined);
  const [isSavingEmail, setIsSavingEmail] = useState(false);

  useEffect(() => {
    if (loaded.data !== undefined) {
      setPrefs(loaded.data.items);
      setEmail(loaded.data.email);
      setEmailMode(loaded.data.emailMode);
    }
  }, [loaded.data]);

  const isOn = (event: NotificationEvent, channel: Channel) =>
    prefs.find((p) => p.event === event && p.channel === channel)?.enabled ?? false;

  const toggle = async (event: NotificationEvent, channel: Channel, enabled: boolean) => {
    setError(undefined);
    try {
      const saved = await savePreferences({ items: [{ event, channel, enabled }] });
      setPrefs(saved.items);
      void message.success(t('notifications.preferencesSaved'));
    } catch (failure) {
      setError(failure);
    }
  };

  const chooseEmailMode = async (mode: EmailMode) => {
    setError(undefined);
    try {
      const saved = await savePreferences({ emailMode: mode });
      setEmailMode(saved.emailMode);
      void message.success(t('notifications.preferencesSaved'));
    } catch (failure) {
      setError(failure);
    }
  };

  const submitEmail = async (value: string) => {
    setIsSavingEmail(true);
    setError(undefined);
    try {
      const trimmed = value.trim();
      const saved = await saveEmail(trimmed === '' ? null : trimmed);
      setEmail(saved.email);
      void message.success(t('notifications.emailSaved'));
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSavingEmail(false);
    }
  };

  const rows: Row[] = notificationEvents.map((event) => ({
    event,
    inApp: isOn(event, 'inApp'),
    email: isOn(event, 'email'),
  }));
  const channelColumn = (channel: Channel, title: string) => ({
    key: channel,
    title,
    align: 'center' as const,
    render: (_: unknown, row: Row) => (
      <Switch
        size="small"
        checked={row[channel]}
        aria-label={`${eventLabel(t, row.event)} · ${title}`}
        data-testid={`pref-${row.event}-${channel}`}
        onChange={(checked) => void toggle(row.event, channel, checked)}
      />
    ),
  });

  if (loaded.error !== undefined) {
    return <ProblemAlert error={loaded.error} onRetry={loaded.reload} />;
  }
  return (
    <Flex vertical gap={16}>
      {error === undefined ? null : <ProblemAlert error={error} />}
      <Card size="small" loading={loaded.isLoading}>
        <Form
          layout="vertical"
          key={email ?? ''}
          initialValues={{ email: email ?? '' }}
          onFinish={(values: { email: string }) => void submitEmail(values.email)}
        >
          <Form.Item
            name="email"
            label={t('notifications.email')}
            htmlFor="notification-email"
            extra={t('notifications.emailHelp')}
            rules={[{ type: 'email', message: t('notifications.emailInvalid') }]}
          >
            <Input id="notification-email" type="email" autoComplete="email" maxLength={254} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={isSavingEmail} data-testid="email-save">
            {t('notifications.save')}
          </Button>
        </Form>
        <Flex vertical gap={4} style={{ marginTop: 16 }}>
          <Typography.Text id="email-mode-label">{t('notifications.emailMode')}</Typography.Text>
          <Radio.Group
            aria-labelledby="email-mode-label"
            value={emailMode}
            disabled={email === null}
            onChange={(e) => void chooseEmailMode(e.target.value as EmailMode)}
            data-testid="email-mode"
            options={[
              { value: 'immediate', label: t('notifications.emailImmediate') },
              { value: 'daily', label: t('notifications.emailDaily') },
            ]}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('notifications.emailModeHelp')}
          </Typography.Text>
        </Flex>
      </Card>
      <Card size="small" loading={loaded.isLoading}>
        <Typography.Paragraph type="secondary">{t('notifications.preferencesHelp')}</Typography.Paragraph>
        {email === null ? (
          <Alert type="info" showIcon title={t('notifications.noEmailHint')} style={{ marginBottom: 12 }} />
        ) : null}
        <Table<Row>
          rowKey="event"
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            { key: 'event', title: t('notifications.event'), render: (_, row) => eventLabel(t, row.event) },
            channelColumn('inApp', t('notifications.channelInApp')),
            channelColumn('email', t('notifications.channelEmail')),
          ]}
        />
      </Card>
    </Flex>
  );
};

export const NotificationsPage = () => {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('notifications.pageTitle')}
      </Typography.Title>
      <Tabs
        items={[
          { key: 'inbox', label: t('notifications.inboxTab'), children: <Inbox /> },
          { key: 'settings', label: t('notifications.settingsTab'), children: <Settings /> },
        ]}
      />
    </Flex>
  );
};
