// The signed-in user's name with a drop-down to sign out.
import { Avatar, Button, Dropdown } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth, useMe } from '../auth/useAuth';

export const UserMenu = ({ isCompact = false }: { isCompact?: boolean }) => {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useAuth();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'who', disabled: true, label: `${me.user.displayName} (${me.user.username})` },
          { type: 'divider' },
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            danger: true,
            label: <span data-testid="logout">{t('auth.logout')}</span>,
          },
        ],
        onClick: ({ key }) => {
          if (key === 'logout') {
            void logout();
          }
        },
      }}
    >
      <Button
        type="text"
        data-testid="user-menu"
        aria-label={t('auth.userMenu')}
        style={{ paddingInline: 4 }}
      >
        <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#c8161d' }} />
        {isCompact ? null : <span>{me.user.displayName}</span>}
      </Button>
    </Dropdown>
  );
};
