// Adds or changes one item of a list and records the list's next version. A service item linked to a case category
// changes the category itself (its name and limit) through the catalogue, so both land in one version history.
// The caller holds list.write; the owner must lie in the caller's subtree. Runs in one transaction.
import { recordAudit } from '../audit/index.js';
import { findCategory, saveCategory } from '../cases/index.js';
import type { Limit } from '../calendar/index.js';
import type { Scope, UserActor } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { msg } from '../platform/i18n.js';
import { writableOwnerOrThrow } from './places.js';
import { listRepository, type ListItemRow } from './repository.js';
import { snapshotList } from './snapshotList.js';
import type { Governance, ItemKind, ItemStatus, ListLevel } from './vocabulary.js';

export type ListItemInput = {
  ownerOrgId: string;
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
  status: ItemStatus;
  expiresAt: number | null;
  categoryCode: string | null;
  taskCode: string | null;
  note?: string;
};

const sameLimit = (a: Limit | null, b: Limit | null) =>
  a === null || b === null ? a === b : a.amount === b.amount && a.unit === b.unit;

/** id null adds an item; an id of the form cat:<code> adds the detail of a catalogue service item. */
export async function saveListItem(
  database: Database,
  ctx: RequestContext,
  actor: UserActor,
  scope: Scope,
  id: string | null,
  input: ListItemInput,
): Promise<ListItemRow> {
  if (input.status === 'temporary' && input.expiresAt === null) {
    throw new AppError('request.invalid', {
      errors: [{ field: 'expiresAt', message: 'a temporary item needs its expiry' }],
    });
  }
  return database.db.transaction().execute(async (trx) => {
    const repo = listRepository(trx, database.dialect);
    const owner = await writableOwnerOrThrow(trx, database.dialect, scope, input.ownerOrgId, input.level);
    const existing = id === null || id.startsWith('cat:') ? undefined : await repo.findItem(scope, id);
    if (id !== null && !id.startsWith('cat:') && existing === undefined) {
      throw notFound();
    }
    const categoryCode =
      id?.startsWith('cat:') === true ? id.slice(4) : input.categoryCode === '' ? null : input.categoryCode;
    const category = categoryCode === null ? undefined : await findCategory(trx, categoryCode);
    if (categoryCode !== null && category === undefined) {
      throw new AppError('request.invalid', {
        errors: [{ field: 'categoryCode', message: 'unknown category' }],
      });
    }
    if (input.kind === 'service' && category !== undefined) {
      const changed = category.name.zh !== input.title || !sameLimit(category.limits.normal, input.timeLimit);
      if (changed) {
        // Only the district's own service list speaks for the catalogue; a lower level may not rename a category.
        if (owner.level !== 'district' || !actor.assignments.some((a) => a.orgLevel === 'district')) {
          throw new AppError('list.linked_item', {
            detail: msg(
              `“${category.name.zh}”是事件目录中的类别，只能在区级服务清单或事件目录中修改名称和时限`,
              `“${category.name.en}” is a catalogue category; only the district's service list or the catalogue changes it`,
            ),
          });
        }
        await saveCategory(
          trx,
          database.dialect,
          ctx,
          {
            ...category,
            name: { ...category.name, zh: input.title },
            limits: { ...category.limits, normal: input.timeLimit ?? category.limits.normal },
          },
          input.note ?? `服务清单修改 service list edit`,
        );
      }
    }
    const row: ListItemRow = {
      id: existing?.id ?? newId(ctx.now),
      owner_org_id: owner.id,
      owner_path: owner.path,
      level: input.level,
      kind: input.kind,
      code: input.code,
      title: input.title,
      basis: input.basis,
      steps: JSON.stringify(input.steps),
      documents: JSON.stringify(input.documents),
      time_limit: input.timeLimit === null ? null : JSON.stringify(input.timeLimit),
      responsible: input.responsible,
      governance: input.governance,
      status: input.status,
      expires_at: input.status === 'temporary' ? input.expiresAt : null,
      category_code: categoryCode,
      task_code: input.taskCode === '' ? null : input.taskCode,
      created_at: existing?.created_at ?? ctx.now,
      updated_at: ctx.now,
    };
    if (existing === undefined) {
      const detail =
        input.kind === 'service' && categoryCode !== null
          ? await repo.serviceDetailOf(owner.path, categoryCode)
          : undefined;
      if (detail !== undefined) {
        row.id = detail.id;
        row.created_at = detail.created_at;
        await repo.updateItem(detail.id, row);
      } else {
        await repo.insertItems([row]);
      }
    } else {
      await repo.updateItem(existing.id, row);
    }
    const version = await snapshotList(
      trx,
      database.dialect,
      owner,
      input.level,
      input.note ?? `修改 ${input.code} ${input.title}`,
      actor.userId,
      ctx.now,
    );
    await recordAudit(trx, ctx, {
      action: existing === undefined ? 'list.itemAdd' : 'list.itemChange',
      entityType: 'listItem',
      entityId: row.id,
      orgPath: owner.path,
      detail: { level: input.level, kind: input.kind, version },
    });
    return row;
  });
}
