// The counts of an organisation as a grid of statistics; unknown count keys show as the raw key.
import { Card, Col, Empty, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { countLabel } from '../common/labels';

export const OrgStats = ({ counts }: { counts: Record<string, number> }) => {
  const { t, i18n } = useTranslation();
  const entries = Object.entries(counts);
  if (entries.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orgs.noCounts')} />;
  }
  const format = new Intl.NumberFormat(i18n.language);
  return (
    <Row gutter={[12, 12]} data-testid="org-counts">
      {entries.map(([key, value]) => (
        <Col key={key} xs={12} sm={8} lg={6} xl={4}>
          <Card size="small" variant="borderless" style={{ background: '#fff7f6' }}>
            <Statistic title={countLabel(t, key)} value={value} formatter={() => format.format(value)} />
          </Card>
        </Col>
      ))}
    </Row>
  );
};
