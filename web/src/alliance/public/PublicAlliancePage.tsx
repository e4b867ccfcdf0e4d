// The public page of an alliance for residents, phone first and without an account: the members and what each
// committed to, the demands still open, the joint projects, and the brand projects under way with their chain of
// partners and milestones.
import { Card, Empty, Flex, List, Spin, Tag, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../common/ProblemAlert';
import { useLoader } from '../../common/useLoader';
import { currentLocale } from '../../i18n';
import { PublicLayout } from '../../report/PublicLayout';
import { fetchPublicAlliance, fetchPublicBrands, type PublicBrand, type PublicItem } from '../api';
import {
  brandStageColour,
  brandStageLabel,
  formatDate,
  kindLabel,
  statusColour,
  statusLabel,
} from '../labels';

const ItemList = ({ items, testId }: { items: PublicItem[]; testId: string }) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('alliance.public.none')} />;
  }
  return (
    <List
      data-testid={testId}
      dataSource={items}
      renderItem={(i) => (
        <List.Item key={i.id}>
          <Flex vertical gap={4} style={{ width: '100%' }}>
            <Flex justify="space-between" gap={8} align="start">
              <Typography.Text strong>{i.title}</Typography.Text>
              <Tag color={statusColour(i.status)} style={{ marginInlineEnd: 0 }}>
                {statusLabel(t, i.status)}
              </Tag>
            </Flex>
            <Typography.Text type="secondary">
              {i.ownerName} · {kindLabel(t, i.kind)}
              {i.neededBy === null
                ? ''
                : ` · ${t('alliance.public.neededBy', { date: formatDate(i.neededBy, locale) })}`}
            </Typography.Text>
            {i.detail === '' ? null : <Typography.Text>{i.detail}</Typography.Text>}
          </Flex>
        </List.Item>
      )}
    />
  );
};

const BrandShowcase = ({ brands }: { brands: PublicBrand[] }) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (brands.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('alliance.public.none')} />;
  }
  return (
    <List
      data-testid="public-alliance-brands"
      dataSource={brands}
      renderItem={(b) => (
        <List.Item key={b.id} data-testid="public-brand">
          <Flex vertical gap={4} style={{ width: '100%' }}>
            <Flex justify="space-between" gap={8} align="start">
              <Typography.Text strong data-testid="public-brand-title">
                {b.title}
              </Typography.Text>
              <Tag
                color={brandStageColour(b.stage)}
                style={{ marginInlineEnd: 0 }}
                data-testid="public-brand-stage"
              >
                {brandStageLabel(t, b.stage)}
              </Tag>
            </Flex>
            <Typography.Text type="secondary">
              {t('alliance.public.brandLead', { name: b.leadName })}
            </Typography.Text>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{b.summary}</Typography.Text>
            {b.partners.length === 0 ? null : (
              <Flex vertical gap={2}>
                <Typography.Text type="secondary">{t('alliance.public.brandPartners')}</Typography.Text>
                {b.partners.map((p, n) => (
                  <Typography.Text key={n}>
                    <Typography.Text strong>{p.orgName}</Typography.Text> · {p.contribution}
                  </Typography.Text>
                ))}
              </Flex>
            )}
            {b.milestones.length === 0 ? null : (
              <Flex vertical gap={2}>
                <Typography.Text type="secondary">{t('alliance.public.milestones')}</Typography.Text>
                {b.milestones.map((m, n) => (
                  <Flex key={n} gap={8} wrap>
                    <Typography.Text>{m.title}</Typography.Text>
                    <Typography.Text type={m.doneAt === null ? 'secondary' : 'success'}>
                      {m.doneAt !== null
                        ? t('alliance.public.milestoneDone', { date: formatDate(m.doneAt, locale) })
                        : m.dueAt === null
                          ? ''
                          : t('alliance.public.milestoneDue', { date: formatDate(m.dueAt, locale) })}
                    </Typography.Text>
                  </Flex>
                ))}
              </Flex>
            )}
          </Flex>
        </List.Item>
      )}
    />
  );
};

export const PublicAlliancePage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams<{ id: string }>();
  const { data, error, isLoading, reload } = useLoader((signal) => fetchPublicAlliance(id, signal), [id]);
  const brands = useLoader((signal) => fetchPublicBrands(id, signal), [id]);
  return (
    <PublicLayout>
      <Flex vertical gap={12}>
        {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
        <Spin spinning={isLoading}>
          <Card>
            <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="public-alliance-name">
              {data?.name ?? t('alliance.public.title')}
            </Typography.Title>
            {data === undefined ? null : (
              <>
                <Typography.Text type="secondary">
                  {t('alliance.public.convener', { name: data.orgName })}
                </Typography.Text>
                {data.charter === '' ? null : (
                  <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0, whiteSpace: 'pre-wrap' }}>
                    {data.charter}
                  </Typography.Paragraph>
                )}
              </>
            )}
          </Card>
        </Spin>
        {data === undefined ? null : (
          <>
            <Card size="small" title={t('alliance.public.members')}>
              <List
                data-testid="public-alliance-members"
                dataSource={data.members}
                renderItem={(m, n) => (
                  <List.Item key={n}>
                    <Flex vertical gap={2}>
                      <Typography.Text strong>{m.orgName}</Typography.Text>
                      <Typography.Text type="secondary">{m.commitment}</Typography.Text>
                    </Flex>
                  </List.Item>
                )}
              />
            </Card>
            <Card size="small" title={t('alliance.public.demands')}>
              <ItemList items={data.demands} testId="public-alliance-demands" />
            </Card>
            <Card size="small" title={t('alliance.public.projects')}>
              <ItemList items={data.projects} testId="public-alliance-projects" />
            </Card>
            <Card size="small" title={t('alliance.public.brands')}>
              {brands.error === undefined ? null : (
                <ProblemAlert error={brands.error} onRetry={brands.reload} />
              )}
              <Spin spinning={brands.isLoading}>
                {brands.data === undefined ? null : <BrandShowcase brands={brands.data.items} />}
              </Spin>
            </Card>
          </>
        )}
      </Flex>
    </PublicLayout>
  );
};
