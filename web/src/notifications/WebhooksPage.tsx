// Administrators' page: webhook endpoints for the 12345 hotline or a WeChat gateway, and the delivery log.
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/labels';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { useCursorList } from '../api/useCursorList';
import {
  createEndpoint,
  deleteEndpoint,
  fetchDeliveries,
  fetchEndpoints,
  notificationEvents,
  testEndpoint,
  updateEndpoint,
  type Delivery,
  type DeliveryChannel,
  type DeliveryFilter,
  type DeliveryStatus,
  type Endpoint,
  type EndpointInput,
} from './api';
import { eventLabel } from './labels';

const STATUS_COLOURS: Record<DeliveryStatus, string> = {
  delivered: 'success',
  retrying: 'warning',
  failed: 'error',
  skipped: 'default',
};

const EndpointForm = ({
  initial,
  isOpen,
  onCancel,
  onSubmit,
}: {
  initial: Endpoint | null;
  isOpen: boolean;
  onCancel: () => void;
  onSubmit: (input: EndpointInput) => Promise<void>;
}) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<EndpointInput>();
  const [isSaving, setIsSaving] = useState(false);
  return (
    <Modal
      open={isOpen}
      title={initial === null ? t('notifications.admin.add') : t('notifications.admin.edit')}
      okText={t('notifications.save')}
      cancelText={t('notifications.admin.cancel')}
      confirmLoading={isSaving}
      destroyOnHidden
      onCancel={onCancel}
      onOk={() => form.submit()}
    >
      <Form<EndpointInput>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          initial === null
            ? { name: '', url: '', events: [...notificationEvents], isActive: true }
            : { name: initial.name, url: initial.url, events: initial.events, isActive: initial.isActive }
        }
        onFinish={(values) => {
          setIsSaving(true);
          void onSubmit(values).finally(() => setIsSaving(false));
        }}
      >
        <Form.Item
          name="name"
          label={t('notifications.admin.name')}
          rules={[{ required: true, whitespace: true, message: t('notifications.admin.nameRequired') }]}
        >
          <Input maxLength={100} placeholder={t('notifications.admin.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="url"
          label={t('notifications.admin.url')}
          rules={[
            { required: true, pattern: /^https?:\/\/\S+$/, message: t('notifications.admin.urlInvalid') },
          ]}
        >
          <Input maxLength={2000} placeholder="https://" />
        </Form.Item>
        <Form.Item name="events" label={t('notifications.admin.subscribed')}>
          <Checkbox.Group
            options={notificationEvents.map((e) => ({ value: e, label: eventLabel(t, e) }))}
            style={{ display: 'grid', gridTemplateColumns: 'repeat(2, 1fr)' }}
          />
        </Form.Item>
        <Form.Item name="isActive" label={t('notifications.admin.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
};

const Endpoints = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const loaded = useLoader((signal) => fetchEndpoints(signal), []);
  const [editing, setEditing] = useState<Endpoint | null | 'new'>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);

  const run = async (action: () => Promise<unknown>, done: string) => {
    setError(undefined);
    try {
      await action();
      void message.success(done);
      loaded.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  const submit = async (input: EndpointInput) => {
    setError(undefined);
    try {
      if (editing === 'new') {
        const created = await createEndpoint(input);
        setSecret(created.secret);
      } else if (editing !== null) {
        await updateEndpoint(editing.id, input);
        void message.success(t('notifications.admin.saved'));
      }
      setEditing(null);
      loaded.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Card size="small">
      <Flex justify="flex-end" style={{ marginBottom: 8 }}>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
          data-testid="webhook-add"
        >
          {t('notifications.admin.add')}
        </Button>
      </Flex>
      {error === undefined ? null : <ProblemAlert error={error} />}
      {loaded.error === undefined ? null : <ProblemAlert error={loaded.error} onRetry={loaded.reload} />}
      <Table<Endpoint>
        rowKey="id"
        size="small"
        loading={loaded.isLoading}
        dataSource={loaded.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('common.noData') }}
        columns={[
          { key: 'name', title: t('notifications.admin.name'), dataIndex: 'name' },
          {
            key: 'url',
            title: t('notifications.admin.url'),
            render: (_, e) => (
              <Typography.Text code ellipsis style={{ maxWidth: 280 }}>
                {e.url}
              </Typography.Text>
            ),
          },
          {
            key: 'events',
            title: t('notifications.admin.subscribed'),
            responsive: ['lg'],
            render: (_, e) => (
              <Flex wrap gap={4}>
                {e.events.map((ev) => (
                  <Tag key={ev}>{eventLabel(t, ev)}</Tag>
                ))}
              </Flex>
            ),
          },
          {
            key: 'active',
            title: t('notifications.admin.active'),
            render: (_, e) => (
              <Switch
                size="small"
                checked={e.isActive}
                aria-label={`${e.name} · ${t('notifications.admin.active')}`}
                onChange={(checked) =>
                  void run(() => updateEndpoint(e.id, { isActive: checked }), t('notifications.admin.saved'))
                }
              />
            ),
          },
          {
            key: 'actions',
            title: t('notifications.admin.actions'),
            render: (_, e) => (
              <Flex gap={4} wrap>
                <Button size="small" onClick={() => setEditing(e)}>
                  {t('notifications.admin.edit')}
                </Button>
                <Button
                  size="small"
                  onClick={() => void run(() => testEndpoint(e.id), t('notifications.admin.testQueued'))}
                >
                  {t('notifications.admin.test')}
                </Button>
                <Popconfirm
                  title={t('notifications.admin.deleteConfirm')}
                  okText={t('notifications.admin.delete')}
                  cancelText={t('notifications.admin.cancel')}
                  onConfirm={() => void run(() => deleteEndpoint(e.id), t('notifications.admin.deleted'))}
                >
                  <Button size="small" danger>
                    {t('notifications.admin.delete')}
                  </Button>
                </Popconfirm>
              </Flex>
            ),
          },
        ]}
      />
      <EndpointForm
        key={editing === null ? 'closed' : editing === 'new' ? 'new' : editing.id}
        isOpen={editing !== null}
        initial={editing === null || editing === 'new' ? null : editing}
        onCancel={() => setEditing(null)}
        onSubmit={submit}
      />
      <Modal
        open={secret !== null}
        title={t('notifications.admin.secretTitle')}
        closable={false}
        mask={{ closable: false }}
        footer={
          <Button type="primary" onClick={() => setSecret(null)}>
            {t('notifications.admin.secretDone')}
          </Button>
        }
      >
        <Typography.Paragraph>{t('notifications.admin.secretHelp')}</Typography.Paragraph>
        <Typography.Paragraph code copyable data-testid="webhook-secret">
          {secret}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
};

const Deliveries = () => {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<DeliveryFilter>({});
  const list = useCursorList((cursor, signal) => fetchDeliveries(filter, cursor, signal), [filter]);

  const statuses: DeliveryStatus[] = ['delivered', 'retrying', 'failed', 'skipped'];
  const channels: DeliveryChannel[] = ['email', 'webhook'];

  return (
    <Card size="small">
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select<DeliveryChannel | undefined>
          allowClear
          style={{ minWidth: 140 }}
          placeholder={t('notifications.admin.allChannels')}
          aria-label={t('notifications.admin.channel')}
          value={filter.channel}
          onChange={(channel) => setFilter((f) => ({ ...f, channel }))}
          options={channels.map((c) => ({ value: c, label: t(`notifications.admin.channels.${c}`) }))}
        />
        <Select<DeliveryStatus | undefined>
          allowClear
          style={{ minWidth: 160 }}
          placeholder={t('notifications.admin.allStatuses')}
          aria-label={t('notifications.admin.status')}
          value={filter.status}
          onChange={(status) => setFilter((f) => ({ ...f, status }))}
          options={statuses.map((s) => ({ value: s, label: t(`notifications.admin.statuses.${s}`) }))}
        />
        <Select<string | undefined>
          allowClear
          style={{ minWidth: 180 }}
          placeholder={t('notifications.admin.allEvents')}
          aria-label={t('notifications.event')}
          value={filter.event}
          onChange={(event) => setFilter((f) => ({ ...f, event }))}
          options={[...notificationEvents, 'webhook.test'].map((e) => ({
            value: e,
            label: eventLabel(t, e),
          }))}
        />
        <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('common.retry')} />
      </Flex>
      {list.error === undefined ? null : <ProblemAlert error={list.error} onRetry={list.reload} />}
      <Table<Delivery>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('common.noData') }}
        columns={[
          {
            key: 'at',
            title: t('notifications.admin.time'),
            render: (_, d) => (
              <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(d.at, i18n.language)}</span>
            ),
          },
          {
            key: 'channel',
            title: t('notifications.admin.channel'),
            render: (_, d) => t(`notifications.admin.channels.${d.channel}`),
          },
          { key: 'target', title: t('notifications.admin.target'), dataIndex: 'target' },
          { key: 'event', title: t('notifications.event'), render: (_, d) => eventLabel(t, d.event) },
          {
            key: 'status',
            title: t('notifications.admin.status'),
            render: (_, d) => (
              <Tag color={STATUS_COLOURS[d.status]}>{t(`notifications.admin.statuses.${d.status}`)}</Tag>
            ),
          },
          { key: 'attempt', title: t('notifications.admin.attempt'), dataIndex: 'attempt', align: 'right' },
          {
            key: 'response',
            title: t('notifications.admin.response'),
            render: (_, d) => d.responseStatus ?? t('common.none'),
          },
          {
            key: 'duration',
            title: t('notifications.admin.duration'),
            responsive: ['lg'],
            render: (_, d) =>
              d.durationMs === null
                ? t('common.none')
                : t('notifications.admin.durationMs', { ms: d.durationMs }),
          },
          {
            key: 'error',
            title: t('notifications.admin.error'),
            responsive: ['md'],
            render: (_, d) =>
              d.error === null ? (
                t('common.none')
              ) : (
                <Typography.Text type="secondary" ellipsis style={{ maxWidth: 260 }}>
                  {d.error}
                </Typography.Text>
              ),
          },
        ]}
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

export const WebhooksPage = () => {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('notifications.admin.title')}
      </Typography.Title>
      <Tabs
        items={[
          { key: 'endpoints', label: t('notifications.admin.endpointsTab'), children: <Endpoints /> },
          { key: 'deliveries', label: t('notifications.admin.deliveriesTab'), children: <Deliveries /> },
        ]}
      />
    </Flex>
  );
};
