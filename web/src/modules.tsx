// The navigation registry: one entry per domain module; the shell builds the menu and the routes from it.
import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BellOutlined,
  BarChartOutlined,
  BorderInnerOutlined,
  CalendarOutlined,
  CommentOutlined,
  CompassOutlined,
  FileSearchOutlined,
  ProfileOutlined,
  HomeOutlined,
  TeamOutlined,
  LinkOutlined,
  SendOutlined,
  SolutionOutlined,
  UserSwitchOutlined,
  NodeIndexOutlined,
  HeartOutlined,
  SmileOutlined,
  TrophyOutlined,
  FormOutlined,
  FundProjectionScreenOutlined,
  StarOutlined,
} from '@ant-design/icons';
import type { Messages } from './i18n/messages';
import { OverviewPage } from './overview/OverviewPage';
import { OrgsPage } from './orgs/OrgsPage';
import { MembersModule } from './members/MembersModule';
import { HouseholdsPage } from './households/HouseholdsPage';
import { AuditPage } from './audit/AuditPage';
import { GridsPage } from './grids/GridsPage';
import { PatrolPage } from './patrol/PatrolPage';
import { NotificationsPage } from './notifications/NotificationsPage';
import { CasesModule } from './cases/CasesModule';
import { IndicatorsPage } from './indicators/IndicatorsPage';
import { CataloguePage } from './catalogue/CataloguePage';
import { WebhooksPage } from './notifications/WebhooksPage';
import { CalendarPage } from './calendar/CalendarPage';
import { UsersModule } from './users/UsersModule';
import { LinkagePage } from './linkage/LinkagePage';
import { ConsultationsModule } from './consultations/ConsultationsModule';
import { AssessmentModule } from './assessment/AssessmentModule';
import { ListsModule } from './lists/ListsModule';
import { VolunteersModule } from './volunteers/VolunteersModule';
import { MyVolunteeringModule } from './volunteers/MyVolunteeringModule';
import { SurveysModule } from './surveys/SurveysModule';
import { CommandModule } from './command/CommandModule';
import { AllianceModule } from './alliance/AllianceModule';
import { TalentModule } from './talent/TalentModule';

export type NavLabelKey = Exclude<keyof Messages['nav'], 'menu' | 'openMenu'>;

export type ModuleEntry = {
  key: string;
  /** Where the menu item leads; also the prefix that marks the item active. */
  path: string;
  /** Route patterns served by this module. */
  routes: string[];
  icon: ReactNode;
  labelKey: NavLabelKey;
  /** The ability the server must grant for the entry to appear; null for every signed-in user. */
  ability: string | null;
  element: ReactNode;
};

