// Import of list items from a spreadsheet into one list: upload, the dry run's row report, then commit, the way the
// roster import does it.
import { useState } from 'react';
import { Button, Drawer, Flex, Result, Steps, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/useAuth';
import { ProblemAlert } from '../common/ProblemAlert';
import { useIsMobile } from '../common/useMediaQuery';
import { uploadListImport, type ImportReport, type ListLevel } from './api';
import { ImportReportView } from '../common/ImportReportView';

export const ImportDrawer = ({
  target,
  listName,
  onClose,
  onCommitted,
}: {
  target: { ownerOrgId: string; level: ListLevel };
  listName: string;
  onClose: () => void;
  onCommitted: () => void;
}) => {
  const { t } = useTranslation();
  const me = useMe();
  const isMobile = useIsMobile();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const run = async (dryRun: boolean) => {
    if (file === null) {
      return;
    }
    setError(undefined);
    setIsBusy(true);
    try {
      const answer = await uploadListImport(target, file, dryRun, me.csrfToken);
      setReport(answer);
      if (answer.committed) {
        onCommitted();
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setIsBusy(false);
    }
  };
  const reset = () => {
    setFile(null);
    setReport(null);
  };
  const step = report === null ? 0 : report.committed ? 2 : 1;
  const isClean = report !== null && report.issueCount === 0;

  return (
    <Drawer
      open
      onClose={onClose}
      size={isMobile ? '100%' : 760}
      title={t('lists.imports.title')}
      data-testid="import-drawer"
    >
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          { title: t('lists.imports.stepUpload') },
          { title: t('lists.imports.stepCheck') },
          { title: t('lists.imports.stepDone') },
        ]}
      />
      {report?.committed === true ? (
        <Result
          status="success"
          title={t('lists.imports.committed', { total: report.total })}
          extra={[
            <Button key="again" onClick={reset}>
              {t('lists.imports.again')}
            </Button>,
            <Button key="close" type="primary" onClick={onClose}>
              {t('lists.imports.close')}
            </Button>,
          ]}
        />
      ) : (
        <Flex vertical gap={12}>
          <Typography.Text strong>{t('lists.imports.target', { list: listName })}</Typography.Text>
          <Typography.Text type="secondary">{t('lists.imports.hint')}</Typography.Text>
          <Flex gap={8} wrap align="center">
            <Upload
              accept=".xlsx,.csv"
              maxCount={1}
              beforeUpload={(f) => {
                setFile(f);
                setReport(null);
                return false;
              }}
              onRemove={reset}
              fileList={file === null ? [] : [{ uid: '1', name: file.name, status: 'done' }]}
            >
              <Button icon={<UploadOutlined />}>{t('lists.imports.pick')}</Button>
            </Upload>
            <Button
              type="primary"
              disabled={file === null || isBusy}
              loading={isBusy}
              onClick={() => void run(true)}
            >
              {t('lists.imports.check')}
            </Button>
            {isClean ? (
              <Button type="primary" danger disabled={isBusy} onClick={() => void run(false)}>
                {t('lists.imports.commit')}
              </Button>
            ) : null}
          </Flex>
          {error === undefined ? null : <ProblemAlert error={error} />}
          {report === null ? null : (
            <ImportReportView
              report={report}
              issuesTestId="import-issues"
              text={{
                ok: t('lists.imports.ok'),
                hasIssues: t('lists.imports.hasIssues'),
                total: t('lists.imports.total', {
                  total: report.total,
                  valid: report.valid,
                  issues: report.issueCount,
                }),
                row: t('lists.imports.row'),
                column: t('lists.imports.column'),
                reason: t('lists.imports.reason'),
                preview: t('lists.imports.preview'),
              }}
            />
          )}
        </Flex>
      )}
    </Drawer>
  );
};
