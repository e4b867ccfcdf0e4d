// The home page's "my work": what waits on the caller (overdue and due today first), the scope's lights and cards,
// and the latest ratings, asked again while the page is open. Rows wrap instead of scrolling so a 375 px phone reads
// them as well as a desk.
import { useMemo, type ReactNode } from 'react';
import { Button, Card, Col, Flex, List, Row, Statistic, Tag, Typography } from 'antd';
import { RightOutlined, SettingOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAbility, useActiveAssignment } from '../auth/useAuth';
import { formatDateTimeShort } from '../common/labels';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { HOME_REFRESH_MS, useVisiblePolling } from '../common/useVisiblePolling';
import { fetchCaseHome, fetchCatalogue, type CaseHome } from './api';
import { ClockTags, StateTag } from './CaseTags';
import { ratingLabel } from './labels';

type HomeCase = CaseHome['queue']['top'][number];

const CaseRow = ({ item, category, extra }: { item: HomeCase; category: string; extra?: ReactNode }) => {
  const { t, i18n } = useTranslation();
  return (
    <List.Item data-testid="home-case" style={{ paddingInline: 0 }}>
      <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
        <Flex gap={8} wrap align="center" justify="space-between">
          <Link
            to={`/cases/${encodeURIComponent(item.id)}`}
            style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
            data-testid="home-case-link"
          >
            {item.trackingCode}
          </Link>
          <Flex wrap gap={4}>
            <StateTag state={item.state} />
            <ClockTags item={item} />
          </Flex>
        </Flex>
        <Flex gap={8} wrap align="center">
          <Typography.Text strong>{category}</Typography.Text>
          {extra ?? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="home-case-deadline">
              {t('cases.home.deadline', {
                when:
                  item.deadlineAt === null
                    ? t('common.none')
                    : formatDateTimeShort(item.deadlineAt, i18n.language),
              })}
            </Typography.Text>
          )}
        </Flex>
        <Typography.Text type="secondary" ellipsis style={{ maxWidth: '100%' }}>
          {item.description}
        </Typography.Text>
      </Flex>
    </List.Item>
  );
};

const Figure = ({
  label,
  value,
  colour,
  testId,
}: {
  label: string;
  value: number;
  colour?: string;
  testId: string;
}) => (
  <Col xs={8} sm={8} md={4} data-testid={testId}>
    <Statistic
      title={label}
      value={value}
      styles={colour === undefined ? undefined : { content: { color: colour } }}
    />
  </Col>
);

export const MyWorkCard = () => {
  const { t, i18n } = useTranslation();
  const assignment = useActiveAssignment();
  const canCommand = useAbility('case.command');
  const home = useLoader((signal) => fetchCaseHome(signal), [assignment?.id]);
  // A task given to the caller shows up while the home is open (the card keeps its figures while asking).
  useVisiblePolling(home.reload, HOME_REFRESH_MS);
  const catalogue = useLoader((signal) => fetchCatalogue(signal), [i18n.language]);
  const names = useMemo(
    () => new Map((catalogue.data?.items ?? []).map((c) => [c.code, c.name])),
    [catalogue.data],
  );
  const categoryOf = (code: string) => names.get(code) ?? code;
  const data = home.data;
  const isTownCommand = canCommand && assignment?.orgLevel === 'town';

  return (
    <Card
      title={t('cases.home.title')}
      data-testid="my-work"
      loading={home.isLoading && data === undefined}
      extra={
        <Flex gap={4} wrap justify="flex-end">
          {isTownCommand ? (
            <Link to="/cases/town-leaders" data-testid="home-town-leaders">
              <Button
                type="text"
                size="small"
                icon={<SettingOutlined />}
                aria-label={t('cases.home.townLeaders')}
              />
            </Link>
          ) : null}
          <Link to="/cases" data-testid="home-open-queue">
            {t('cases.home.openAll')} <RightOutlined />
          </Link>
        </Flex>
      }
    >
      {home.error !== undefined ? (
        <ProblemAlert error={home.error} onRetry={home.reload} />
      ) : data === undefined ? null : (
        <Flex vertical gap={16}>
          <Flex gap={8} wrap align="center" data-testid="home-queue-counts">
            <Typography.Text strong data-testid="home-queue-count">
              {data.queue.isCapped
                ? t('cases.home.queueCapped', { count: data.queue.count })
                : t('cases.home.queueCount', { count: data.queue.count })}
            </Typography.Text>
            {data.queue.overdue > 0 ? (
              <Tag color="red" data-testid="home-overdue">
                {t('cases.home.overdue', { count: data.queue.overdue })}
              </Tag>
            ) : null}
            {data.queue.dueToday > 0 ? (
              <Tag color="gold" data-testid="home-due-today">
                {t('cases.home.dueToday', { count: data.queue.dueToday })}
              </Tag>
            ) : null}
          </Flex>
          <List
            size="small"
            data-testid="home-queue"
            dataSource={data.queue.top}
            locale={{ emptyText: t('cases.home.queueEmpty') }}
            renderItem={(c) => <CaseRow key={c.id} item={c} category={categoryOf(c.categoryCode)} />}
          />
          <div>
            <Typography.Text type="secondary">{t('cases.home.scope')}</Typography.Text>
            <Row gutter={[16, 8]} style={{ marginTop: 8 }} data-testid="home-scope">
              <Figure label={t('cases.home.open')} value={data.scope.open} testId="home-scope-open" />
              <Figure
                label={t('cases.home.yellow')}
                value={data.scope.yellow}
                colour="#d48806"
                testId="home-scope-yellow"
              />
              <Figure
                label={t('cases.home.red')}
                value={data.scope.red}
                colour="#cf1322"
                testId="home-scope-red"
              />
              <Figure
                label={t('cases.home.yellowCards')}
                value={data.scope.yellowCards}
                colour="#d48806"
                testId="home-scope-yellow-cards"
              />
              <Figure
                label={t('cases.home.redCards')}
                value={data.scope.redCards}
                colour="#cf1322"
                testId="home-scope-red-cards"
              />
            </Row>
          </div>
          <div>
            <Typography.Text type="secondary">{t('cases.home.recentRatings')}</Typography.Text>
            <List
              size="small"
              data-testid="home-ratings"
              dataSource={data.recentRatings}
              locale={{ emptyText: t('cases.home.noRatings') }}
              renderItem={(c) => (
                <CaseRow
                  key={c.id}
                  item={c}
                  category={categoryOf(c.categoryCode)}
                  extra={
                    c.rating === null ? null : (
                      <Tag color={c.rating >= 4 ? 'success' : c.rating === 3 ? 'default' : 'error'}>
                        {ratingLabel(t, c.rating)}
                      </Tag>
                    )
                  }
                />
              )}
            />
          </div>
        </Flex>
      )}
    </Card>
  );
};
