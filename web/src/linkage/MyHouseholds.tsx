// The head's phone page: his linked households, one household's record (with its cases, consultation topics and
// relief from their modules, and where it stands in the visit plan), logging a visit and recording an appeal.
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { stateLabel } from '../cases/labels';
import { topicStateLabel } from '../consultations/labels';
import { helperKindLabel } from '../volunteers/labels';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import {
  fetchHouseholdRecord,
  fetchMyHouseholds,
  logVisit,
  recordAppeal,
  revealAddress,
  type HouseholdRecord as RecordView,
  type LinkedHousehold,
  type VisitBody,
  type VisitPlan,
} from './api';
import { AppealDrawer } from './AppealDrawer';
import { InNeedTag, LevelTag, localDay, StatusTag, when } from './labels';

const VISIT_KINDS = ['home', 'phone', 'meeting'] as const satisfies readonly VisitBody['kind'][];

type VisitForm = { visitedOn: string; kind: VisitBody['kind']; heard: string; withPosition: boolean };

const currentPosition = (): Promise<{ lng: number; lat: number } | null> =>
  new Promise((resolve) => {
    if (!('geolocation' in navigator)) {
      resolve(null);
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) => {
        resolve({ lng: p.coords.longitude, lat: p.coords.latitude });
      },
      () => {
        resolve(null);
      },
      { timeout: 8000 },
    );
  });

const PlanLine = ({ plan }: { plan: VisitPlan }) => {
  const { t } = useTranslation();
  return (
    <Space wrap data-testid="household-plan">
      <InNeedTag plan={plan} />
      <span>{t(plan.isInNeed ? 'linkage.visitPlan.monthly' : 'linkage.visitPlan.quarterly')}</span>
      <Typography.Text type={plan.isOverdue ? 'danger' : 'secondary'}>
        {plan.isOverdue || plan.dueAt === null
          ? t('linkage.visitPlan.dueNow')
          : t('linkage.visitPlan.dueAt', { date: localDay(plan.dueAt) })}
      </Typography.Text>
    </Space>
  );
};

