// Party members of the caller's scope, with filters, import and (for those allowed) export.
import { Button, Card, Flex, Typography } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAbility, useActiveAssignment } from '../auth/useAuth';
import { ExportButton } from './ExportButton';
import { MemberTable } from './MemberTable';

export const MembersPage = () => {
  const { t } = useTranslation();
  const assignment = useActiveAssignment();
  const canImport = useAbility('member.write');
  return (
    <Card
      title={
        <Flex vertical>
          <span>{t('orgSystem.members.title')}</span>
          {assignment === null ? null : (
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {t('orgSystem.members.scopeHint', { org: assignment.orgName })}
            </Typography.Text>
          )}
        </Flex>
      }
      extra={
        <Flex gap={8} wrap>
          {canImport ? (
            <Link to="/members/import">
              <Button icon={<ImportOutlined />}>{t('orgSystem.members.import')}</Button>
            </Link>
          ) : null}
          {assignment === null ? null : <ExportButton orgId={assignment.orgId} />}
        </Flex>
      }
    >
      <MemberTable />
    </Card>
  );
};
