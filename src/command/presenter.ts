// What a client sees of the command view: tiles with their messages in the caller's language, alerts and rules.
// Alerts carry case ids and counts, never a reporter: a repeat alert's subject is a hash and is not shown.
import { roleMay, type UserActor } from '../access/index.js';
import { fromDbBool, fromDbJson } from '../platform/db/database.js';
import { pick, type Locale, type Message } from '../platform/i18n.js';
import type { AlertRow, RuleRow } from './repository.js';
import type { TileResult } from './screen.js';
import type { TileAnswer } from './tiles.js';
import type { AlertActionKind, AlertStatus, RuleArea, RuleKind, Severity } from './warnings.js';

const text = (m: Message | null, locale: Locale) => (m === null ? null : pick(m, locale));

export function presentAnswer(answer: TileAnswer, locale: Locale) {
  return {
    figures: answer.figures.map((f) => ({ ...f, label: pick(f.label, locale) })),
    byChild:
      answer.byChild === null
        ? null
        : {
            label: pick(answer.byChild.label, locale),
            format: answer.byChild.format,
            items: answer.byChild.items,
          },
    items: answer.items.map((i) => ({ ...i, label: pick(i.label, locale), detail: text(i.detail, locale) })),
  };
}

export function presentTile(r: TileResult, locale: Locale) {
  return {
    code: r.tile.code,
    module: r.tile.module,
    title: pick(r.tile.title, locale),
    owner: pick(r.tile.owner, locale),
    asOf: r.asOf,
    live: r.tile.freshness === 'live',
    failed: r.failed,
    ...presentAnswer(r.answer, locale),
  };
}

export function presentRule(r: RuleRow, orgName: string) {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as RuleKind,
    categoryCode: r.category_code,
    area: r.area as RuleArea,
    windowHours: r.window_hours,
    threshold: r.threshold,
    ratio: r.ratio,
    severity: r.severity as Severity,
    isActive: fromDbBool(r.is_active),
    orgId: r.org_id,
    orgName,
    updatedAt: r.updated_at,
  };
}

export function presentAlert(
  a: AlertRow,
  names: { rule: string; kind: string; org: string },
  actor: UserActor,
) {
  const mayAct = roleMay(actor.active.role, 'command.warn');
  return {
    id: a.id,
    ruleId: a.rule_id,
    ruleName: names.rule,
    kind: names.kind as RuleKind,
    severity: a.severity as Severity,
    orgId: a.org_id,
    orgName: names.org,
    gridId: a.grid_id,
    categoryCode: a.category_code,
    count: a.count,
    baseline: a.baseline,
    windowFrom: a.window_from,
    windowTo: a.window_to,
    caseIds: fromDbJson<string[]>(a.case_ids) ?? [],
    status: a.status as AlertStatus,
    action:
      a.action_kind === null
        ? null
        : {
            kind: a.action_kind as AlertActionKind,
            ref: a.action_ref,
            note: a.action_note ?? '',
            at: a.acted_at ?? a.raised_at,
            by: a.acted_by,
          },
    outcome: a.finished_at === null ? null : { note: a.outcome_note ?? '', at: a.finished_at },
    raisedAt: a.raised_at,
    abilities: { act: mayAct && a.status === 'open', finish: mayAct && a.status === 'acting' },
  };
}
