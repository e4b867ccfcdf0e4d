// A town command centre names its leader in charge (分管领导) of each platform; cases of that platform then name the
// leader as a responsible party. Served at /cases/town-leaders for the active town scope (or ?townId= for a
// district command centre following a link).
import { useState } from 'react';
import { App, Button, Card, Flex, List, Select, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAbility, useActiveAssignment } from '../auth/useAuth';
import { ProblemAlert } from '../common/ProblemAlert';
import { ForbiddenPage } from '../common/StatusPages';
import { useLoader } from '../common/useLoader';
import { fetchTownLeaders, saveTownLeader, type TownLeaderBody, type TownLeaders } from './api';
import { platformKeys, platformLabel } from './labels';

/** The select's value for "no leader named": the town command centre's account answers. */
const DEFAULT = '';

type Platform = TownLeaderBody['platform'];
const isPlatform = (value: string): value is Platform => platformKeys.some((p) => p === value);

const TownLeadersCard = ({ townId }: { townId: string }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const loaded = useLoader((signal) => fetchTownLeaders(townId, signal), [townId]);
  const [saved, setSaved] = useState<TownLeaders | null>(null);
  const [saving, setSaving] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const data = saved ?? loaded.data;

  const save = async (platform: Platform, value: string) => {
    setSaving(platform);
    setError(undefined);
    try {
      setSaved(await saveTownLeader(townId, { platform, userId: value === DEFAULT ? null : value }));
      void message.success(t('cases.townLeaders.saved', { platform: platformLabel(t, platform) }));
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(null);
    }
  };

  if (loaded.error !== undefined) {
    return <ProblemAlert error={loaded.error} onRetry={loaded.reload} />;
  }
  const options = [
    { value: DEFAULT, label: t('cases.townLeaders.byDefault') },
    ...(data?.candidates ?? []).map((c) => ({ value: c.id, label: c.displayName })),
  ];
  return (
    <Card
      size="small"
      title={t('cases.townLeaders.title')}
      loading={data === undefined}
      data-testid="town-leaders"
    >
      {data === undefined ? null : (
        <Flex vertical gap={8}>
          <Typography.Text strong>{t('cases.townLeaders.subtitle', { town: data.townName })}</Typography.Text>
          <Typography.Text type="secondary">{t('cases.townLeaders.hint')}</Typography.Text>
          {error === undefined ? null : <ProblemAlert error={error} />}
          <List
            size="small"
            dataSource={data.items}
            renderItem={(item) => (
              <List.Item
                key={item.platform}
                data-testid={`town-leader-${item.platform}`}
                style={{ paddingInline: 0 }}
              >
                <Flex gap={8} wrap align="center" justify="space-between" style={{ width: '100%' }}>
                  <Flex vertical gap={2} style={{ minWidth: 0 }}>
                    <Typography.Text strong>{platformLabel(t, item.platform)}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('cases.townLeaders.current', { name: item.displayName ?? t('common.none') })}
                      {item.isChosen ? null : (
                        <Tag style={{ marginInlineStart: 8 }}>{t('cases.townLeaders.byDefault')}</Tag>
                      )}
                    </Typography.Text>
                  </Flex>
                  <Select
                    aria-label={`${platformLabel(t, item.platform)} ${t('cases.townLeaders.leader')}`}
                    style={{ width: 220, maxWidth: '100%' }}
                    showSearch={{ optionFilterProp: 'label' }}
                    value={item.isChosen && item.userId !== null ? item.userId : DEFAULT}
                    options={options}
                    loading={saving === item.platform}
                    disabled={saving !== null}
                    data-testid={`town-leader-select-${item.platform}`}
                    onChange={(value: string) => {
                      if (isPlatform(item.platform)) {
                        void save(item.platform, value);
                      }
                    }}
                  />
                </Flex>
              </List.Item>
            )}
          />
        </Flex>
      )}
    </Card>
  );
};

export const TownLeadersPage = () => {
  const { t } = useTranslation();
  const canCommand = useAbility('case.command');
  const assignment = useActiveAssignment();
  const [params] = useSearchParams();
  const townId = params.get('townId') ?? (assignment?.orgLevel === 'town' ? assignment.orgId : null);
  if (!canCommand) {
    return <ForbiddenPage />;
  }
  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={8}>
        <Link to="/cases">
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('cases.townLeaders.back')} />
        </Link>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('cases.townLeaders.title')}
        </Typography.Title>
      </Flex>
      {townId === null ? (
        <Typography.Paragraph data-testid="town-leaders-not-town">
          {t('cases.townLeaders.notTown')}
        </Typography.Paragraph>
      ) : (
        <TownLeadersCard key={townId} townId={townId} />
      )}
    </Flex>
  );
};
