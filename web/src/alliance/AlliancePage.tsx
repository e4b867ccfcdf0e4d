// One alliance: its charter and convener, this year's numbers, the members with their commitments, the three lists,
// the joint meetings and the brand projects; the convener takes in members and keeps the meetings, anyone who may
// write posts items and declares projects for the members they hold. An item or a project opens in a drawer named
// by ?item= or ?brand=.
import { useState } from 'react';
import { Button, Card, Col, Flex, Row, Spin, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, GlobalOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../auth/useAuth';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { currentLocale } from '../i18n';
import {
  fetchAlliance,
  listNames,
  publicPaths,
  staffPaths,
  type ListName,
  type Member,
  type Numbers,
} from './api';
import { AddMemberDialog } from './AddMemberDialog';
import { BrandDrawer } from './BrandDrawer';
import { BrandsTable } from './BrandsTable';
import { ItemDrawer } from './ItemDrawer';
import { ItemsTable } from './ItemsTable';
import { formatDate, listLabel, memberKindLabel } from './labels';
import { MeetingsList } from './MeetingsList';
import { PostItemDialog } from './PostItemDialog';

const sections = ['meetings', 'brands'] as const;
type Tab = ListName | (typeof sections)[number];

const isTab = (v: string | null): v is Tab =>
  v !== null && ([...listNames, ...sections] as readonly string[]).includes(v);
const isList = (v: Tab): v is ListName => (listNames as readonly string[]).includes(v);

const NumberCards = ({ numbers }: { numbers: Numbers }) => {
  const { t } = useTranslation();
  const percent = (r: number | null) => (r === null ? t('common.none') : `${Math.round(r * 100)}%`);
  const cards: { key: string; title: string; value: number | string; extra?: string }[] = [
    { key: 'members', title: t('alliance.numbers.members'), value: numbers.members },
    { key: 'demands', title: t('alliance.numbers.demands'), value: numbers.demands },
    { key: 'met', title: t('alliance.numbers.met'), value: numbers.demandsMet },
    { key: 'waiting', title: t('alliance.numbers.waiting'), value: numbers.demandsOpen },
    { key: 'agreed', title: t('alliance.numbers.agreed'), value: numbers.agreed },
    { key: 'delivered', title: t('alliance.numbers.delivered'), value: numbers.delivered },
    {
      key: 'onTime',
      title: t('alliance.numbers.onTime'),
      value: numbers.deliveredOnTime,
      extra: t('alliance.numbers.onTimeRate', { rate: percent(numbers.onTimeRate) }),
    },
    {
      key: 'resourcesUsed',
      title: t('alliance.numbers.resourcesUsed'),
      value: numbers.resourcesUsed,
      extra: t('alliance.numbers.resourcesOf', { count: numbers.resources }),
    },
    {
      key: 'rating',
      title: t('alliance.numbers.averageRating'),
      value: numbers.averageRating === null ? t('common.none') : numbers.averageRating.toFixed(1),
    },
  ];
  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col key={c.key} xs={12} sm={8} md={6} xl={4}>
          <Card size="small" data-testid={`alliance-number-${c.key}`}>
            <Statistic title={c.title} value={c.value} />
            {c.extra === undefined ? null : <Typography.Text type="secondary">{c.extra}</Typography.Text>}
          </Card>
        </Col>
      ))}
    </Row>
  );
};

