// A coloured tag for an organisation level.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgLevel } from '../api/types';
import { levelLabel } from './labels';

const colours: Record<OrgLevel, string> = {
  district: 'red',
  town: 'volcano',
  village: 'orange',
  branch: 'gold',
  group: 'lime',
  department: 'blue',
  unit: 'geekblue',
  newField: 'purple',
};

export const OrgLevelTag = ({ level }: { level: OrgLevel }) => {
  const { t } = useTranslation();
  return (
    <Tag color={colours[level]} variant="filled" style={{ marginInlineEnd: 0 }}>
      {levelLabel(t, level)}
    </Tag>
  );
};
