// Audit log: filter by actor, action, entity type and dates; page on with "load more"; detail as JSON per row.
import { useState } from 'react';
import { Button, Card, Col, DatePicker, Flex, Form, Input, Row, Table, Typography } from 'antd';
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { fetchAudit } from '../api/audit';
import { useCursorList } from '../api/useCursorList';
import type { AuditEntry, AuditFilter } from '../api/types';
import { formatDateTime } from '../common/labels';
import { ProblemAlert } from '../common/ProblemAlert';

type FilterForm = {
  actor?: string;
  action?: string;
  entityType?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
};

const pageSize = 50;

const clean = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? undefined : trimmed;
};

const toFilter = (form: FilterForm): AuditFilter => {
  const [start, end] = form.range ?? [null, null];
  return {
    actor: clean(form.actor),
    action: clean(form.action),
    entityType: clean(form.entityType),
    from: start === null ? undefined : start.startOf('day').valueOf(),
    to: end === null ? undefined : end.endOf('day').valueOf(),
  };
};

export const AuditPage = () => {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<FilterForm>();
  const [filter, setFilter] = useState<AuditFilter>({});
  const list = useCursorList(
    (cursor, signal) => fetchAudit(filter, { limit: pageSize, cursor }, signal),
    [filter],
  );
  const items = list.items;

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('audit.title')}
      </Typography.Title>
      <Card size="small">
        <Form<FilterForm>
          form={form}
          layout="vertical"
          data-testid="audit-filters"
          onFinish={(values) => setFilter(toFilter(values))}
        >
          <Row gutter={12}>
            <Col xs={24} sm={12} lg={5}>
              <Form.Item
                name="actor"
                label={t('audit.actor')}
                htmlFor="audit-actor"
                style={{ marginBottom: 12 }}
              >
                <Input id="audit-actor" name="actor" allowClear placeholder={t('audit.actorPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={5}>
              <Form.Item
                name="action"
                label={t('audit.action')}
                htmlFor="audit-action"
                style={{ marginBottom: 12 }}
              >
                <Input
                  id="audit-action"
                  name="action"
                  allowClear
                  placeholder={t('audit.actionPlaceholder')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={5}>
              <Form.Item
                name="entityType"
                label={t('audit.entityType')}
                htmlFor="audit-entity-type"
                style={{ marginBottom: 12 }}
              >
                <Input
                  id="audit-entity-type"
                  name="entityType"
                  allowClear
                  placeholder={t('audit.entityTypePlaceholder')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={9}>
              <Form.Item name="range" label={t('audit.dateRange')} style={{ marginBottom: 12 }}>
                <DatePicker.RangePicker
                  allowEmpty={[true, true]}
                  placeholder={[t('audit.startDate'), t('audit.endDate')]}
                  style={{ width: '100%' }}
                  inputReadOnly
                />
              </Form.Item>
            </Col>
          </Row>
          <Flex gap={8} justify="flex-end" wrap>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                form.resetFields();
                setFilter({});
              }}
            >
              {t('common.reset')}
            </Button>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
              {t('common.search')}
            </Button>
          </Flex>
        </Form>
      </Card>
      {list.error === undefined ? null : <ProblemAlert error={list.error} onRetry={list.reload} />}
      <Card size="small">
        <div data-testid="audit-table">
          <Table<AuditEntry>
            rowKey="id"
            size="small"
            loading={list.isLoading}
            dataSource={items}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('common.noData') }}
            expandable={{
              rowExpandable: (entry) => entry.detail !== null,
              expandedRowRender: (entry) => (
                <pre className="tx-json" data-testid="audit-detail">
                  {JSON.stringify(entry.detail, null, 2)}
                </pre>
              ),
            }}
            columns={[
              {
                key: 'at',
                title: t('audit.time'),
                render: (_, entry) => (
                  <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at, i18n.language)}</span>
                ),
              },
              {
                key: 'actor',
                title: t('audit.actor'),
                render: (_, entry) => entry.actorName ?? entry.actorId ?? t('common.none'),
              },
              {
                key: 'action',
                title: t('audit.action'),
                render: (_, entry) => <Typography.Text code>{entry.action}</Typography.Text>,
              },
              {
                key: 'entityType',
                title: t('audit.entityType'),
                dataIndex: 'entityType',
                responsive: ['sm'],
              },
              {
                key: 'entityId',
                title: t('audit.entityId'),
                responsive: ['md'],
                render: (_, entry) =>
                  entry.entityId === null ? (
                    t('common.none')
                  ) : (
                    <Typography.Text copyable ellipsis style={{ maxWidth: 180 }}>
                      {entry.entityId}
                    </Typography.Text>
                  ),
              },
              {
                key: 'ip',
                title: t('audit.ip'),
                responsive: ['lg'],
                render: (_, entry) => entry.ip ?? t('common.none'),
              },
            ]}
          />
        </div>
        <Flex justify="space-between" align="center" style={{ marginTop: 12 }} wrap gap={8}>
          <Typography.Text type="secondary">{t('audit.loaded', { count: items.length })}</Typography.Text>
          {list.hasMore ? (
            <Button onClick={list.loadMore} loading={list.isLoadingMore} data-testid="audit-load-more">
              {t('common.loadMore')}
            </Button>
          ) : list.page === undefined ? null : (
            <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
          )}
        </Flex>
      </Card>
    </Flex>
  );
};
