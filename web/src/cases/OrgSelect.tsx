// Picks a town or village inside the caller's scope from a lazily loaded tree.
import { useEffect, useState } from 'react';
import { TreeSelect } from 'antd';
import { fetchOrg, fetchOrgChildren, fetchRootOrgs } from '../api/orgs';
import type { Org } from '../api/types';

type Node = {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
  selectable: boolean;
};

const PLACE_LEVELS = ['district', 'town', 'village'];

const toNode = (org: Org, parentId: string | null, isPickable: (o: Org) => boolean): Node => ({
  id: org.id,
  pId: parentId,
  value: org.id,
  title: org.name,
  isLeaf: org.level === 'village' || org.childCount === 0,
  selectable: isPickable(org),
});

type Props = {
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  /** Whether the district itself may be chosen (a filter may; a case's place may not). */
  isDistrictPickable?: boolean;
  testId?: string;
  style?: React.CSSProperties;
};

export const OrgSelect = ({
  value,
  onChange,
  placeholder,
  isDistrictPickable = false,
  testId,
  style,
}: Props) => {
  const [nodes, setNodes] = useState<Node[]>([]);
  const isPickable = (o: Org) =>
    o.level === 'town' || o.level === 'village' || (isDistrictPickable && o.level === 'district');

  useEffect(() => {
    const controller = new AbortController();
    fetchRootOrgs(controller.signal).then(
      (r) =>
        setNodes(
          r.items.filter((o) => PLACE_LEVELS.includes(o.level)).map((o) => toNode(o, null, isPickable)),
        ),
      () => setNodes([]),
    );
    return () => {
      controller.abort();
    };
    // Loaded once per mount; the scope remounts the page.
  }, []);

  // A value set from outside (a shared link) names a unit the lazily loaded tree may not hold yet: show its name.
  const isKnown = value === undefined || nodes.some((n) => n.id === value);
  useEffect(() => {
    if (isKnown || value === undefined) {
      return;
    }
    const controller = new AbortController();
    fetchOrg(value, controller.signal).then(
      ({ item }) =>
        setNodes((current) =>
          current.some((n) => n.id === item.id)
            ? current
            : [...current, { ...toNode(item, item.parentId, isPickable), isLeaf: true }],
        ),
      () => undefined,
    );
    return () => {
      controller.abort();
    };
    // isPickable is derived from a prop that does not change while mounted.
  }, [value, isKnown]);

  const loadChildren = async (id: string) => {
    const page = await fetchOrgChildren(id, { limit: 200 });
    const children = page.items
      .filter((o) => o.status === 'active' && (o.level === 'town' || o.level === 'village'))
      .map((o) => toNode(o, id, isPickable));
    setNodes((current) => [...current.filter((n) => !children.some((c) => c.id === n.id)), ...children]);
  };

  return (
    <TreeSelect<string>
      data-testid={testId}
      treeDataSimpleMode
      treeData={nodes}
      loadData={(node) => loadChildren(String(node.value))}
      value={value}
      onChange={(v) => onChange?.(v)}
      allowClear
      placeholder={placeholder}
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
      showSearch={{ treeNodeFilterProp: 'title' }}
    />
  );
};
