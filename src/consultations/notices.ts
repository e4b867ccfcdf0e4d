// Who hears of what in a council's work: the people invited to a meeting (those with an account) of the invitation
// and of votes opening and closing; the council's members and the topic's proposer of an outcome done. In-app by
// default (e-mail only where a person turns it on), and one notice per step, never one per topic or per vote cast.
import type { Kysely } from 'kysely';
import type { NotificationEvent } from '../notifications/index.js';
import { notify } from '../notifications/index.js';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import type { Message } from '../platform/i18n.js';
import { consultationRepository, type OutcomeRow } from './repository.js';

type Notice = {
  event: Extract<NotificationEvent, `consultation.${string}`>;
  title: Message;
  body: Message;
  link: string;
  data?: Record<string, unknown>;
  /** The person who took the step is not told of it. */
  exceptUserId: string | null;
  now: number;
};

async function send(trx: Kysely<DB>, userIds: (string | null)[], notice: Notice): Promise<void> {
  const told = [...new Set(userIds.filter((u): u is string => u !== null && u !== notice.exceptUserId))];
  if (told.length === 0) {
    return;
  }
  await notify(trx, {
    event: notice.event,
    userIds: told,
    title: notice.title,
    body: notice.body,
    data: { ...notice.data, link: notice.link },
    now: notice.now,
  });
}

/** Everyone invited to the meeting who has an account. */
export async function tellMeeting(
  trx: Kysely<DB>,
  dialect: Dialect,
  meetingId: string,
  notice: Notice,
): Promise<void> {
  const participants = await consultationRepository(trx, dialect).participantsOf(meetingId);
  await send(
    trx,
    participants.map((p) => p.user_id),
    notice,
  );
}

/** The council's members with accounts and whoever proposed the outcome's topic. */
export async function tellOutcome(
  trx: Kysely<DB>,
  dialect: Dialect,
  outcome: Pick<OutcomeRow, 'council_id' | 'topic_id'>,
  notice: Notice,
): Promise<void> {
  const repo = consultationRepository(trx, dialect);
  const members = await repo.membersOf(outcome.council_id);
  const [topic] = outcome.topic_id === null ? [] : await repo.topicsByIds([outcome.topic_id]);
  await send(trx, [...members.map((m) => m.user_id), topic?.proposer_user_id ?? null], notice);
}
