// The desk of a community, town or district: one tab per part of the work (certificates, employer feedback, sunshine
// relief and the unregistered list among them), over the subtree of a chosen organisation (the caller's own by
// default).
import { Card, Flex, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../cases/OrgSelect';
import { ActivitiesTab } from './ActivitiesTab';
import { CertificatesTab } from './CertificatesTab';
import { EmployerTab } from './EmployerTab';
import { LedgerTab } from './LedgerTab';
import { NumbersTab } from './NumbersTab';
import { PostsTab } from './PostsTab';
import { RegistrationsTab } from './RegistrationsTab';
import { ReliefTab } from './ReliefTab';
import { UnregisteredTab } from './UnregisteredTab';
import { useCommunities } from './useCommunities';

const TABS = [
  'registrations',
  'posts',
  'activities',
  'numbers',
  'ledger',
  'certificates',
  'employer',
  'relief',
  'unregistered',
] as const;
type TabKey = (typeof TABS)[number];
const isTab = (value: string | null): value is TabKey => TABS.some((k) => k === value);

export const DeskPage = () => {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  // The command view links here with ?orgId=<unit> (and no tab): the scope set to that unit, on its numbers.
  const linkedOrgId = params.get('orgId') ?? undefined;
  const tabParam = params.get('tab');
  const tab: TabKey = isTab(tabParam) ? tabParam : linkedOrgId === undefined ? 'registrations' : 'numbers';
  const orgId = params.get('org') ?? linkedOrgId;
  const communities = useCommunities();
  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    // Spell a linked ?orgId= as the desk's own ?org= and ?tab= once anything changes, so the address stays in step.
    if (linkedOrgId !== undefined) {
      next.delete('orgId');
      next.set('org', orgId ?? linkedOrgId);
      if (tab !== 'registrations') {
        next.set('tab', tab);
      }
    }
    if (value === undefined) {
      next.delete(key);
    } else {
      next.set(key, value);
    }
    setParams(next);
  };
  const body = (key: TabKey) => {
    switch (key) {
      case 'registrations':
        return <RegistrationsTab orgId={orgId} communities={communities} />;
      case 'posts':
        return <PostsTab orgId={orgId} communities={communities} />;
      case 'activities':
        return <ActivitiesTab orgId={orgId} communities={communities} />;
      case 'numbers':
        return <NumbersTab orgId={orgId} communities={communities} />;
      case 'ledger':
        return <LedgerTab orgId={orgId} />;
      case 'certificates':
        return <CertificatesTab orgId={orgId} />;
      case 'employer':
        return <EmployerTab />;
      case 'relief':
        return <ReliefTab orgId={orgId} />;
      case 'unregistered':
        return <UnregisteredTab orgId={orgId} />;
    }
  };
  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('volunteers.title')}
        </Typography.Title>
        <Flex align="center" gap={8}>
          <Typography.Text type="secondary">{t('volunteers.scope')}</Typography.Text>
          <OrgSelect
            value={orgId}
            onChange={(id) => setParam('org', id)}
            placeholder={t('volunteers.scopeOwn')}
            isDistrictPickable
            testId="volunteer-scope"
            style={{ width: 260 }}
          />
        </Flex>
      </Flex>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParam('tab', key === 'registrations' ? undefined : key)}
          destroyOnHidden
          items={TABS.map((key) => ({ key, label: t(`volunteers.tabs.${key}`), children: body(key) }))}
        />
      </Card>
    </Flex>
  );
};
