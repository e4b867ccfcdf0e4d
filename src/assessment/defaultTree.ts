// The default indicator tree for Tongzhou (五基达标、五星争创): the five basics as pass/fail items with their evidence
// rule, and the five stars out of 100 each. Every item the platform can compute is bound to a source; the rest are
// typed in once with evidence. The volunteer items compute as soon as the volunteers module registers its sources.
import { msg } from '../platform/i18n.js';
import { defaultLeaderSchemes } from './leaders.js';
import type { LineDef, StarDef, TreeDefinition } from './tree.js';

const linear = (from: number, to: number) => ({ type: 'linear' as const, from, to });
const entered = { type: 'entered' as const };

const computed = (
  code: string,
  zh: string,
  en: string,
  points: number,
  source: string,
  rule: LineDef['rule'],
) => ({
  code,
  name: msg(zh, en),
  points,
  source,
  rule,
});

const typedIn = (
  code: string,
  zh: string,
  en: string,
  points: number,
  evidenceZh: string,
  evidenceEn: string,
) => ({
  code,
  name: msg(zh, en),
  points,
  rule: entered,
  evidence: msg(evidenceZh, evidenceEn),
});

const honour = (code: string, zh: string, en: string): LineDef =>
  typedIn(
    code,
    zh,
    en,
    5,
    '表彰文件或证书（每项 2 分，最多 5 分）',
    'The award notice or certificate (2 points each, 5 at most)',
  );

const veto = (code: string, zh: string, en: string, evidenceZh: string, evidenceEn: string): LineDef =>
  typedIn(code, zh, en, 1, evidenceZh, evidenceEn);

const star = (
  code: string,
  zh: string,
  en: string,
  parts: Omit<StarDef, 'code' | 'name' | 'fullMarks'>,
): StarDef => ({
  code,
  name: msg(zh, en),
  fullMarks: 100,
  ...parts,
});

