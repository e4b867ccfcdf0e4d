// Export of a subtree's members to .xlsx: asks for the reason the server records, then downloads.
import { useState } from 'react';
import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../auth/useAuth';
import { ReasonDialog } from '../common/ReasonDialog';
import { exportUrl } from './api';

export const ExportButton = ({ orgId }: { orgId: string }) => {
  const { t } = useTranslation();
  const canExport = useAbility('member.export');
  const [isOpen, setIsOpen] = useState(false);
  if (!canExport) {
    return null;
  }
  const download = (reason: string) => {
    const link = document.createElement('a');
    link.href = exportUrl(orgId, reason);
    link.download = '';
    document.body.append(link);
    link.click();
    link.remove();
  };
  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={() => setIsOpen(true)} data-testid="export-button">
        {t('orgSystem.members.export')}
      </Button>
      <ReasonDialog
        open={isOpen}
        title={t('orgSystem.members.exportTitle')}
        okText={t('orgSystem.members.export')}
        hint={t('orgSystem.members.exportHint')}
        hintType="info"
        onSubmit={download}
        onClose={() => setIsOpen(false)}
      />
    </>
  );
};
