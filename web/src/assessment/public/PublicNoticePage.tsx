// One public notice for residents: its window, every village in it with the five basics, each star's score, the
// level proposed and last year's, and the answers to objections already made; while the notice runs, anyone may
// object to a village's result (or one line of it) and gets a code to read the answer with.
import { useMemo, useState } from 'react';
import { Button, Card, Empty, Flex, Input, List, Select, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../common/ProblemAlert';
import { useLoader } from '../../common/useLoader';
import { PublicLayout } from '../../report/PublicLayout';
import { fetchPublicNotice, publicNoticePaths, type PublicNoticeView, type PublicVillage } from '../api';
import { formatDate, movementLabel, msg, noticeStatusLabel, starMarks } from '../labels';
import { ObjectionDialog } from './ObjectionDialog';

const PAGE_SIZE = 10;

const VillageCard = ({
  village,
  notice,
  lineName,
  canObject,
  onObject,
}: {
  village: PublicVillage;
  notice: PublicNoticeView;
  lineName: ReadonlyMap<string, string>;
  canObject: boolean;
  onObject: () => void;
}) => {
  const { t } = useTranslation();
  const answered = village.objections.filter((o) => o.status === 'answered');
  const waiting = village.objections.length - answered.length;
  return (
    <Flex
      vertical
      gap={6}
      style={{ width: '100%' }}
      data-testid="public-village"
      data-sheet={village.sheetId}
    >
      <Flex justify="space-between" gap={8} align="start">
        <Flex vertical gap={0}>
          <Typography.Text strong data-testid="public-village-name">
            {village.orgName}
          </Typography.Text>
          <Typography.Text type="secondary">{village.townName ?? ''}</Typography.Text>
        </Flex>
        <Flex vertical align="end" gap={0}>
          <Typography.Text strong data-testid="public-village-level">
            {village.level === null ? t('assessment.public.levelPending') : starMarks(village.level)}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('assessment.public.previousLevel', { level: starMarks(village.previousLevel) })}
            {village.movement === null ? '' : ` · ${movementLabel(t, village.movement)}`}
          </Typography.Text>
        </Flex>
      </Flex>
      <Flex gap={6} wrap>
        <Tag color={village.basicsPassed ? 'success' : 'error'}>
          {t(village.basicsPassed ? 'assessment.public.basicsPassed' : 'assessment.public.basicsFailed')}
        </Tag>
        <Tag data-testid="public-village-total">{t('assessment.public.total', { total: village.total })}</Tag>
      </Flex>
      <Flex vertical gap={2}>
        {village.stars.map((s) => {
          const star = notice.stars.find((x) => x.code === s.code);
          return (
            <Flex key={s.code} justify="space-between" gap={8} data-testid={`public-star-${s.code}`}>
              <Typography.Text>{star === undefined ? s.code : msg(star.name)}</Typography.Text>
              <Typography.Text type={s.isEarned ? 'success' : 'secondary'}>
                {s.score}
                {s.isEarned ? ` ★ ${t('assessment.public.earned')}` : ''}
              </Typography.Text>
            </Flex>
          );
        })}
      </Flex>
      {answered.length === 0 ? null : (
        <Flex vertical gap={4} style={{ background: '#fafafa', padding: 8, borderRadius: 6 }}>
          <Typography.Text type="secondary">{t('assessment.public.answers')}</Typography.Text>
          {answered.map((o, n) => (
            <Typography.Text key={n} data-testid="public-objection-answer">
              {o.lineCode === null
                ? t('assessment.objections.wholeSheet')
                : (lineName.get(o.lineCode) ?? o.lineCode)}
              {t('assessment.colon')}
              {o.answer}
              {o.changedPoints === null
                ? ''
                : ` (${t('assessment.public.changedTo', { points: o.changedPoints })})`}
            </Typography.Text>
          ))}
        </Flex>
      )}
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {waiting === 0 ? '' : t('assessment.public.waiting', { count: waiting })}
        </Typography.Text>
        {canObject ? (
          <Button size="small" onClick={onObject} data-testid="public-object">
            {t('assessment.public.object')}
          </Button>
        ) : null}
      </Flex>
    </Flex>
  );
};

