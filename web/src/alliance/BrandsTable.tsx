// The alliance's brand projects (品牌项目孵化, 申报 → 孵化 → 补链 → 强链), the latest changed first, with a stage
// filter; a title opens the project's drawer. A member (or the convener) declares a project here.
import { useState, type HTMLAttributes } from 'react';
import { Button, Flex, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { currentLocale } from '../i18n';
import { brandStages, fetchBrands, type Brand, type BrandStage, type Member } from './api';
import { DeclareBrandDialog } from './BrandDialogs';
import { brandStageColour, brandStageLabel, formatDate } from './labels';

const ALL = 'all';

export const BrandsTable = ({
  allianceId,
  declarable,
  version,
  onOpen,
}: {
  allianceId: string;
  /** The members the caller may declare a project for; none hides the button. */
  declarable: Member[];
  /** Changes when a project changed elsewhere, to load again. */
  version: number;
  onOpen: (brandId: string) => void;
}) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [stage, setStage] = useState<BrandStage | typeof ALL>(ALL);
  const [isDeclaring, setIsDeclaring] = useState(false);
  const { data, error, isLoading, reload } = useLoader(
    (signal) => fetchBrands(allianceId, { stage: stage === ALL ? undefined : stage }, signal),
    [allianceId, stage, version],
  );
  const brands = data?.items ?? [];
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex gap={12} align="center" wrap>
          <Select<BrandStage | typeof ALL>
            value={stage}
            onChange={setStage}
            style={{ width: 160 }}
            aria-label={t('alliance.brands.stage')}
            data-testid="brands-stage"
            options={[
              { value: ALL, label: t('alliance.brands.allStages') },
              ...brandStages.map((s) => ({ value: s, label: brandStageLabel(t, s) })),
            ]}
          />
          <Typography.Text type="secondary">{t('common.total', { count: brands.length })}</Typography.Text>
        </Flex>
        {declarable.length > 0 ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setIsDeclaring(true)}
            data-testid="brand-declare"
          >
            {t('alliance.brands.declare')}
          </Button>
        ) : null}
      </Flex>
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      <Table<Brand>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={brands}
        pagination={brands.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: t('alliance.brands.empty') }}
        data-testid="brands"
        scroll={{ x: 800 }}
        onRow={(b) => ({ 'data-testid': 'brand-row', 'data-brand-id': b.id }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('alliance.brands.name'),
            dataIndex: 'title',
            render: (_: unknown, b) => (
              <Button
                type="link"
                style={{ padding: 0, whiteSpace: 'normal', textAlign: 'start' }}
                onClick={() => onOpen(b.id)}
                data-testid="brand-open"
              >
                {b.title}
              </Button>
            ),
          },
          { title: t('alliance.brands.lead'), dataIndex: 'leadName', width: 180 },
          {
            title: t('alliance.brands.partners'),
            key: 'partners',
            width: 220,
            render: (_: unknown, b) =>
              b.partners.length === 0 ? (
                t('common.none')
              ) : (
                <Flex gap={4} wrap>
                  {b.partners.map((p) => (
                    <Tag key={p.orgId}>{p.orgName}</Tag>
                  ))}
                </Flex>
              ),
          },
          {
            title: t('alliance.brands.stage'),
            dataIndex: 'stage',
            width: 100,
            render: (v: string) => (
              <Tag color={brandStageColour(v)} data-testid="brand-stage">
                {brandStageLabel(t, v)}
              </Tag>
            ),
          },
          {
            title: t('alliance.brands.stageAt'),
            dataIndex: 'stageAt',
            width: 120,
            render: (v: number) => formatDate(v, locale),
          },
        ]}
      />
      {isDeclaring ? (
        <DeclareBrandDialog
          allianceId={allianceId}
          members={declarable}
          onClose={() => setIsDeclaring(false)}
          onDeclared={(brand) => {
            setIsDeclaring(false);
            reload();
            onOpen(brand.id);
          }}
        />
      ) : null}
    </Flex>
  );
};
