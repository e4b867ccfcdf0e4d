// Lazy organisation tree: children load on expand, page by page; a selected organisation's path is opened.
import { useCallback, useEffect, useRef, useState, type Key, type ReactNode } from 'react';
import { Alert, Flex, Spin, Tree, Typography, type GetRef, type TreeDataNode } from 'antd';
import { DownOutlined, EllipsisOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { fetchOrgChildren, fetchRootOrgs } from '../api/orgs';
import type { Org, OrgRef } from '../api/types';
import { OrgLevelTag } from '../common/OrgLevelTag';
import { problemText } from '../common/problemText';

type ChildList = { ids: string[]; nextCursor: string | null };

type TreeState = { orgs: Map<string, Org>; roots: ChildList | null; children: Map<string, ChildList> };

const moreKeyPrefix = 'more:';
const pageSize = 50;
/** Bounds the pages fetched while opening the path to one organisation. */
const maxRevealPages = 20;

const mergePage = (
  state: TreeState,
  parentId: string,
  items: Org[],
  nextCursor: string | null,
): TreeState => {
  const orgs = new Map(state.orgs);
  for (const org of items) {
    orgs.set(org.id, org);
  }
  const children = new Map(state.children);
  const previous = children.get(parentId)?.ids ?? [];
  children.set(parentId, { ids: [...previous, ...items.map((o) => o.id)], nextCursor });
  return { ...state, orgs, children };
};

const OrgTitle = ({ org }: { org: Org }) => (
  <Flex align="center" gap={6} component="span" style={{ display: 'inline-flex' }}>
    <span>{org.name}</span>
    <OrgLevelTag level={org.level} />
    {org.childCount > 0 ? (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {org.childCount}
      </Typography.Text>
    ) : null}
  </Flex>
);

export const OrgTree = ({
  selectedId,
  ancestors,
  onSelect,
  height,
}: {
  selectedId: string | null;
  ancestors: OrgRef[] | null;
  onSelect: (id: string) => void;
  height: number;
}) => {
  const { t } = useTranslation();
  const [tree, setTree] = useState<TreeState>({ orgs: new Map(), roots: null, children: new Map() });
  const treeRef = useRef<TreeState>(tree);
  treeRef.current = tree;
  const [expandedKeys, setExpandedKeys] = useState<Key[]>([]);
  const [error, setError] = useState<unknown>(undefined);
  const [loadingMore, setLoadingMore] = useState<string | null>(null);
  const antTree = useRef<GetRef<typeof Tree>>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchRootOrgs(controller.signal).then(
      ({ items }) => {
        setTree((state) => {
          const orgs = new Map(state.orgs);
          for (const org of items) {
            orgs.set(org.id, org);
          }
          return { ...state, orgs, roots: { ids: items.map((o) => o.id), nextCursor: null } };
        });
        const [only] = items;
        if (items.length === 1 && only !== undefined && only.childCount > 0) {
          setExpandedKeys((keys) => (keys.includes(only.id) ? keys : [...keys, only.id]));
        }
      },
      (failure: unknown) => {
        if (!controller.signal.aborted) {
          setError(failure);
        }
      },
    );
    return () => {
      controller.abort();
    };
  }, []);

  const loadPage = useCallback(async (parentId: string) => {
    const current = treeRef.current.children.get(parentId);
    if (current !== undefined && current.nextCursor === null) {
      return;
    }
    const page = await fetchOrgChildren(parentId, { cursor: current?.nextCursor ?? null, limit: pageSize });
    const next = mergePage(treeRef.current, parentId, page.items, page.nextCursor);
    treeRef.current = next;
    setTree(next);
  }, []);

  // Open the path from a scope root down to the selected organisation.
  const rootsReady = tree.roots !== null;
  useEffect(() => {
    if (!rootsReady || ancestors === null || selectedId === null) {
      return;
    }
    let isCancelled = false;
    const reveal = async () => {
      const rootIds = treeRef.current.roots?.ids ?? [];
      const ordered =
        ancestors.length > 1 &&
        rootIds.includes(ancestors.at(-1)?.id ?? '') &&
        !rootIds.includes(ancestors[0]?.id ?? '')
          ? [...ancestors].reverse()
          : ancestors;
      const chain = [...ordered.map((a) => a.id), selectedId];
      const start = chain.findIndex((id) => rootIds.includes(id));
      if (start === -1) {
        return;
      }
      const path = chain.slice(start);
      for (let i = 0; i < path.length - 1; i += 1) {
        const parentId = path[i]!;
        const childId = path[i + 1]!;
        let pages = 0;
        while (
          !isCancelled &&
          pages < maxRevealPages &&
          !(treeRef.current.children.get(parentId)?.ids.includes(childId) ?? false)
        ) {
          const before = treeRef.current.children.get(parentId);
          if (before !== undefined && before.nextCursor === null) {
            break;
          }
          await loadPage(parentId);
          pages += 1;
        }
      }
      if (isCancelled) {
        return;
      }
      const toExpand = path.slice(0, -1);
      setExpandedKeys((keys) => [...new Set([...keys, ...toExpand])]);
      window.setTimeout(() => antTree.current?.scrollTo({ key: selectedId, align: 'auto' }), 50);
    };
    reveal().catch((failure: unknown) => {
      if (!isCancelled) {
        setError(failure);
      }
    });
    return () => {
      isCancelled = true;
    };
  }, [rootsReady, ancestors, selectedId, loadPage]);

  const build = (ids: string[], parentId: string | null, nextCursor: string | null): TreeDataNode[] => {
    const nodes: TreeDataNode[] = [];
    for (const id of ids) {
      const org = tree.orgs.get(id);
      if (org === undefined) {
        continue;
      }
      const list = tree.children.get(id);
      nodes.push({
        key: id,
        title: <OrgTitle org={org} />,
        isLeaf: org.childCount === 0,
        children: list === undefined ? undefined : build(list.ids, id, list.nextCursor),
      });
    }
    if (parentId !== null && nextCursor !== null) {
      const isLoading = loadingMore === parentId;
      const title: ReactNode = (
        <Typography.Link>
          {isLoading ? <Spin size="small" /> : <EllipsisOutlined />} {t('common.loadMore')}
        </Typography.Link>
      );
      nodes.push({ key: `${moreKeyPrefix}${parentId}`, title, isLeaf: true });
    }
    return nodes;
  };

  if (error !== undefined) {
    const text = problemText(error, t);
    return <Alert type="error" showIcon title={text.title} description={text.detail} />;
  }
  if (tree.roots === null) {
    return (
      <Flex justify="center" style={{ padding: 24 }}>
        <Spin />
      </Flex>
    );
  }

  return (
    <div data-testid="org-tree">
      <Tree
        ref={antTree}
        className="tx-tree"
        aria-label={t('orgs.tree')}
        showLine
        blockNode
        height={height}
        switcherIcon={<DownOutlined />}
        treeData={build(tree.roots.ids, null, null)}
        expandedKeys={expandedKeys}
        onExpand={(keys) => setExpandedKeys(keys)}
        selectedKeys={selectedId === null ? [] : [selectedId]}
        loadData={async (node) => {
          const key = String(node.key);
          if (key.startsWith(moreKeyPrefix) || tree.children.has(key)) {
            return;
          }
          try {
            await loadPage(key);
          } catch (failure) {
            setError(failure);
          }
        }}
        onSelect={(_keys, info) => {
          const key = String(info.node.key);
          if (key.startsWith(moreKeyPrefix)) {
            const parentId = key.slice(moreKeyPrefix.length);
            setLoadingMore(parentId);
            loadPage(parentId)
              .catch((failure: unknown) => setError(failure))
              .finally(() => setLoadingMore(null));
            return;
          }
          onSelect(key);
        }}
      />
    </div>
  );
};