export const PublicNoticePage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams<{ id: string }>();
  const { data, error, isLoading, reload } = useLoader((signal) => fetchPublicNotice(id, signal), [id]);
  const [query, setQuery] = useState('');
  const [town, setTown] = useState<string | null>(null);
  const [objecting, setObjecting] = useState<PublicVillage | null>(null);
  const towns = useMemo(
    () => [...new Set((data?.villages ?? []).map((v) => v.townName ?? ''))].filter((n) => n !== '').sort(),
    [data],
  );
  const lineName = useMemo(() => new Map((data?.lines ?? []).map((l) => [l.code, msg(l.name)])), [data]);
  const needle = query.trim();
  const villages = (data?.villages ?? []).filter(
    (v) => (town === null || v.townName === town) && (needle === '' || v.orgName.includes(needle)),
  );
  // The server refuses an objection once the window ends; the button follows the same rule on the reader's clock.
  const isRunning = data !== undefined && data.item.status === 'open' && Date.now() < data.item.endsAt;
  return (
    <PublicLayout>
      <Flex vertical gap={12}>
        {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
        <Spin spinning={isLoading}>
          <Card>
            <Flex justify="space-between" gap={8} align="start">
              <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="public-notice-title">
                {data?.item.title ?? t('assessment.public.title')}
              </Typography.Title>
              {data === undefined ? null : (
                <Tag color={data.item.status === 'open' ? 'processing' : 'default'} style={{ margin: 0 }}>
                  {noticeStatusLabel(t, data.item.status)}
                </Tag>
              )}
            </Flex>
            {data === undefined ? null : (
              <Flex vertical gap={4}>
                <Typography.Text>
                  {t('assessment.notices.window', {
                    from: formatDate(data.item.startsAt),
                    to: formatDate(data.item.endsAt),
                  })}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t(isRunning ? 'assessment.public.howToObject' : 'assessment.public.windowOver', {
                    threshold: data.threshold,
                  })}
                </Typography.Text>
              </Flex>
            )}
          </Card>
        </Spin>
        {data === undefined ? null : (
          <Card size="small">
            <Flex gap={8} wrap style={{ marginBottom: 8 }}>
              <Select<string | null>
                value={town}
                onChange={setTown}
                style={{ minWidth: 140 }}
                aria-label={t('assessment.public.town')}
                data-testid="public-town"
                options={[
                  { value: null, label: t('assessment.public.allTowns') },
                  ...towns.map((n) => ({ value: n, label: n })),
                ]}
              />
              <Input.Search
                allowClear
                style={{ flex: 1, minWidth: 160 }}
                placeholder={t('assessment.public.search')}
                aria-label={t('assessment.public.search')}
                onSearch={setQuery}
                onChange={(e) => {
                  if (e.target.value === '') {
                    setQuery('');
                  }
                }}
              />
            </Flex>
            {villages.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('assessment.public.noVillages')} />
            ) : (
              <List
                data-testid="public-villages"
                dataSource={villages}
                pagination={
                  villages.length > PAGE_SIZE
                    ? { pageSize: PAGE_SIZE, size: 'small', align: 'center' }
                    : false
                }
                renderItem={(v) => (
                  <List.Item key={v.sheetId}>
                    <VillageCard
                      village={v}
                      notice={data}
                      lineName={lineName}
                      canObject={isRunning}
                      onObject={() => setObjecting(v)}
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        )}
        <Link to={publicNoticePaths.objection()}>{t('assessment.public.lookupLink')}</Link>
        <Link to={publicNoticePaths.list}>{t('assessment.public.allNotices')}</Link>
      </Flex>
      {objecting === null || data === undefined ? null : (
        <ObjectionDialog
          notice={data}
          village={objecting}
          onClose={() => setObjecting(null)}
          onFiled={reload}
        />
      )}
    </PublicLayout>
  );
};
