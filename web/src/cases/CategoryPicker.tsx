// The three-level category tree as a searchable tree select; only leaves can be chosen unless every level may be.
import { TreeSelect } from 'antd';
import type { Category } from './api';

type TreeNode = { value: string; title: string; selectable: boolean; children: TreeNode[] };

export const categoryTree = (items: readonly Category[], isLeafOnly: boolean): TreeNode[] => {
  const byParent = new Map<string | null, Category[]>();
  for (const c of items) {
    const list = byParent.get(c.parentCode) ?? [];
    list.push(c);
    byParent.set(c.parentCode, list);
  }
  const build = (parent: string | null): TreeNode[] =>
    (byParent.get(parent) ?? []).map((c) => {
      const children = build(c.code);
      return {
        value: c.code,
        title: c.name,
        selectable: !isLeafOnly || children.length === 0,
        children,
      };
    });
  return build(null);
};

type Props = {
  items: readonly Category[];
  value?: string;
  onChange?: (code: string | undefined) => void;
  isLeafOnly?: boolean;
  placeholder?: string;
  testId?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
};

export const CategoryPicker = ({
  items,
  value,
  onChange,
  isLeafOnly = true,
  placeholder,
  testId,
  allowClear = true,
  style,
}: Props) => (
  <TreeSelect<string>
    data-testid={testId}
    value={value}
    onChange={(v) => onChange?.(v)}
    treeData={categoryTree(items, isLeafOnly)}
    showSearch={{ treeNodeFilterProp: 'title' }}
    allowClear={allowClear}
    placeholder={placeholder}
    style={{ width: '100%', ...style }}
    listHeight={320}
    popupMatchSelectWidth={false}
  />
);
