// Organisations: search and lazy tree on one side, the selected organisation's detail on the other.
import { useCallback, useState } from 'react';
import { Card, Col, Empty, Flex, Row, Spin } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { fetchOrg } from '../api/orgs';
import { ProblemAlert } from '../common/ProblemAlert';
import { useIsMobile } from '../common/useMediaQuery';
import { useLoader } from '../common/useLoader';
import { OrgDetailPanel } from './OrgDetailPanel';
import { OrgSearch } from './OrgSearch';
import { OrgTree } from './OrgTree';

export const OrgsPage = () => {
  const { t } = useTranslation();
  const { id } = useParams<{ id?: string }>();
  const selectedId = id ?? null;
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [treeVersion, setTreeVersion] = useState(0);
  const detail = useLoader(
    (signal) =>
      selectedId === null ? Promise.resolve(null) : fetchOrg(selectedId, signal).then((r) => r.item),
    [selectedId],
  );
  const open = useCallback(
    (orgId: string) => {
      void navigate(`/orgs/${encodeURIComponent(orgId)}`);
      if (isMobile) {
        window.scrollTo({ top: 0, behavior: 'smooth' });
      }
    },
    [navigate, isMobile],
  );
  const current =
    detail.data !== undefined && detail.data !== null && detail.data.id === selectedId ? detail.data : null;

  const detailPane = (() => {
    if (selectedId === null) {
      return (
        <Card>
          <Empty description={t('orgs.selectHint')} />
        </Card>
      );
    }
    if (detail.error !== undefined) {
      return <ProblemAlert error={detail.error} onRetry={detail.reload} />;
    }
    if (current === null) {
      return (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      );
    }
    return (
      <OrgDetailPanel
        org={current}
        onChanged={(changedId) => {
          setTreeVersion((v) => v + 1);
          if (changedId === selectedId) {
            detail.reload();
          } else {
            open(changedId);
          }
        }}
      />
    );
  })();

  return (
    <Row gutter={[16, 16]}>
      <Col xs={{ span: 24, order: selectedId === null ? 1 : 2 }} md={{ span: 9, order: 1 }} xl={7}>
        <Card title={t('orgs.tree')} size="small" styles={{ body: { padding: 12 } }}>
          <Flex vertical gap={12}>
            <OrgSearch onPick={open} />
            <OrgTree
              key={treeVersion}
              selectedId={selectedId}
              ancestors={current === null ? null : current.ancestors}
              onSelect={open}
              height={isMobile ? 360 : 640}
            />
          </Flex>
        </Card>
      </Col>
      <Col xs={{ span: 24, order: selectedId === null ? 2 : 1 }} md={{ span: 15, order: 2 }} xl={17}>
        {detailPane}
      </Col>
    </Row>
  );
};