export const modules: ModuleEntry[] = [
  {
    key: 'overview',
    path: '/',
    routes: ['/'],
    icon: <HomeOutlined />,
    labelKey: 'overview',
    ability: null,
    element: <OverviewPage />,
  },
  {
    key: 'command',
    path: '/command',
    routes: ['/command', '/command/:page'],
    icon: <FundProjectionScreenOutlined />,
    labelKey: 'dashboard',
    ability: 'command.read',
    element: <CommandModule />,
  },
  {
    key: 'orgs',
    path: '/orgs',
    routes: ['/orgs/:id?'],
    icon: <ApartmentOutlined />,
    labelKey: 'orgs',
    ability: 'org.read',
    element: <OrgsPage />,
  },
  {
    key: 'members',
    path: '/members',
    routes: ['/members', '/members/import', '/members/:id'],
    icon: <TeamOutlined />,
    labelKey: 'members',
    ability: 'member.read',
    element: <MembersModule />,
  },
  {
    key: 'households',
    path: '/households',
    routes: ['/households'],
    icon: <LinkOutlined />,
    labelKey: 'households',
    ability: 'household.read',
    element: <HouseholdsPage />,
  },
  {
    key: 'linkage',
    path: '/linkage',
    routes: ['/linkage'],
    icon: <NodeIndexOutlined />,
    labelKey: 'linkage',
    ability: 'linkage.read',
    element: <LinkagePage />,
  },
  {
    key: 'grids',
    path: '/grids',
    routes: ['/grids/:id?'],
    icon: <BorderInnerOutlined />,
    labelKey: 'grids',
    ability: 'grid.read',
    element: <GridsPage />,
  },
  {
    key: 'patrol',
    path: '/patrol',
    routes: ['/patrol'],
    icon: <CompassOutlined />,
    labelKey: 'patrol',
    ability: 'patrol.own',
    element: <PatrolPage />,
  },
  {
    key: 'cases',
    path: '/cases',
    routes: ['/cases', '/cases/:id'],
    icon: <FileSearchOutlined />,
    labelKey: 'cases',
    ability: 'case.read',
    element: <CasesModule />,
  },
  {
    key: 'consultations',
    path: '/consultations',
    routes: ['/consultations', '/consultations/:kind/:id'],
    icon: <CommentOutlined />,
    labelKey: 'consultations',
    ability: 'council.read',
    element: <ConsultationsModule />,
  },
  {
    key: 'assessment',
    path: '/assessment',
    routes: ['/assessment', '/assessment/:kind/:id'],
    icon: <TrophyOutlined />,
    labelKey: 'assessment',
    ability: 'assessment.read',
    element: <AssessmentModule />,
  },
  {
    key: 'alliance',
    path: '/alliance',
    routes: ['/alliance', '/alliance/:id'],
    icon: <ApartmentOutlined />,
    labelKey: 'alliance',
    ability: 'alliance.read',
    element: <AllianceModule />,
  },
  {
    key: 'volunteers',
    path: '/volunteers',
    routes: ['/volunteers', '/volunteers/activities/:id'],
    icon: <HeartOutlined />,
    labelKey: 'volunteers',
    ability: 'volunteer.read',
    element: <VolunteersModule />,
  },
  {
    key: 'talent',
    path: '/talent',
    routes: ['/talent'],
    icon: <StarOutlined />,
    labelKey: 'talent',
    ability: 'talent.read',
    element: <TalentModule />,
  },
  {
    key: 'myVolunteering',
    path: '/my/volunteering',
    routes: ['/my/volunteering', '/my/volunteering/:page/:id?'],
    icon: <SmileOutlined />,
    labelKey: 'myVolunteering',
    ability: 'volunteer.serve',
    element: <MyVolunteeringModule />,
  },
  {
    key: 'surveys',
    path: '/surveys',
    routes: ['/surveys', '/surveys/:id'],
    icon: <FormOutlined />,
    labelKey: 'surveys',
    ability: 'survey.read',
    element: <SurveysModule />,
  },
  {
    key: 'lists',
    path: '/lists',
    routes: ['/lists', '/lists/:page'],
    icon: <SolutionOutlined />,
    labelKey: 'lists',
    ability: 'list.read',
    element: <ListsModule />,
  },
  {
    key: 'indicators',
    path: '/indicators',
    routes: ['/indicators'],
    icon: <BarChartOutlined />,
    labelKey: 'indicators',
    ability: 'indicator.read',
    element: <IndicatorsPage />,
  },
  {
    key: 'catalogue',
    path: '/admin/catalogue',
    routes: ['/admin/catalogue'],
    icon: <ProfileOutlined />,
    labelKey: 'catalogue',
    ability: 'catalogue.write',
    element: <CataloguePage />,
  },
  {
    key: 'calendar',
    path: '/admin/calendar',
    routes: ['/admin/calendar'],
    icon: <CalendarOutlined />,
    labelKey: 'calendar',
    ability: 'calendar.write',
    element: <CalendarPage />,
  },
  {
    key: 'audit',
    path: '/audit',
    routes: ['/audit'],
    icon: <AuditOutlined />,
    labelKey: 'audit',
    ability: 'audit.read',
    element: <AuditPage />,
  },
  {
    key: 'notifications',
    path: '/notifications',
    routes: ['/notifications'],
    icon: <BellOutlined />,
    labelKey: 'notifications',
    ability: null,
    element: <NotificationsPage />,
  },
  {
    key: 'users',
    path: '/admin/users',
    routes: ['/admin/users', '/admin/users/new', '/admin/users/import', '/admin/users/:id'],
    icon: <UserSwitchOutlined />,
    labelKey: 'users',
    ability: 'admin.users',
    element: <UsersModule />,
  },
  {
    key: 'webhooks',
    path: '/admin/webhooks',
    routes: ['/admin/webhooks'],
    icon: <SendOutlined />,
    labelKey: 'webhooks',
    ability: 'admin.webhooks',
    element: <WebhooksPage />,
  },
];

export const visibleModules = (abilities: readonly string[]): ModuleEntry[] =>
  modules.filter((entry) => entry.ability === null || abilities.includes(entry.ability));

/** The module whose path is the longest prefix of the location. */
export const moduleForPath = (pathname: string): ModuleEntry | undefined => {
  let best: ModuleEntry | undefined;
  for (const entry of modules) {
    const isMatch =
      entry.path === '/'
        ? pathname === '/'
        : pathname === entry.path || pathname.startsWith(`${entry.path}/`);
    if (isMatch && (best === undefined || entry.path.length > best.path.length)) {
      best = entry;
    }
  }
  return best;
};
