// The staff pages of the four lists behind one navigation entry: the lists, grid task admission and the grid
// worker's own tasks, as tabs with their own addresses.
import { Flex, Tabs, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useActiveAssignment } from '../auth/useAuth';
import { NotFoundPage } from '../common/StatusPages';
import { staffPaths } from './api';
import { AdmissionPage } from './AdmissionPage';
import { ListsPage } from './ListsPage';
import { MyTasksPage } from './MyTasksPage';

const pages = ['items', 'admission', 'my-tasks'] as const;
type Page = (typeof pages)[number];

const isPage = (v: string): v is Page => (pages as readonly string[]).includes(v);

const pathOf: Record<Page, string> = {
  items: staffPaths.items,
  admission: staffPaths.admission,
  'my-tasks': staffPaths.myTasks,
};

export const ListsModule = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { page } = useParams<{ page?: string }>();
  const active = useActiveAssignment();
  // A grid worker comes here for the tasks put on them; everyone else for the lists.
  const fallback: Page = active?.role === 'gridWorker' ? 'my-tasks' : 'items';
  const current = page === undefined ? fallback : page;
  if (!isPage(current)) {
    return <NotFoundPage />;
  }
  return (
    <Flex vertical gap={8}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('lists.title')}
      </Typography.Title>
      <Tabs
        activeKey={current}
        onChange={(key) => void navigate(pathOf[isPage(key) ? key : 'items'])}
        destroyOnHidden
        items={[
          { key: 'items', label: t('lists.tabs.lists'), children: <ListsPage /> },
          { key: 'admission', label: t('lists.tabs.admission'), children: <AdmissionPage /> },
          { key: 'my-tasks', label: t('lists.tabs.myTasks'), children: <MyTasksPage /> },
        ]}
      />
    </Flex>
  );
};