export const AlliancePage = ({ id }: { id: string }) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const canWrite = useAbility('alliance.write');
  const [params, setParams] = useSearchParams();
  // ?list= is where a list was named before the meetings and projects had tabs of their own.
  const named = params.get('tab') ?? params.get('list');
  const tab: Tab = isTab(named) ? named : 'demand';
  const list: ListName = isList(tab) ? tab : 'demand';
  const itemId = params.get('item') ?? undefined;
  const brandId = params.get('brand') ?? undefined;
  const [dialog, setDialog] = useState<'member' | 'item' | null>(null);
  const [itemsVersion, setItemsVersion] = useState(0);
  const [brandsVersion, setBrandsVersion] = useState(0);
  const { data, error, isLoading, reload } = useLoader((signal) => fetchAlliance(id, signal), [id]);

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined) {
      next.delete(key);
    } else {
      next.set(key, value);
    }
    setParams(next);
  };
  const changed = () => {
    setItemsVersion((n) => n + 1);
    reload();
  };

  if (data === undefined) {
    return error === undefined ? <Spin /> : <ProblemAlert error={error} onRetry={reload} />;
  }
  const { item: alliance, members, numbers } = data;
  const isManager = alliance.abilities.manage;
  // The members the caller may post for: all for the convener, else those the caller's scope holds.
  const postable = isManager ? members : members.filter((m) => m.isMine);
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex vertical gap={4}>
          <Link to={staffPaths.home}>
            <ArrowLeftOutlined /> {t('alliance.page.back')}
          </Link>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="alliance-name">
            {alliance.name}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('alliance.page.convener', { name: alliance.orgName })}
            {isManager ? (
              <Tag color="red" style={{ marginInlineStart: 8 }}>
                {t('alliance.page.manager')}
              </Tag>
            ) : null}
          </Typography.Text>
        </Flex>
        <Flex gap={8} wrap>
          <Link to={publicPaths.alliance(alliance.id)} target="_blank">
            <Button icon={<GlobalOutlined />}>{t('alliance.page.publicPage')}</Button>
          </Link>
          {isManager && canWrite ? (
            <Button icon={<UserAddOutlined />} onClick={() => setDialog('member')} data-testid="member-add">
              {t('alliance.members.add')}
            </Button>
          ) : null}
          {canWrite && postable.length > 0 ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog('item')}
              data-testid="item-post"
            >
              {t('alliance.items.post')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      {alliance.charter === '' ? null : (
        <Card size="small" title={t('alliance.page.charter')}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
            {alliance.charter}
          </Typography.Paragraph>
        </Card>
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('alliance.numbers.title')}
      </Typography.Title>
      <NumberCards numbers={numbers} />
      <Card size="small" title={t('alliance.members.title')}>
        <Table<Member>
          rowKey="orgId"
          size="small"
          loading={isLoading}
          dataSource={members}
          pagination={members.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          data-testid="alliance-members"
          scroll={{ x: 720 }}
          columns={[
            {
              title: t('alliance.members.name'),
              dataIndex: 'orgName',
              width: 220,
              render: (_: unknown, m) => (
                <Flex gap={4} wrap>
                  <span>{m.orgName}</span>
                  {m.isConvener ? <Tag color="red">{t('alliance.members.convener')}</Tag> : null}
                  {m.isMine && !m.isConvener ? <Tag color="blue">{t('alliance.members.mine')}</Tag> : null}
                </Flex>
              ),
            },
            {
              title: t('alliance.members.kind'),
              key: 'kind',
              width: 130,
              render: (_: unknown, m) => memberKindLabel(t, m),
            },
            { title: t('alliance.members.commitment'), dataIndex: 'commitment' },
            {
              title: t('alliance.members.signed'),
              dataIndex: 'signedAt',
              width: 120,
              render: (v: number) => formatDate(v, locale),
            },
          ]}
        />
      </Card>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            const next = new URLSearchParams(params);
            next.delete('list');
            next.set('tab', key);
            setParams(next);
          }}
          destroyOnHidden
          items={[
            ...listNames.map((l) => ({
              key: l,
              label: <span data-testid={`list-tab-${l}`}>{listLabel(t, l)}</span>,
              children: (
                <ItemsTable
                  allianceId={alliance.id}
                  list={l}
                  version={itemsVersion}
                  onOpen={(i) => setParam('item', i)}
                  onChanged={changed}
                />
              ),
            })),
            {
              key: 'meetings',
              label: <span data-testid="tab-meetings">{t('alliance.tabs.meetings')}</span>,
              children: (
                <MeetingsList allianceId={alliance.id} members={members} canPlan={isManager && canWrite} />
              ),
            },
            {
              key: 'brands',
              label: <span data-testid="tab-brands">{t('alliance.tabs.brands')}</span>,
              children: (
                <BrandsTable
                  allianceId={alliance.id}
                  declarable={canWrite ? postable : []}
                  version={brandsVersion}
                  onOpen={(b) => setParam('brand', b)}
                />
              ),
            },
          ]}
        />
      </Card>
      {itemId === undefined ? null : (
        <ItemDrawer
          allianceId={alliance.id}
          itemId={itemId}
          onClose={() => setParam('item', undefined)}
          onChanged={changed}
        />
      )}
      {brandId === undefined ? null : (
        <BrandDrawer
          allianceId={alliance.id}
          brandId={brandId}
          members={members}
          onClose={() => setParam('brand', undefined)}
          onChanged={() => setBrandsVersion((n) => n + 1)}
        />
      )}
      {dialog === 'member' ? (
        <AddMemberDialog
          allianceId={alliance.id}
          onClose={() => setDialog(null)}
          onAdded={() => {
            setDialog(null);
            reload();
          }}
        />
      ) : null}
      {dialog === 'item' ? (
        <PostItemDialog
          allianceId={alliance.id}
          members={postable}
          initialList={list}
          onClose={() => setDialog(null)}
          onPosted={(posted) => {
            setDialog(null);
            const next = new URLSearchParams(params);
            next.delete('list');
            next.set('tab', posted.list);
            next.set('item', posted.id);
            setParams(next);
            changed();
          }}
        />
      ) : null}
    </Flex>
  );
};
