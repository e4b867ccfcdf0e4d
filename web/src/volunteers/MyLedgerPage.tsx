// The member's ledger for a year: hours against the yearly bar, points, and every entry with its rule, evidence and
// approver; reversed entries and reversals are marked.
import { useState } from 'react';
import { Card, Empty, Flex, List, Progress, Select, Spin, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { useIsMobile } from '../common/useMediaQuery';
import { useLoader } from '../common/useLoader';
import { currentLocale } from '../i18n';
import { fetchMyLedger, myPaths, type Entry } from './api';
import { amountText, formatDateTimeShort, hoursOf, kindLabel, thisYear } from './labels';
import { useRuleNames } from './useRules';

const YEARS_BACK = 5;

export const MyLedgerPage = () => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const isMobile = useIsMobile();
  const ruleName = useRuleNames();
  const current = thisYear();
  const [year, setYear] = useState(current);
  const { data, error, isLoading, reload } = useLoader((signal) => fetchMyLedger(year, signal), [year]);
  const minutes = data?.balances.minutes ?? 0;
  const bar = data?.barMinutes ?? 0;
  return (
    <Flex vertical gap={12}>
      <Link to={myPaths.home}>{t('volunteers.checkIn.back')}</Link>
      <Flex align="center" justify="space-between" gap={8} wrap>
        <Typography.Title level={isMobile ? 4 : 3} style={{ margin: 0 }}>
          {t('volunteers.myLedger.title')}
        </Typography.Title>
        <Select
          value={year}
          onChange={setYear}
          aria-label={t('volunteers.myLedger.year')}
          data-testid="ledger-year"
          options={Array.from({ length: YEARS_BACK }, (_, i) => ({
            value: current - i,
            label: String(current - i),
          }))}
          style={{ width: 110 }}
        />
      </Flex>
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      {data === undefined ? (
        <Spin spinning={isLoading} />
      ) : (
        <>
          <Card size="small" data-testid="ledger-balances">
            <Typography.Text type="secondary">
              {t('volunteers.myLedger.bar', { hours: hoursOf(bar) })}
            </Typography.Text>
            <Progress
              percent={bar === 0 ? 100 : Math.min(100, Math.round((minutes / bar) * 100))}
              status={minutes >= bar ? 'success' : 'active'}
              format={() => `${hoursOf(minutes)} / ${hoursOf(bar)}`}
            />
            <Flex gap={32} wrap>
              <Statistic title={kindLabel(t, 'hours')} value={hoursOf(minutes)} precision={1} />
              <Statistic title={kindLabel(t, 'points')} value={data.balances.points} />
              <Tag color={minutes >= bar ? 'success' : 'warning'} style={{ alignSelf: 'center' }}>
                {minutes >= bar
                  ? t('volunteers.myLedger.reached')
                  : t('volunteers.myLedger.notReached', { hours: hoursOf(bar - minutes) })}
              </Tag>
            </Flex>
          </Card>
          <Card size="small">
            <List<Entry>
              loading={isLoading}
              dataSource={data.entries}
              locale={{
                emptyText: (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('volunteers.myLedger.empty')} />
                ),
              }}
              pagination={data.entries.length > 20 ? { pageSize: 20, size: 'small' } : false}
              renderItem={(e) => (
                <List.Item data-testid="ledger-entry">
                  <Flex vertical gap={2} style={{ width: '100%' }}>
                    <Flex justify="space-between" gap={8}>
                      <Flex gap={4} wrap align="center">
                        <Tag color={e.kind === 'hours' ? 'blue' : 'purple'}>{kindLabel(t, e.kind)}</Tag>
                        <Typography.Text strong>{ruleName(e.ruleCode)}</Typography.Text>
                        {e.isReversed ? <Tag color="red">{t('volunteers.myLedger.reversed')}</Tag> : null}
                        {e.reversesEntryId === null ? null : (
                          <Tag color="red">{t('volunteers.myLedger.reversal')}</Tag>
                        )}
                      </Flex>
                      <Typography.Text
                        strong
                        type={e.amount < 0 ? 'danger' : undefined}
                        style={{ whiteSpace: 'nowrap' }}
                      >
                        {amountText(t, e.kind, e.amount)}
                      </Typography.Text>
                    </Flex>
                    <Typography.Text type="secondary">{e.evidence}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('volunteers.myLedger.line', {
                        time: formatDateTimeShort(e.occurredAt, locale),
                        name: e.approverName,
                      })}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
        </>
      )}
    </Flex>
  );
};
