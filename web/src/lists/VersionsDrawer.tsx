// The versions of one list, newest first, and the items as a version read.
import { useState } from 'react';
import { Button, Drawer, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { useIsMobile } from '../common/useMediaQuery';
import { useLoader } from '../common/useLoader';
import { fetchVersion, fetchVersions, type ListItem, type ListVersion } from './api';
import { StatusTag } from './ItemDetail';
import { formatDateTimeShort, kindColour, kindLabel, limitLabel } from './labels';

const Snapshot = ({
  target,
  version,
}: {
  target: { ownerOrgId: string; level: string };
  version: number;
}) => {
  const { t } = useTranslation();
  const { data, error, isLoading, reload } = useLoader(
    (signal) => fetchVersion(target.ownerOrgId, target.level, version, signal),
    [target.ownerOrgId, target.level, version],
  );
  return (
    <>
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      <Table<ListItem>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('lists.form.kind'),
            dataIndex: 'kind',
            width: 110,
            render: (k: string) => <Tag color={kindColour(k)}>{kindLabel(t, k)}</Tag>,
          },
          { title: t('lists.list.code'), dataIndex: 'code', width: 100 },
          { title: t('lists.list.name'), dataIndex: 'title' },
          {
            title: t('lists.list.timeLimit'),
            key: 'limit',
            width: 120,
            render: (_: unknown, i) => limitLabel(t, i.timeLimit),
          },
          {
            title: t('lists.list.status'),
            key: 'status',
            width: 110,
            render: (_: unknown, i) => <StatusTag item={i} />,
          },
        ]}
      />
    </>
  );
};

export const VersionsDrawer = ({
  target,
  onClose,
}: {
  target: { ownerOrgId: string; level: string };
  onClose: () => void;
}) => {
  const { t, i18n } = useTranslation();
  const isMobile = useIsMobile();
  const [shown, setShown] = useState<number | null>(null);
  const { data, error, isLoading, reload } = useLoader(
    (signal) => fetchVersions(target.ownerOrgId, target.level, signal),
    [target.ownerOrgId, target.level],
  );
  return (
    <Drawer
      open
      onClose={onClose}
      size={isMobile ? '100%' : 760}
      title={shown === null ? t('lists.versions.title') : t('lists.versions.snapshot', { version: shown })}
      data-testid="versions-drawer"
    >
      {shown !== null ? (
        <Flex vertical gap={12}>
          <div>
            <Button onClick={() => setShown(null)}>{t('lists.versions.back')}</Button>
          </div>
          <Snapshot target={target} version={shown} />
        </Flex>
      ) : (
        <>
          {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
          <Table<ListVersion>
            rowKey="version"
            size="small"
            loading={isLoading}
            dataSource={data?.items ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: t('lists.versions.empty') }}
            columns={[
              { title: t('lists.versions.version'), dataIndex: 'version', width: 70 },
              {
                title: t('lists.versions.createdAt'),
                dataIndex: 'createdAt',
                width: 160,
                render: (v: number) => formatDateTimeShort(v, i18n.language),
              },
              {
                title: t('lists.versions.note'),
                dataIndex: 'note',
                render: (v: string) => <Typography.Text>{v}</Typography.Text>,
              },
              { title: t('lists.versions.catalogueVersion'), dataIndex: 'catalogueVersion', width: 110 },
              {
                key: 'view',
                width: 70,
                render: (_: unknown, v) => (
                  <Button type="link" size="small" onClick={() => setShown(v.version)}>
                    {t('lists.versions.view')}
                  </Button>
                ),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
};
