// The linkage view (联动): central households of the caller's scope and the households each serves.
import { Alert, Card } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { CentralHouseholdList } from './CentralHouseholdList';

export const HouseholdsPage = () => {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <Card title={t('orgSystem.households.title')}>
      <Alert type="info" showIcon title={t('orgSystem.households.hint')} style={{ marginBottom: 12 }} />
      <CentralHouseholdList orgId={params.get('org') ?? undefined} openId={params.get('central')} />
    </Card>
  );
};
