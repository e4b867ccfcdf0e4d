// Picks any organisation inside the caller's scope from a lazily loaded tree (towns, villages, branches, departments).
import { useEffect, useState } from 'react';
import { TreeSelect } from 'antd';
import { fetchOrgChildren, fetchRootOrgs } from '../api/orgs';
import type { Org } from '../api/types';

type Node = {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
  disabled: boolean;
};

const toNode = (org: Org, parentId: string | null, levels: readonly string[] | null): Node => ({
  id: org.id,
  pId: parentId,
  value: org.id,
  title: org.name,
  isLeaf: org.childCount === 0,
  disabled: levels !== null && !levels.includes(org.level),
});

type Props = {
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  /** Only these levels may be chosen (the others open to reach their children); null for any. */
  levels?: readonly string[] | null;
  testId?: string;
  style?: React.CSSProperties;
};

export const OrgPicker = ({ value, onChange, placeholder, levels = null, testId, style }: Props) => {
  const [nodes, setNodes] = useState<Node[]>([]);
  const levelKey = levels?.join(',') ?? '';

  useEffect(() => {
    const controller = new AbortController();
    fetchRootOrgs(controller.signal).then(
      (r) => setNodes(r.items.map((o) => toNode(o, null, levels))),
      () => setNodes([]),
    );
    return () => {
      controller.abort();
    };
    // Levels are compared by value, not by array identity.
  }, [levelKey]);

  const loadChildren = async (parentId: string) => {
    const page = await fetchOrgChildren(parentId, { limit: 200 });
    setNodes((prev) => [
      ...prev,
      ...page.items.filter((o) => !prev.some((n) => n.id === o.id)).map((o) => toNode(o, parentId, levels)),
    ]);
  };

  return (
    <TreeSelect
      data-testid={testId}
      style={{ minWidth: 220, ...style }}
      treeDataSimpleMode
      treeData={nodes}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      placeholder={placeholder}
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      loadData={(node) => loadChildren(String(node.value))}
    />
  );
};
