// Shows a one-time password once, with a copy button; closing the dialog forgets it.
import { Alert, Button, Flex, Modal, Typography, message } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export const OneTimePasswordModal = ({
  username,
  password,
  onClose,
}: {
  username: string;
  password: string | null;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  return (
    <Modal
      open={password !== null}
      title={t('users.oneTimeTitle')}
      onCancel={onClose}
      onOk={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
    >
      <Flex vertical gap={12}>
        <Alert type="warning" showIcon title={t('users.oneTimeHint')} />
        <Typography.Text>{username}</Typography.Text>
        <Flex gap={8} align="center">
          <Typography.Text code style={{ fontSize: 20 }} data-testid="one-time-password">
            {password}
          </Typography.Text>
          <Button
            icon={<CopyOutlined />}
            onClick={() => {
              void navigator.clipboard
                .writeText(password ?? '')
                .then(() => message.success(t('users.copied')));
            }}
          >
            {t('users.copy')}
          </Button>
        </Flex>
      </Flex>
    </Modal>
  );
};
