// One published list as people read it: the items stored here, and the two views over the cases module's data —
// the district's service list is the case catalogue (each leaf category a service item, with what this module adds:
// basis, steps, documents), and the duty list's case entries are the routing rules. Nothing of them is copied.
import type { Kysely } from 'kysely';
import { listCategories, listRoutingRules, type Category, type RoutingRuleRow } from '../cases/index.js';
import type { Limit } from '../calendar/index.js';
import { orgDirectory, type OrgRow } from '../orgs/index.js';
import { fromDbJson, type Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { listRepository, type ListItemRow } from './repository.js';
import type { Governance, ItemKind, ListLevel } from './vocabulary.js';

export type ItemSource = 'list' | 'catalogue' | 'routing';
export type EffectiveStatus = 'inForce' | 'temporary' | 'expired' | 'withdrawn';

export type ItemView = {
  id: string;
  ownerOrgId: string;
  ownerPath: string;
  level: ListLevel;
  kind: ItemKind;
  code: string;
  title: string;
  basis: string;
  steps: string[];
  documents: string[];
  timeLimit: Limit | null;
  responsible: string;
  governance: Governance;
  status: EffectiveStatus;
  expiresAt: number | null;
  categoryCode: string | null;
  taskCode: string | null;
  source: ItemSource;
};

export const platformOffice: Record<string, string> = {
  governance: '镇（街道）综治工作平台',
  marketSupervision: '镇（街道）市场监管平台',
  lawEnforcement: '镇（街道）综合执法平台',
  publicService: '镇（街道）便民服务平台',
};

export function effectiveStatus(
  row: Pick<ListItemRow, 'status' | 'expires_at'>,
  now: number,
): EffectiveStatus {
  if (row.status === 'withdrawn') {
    return 'withdrawn';
  }
  if (row.status === 'temporary') {
    return row.expires_at !== null && row.expires_at <= now ? 'expired' : 'temporary';
  }
  return 'inForce';
}

export function itemOfRow(r: ListItemRow, now: number): ItemView {
  return {
    id: r.id,
    ownerOrgId: r.owner_org_id,
    ownerPath: r.owner_path,
    level: r.level as ListLevel,
    kind: r.kind as ItemKind,
    code: r.code,
    title: r.title,
    basis: r.basis,
    steps: fromDbJson<string[]>(r.steps) ?? [],
    documents: fromDbJson<string[]>(r.documents) ?? [],
    timeLimit: fromDbJson<Limit>(r.time_limit),
    responsible: r.responsible,
    governance: r.governance as Governance,
    status: effectiveStatus(r, now),
    expiresAt: r.expires_at,
    categoryCode: r.category_code,
    taskCode: r.task_code,
    source: 'list',
  };
}

/** Names of the catalogue's departments: 'town' is the town's platform office, else a district department code. */
async function responsibleNames(db: Kysely<DB>, dialect: Dialect, categories: Category[]) {
  const codes = [...new Set(categories.map((c) => c.department).filter((d) => d !== 'town'))];
  const byCode = new Map((await orgDirectory(db, dialect).byCodes(codes)).map((o) => [o.code, o.name]));
  return (c: Category) =>
    c.department === 'town'
      ? (platformOffice[c.platform] ?? '镇（街道）')
      : (byCode.get(c.department) ?? c.department);
}

/** A stored service item linked to a category shows the catalogue's name and limit: the one source. */
export function linkToCategory(item: ItemView, c: Category, responsible: string): ItemView {
  return {
    ...item,
    title: c.name.zh,
    timeLimit: c.limits.normal,
    responsible: item.responsible === '' ? responsible : item.responsible,
    status: c.active ? item.status : 'withdrawn',
    source: 'catalogue',
  };
}

function ruleApplies(rule: RoutingRuleRow, owner: OrgRow, level: ListLevel): boolean {
  if (level === 'district') {
    return owner.level === 'district' && rule.area_org_id === null && rule.grid_id === null;
  }
  return rule.grid_id === null && rule.area_org_id === owner.id && owner.level === level;
}

/** Every item of the list (owner, level), stored and viewed, in kind and code order. */
export async function composeList(
  db: Kysely<DB>,
  dialect: Dialect,
  owner: OrgRow,
  level: ListLevel,
  now: number,
): Promise<ItemView[]> {
  const stored = (await listRepository(db, dialect).itemsOfList(owner.path, level)).map((r) =>
    itemOfRow(r, now),
  );
  const categories = await listCategories(db);
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const nameOf = await responsibleNames(db, dialect, categories);
  const items: ItemView[] = stored.map((i) => {
    const c = i.kind === 'service' && i.categoryCode !== null ? byCode.get(i.categoryCode) : undefined;
    return c === undefined ? i : linkToCategory(i, c, nameOf(c));
  });

  if (owner.level === 'district' && level === 'district') {
    // Every leaf category is a district service item; one with no stored detail yet is shown from the catalogue.
    const detailed = new Set(items.map((i) => (i.kind === 'service' ? i.categoryCode : null)));
    for (const c of categories.filter((x) => x.depth === 3 && x.active && !detailed.has(x.code))) {
      items.push({
        id: `cat:${c.code}`,
        ownerOrgId: owner.id,
        ownerPath: owner.path,
        level,
        kind: 'service',
        code: c.code,
        title: c.name.zh,
        basis: '',
        steps: [],
        documents: [],
        timeLimit: c.limits.normal,
        responsible: nameOf(c),
        governance: 'administrative',
        status: 'inForce',
        expiresAt: null,
        categoryCode: c.code,
        taskCode: null,
        source: 'catalogue',
      });
    }
  }

  const rules = (await listRoutingRules(db, 5000)).filter((r) => ruleApplies(r, owner, level));
  if (rules.length > 0) {
    const depts = new Map(
      (await orgDirectory(db, dialect).byIds([...new Set(rules.map((r) => r.department_id))])).map((o) => [
        o.id,
        o.name,
      ]),
    );
    for (const r of rules) {
      const c = r.category_code === null ? undefined : byCode.get(r.category_code);
      const what =
        c?.name.zh ?? (r.platform === null ? '各类事项' : (platformOffice[r.platform] ?? r.platform));
      items.push({
        id: `rule:${r.id}`,
        ownerOrgId: owner.id,
        ownerPath: owner.path,
        level,
        kind: 'duty',
        code: r.category_code ?? `P-${r.platform ?? '*'}`,
        title: what,
        basis: r.note ?? '',
        steps: [],
        documents: [],
        timeLimit: fromDbJson<Limit>(r.limit_json) ?? c?.limits.normal ?? null,
        responsible: depts.get(r.department_id) ?? '',
        governance: 'administrative',
        status: 'inForce',
        expiresAt: null,
        categoryCode: r.category_code,
        taskCode: null,
        source: 'routing',
      });
    }
  }
  const kindOrder: ItemKind[] = ['power', 'duty', 'service', 'negative'];
  return items.sort(
    (a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || a.code.localeCompare(b.code),
  );
}
