// The on-site check-in for the activity's screen: the QR code of the member's check-in page, with the code to type.
import { useState } from 'react';
import { Button, Card, Flex, Modal, QRCode, Typography } from 'antd';
import { FullscreenOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { myPaths } from './api';

export const CheckInPanel = ({
  activityId,
  token,
  title,
}: {
  activityId: string;
  token: string;
  title: string;
}) => {
  const { t } = useTranslation();
  const [isBig, setIsBig] = useState(false);
  const link = `${window.location.origin}${myPaths.checkIn(activityId, token)}`;
  return (
    <Card
      title={t('volunteers.activity.checkInTitle')}
      extra={
        <Button icon={<FullscreenOutlined />} onClick={() => setIsBig(true)}>
          {t('volunteers.activity.fullScreen')}
        </Button>
      }
    >
      <Flex gap={16} align="center" wrap>
        <QRCode value={link} size={180} bordered={false} />
        <Flex vertical gap={8} style={{ flex: 1, minWidth: 220 }}>
          <Typography.Text type="secondary">{t('volunteers.activity.checkInHint')}</Typography.Text>
          <Typography.Text strong>{t('volunteers.activity.checkInCode')}</Typography.Text>
          <Typography.Text code copyable style={{ fontSize: 20 }} data-testid="activity-token">
            {token}
          </Typography.Text>
          <Typography.Text strong>{t('volunteers.activity.checkInLink')}</Typography.Text>
          <Typography.Link href={link} copyable={{ text: link }} style={{ wordBreak: 'break-all' }}>
            {link}
          </Typography.Link>
        </Flex>
      </Flex>
      <Modal
        open={isBig}
        footer={null}
        width="100vw"
        style={{ top: 0, maxWidth: '100vw', padding: 0 }}
        styles={{ body: { minHeight: 'calc(100vh - 48px)' } }}
        onCancel={() => setIsBig(false)}
        closable={{ 'aria-label': t('volunteers.activity.exitFullScreen') }}
      >
        <Flex vertical align="center" justify="center" gap={24} style={{ minHeight: 'calc(100vh - 96px)' }}>
          <Typography.Title level={2} style={{ margin: 0, textAlign: 'center' }}>
            {title}
          </Typography.Title>
          <Typography.Title level={4} type="secondary" style={{ margin: 0 }}>
            {t('volunteers.activity.checkInTitle')}
          </Typography.Title>
          <QRCode value={link} size={Math.min(560, window.innerHeight - 280)} bordered={false} />
          <Typography.Text code style={{ fontSize: 32 }}>
            {token}
          </Typography.Text>
        </Flex>
      </Modal>
    </Card>
  );
};