export function defaultTree(year: number): TreeDefinition {
  return {
    name: msg(`${year} 年度五基达标、五星争创指标体系`, `Five basics, five stars: indicators for ${year}`),
    threshold: 80,
    basicsRequired: true,
    maxRisePerYear: 1,
    noticeDays: 5,
    leaders: defaultLeaderSchemes(),
    quotas: [
      { level: 5, maxShare: 0.1 },
      { level: 4, maxShare: 0.3 },
    ],
    basics: [
      computed(
        'basic.organisation',
        '基本组织：书记在岗，支部均建立党小组',
        'Basic organisation: a secretary in post, party groups in every branch',
        1,
        'org.basicOrganisation',
        { type: 'atLeast', min: 1 },
      ),
      computed(
        'basic.team',
        '基本队伍：各支部班子配齐（书记及至少两名委员）',
        'Basic team: every branch committee complete (a secretary and two more)',
        1,
        'org.committeeComplete',
        { type: 'atLeast', min: 1 },
      ),
      computed(
        'basic.activities',
        '基本活动：全年召开协商议事会议不少于 2 次',
        'Basic activities: at least two consultation meetings in the year',
        1,
        'consultations.meetingsHeld',
        { type: 'atLeast', min: 2 },
      ),
      typedIn(
        'basic.systems',
        '基本制度：三会一课、组织生活会、民主评议党员等制度健全',
        'Basic systems: the meeting, organisational-life and member-review rules in force',
        1,
        '制度文本及上墙照片，或制度所在系统记录的链接',
        'The rules as adopted and a photo of them on display, or a link to their record',
      ),
      typedIn(
        'basic.support',
        '基本保障：有固定活动场所、工作经费和报酬落实',
        'Basic support: a meeting place, a working budget and allowances paid',
        1,
        '场所照片及经费拨付凭证',
        'A photo of the place and the budget’s payment records',
      ),
    ],
    stars: [
      star('lead', '党建领航星', 'Party-building leadership star', {
        items: [
          computed(
            'lead.secretary',
            '村（社区）书记在岗',
            'Village secretary in post',
            10,
            'org.secretaryInPost',
            {
              type: 'atLeast',
              min: 1,
            },
          ),
          computed(
            'lead.committee',
            '支部班子配齐',
            'Branch committees complete',
            15,
            'org.committeeComplete',
            linear(0.5, 1),
          ),
          computed('lead.groups', '党小组建立', 'Party groups formed', 10, 'org.groupsFormed', linear(0, 1)),
          computed(
            'lead.visits',
            '党员中心户联系走访覆盖',
            'Central households’ visit coverage',
            20,
            'linkage.visitCoverage',
            linear(0.5, 1),
          ),
          computed(
            'lead.meetings',
            '协商议事会议（每次 2.5 分）',
            'Consultation meetings (2.5 points each)',
            10,
            'consultations.meetingsHeld',
            {
              type: 'perUnit',
              per: 2.5,
            },
          ),
          computed(
            'lead.smallMatters',
            '小事不出村',
            'Small matters settled in the village',
            15,
            'linkage.shareWithinVillage',
            linear(0.5, 0.9),
          ),
          typedIn(
            'lead.orgLife',
            '三会一课和主题党日落实',
            'Three meetings and a lesson, themed party days',
            20,
            '会议记录或系统内活动记录链接',
            'Minutes or a link to the activity record',
          ),
        ],
        deductions: [
          computed(
            'lead.age',
            '班子平均年龄超过 50 岁（每超 1 岁扣 1 分，最多 5 分）',
            'Committee average age above 50 (1 point a year, 5 at most)',
            5,
            'org.committeeAverageAge',
            { type: 'perUnitAbove', bound: 50, per: 1 },
          ),
        ],
        bonuses: [honour('lead.honour', '获上级党委表彰', 'Honoured by a higher party committee')],
        vetoes: [
          veto(
            'lead.discipline',
            '班子成员受党纪政务处分',
            'A committee member under party or government discipline',
            '处分决定文件',
            'The disciplinary decision',
          ),
        ],
      }),
      star('prosper', '富民强村星', 'Prosperous residents, strong village star', {
        items: [
          typedIn(
            'prosper.income',
            '村集体经营性收入达标',
            'Village collective operating income on target',
            20,
            '经审计的村级财务报表',
            'The audited village accounts',
          ),
          computed(
            'prosper.outcomes',
            '协商成果按期办结',
            'Consultation outcomes done on time',
            25,
            'consultations.outcomesOnTimeRate',
            linear(0.5, 1),
          ),
          computed(
            'prosper.topics',
            '群众议题办理',
            'Residents’ topics handled',
            15,
            'consultations.topicsHandledRate',
            linear(0.5, 1),
          ),
          computed(
            'prosper.solve',
            '群众诉求解决',
            'Residents’ problems solved',
            20,
            'cases.solveRate',
            linear(0.6, 1),
          ),
          computed(
            'prosper.response',
            '事件响应',
            'Cases responded to',
            20,
            'cases.responseRate',
            linear(0.6, 1),
          ),
        ],
        deductions: [],
        bonuses: [honour('prosper.honour', '特色产业或品牌获评', 'A local industry or brand recognised')],
        vetoes: [
          veto(
            'prosper.debt',
            '新增村级不良债务',
            'New bad debt of the village',
            '审计报告',
            'The audit report',
          ),
        ],
      }),
      star('eco', '生态美丽星', 'Ecological beauty star', {
        items: [
          computed('eco.close', '网格事件结案', 'Grid cases closed', 25, 'cases.closeRate', linear(0.6, 1)),
          computed(
            'eco.onTimeClose',
            '网格事件按期结案',
            'Grid cases closed on time',
            25,
            'cases.onTimeCloseRate',
            linear(0.5, 1),
          ),
          computed(
            'eco.rework',
            '事件返工率低',
            'Few cases reworked',
            20,
            'cases.reworkRate',
            linear(0.2, 0),
          ),
          computed(
            'eco.reports',
            '网格有效上报',
            'Valid grid reports',
            10,
            'cases.validReportRate',
            linear(0.6, 1),
          ),
          typedIn(
            'eco.environment',
            '人居环境整治考评',
            'Living-environment inspection result',
            20,
            '镇（街道）人居环境考评结果',
            'The town’s living-environment inspection result',
          ),
        ],
        deductions: [],
        bonuses: [
          honour(
            'eco.honour',
            '获评美丽乡村、绿色社区等称号',
            'Named a beautiful village or green community',
          ),
        ],
        vetoes: [
          veto(
            'eco.pollution',
            '发生重大环境污染或违法建设事件',
            'A major pollution or illegal-construction incident',
            '主管部门认定文件',
            'The authority’s finding',
          ),
        ],
      }),
      star('stable', '稳定和谐星', 'Stability and harmony star', {
        items: [
          computed(
            'stable.onTime',
            '事件按期办结',
            'Cases handled on time',
            25,
            'cases.onTimeHandleRate',
            linear(0.6, 1),
          ),
          computed(
            'stable.village',
            '小事不出村',
            'Small matters settled in the village',
            20,
            'linkage.shareWithinVillage',
            linear(0.5, 0.9),
          ),
          computed(
            'stable.town',
            '大事不出镇',
            'Big matters settled within the town',
            15,
            'linkage.shareWithinTown',
            linear(0.7, 1),
          ),
          computed(
            'stable.appealsOnTime',
            '诉求按期化解',
            'Appeals concluded on time',
            20,
            'linkage.onTimeRate',
            linear(0.6, 1),
          ),
          computed(
            'stable.satisfaction',
            '事件群众满意',
            'Residents satisfied with cases',
            20,
            'cases.satisfactionRate',
            linear(0.6, 1),
          ),
        ],
        deductions: [
          computed(
            'stable.overdue',
            '诉求超期（每件扣 1 分，最多 10 分）',
            'Appeals overdue (1 point each, 10 at most)',
            10,
            'linkage.overdue',
            {
              type: 'perUnit',
              per: 1,
            },
          ),
        ],
        bonuses: [
          honour(
            'stable.honour',
            '获评平安村（社区）、民主法治示范村',
            'Named a safe or rule-of-law model village',
          ),
        ],
        vetoes: [
          veto(
            'stable.incident',
            '发生重大群体性事件或越级集访',
            'A major mass incident or collective petition above the town',
            '政法委通报',
            'The political-legal committee’s notice',
          ),
        ],
      }),
      star('civil', '乡风文明星', 'Civilised customs star', {
        items: [
          computed(
            'civil.consultSatisfaction',
            '协商成果群众满意',
            'Residents satisfied with outcomes',
            20,
            'consultations.satisfactionRate',
            linear(0.6, 1),
          ),
          computed(
            'civil.survey',
            '人民满意度测评',
            'Residents’ satisfaction survey',
            20,
            'surveys.satisfaction',
            linear(0.6, 1),
          ),
          computed(
            'civil.meetings',
            '村民议事（每次 5 分）',
            'Residents’ deliberation (5 points a meeting)',
            15,
            'consultations.meetingsHeld',
            {
              type: 'perUnit',
              per: 5,
            },
          ),
          computed(
            'civil.visits',
            '邻里联系走访',
            'Neighbourly visits',
            10,
            'linkage.visitCoverage',
            linear(0.5, 1),
          ),
          computed(
            'civil.volunteerHours',
            '党员志愿服务时长（人均 50 小时满分）',
            'Members’ volunteer hours (50 a member for full points)',
            15,
            'volunteers.hoursPerMember',
            linear(0, 50),
          ),
          computed(
            'civil.dualRegistration',
            '在职党员双报到覆盖',
            'In-service members registered with the community',
            10,
            'volunteers.dualRegistrationCoverage',
            linear(0.5, 1),
          ),
          typedIn(
            'civil.families',
            '文明家庭、好媳妇好婆婆评选',
            'Civilised-family awards',
            10,
            '评选结果公示',
            'The published award list',
          ),
        ],
        deductions: [],
        bonuses: [honour('civil.honour', '获评文明村（社区）', 'Named a civilised village or community')],
        vetoes: [
          veto(
            'civil.misconduct',
            '发生重大违反公序良俗事件',
            'A major breach of public order and morals',
            '主管部门认定文件',
            'The authority’s finding',
          ),
        ],
      }),
    ],
  };
}
