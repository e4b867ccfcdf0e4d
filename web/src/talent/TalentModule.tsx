// The talent pool (人才资源库) behind one navigation entry: the pool with its numbers, and the needs talents are
// suggested for; a profile opens in a drawer named by ?profile=, over either tab.
import { useState } from 'react';
import { Card, Flex, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { NeedsTab } from './NeedsTab';
import { PoolTab } from './PoolTab';
import { ProfileDrawer } from './ProfileDrawer';

const TABS = ['pool', 'needs'] as const;
type TabKey = (typeof TABS)[number];
const isTab = (v: string | null): v is TabKey => TABS.some((k) => k === v);

export const TalentModule = () => {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: TabKey = isTab(tabParam) ? tabParam : 'pool';
  const profileId = params.get('profile') ?? undefined;
  // Bumped when a profile or an assignment changes, so that lists showing it load again.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((n) => n + 1);
  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined) {
      next.delete(key);
    } else {
      next.set(key, value);
    }
    setParams(next);
  };
  const open = (id: string) => setParam('profile', id);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('talent.title')}
      </Typography.Title>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParam('tab', key === 'pool' ? undefined : key)}
          items={[
            {
              key: 'pool',
              label: <span data-testid="talent-tab-pool">{t('talent.tabs.pool')}</span>,
              children: <PoolTab version={version} onOpen={open} onChanged={changed} />,
            },
            {
              key: 'needs',
              label: <span data-testid="talent-tab-needs">{t('talent.tabs.needs')}</span>,
              children: (
                <NeedsTab
                  needParam={params.get('need')}
                  version={version}
                  onPick={(need) => setParam('need', need)}
                  onOpen={open}
                  onAssigned={changed}
                />
              ),
            },
          ]}
        />
      </Card>
      {profileId === undefined ? null : (
        <ProfileDrawer
          key={profileId}
          id={profileId}
          onClose={() => setParam('profile', undefined)}
          onChanged={changed}
        />
      )}
    </Flex>
  );
};
