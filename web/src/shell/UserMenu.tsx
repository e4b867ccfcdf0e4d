// The signed-in user's name with a drop-down to change the password or sign out.
import { useState } from 'react';
import { Avatar, Button, Dropdown, Modal } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth, useMe } from '../auth/useAuth';
import { ChangePasswordForm } from '../login/ChangePasswordForm';

export const UserMenu = ({ isCompact = false }: { isCompact?: boolean }) => {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useAuth();
  const [isChangingPassword, setIsChangingPassword] = useState(false);
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'who', disabled: true, label: `${me.user.displayName} (${me.user.username})` },
            { type: 'divider' },
            {
              key: 'password',
              icon: <KeyOutlined />,
              label: <span data-testid="change-password-menu">{t('users.password.menu')}</span>,
            },
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
            } else if (key === 'password') {
              setIsChangingPassword(true);
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
      <Modal
        open={isChangingPassword}
        title={t('users.password.title')}
        footer={null}
        destroyOnHidden
        onCancel={() => setIsChangingPassword(false)}
      >
        <ChangePasswordForm onDone={() => setIsChangingPassword(false)} />
      </Modal>
    </>
  );
};
