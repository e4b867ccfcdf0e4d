// The needs a talent is suggested for or put to, read through their modules' doors: an alliance demand, a volunteer
// post, a consultation topic. A need the caller cannot see is not found; a caller whose role may not read a kind of
// need finds none of that kind.
import type { Kysely } from 'kysely';
import { roleMay, scopeOf, type Action, type UserActor } from '../access/index.js';
import {
  allianceDemandForMatching,
  allianceDemandsForMatching,
  type DemandForMatching,
} from '../alliance/index.js';
import {
  consultationTopicForMatching,
  consultationTopicsForMatching,
  type TopicForMatching,
} from '../consultations/index.js';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import {
  volunteerPostForMatching,
  volunteerPostsForMatching,
  type PostForMatching,
} from '../volunteers/index.js';
import type { Need } from './rankTalents.js';
import { normaliseTags } from './skills.js';
import type { NeedKind, TalentKind } from './vocabulary.js';

export type NeedRef = Need & {
  kind: NeedKind;
  id: string;
  title: string;
  detail: string;
  status: string;
  /** Whether talents may still be put to it (a demand not met or withdrawn, an open post, a topic not decided). */
  isOpen: boolean;
  createdAt: number;
};

/** What each kind of need asks of the caller's role before it is read at all. */
const READ_ACTION: Record<NeedKind, Action> = {
  demand: 'alliance.read',
  post: 'volunteer.read',
  topic: 'council.read',
};

/** What an alliance demand's kind calls for among talents. */
const DEMAND_KINDS: Record<string, TalentKind[]> = {
  expert: ['localExpert', 'industryLeader', 'entrepreneur'],
  volunteers: ['volunteerLead', 'massOrgHead'],
  service: ['localExpert', 'ecommerce', 'volunteerLead'],
  funds: ['industryLeader', 'entrepreneur'],
  venue: [],
  equipment: [],
};

/** A demand, a post or a topic as a need (also what the demo ranks talents for). */
export const needOfDemand = (d: DemandForMatching): NeedRef => ({
  kind: 'demand',
  id: d.id,
  title: d.title,
  detail: d.detail,
  status: d.status,
  isOpen: d.status === 'open' || d.status === 'matched',
  createdAt: d.createdAt,
  text: `${d.title} ${d.detail}`,
  skills: [],
  kinds: DEMAND_KINDS[d.kind] ?? [],
  orgPath: d.ownerPath,
});

export const needOfPost = (p: PostForMatching): NeedRef => ({
  kind: 'post',
  id: p.id,
  title: p.title,
  detail: p.description,
  status: p.status,
  isOpen: p.status === 'open',
  createdAt: p.createdAt,
  text: `${p.title} ${p.description}`,
  skills: normaliseTags(p.skills),
  kinds: ['volunteerLead'],
  orgPath: p.orgPath,
});

export const needOfTopic = (t: TopicForMatching): NeedRef => ({
  kind: 'topic',
  id: t.id,
  title: t.title,
  detail: t.body,
  status: t.status,
  isOpen: !['merged', 'declined', 'expired'].includes(t.status),
  createdAt: t.createdAt,
  text: `${t.title} ${t.body}`,
  skills: [],
  kinds: ['localExpert', 'industryLeader', 'massOrgHead'],
  orgPath: t.orgPath,
});

export const mayReadNeeds = (actor: UserActor, kind: NeedKind): boolean =>
  roleMay(actor.active.role, READ_ACTION[kind]);

export async function readNeed(
  db: Kysely<DB>,
  dialect: Dialect,
  actor: UserActor,
  kind: NeedKind,
  id: string,
): Promise<NeedRef | undefined> {
  if (!mayReadNeeds(actor, kind)) {
    return undefined;
  }
  const scope = scopeOf(actor);
  switch (kind) {
    case 'demand': {
      const d = await allianceDemandForMatching(db, scope, id);
      return d === undefined ? undefined : needOfDemand(d);
    }
    case 'post': {
      const p = await volunteerPostForMatching(db, dialect, scope, id);
      return p === undefined ? undefined : needOfPost(p);
    }
    case 'topic': {
      const t = await consultationTopicForMatching(db, dialect, scope, id);
      return t === undefined ? undefined : needOfTopic(t);
    }
  }
}

/** The needs of a kind still open that the caller may see, newest first. */
export async function listNeeds(
  db: Kysely<DB>,
  dialect: Dialect,
  actor: UserActor,
  kind: NeedKind,
  limit: number,
): Promise<NeedRef[]> {
  if (!mayReadNeeds(actor, kind)) {
    return [];
  }
  const scope = scopeOf(actor);
  switch (kind) {
    case 'demand':
      return (await allianceDemandsForMatching(db, scope, limit)).map(needOfDemand);
    case 'post':
      return (await volunteerPostsForMatching(db, dialect, scope, limit)).map(needOfPost);
    case 'topic':
      return (await consultationTopicsForMatching(db, scope, limit)).map(needOfTopic);
  }
}
