// One assessment year: its sheets ranked, the stars awarded and on the map by town, the public notice with its
// objections, the people in charge ranked, and its tree.
import { Breadcrumb, Flex, Tabs, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { assessmentPaths } from './api';
import { AwardsTab } from './AwardsTab';
import { LeadersTab } from './LeadersTab';
import { NoticesTab } from './NoticesTab';
import { SheetsTab } from './SheetsTab';
import { StarsMapTab } from './StarsMapTab';
import { TreeView } from './TreePage';

const tabs = ['sheets', 'awards', 'map', 'notices', 'leaders', 'tree'] as const;
type TabKey = (typeof tabs)[number];
const isTab = (v: string | null): v is TabKey => tabs.some((t) => t === v);

export const CyclePage = ({ year }: { year: number }) => {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: TabKey = isTab(raw) ? raw : 'sheets';
  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { title: <Link to={assessmentPaths.cycles}>{t('assessment.title')}</Link> },
          { title: t('assessment.cycle.title', { year }) },
        ]}
      />
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('assessment.cycle.title', { year })}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          // The unit the sheets are narrowed to (?orgId=) stays when the tab changes.
          const next = new URLSearchParams(params);
          if (key === 'sheets') {
            next.delete('tab');
          } else {
            next.set('tab', key);
          }
          setParams(next, { replace: true });
        }}
        destroyOnHidden
        items={[
          { key: 'sheets', label: t('assessment.cycle.tabSheets'), children: <SheetsTab year={year} /> },
          { key: 'awards', label: t('assessment.cycle.tabAwards'), children: <AwardsTab year={year} /> },
          { key: 'map', label: t('assessment.cycle.tabMap'), children: <StarsMapTab year={year} /> },
          { key: 'notices', label: t('assessment.cycle.tabNotices'), children: <NoticesTab year={year} /> },
          { key: 'leaders', label: t('assessment.cycle.tabLeaders'), children: <LeadersTab year={year} /> },
          { key: 'tree', label: t('assessment.cycle.tabTree'), children: <TreeView year={year} /> },
        ]}
      />
    </Flex>
  );
};
