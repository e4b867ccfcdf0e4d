// HTTP routes of the assessment of the people in charge (考核评价): a post's score sheets of a year in the caller's
// scope with their ranks, the computation (the organisation department), and the export for cadre evaluation.
import { Type, type Static, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { scopeOf, type Scope } from '../access/index.js';
import { fromDbJson, type Database } from '../platform/db/database.js';
import { notFound } from '../platform/errors.js';
import { contextOf, userOf } from '../platform/http/request.js';
import { msg, pick } from '../platform/i18n.js';
import { localDate } from '../platform/time.js';
import { streamXlsx, type Cell } from '../platform/xlsx/streamXlsx.js';
import type { Same } from '../platform/http/schemas.js';
import { treeOf } from './deps.js';
import { defaultLeaderSchemes, type LeaderLineScore } from './leaders.js';
import { STAR_SHEET_SOURCE, type LeaderPost } from './tree.js';
import { rankLeaders } from './rankLeaders.js';
import { assessmentRepository, type LeaderScoreRow } from './repository.js';
import { findSource } from './sources.js';

const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const Post = Type.Union([
  Type.Literal('villageSecretary'),
  Type.Literal('townLeader'),
  Type.Literal('departmentHead'),
]);
/** The schema's posts are the vocabulary's: changing one without the other fails to compile. */
export const leaderPostsAgree: Same<Static<typeof Post>, LeaderPost> = true;
const Query = Type.Object({
  post: Type.Optional(Post),
  townId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
});
const MessageSchema = Type.Object({ zh: Type.String(), en: Type.String() });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const LeaderSheet = Type.Object({
  unitId: Type.String(),
  unitName: Type.String(),
  townId: Nullable(Type.String()),
  townName: Nullable(Type.String()),
  platform: Nullable(Type.String()),
  person: Nullable(Type.Object({ kind: Type.String(), name: Type.String() })),
  total: Nullable(Type.Number()),
  coverage: Type.Number(),
  rank: Nullable(Type.Integer()),
  peerSize: Type.Integer(),
  townRank: Nullable(Type.Integer()),
  lines: Type.Array(
    Type.Object({ code: Type.String(), figure: Nullable(Type.Number()), points: Nullable(Type.Number()) }),
  ),
});
const Answer = Type.Object({
  year: Type.Integer(),
  post: Post,
  computedAt: Nullable(Type.Integer()),
  scheme: Type.Object({
    name: MessageSchema,
    lines: Type.Array(
      Type.Object({
        code: Type.String(),
        name: MessageSchema,
        points: Type.Number(),
        source: Type.String(),
        sourceName: MessageSchema,
      }),
    ),
  }),
  items: Type.Array(LeaderSheet),
});

const presentSheet = (r: LeaderScoreRow) => ({
  unitId: r.unit_id,
  unitName: r.unit_name,
  townId: r.town_id,
  townName: r.town_name,
  platform: r.platform,
  person:
    r.person_name === null || r.person_kind === null ? null : { kind: r.person_kind, name: r.person_name },
  total: r.total,
  coverage: r.coverage,
  rank: r.peer_rank,
  peerSize: r.peer_size,
  townRank: r.town_rank,
  lines: fromDbJson<LeaderLineScore[]>(r.lines) ?? [],
});

const starSheetName = msg(
  '本村五星创建得分（占满分比例）',
  'The village’s five-star score (share of full marks)',
);

/** A post's sheets of a year in scope, with the scheme they were scored on. */
async function leadersView(
  database: Database,
  scope: Scope,
  year: number,
  post: LeaderPost,
  townId: string | null,
) {
  const repo = assessmentRepository(database.db);
  const cycle = await repo.findCycle(year);
  if (cycle === undefined) {
    throw notFound();
  }
  const tree = await treeOf(repo, cycle.tree_id);
  const scheme = (tree.leaders ?? defaultLeaderSchemes()).find((s) => s.post === post);
  const rows = await repo.leaderScores(scope, year, post, townId);
  return {
    year,
    post,
    computedAt: await repo.leaderComputedAt(year),
    scheme: {
      name: scheme?.name ?? msg(post, post),
      lines: (scheme?.lines ?? []).map((l) => ({
        code: l.code,
        name: l.name,
        points: l.points,
        source: l.source,
        sourceName:
          l.source === STAR_SHEET_SOURCE
            ? starSheetName
            : (findSource(l.source)?.name ?? msg(l.source, l.source)),
      })),
    },
    items: rows.map(presentSheet),
  };
}

export async function leaderRoutes(base: FastifyInstance, database: Database): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['assessment'];
  const Params = Type.Object({ year: Year });

  app.get(
    '/api/assessment/cycles/:year/leaders',
    {
      config: { auth: 'assessment.read' },
      schema: {
        tags,
        summary:
          'The score sheets of the people in charge of one post (考核评价) in scope, best ranked first',
        params: Params,
        querystring: Query,
        response: { 200: Answer },
      },
    },
    async (request) =>
      leadersView(
        database,
        scopeOf(userOf(request)),
        request.params.year,
        request.query.post ?? 'villageSecretary',
        request.query.townId ?? null,
      ),
  );

  app.post(
    '/api/assessment/cycles/:year/leaders',
    {
      config: { auth: 'assessment.approve' },
      schema: {
        tags,
        summary:
          'Compute the year’s score sheets of the people in charge and rank them within their peer groups',
        params: Params,
        response: {
          200: Type.Object({ year: Type.Integer(), sheets: Type.Integer(), ranked: Type.Integer() }),
        },
      },
    },
    async (request) => rankLeaders({ database }, contextOf(request), request.params.year),
  );

  app.get(
    '/api/assessment/cycles/:year/leaders.xlsx',
    {
      config: { auth: 'assessment.read' },
      schema: {
        tags,
        summary: 'The score sheets of one post as a spreadsheet, for the cadre evaluation',
        params: Params,
        querystring: Query,
      },
    },
    async (request, reply) => {
      const locale = contextOf(request).locale;
      const zh = locale !== 'en';
      const post = request.query.post ?? 'villageSecretary';
      const v = await leadersView(
        database,
        scopeOf(userOf(request)),
        request.params.year,
        post,
        request.query.townId ?? null,
      );
      const percent = (x: number | null): Cell => (x === null ? null : Math.round(x * 1000) / 10);
      async function* rows(): AsyncIterable<Cell[]> {
        for (const s of v.items) {
          const byCode = new Map(s.lines.map((l) => [l.code, l]));
          yield [
            s.rank,
            s.townRank,
            s.townName,
            s.unitName,
            s.person?.name ?? null,
            s.total,
            percent(s.coverage),
            ...v.scheme.lines.flatMap((l) => [
              percent(byCode.get(l.code)?.figure ?? null),
              byCode.get(l.code)?.points ?? null,
            ]),
          ];
        }
      }
      void reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="leaders-${post}-${v.year}-${localDate(request.now)}.xlsx"`,
        );
      return reply.send(
        streamXlsx(
          {
            name: pick(v.scheme.name, locale).slice(0, 31),
            columns: [
              { header: zh ? '排名' : 'Rank', width: 8 },
              { header: zh ? '镇内排名' : 'Rank in town', width: 10 },
              { header: zh ? '镇（街道）' : 'Town', width: 16 },
              { header: zh ? '单位' : 'Unit', width: 24 },
              { header: zh ? '姓名' : 'Name', width: 14 },
              { header: zh ? '总分' : 'Score', width: 10 },
              { header: zh ? '有数据权重（%）' : 'Weight with data (%)', width: 14 },
              ...v.scheme.lines.flatMap((l) => [
                { header: `${pick(l.name, locale)} (%)`, width: 16 },
                { header: `${pick(l.name, locale)} ${zh ? '得分' : 'points'} /${l.points}`, width: 14 },
              ]),
            ],
          },
          rows(),
        ),
      );
    },
  );
}
