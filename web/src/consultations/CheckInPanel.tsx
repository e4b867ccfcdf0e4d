// The room screen's check-in: the QR code of the public check-in link, drawn in the browser, with the link and code.
import { useState } from 'react';
import { Button, Card, Flex, Modal, QRCode, Typography } from 'antd';
import { FullscreenOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { publicPaths } from './api';

export const CheckInPanel = ({
  councilId,
  meetingId,
  token,
  title,
}: {
  councilId: string;
  meetingId: string;
  token: string;
  title: string;
}) => {
  const { t } = useTranslation();
  const [isBig, setIsBig] = useState(false);
  const link = `${window.location.origin}${publicPaths.checkIn(councilId, meetingId, token)}`;
  return (
    <Card
      title={t('consultations.meeting.checkInTitle')}
      extra={
        <Button icon={<FullscreenOutlined />} onClick={() => setIsBig(true)} data-testid="checkin-fullscreen">
          {t('consultations.meeting.fullScreen')}
        </Button>
      }
    >
      <Flex gap={16} align="center" wrap>
        <QRCode value={link} size={180} bordered={false} data-testid="checkin-qr" />
        <Flex vertical gap={8} style={{ flex: 1, minWidth: 220 }}>
          <Typography.Text type="secondary">{t('consultations.meeting.checkInHint')}</Typography.Text>
          <Typography.Text strong>{t('consultations.meeting.checkInCode')}</Typography.Text>
          <Typography.Text code copyable style={{ fontSize: 20 }} data-testid="checkin-token">
            {token}
          </Typography.Text>
          <Typography.Text strong>{t('consultations.meeting.checkInLink')}</Typography.Text>
          <Typography.Link
            href={link}
            target="_blank"
            copyable={{ text: link }}
            style={{ wordBreak: 'break-all' }}
          >
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
        closable={{ 'aria-label': t('consultations.meeting.exitFullScreen') }}
      >
        <Flex vertical align="center" justify="center" gap={24} style={{ minHeight: 'calc(100vh - 96px)' }}>
          <Typography.Title level={2} style={{ margin: 0, textAlign: 'center' }}>
            {title}
          </Typography.Title>
          <Typography.Title level={4} type="secondary" style={{ margin: 0 }}>
            {t('consultations.meeting.checkInTitle')}
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
