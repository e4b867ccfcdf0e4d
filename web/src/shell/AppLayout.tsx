// The console frame: side menu (a drawer on phones), header with scope, language and user, and the page outlet.
import { useState } from 'react';
import { Button, Drawer, Flex, Layout, Menu, Typography } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/useAuth';
import { useIsMobile } from '../common/useMediaQuery';
import { moduleForPath, visibleModules } from '../modules';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from '../notifications/NotificationBell';
import { ScopeSwitcher } from './ScopeSwitcher';
import { UserMenu } from './UserMenu';
import { CalendarBanner } from '../calendar/CalendarAlerts';
import { ForcedPasswordChange } from '../login/ChangePasswordForm';

const NavMenu = ({ onNavigate }: { onNavigate?: () => void }) => {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const entries = visibleModules(me.abilities);
  const active = moduleForPath(location.pathname);
  return (
    <Menu
      mode="inline"
      aria-label={t('nav.menu')}
      selectedKeys={active === undefined ? [] : [active.key]}
      style={{ borderInlineEnd: 'none' }}
      items={entries.map((entry) => ({
        key: entry.key,
        icon: entry.icon,
        label: t(`nav.${entry.labelKey}`),
        'data-testid': `nav-${entry.key}`,
      }))}
      onClick={({ key }) => {
        const entry = entries.find((e) => e.key === key);
        if (entry !== undefined) {
          void navigate(entry.path);
          onNavigate?.();
        }
      }}
    />
  );
};

export const AppLayout = () => {
  const { t } = useTranslation();
  const me = useMe();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const location = useLocation();
  const [isCollapsed, setIsCollapsed] = useState(false);
  const [isDrawerOpen, setIsDrawerOpen] = useState(false);

  // After a scope switch a record page may point outside the new scope, so go back to the module's start.
  const onScopeSwitched = () => {
    const active = moduleForPath(location.pathname);
    if (active !== undefined && active.path !== location.pathname) {
      void navigate(active.path);
    }
  };

  // After an administrator's reset every other API answers 403 until the password is changed.
  if (me.mustChangePassword) {
    return <ForcedPasswordChange />;
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isMobile ? (
        <Drawer
          placement="left"
          open={isDrawerOpen}
          onClose={() => setIsDrawerOpen(false)}
          size={260}
          title={<Brand />}
          styles={{ body: { padding: 0 } }}
        >
          <NavMenu onNavigate={() => setIsDrawerOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider
          collapsible
          collapsed={isCollapsed}
          onCollapse={setIsCollapsed}
          width={220}
          theme="light"
          style={{
            borderInlineEnd: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            height: '100vh',
            overflow: 'auto',
          }}
        >
          <div
            style={{ padding: isCollapsed ? '16px 24px' : '16px 20px', borderBottom: '1px solid #f0f0f0' }}
          >
            <Brand isCompact={isCollapsed} />
          </div>
          <NavMenu />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            borderBottom: '1px solid #f0f0f0',
            borderTop: '3px solid #c8161d',
            paddingInline: isMobile ? 8 : 16,
            height: 56,
            lineHeight: '56px',
          }}
        >
          <Flex align="center" gap={isMobile ? 4 : 12} style={{ height: '100%' }}>
            {isMobile ? (
              <Button
                type="text"
                data-testid="nav-toggle"
                aria-label={t('nav.openMenu')}
                icon={<MenuOutlined />}
                onClick={() => setIsDrawerOpen(true)}
              />
            ) : (
              <Typography.Text type="secondary">{t('scope.label')}</Typography.Text>
            )}
            <ScopeSwitcher key={me.activeAssignmentId} onSwitched={onScopeSwitched} isBlock={isMobile} />
            {isMobile ? null : <div style={{ flex: 1 }} />}
            <NotificationBell />
            <LanguageSwitch />
            <UserMenu isCompact={isMobile} />
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: isMobile ? 12 : 24, minWidth: 0 }}>
          <CalendarBanner key={`calendar-${me.activeAssignmentId}`} />
          {/* Remount pages on a scope switch so every page loads its data again in the new scope. */}
          <Outlet key={me.activeAssignmentId} />
        </Layout.Content>
        <Layout.Footer
          style={{ textAlign: 'center', padding: isMobile ? '12px' : '16px 24px', fontSize: 12 }}
        >
          <Typography.Text type="secondary">
            {t('app.name')} · {t('app.subtitle')} · {t('app.district')}
          </Typography.Text>
        </Layout.Footer>
      </Layout>
    </Layout>
  );
};