/** The household as the other modules know it: read through their doors, each entry opening its own page. */
const AcrossModules = ({ record, isLoading }: { record: RecordView | undefined; isLoading: boolean }) => {
  const { t } = useTranslation();
  const relief = record?.relief ?? { pairings: [], help: [] };
  return (
    <>
      <Card size="small" title={t('linkage.household.cases')} extra={t('linkage.household.casesHint')}>
        <List
          loading={isLoading}
          locale={{ emptyText: t('linkage.household.noCases') }}
          dataSource={record?.cases ?? []}
          renderItem={(c) => (
            <List.Item
              data-testid="household-case"
              extra={<Link to={c.link}>{t('linkage.household.open')}</Link>}
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span>{c.trackingCode}</span>
                    <Tag>{stateLabel(t, c.state)}</Tag>
                  </Space>
                }
                description={t('linkage.household.reported', { date: localDay(c.reportedAt) })}
              />
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('linkage.household.topics')} extra={t('linkage.household.topicsHint')}>
        <List
          loading={isLoading}
          locale={{ emptyText: t('linkage.household.noTopics') }}
          dataSource={record?.topics ?? []}
          renderItem={(topic) => (
            <List.Item
              data-testid="household-topic"
              extra={topic.link === null ? null : <Link to={topic.link}>{t('linkage.household.open')}</Link>}
            >
              <List.Item.Meta
                title={topic.title}
                description={
                  <Space wrap>
                    <Tag>{topicStateLabel(t, topic.status)}</Tag>
                    <span>{localDay(topic.createdAt)}</span>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('linkage.household.relief')}>
        <List
          loading={isLoading}
          locale={{ emptyText: t('linkage.household.noRelief') }}
          dataSource={relief.pairings}
          renderItem={(p) => (
            <List.Item data-testid="household-relief">
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span>
                      {t('linkage.household.helper')}：{p.helperName}
                    </span>
                    <Tag>{helperKindLabel(t, p.helperKind)}</Tag>
                    {p.endedAt === null ? null : <Tag>{t('linkage.household.ended')}</Tag>}
                  </Space>
                }
                description={`${t('linkage.household.perQuarter', { count: p.visitsPerQuarter })} · ${t(
                  'linkage.household.since',
                  { date: localDay(p.startedAt) },
                )}`}
              />
            </List.Item>
          )}
        />
        {relief.help.length === 0 ? null : (
          <List
            size="small"
            header={t('linkage.household.help')}
            dataSource={relief.help}
            renderItem={(v) => (
              <List.Item data-testid="household-help">
                {localDay(v.at)} · {v.help ?? t('linkage.household.helpNone')}
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
};

const HouseholdRecord = ({ household, onBack }: { household: LinkedHousehold; onBack: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const record = useLoader((signal) => fetchHouseholdRecord(household.id, signal), [household.id]);
  const [address, setAddress] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [openAppeal, setOpenAppeal] = useState<string | null>(null);
  const [visitForm] = Form.useForm<VisitForm>();
  const [appealForm] = Form.useForm<{ text: string; isKeptByHead: boolean }>();

  const onVisit = async (v: VisitForm) => {
    setError(undefined);
    try {
      const position = v.withPosition ? await currentPosition() : null;
      await logVisit(household.id, {
        visitedOn: v.visitedOn,
        kind: v.kind,
        heard: v.heard,
        ...(position === null ? {} : position),
      });
      void message.success(t('linkage.visit.saved'));
      visitForm.resetFields(['heard']);
      record.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  const onAppeal = async (v: { text: string; isKeptByHead: boolean }) => {
    setError(undefined);
    try {
      const res = await recordAppeal(household.id, { text: v.text, isKeptByHead: v.isKeptByHead });
      void message.success(t('linkage.appeal.saved', { code: res.item.trackingCode }));
      appealForm.resetFields();
      record.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  const onReveal = async () => {
    try {
      setAddress((await revealAddress(household.id, reason)).address);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button onClick={onBack}>{t('linkage.household.back')}</Button>
      <Card size="small" title={household.headName} data-testid="household-card">
        <Typography.Paragraph data-testid="household-address">
          {t('linkage.household.address')}：{address ?? household.address}
        </Typography.Paragraph>
        {record.data === undefined ? null : (
          <Typography.Paragraph>
            <PlanLine plan={record.data.plan} />
          </Typography.Paragraph>
        )}
        {address === null ? (
          <Space.Compact style={{ width: '100%' }}>
            <Input
              placeholder={t('linkage.household.revealReason')}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
              }}
            />
            <Button disabled={reason.trim() === ''} onClick={() => void onReveal()}>
              {t('linkage.household.reveal')}
            </Button>
          </Space.Compact>
        ) : null}
      </Card>
      {error === undefined ? null : <ProblemAlert error={error} />}
      <Card size="small" title={t('linkage.visit.title')}>
        <Form
          data-testid="visit-form"
          form={visitForm}
          layout="vertical"
          initialValues={{ visitedOn: localDay(Date.now()), kind: 'home', withPosition: true }}
          onFinish={(v) => void onVisit(v)}
        >
          <Form.Item name="visitedOn" label={t('linkage.visit.date')} rules={[{ required: true }]}>
            <Input type="date" data-testid="visit-date" />
          </Form.Item>
          <Form.Item name="kind" label={t('linkage.visit.kind')}>
            <Select
              data-testid="visit-kind"
              options={VISIT_KINDS.map((k) => ({ value: k, label: t(`linkage.visitKinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="heard"
            label={t('linkage.visit.heard')}
            extra={t('linkage.visit.heardHint')}
            rules={[{ required: true }]}
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="visit-heard" />
          </Form.Item>
          <Form.Item name="withPosition" valuePropName="checked">
            <Checkbox data-testid="visit-position">{t('linkage.visit.position')}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="visit-save">
            {t('linkage.visit.save')}
          </Button>
        </Form>
      </Card>
      <Card size="small" title={t('linkage.appeal.title')}>
        <Form form={appealForm} layout="vertical" onFinish={(v) => void onAppeal(v)}>
          <Form.Item name="text" label={t('linkage.appeal.text')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="appeal-text" />
          </Form.Item>
          <Form.Item name="isKeptByHead" valuePropName="checked">
            <Checkbox data-testid="appeal-keep">{t('linkage.appeal.keep')}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="appeal-save">
            {t('linkage.appeal.save')}
          </Button>
        </Form>
      </Card>
      {record.error === undefined ? null : <ProblemAlert error={record.error} onRetry={record.reload} />}
      <Card size="small" title={t('linkage.household.appeals')}>
        <List
          loading={record.isLoading}
          dataSource={record.data?.appeals ?? []}
          renderItem={({ item, case: c }) => (
            <List.Item
              data-testid="household-appeal"
              onClick={() => {
                setOpenAppeal(item.id);
              }}
              style={{ cursor: 'pointer' }}
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <StatusTag status={item.status} />
                    <LevelTag level={item.level} />
                    {c === null ? null : <span>{c.trackingCode}</span>}
                  </Space>
                }
                description={`${when(item.recordedAt)} · ${item.text}`}
              />
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('linkage.household.visits')}>
        <List
          loading={record.isLoading}
          dataSource={record.data?.visits ?? []}
          renderItem={(v) => (
            <List.Item data-testid="household-visit">
              <List.Item.Meta
                title={`${localDay(v.visitedAt)} · ${t(`linkage.visitKinds.${v.kind}`, { defaultValue: v.kind })}`}
                description={v.heard}
              />
            </List.Item>
          )}
        />
      </Card>
      <AcrossModules record={record.data} isLoading={record.isLoading} />
      <AppealDrawer
        id={openAppeal}
        onClose={() => {
          setOpenAppeal(null);
        }}
        onChanged={record.reload}
      />
    </Space>
  );
};

export const MyHouseholds = () => {
  const { t } = useTranslation();
  const list = useLoader((signal) => fetchMyHouseholds(signal), []);
  const [open, setOpen] = useState<LinkedHousehold | null>(null);
  if (open !== null) {
    return (
      <HouseholdRecord
        household={open}
        onBack={() => {
          setOpen(null);
          list.reload();
        }}
      />
    );
  }
  return (
    <>
      {list.error instanceof ApiError && list.error.code === 'linkage.not_head' ? (
        <Alert type="info" showIcon title={t('linkage.notHead')} />
      ) : list.error === undefined ? null : (
        <ProblemAlert error={list.error} onRetry={list.reload} />
      )}
      <List
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        renderItem={(h) => (
          <List.Item
            data-testid="linked-household"
            onClick={() => {
              setOpen(h);
            }}
            style={{ cursor: 'pointer' }}
            extra={h.openAppeals > 0 ? `${t('linkage.household.openAppeals')} ${h.openAppeals}` : null}
          >
            <List.Item.Meta
              title={
                <span>
                  {`${h.headName}（${h.size}）`}
                  {h.plan.isOverdue ? (
                    <Tag color="orange" style={{ marginInlineStart: 8 }} data-testid="visit-due">
                      {t('linkage.visitPlan.dueNow')}
                    </Tag>
                  ) : null}
                  <InNeedTag plan={h.plan} />
                </span>
              }
              description={`${h.address} · ${
                h.lastVisitAt === null
                  ? t('linkage.household.never')
                  : `${t('linkage.household.lastVisit')} ${localDay(h.lastVisitAt)}`
              }`}
            />
          </List.Item>
        )}
      />
    </>
  );
};
