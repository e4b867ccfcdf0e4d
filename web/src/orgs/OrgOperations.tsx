// Organisation operations for holders of 'org.write': create a sub-organisation, rename, move, merge, dissolve.
import { useState } from 'react';
import { Alert, App, Button, Dropdown, Form, Input, Modal, Select } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { writeOrg, type OrgWrite } from '../api/orgs';
import type { OrgDetail, OrgLevel } from '../api/types';
import { levelLabel, orgTypeLabel } from '../common/labels';
import { ProblemAlert } from '../common/ProblemAlert';
import { OrgPicker } from './OrgPicker';

type Op = OrgWrite['op'];

/** Which levels may sit under which, and their types: mirrors the server's rule for the form's choices only. */
const childLevels: Partial<Record<OrgLevel, { level: OrgLevel; types: string[] }[]>> = {
  district: [
    { level: 'town', types: ['street', 'town', 'farm'] },
    { level: 'department', types: ['districtDepartment'] },
    { level: 'unit', types: ['agency', 'school', 'hospital', 'enterprise', 'stateOwned'] },
    { level: 'newField', types: ['enterprise', 'socialOrg', 'school', 'hospital'] },
  ],
  town: [
    { level: 'village', types: ['community', 'village'] },
    { level: 'branch', types: ['branch'] },
    { level: 'unit', types: ['agency', 'school', 'hospital', 'enterprise', 'stateOwned'] },
    { level: 'newField', types: ['enterprise', 'socialOrg', 'school', 'hospital'] },
  ],
  village: [
    { level: 'branch', types: ['branch', 'gridBranch', 'retiredBranch'] },
    { level: 'group', types: ['group', 'buildingGroup'] },
    { level: 'newField', types: ['enterprise', 'socialOrg', 'school', 'hospital'] },
  ],
  branch: [{ level: 'group', types: ['group', 'buildingGroup'] }],
  newField: [{ level: 'branch', types: ['enterpriseBranch', 'branch', 'schoolBranch', 'hospitalBranch'] }],
  unit: [{ level: 'branch', types: ['branch', 'schoolBranch', 'hospitalBranch', 'enterpriseBranch'] }],
};

type Values = {
  name?: string;
  code?: string;
  level?: OrgLevel;
  type?: string;
  target?: string | null;
  reason?: string;
};

export const OrgOperations = ({ org, onChanged }: { org: OrgDetail; onChanged: (id: string) => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [op, setOp] = useState<Op | null>(null);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const level = Form.useWatch('level', form);
  const choices = childLevels[org.level] ?? [];
  const isActive = org.status === 'active';
  const isRoot = org.parentId === null;

  const open = (next: Op) => {
    form.resetFields();
    if (next === 'rename') {
      form.setFieldsValue({ name: org.name });
    }
    if (next === 'create' && choices[0] !== undefined) {
      form.setFieldsValue({ level: choices[0].level, type: choices[0].types[0] });
    }
    setError(undefined);
    setOp(next);
  };

  const submit = async () => {
    const v = await form.validateFields();
    if (op === null) {
      return;
    }
    const request: OrgWrite = (() => {
      switch (op) {
        case 'create':
          return {
            op,
            parentId: org.id,
            level: v.level ?? 'branch',
            type: v.type ?? 'branch',
            name: v.name ?? '',
            code: v.code === undefined || v.code === '' ? null : v.code,
          };
        case 'rename':
          return { op, id: org.id, name: v.name ?? '' };
        case 'move':
          return { op, id: org.id, parentId: v.target ?? '' };
        case 'merge':
          return { op, id: org.id, intoId: v.target ?? '' };
        case 'dissolve':
          return { op, id: org.id, reason: v.reason ?? '' };
      }
    })();
    setIsSaving(true);
    try {
      const { item } = await writeOrg(request);
      void message.success(t('orgSystem.ops.done'));
      setOp(null);
      onChanged(op === 'create' ? item.id : op === 'merge' ? (v.target ?? org.id) : org.id);
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };

  const title = op === null ? '' : t(`orgSystem.ops.${op}`);
  const typesOf = choices.find((c) => c.level === level)?.types ?? [];

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'create', label: t('orgSystem.ops.create'), disabled: !isActive || choices.length === 0 },
            { key: 'rename', label: t('orgSystem.ops.rename'), disabled: !isActive },
            { key: 'move', label: t('orgSystem.ops.move'), disabled: !isActive || isRoot },
            { key: 'merge', label: t('orgSystem.ops.merge'), disabled: !isActive || isRoot },
            {
              key: 'dissolve',
              label: t('orgSystem.ops.dissolve'),
              danger: true,
              disabled: !isActive || isRoot,
            },
          ],
          onClick: ({ key }) => open(key as Op),
        }}
      >
        <Button data-testid="org-actions">
          {t('orgSystem.ops.actions')} <DownOutlined />
        </Button>
      </Dropdown>
      <Modal
        open={op !== null}
        title={title}
        okText={t('orgSystem.ops.ok')}
        cancelText={t('orgSystem.ops.cancel')}
        confirmLoading={isSaving}
        onOk={() => void submit()}
        onCancel={() => setOp(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {op === 'merge' ? (
            <Alert
              type="warning"
              showIcon
              title={t('orgSystem.ops.mergeHint')}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          {op === 'dissolve' ? (
            <Alert
              type="warning"
              showIcon
              title={t('orgSystem.ops.dissolveHint')}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          {op === 'create' ? (
            <>
              <Form.Item name="level" label={t('orgSystem.ops.level')} rules={[{ required: true }]}>
                <Select
                  options={choices.map((c) => ({ value: c.level, label: levelLabel(t, c.level) }))}
                  onChange={(l: OrgLevel) =>
                    form.setFieldValue('type', choices.find((c) => c.level === l)?.types[0])
                  }
                />
              </Form.Item>
              <Form.Item name="type" label={t('orgSystem.ops.type')} rules={[{ required: true }]}>
                <Select options={typesOf.map((ty) => ({ value: ty, label: orgTypeLabel(t, ty) }))} />
              </Form.Item>
            </>
          ) : null}
          {op === 'create' || op === 'rename' ? (
            <Form.Item
              name="name"
              label={t('orgSystem.ops.name')}
              rules={[{ required: true, whitespace: true, message: t('orgSystem.ops.nameRequired') }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          ) : null}
          {op === 'create' ? (
            <Form.Item name="code" label={t('orgSystem.ops.code')}>
              <Input maxLength={40} />
            </Form.Item>
          ) : null}
          {op === 'move' || op === 'merge' ? (
            <Form.Item
              name="target"
              label={op === 'move' ? t('orgSystem.ops.newParent') : t('orgSystem.ops.mergeInto')}
              rules={[{ required: true, message: t('orgSystem.ops.pickOrg') }]}
            >
              <OrgPicker
                value={null}
                onChange={() => undefined}
                levels={op === 'merge' ? [org.level] : undefined}
              />
            </Form.Item>
          ) : null}
          {op === 'dissolve' ? (
            <Form.Item
              name="reason"
              label={t('orgSystem.ops.reason')}
              rules={[
                { required: true, min: 2, whitespace: true, message: t('orgSystem.ops.reasonRequired') },
              ]}
            >
              <Input.TextArea maxLength={500} rows={3} />
            </Form.Item>
          ) : null}
          {error === undefined ? null : <ProblemAlert error={error} />}
        </Form>
      </Modal>
    </>
  );
};
