// The default case catalogue: typical practice in Chinese cities' case standards, every figure a configurable default.
import type { Limit } from '../../calendar/index.js';

export const nets = [
  'partyBuilding',
  'environment',
  'illegalConstruction',
  'petitionStability',
  'workSafety',
  'convenience',
] as const;
export type Net = (typeof nets)[number];

export const platforms = ['governance', 'marketSupervision', 'lawEnforcement', 'publicService'] as const;
export type Platform = (typeof platforms)[number];

export const caseKinds = ['event', 'component', 'appeal'] as const;
export type CaseKind = (typeof caseKinds)[number];

export const fieldTypes = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const;
export type FieldType = (typeof fieldTypes)[number];

export type ExtraField = {
  code: string;
  type: FieldType;
  name: { zh: string; en: string };
  required: boolean;
  values?: { key: string; name: { zh: string; en: string } }[];
};

export type CategoryDef = {
  code: string;
  parentCode: string | null;
  depth: 1 | 2 | 3;
  name: { zh: string; en: string };
  kind: CaseKind;
  net: Net;
  platform: Platform;
  registrationCondition: string;
  closingCondition: string;
  limits: { urgent: Limit; normal: Limit };
  /** 'town' = the town's platform office for the category's platform; otherwise a district department code. */
  department: string;
  selfHandle: boolean;
  duplicateRadiusM: number;
  fields: ExtraField[];
  keywords: string[];
};

/** District departments that cases are dispatched to (codes are data, shown nowhere as keys). */
export const districtDepartments: { code: string; name: string; platform: Platform }[] = [
  { code: 'D-CG', name: '区城市管理局', platform: 'lawEnforcement' },
  { code: 'D-STHJ', name: '区生态环境局', platform: 'lawEnforcement' },
  { code: 'D-ZJ', name: '区住房和城乡建设局', platform: 'lawEnforcement' },
  { code: 'D-ZRZY', name: '区自然资源和规划局', platform: 'lawEnforcement' },
  { code: 'D-XF', name: '区信访局', platform: 'governance' },
  { code: 'D-SF', name: '区司法局', platform: 'governance' },
  { code: 'D-GA', name: '公安通州分局', platform: 'governance' },
  { code: 'D-YJ', name: '区应急管理局', platform: 'lawEnforcement' },
  { code: 'D-XFJY', name: '区消防救援大队', platform: 'lawEnforcement' },
  { code: 'D-SCJG', name: '区市场监督管理局', platform: 'marketSupervision' },
  { code: 'D-MZ', name: '区民政局', platform: 'publicService' },
  { code: 'D-RS', name: '区人力资源和社会保障局', platform: 'publicService' },
  { code: 'D-YB', name: '区医疗保障局', platform: 'publicService' },
  { code: 'D-SW', name: '区水务局', platform: 'publicService' },
  { code: 'D-GD', name: '国网南通市通州区供电公司', platform: 'publicService' },
  { code: 'D-RQ', name: '通州区燃气公司', platform: 'publicService' },
  { code: 'D-NY', name: '区农业农村局', platform: 'lawEnforcement' },
  { code: 'D-ZZB', name: '区委组织部', platform: 'governance' },
  { code: 'D-SP', name: '区行政审批局', platform: 'publicService' },
];

/** The four platform offices every town has (四个平台). */
export const townPlatformOffices: { platform: Platform; suffix: string }[] = [
  { platform: 'governance', suffix: '综治工作平台（综治中心）' },
  { platform: 'marketSupervision', suffix: '市场监管平台（市场监管分局）' },
  { platform: 'lawEnforcement', suffix: '综合执法平台（综合执法局）' },
  { platform: 'publicService', suffix: '便民服务平台（便民服务中心）' },
];

const wh = (amount: number): Limit => ({ amount, unit: 'workHours' });
const wd = (amount: number): Limit => ({ amount, unit: 'workDays' });
const hr = (amount: number): Limit => ({ amount, unit: 'hours' });
const mn = (amount: number): Limit => ({ amount, unit: 'minutes' });
const dy = (amount: number): Limit => ({ amount, unit: 'days' });

type Leaf = [
  code: string,
  zh: string,
  en: string,
  urgent: Limit,
  normal: Limit,
  options?: Partial<
    Pick<
      CategoryDef,
      'kind' | 'platform' | 'department' | 'selfHandle' | 'duplicateRadiusM' | 'fields' | 'keywords'
    >
  >,
];

type Group = {
  code: string;
  zh: string;
  en: string;
  net: Net;
  platform: Platform;
  department: string;
  kind: CaseKind;
  small: { code: string; zh: string; en: string; leaves: Leaf[] }[];
};

const REG = '属实且在本辖区、属于本类别处置范围';
const CLOSE = '经网格员现场核查问题已解决，或诉求已答复并经诉求人确认';

const severity: ExtraField = {
  code: 'severity',
  type: 'singlevaluelist',
  name: { zh: '严重程度', en: 'Severity' },
  required: false,
  values: [
    { key: 'minor', name: { zh: '一般', en: 'Minor' } },
    { key: 'major', name: { zh: '较重', en: 'Major' } },
    { key: 'severe', name: { zh: '严重', en: 'Severe' } },
  ],
};
const areaM2: ExtraField = {
  code: 'areaM2',
  type: 'number',
  name: { zh: '面积（平方米）', en: 'Area (m²)' },
  required: false,
};
const partiesCount: ExtraField = {
  code: 'parties',
  type: 'number',
  name: { zh: '涉及人数', en: 'People involved' },
  required: false,
};
const since: ExtraField = {
  code: 'since',
  type: 'datetime',
  name: { zh: '发现时间', en: 'Noticed at' },
  required: false,
};
const businessName: ExtraField = {
  code: 'business',
  type: 'string',
  name: { zh: '经营者名称', en: 'Business name' },
  required: false,
};
const details: ExtraField = {
  code: 'details',
  type: 'text',
  name: { zh: '补充说明', en: 'More details' },
  required: false,
};
const hazards: ExtraField = {
  code: 'hazards',
  type: 'multivaluelist',
  name: { zh: '隐患类型', en: 'Hazard types' },
  required: false,
  values: [
    { key: 'fire', name: { zh: '火灾', en: 'Fire' } },
    { key: 'electric', name: { zh: '用电', en: 'Electrical' } },
    { key: 'gas', name: { zh: '燃气', en: 'Gas' } },
    { key: 'structure', name: { zh: '结构', en: 'Structural' } },
  ],
};

const groups: Group[] = [
  {
    code: '01',
    zh: '生态环保',
    en: 'Ecology and environment',
    net: 'environment',
    platform: 'lawEnforcement',
    department: 'town',
    kind: 'event',
    small: [
      {
        code: '0101',
        zh: '市容环境',
        en: 'City appearance',
        leaves: [
          [
            '010101',
            '暴露垃圾',
            'Exposed garbage',
            wh(4),
            wd(1),
            { selfHandle: true, duplicateRadiusM: 50, keywords: ['垃圾', '乱扔', '堆放'] },
          ],
          [
            '010102',
            '积存垃圾渣土',
            'Accumulated waste and muck',
            wd(2),
            wd(4),
            { fields: [areaM2], keywords: ['渣土', '建筑垃圾'] },
          ],
          [
            '010103',
            '乱张贴乱涂写',
            'Flyposting and graffiti',
            wh(4),
            wd(2),
            { selfHandle: true, keywords: ['小广告', '涂鸦'] },
          ],
          ['010104', '沿街晾挂', 'Laundry over the street', wh(2), wd(1), { selfHandle: true }],
          ['010105', '露天烧烤', 'Open-air barbecue', hr(1), hr(2), { keywords: ['烧烤', '油烟'] }],
        ],
      },
      {
        code: '0102',
        zh: '水环境',
        en: 'Water environment',
        leaves: [
          ['010201', '水域不洁', 'Dirty waterway', wd(5), wd(15), { keywords: ['河道', '漂浮物', '水面'] }],
          [
            '010202',
            '黑臭水体',
            'Black and odorous water',
            wd(5),
            wd(15),
            { department: 'D-SW', keywords: ['黑臭', '河水发臭'] },
          ],
          [
            '010203',
            '非法排污',
            'Illegal discharge',
            hr(2),
            wd(3),
            { department: 'D-STHJ', fields: [since], keywords: ['排污', '污水', '偷排'] },
          ],
        ],
      },
      {
        code: '0103',
        zh: '大气与农业污染',
        en: 'Air and farm pollution',
        leaves: [
          ['010301', '秸秆焚烧', 'Straw burning', mn(30), hr(2), { keywords: ['焚烧', '烧秸秆', '冒烟'] }],
          [
            '010302',
            '扬尘污染',
            'Dust pollution',
            wh(4),
            wd(2),
            { department: 'D-STHJ', keywords: ['扬尘', '灰尘', '工地'] },
          ],
          [
            '010303',
            '畜禽养殖污染',
            'Livestock farm pollution',
            wd(2),
            wd(7),
            { department: 'D-NY', keywords: ['养殖', '猪场', '粪便'] },
          ],
          [
            '010304',
            '噪声扰民',
            'Noise nuisance',
            hr(2),
            wd(2),
            { department: 'D-STHJ', keywords: ['噪音', '噪声', '施工声'] },
          ],
        ],
      },
    ],
  },
  {
    code: '02',
    zh: '控违拆违',
    en: 'Illegal construction control',
    net: 'illegalConstruction',
    platform: 'lawEnforcement',
    department: 'town',
    kind: 'event',
    small: [
      {
        code: '0201',
        zh: '违法建设',
        en: 'Illegal building',
        leaves: [
          [
            '020101',
            '私搭乱建',
            'Unauthorised structure',
            wh(4),
            wd(15),
            { fields: [areaM2, since], keywords: ['违建', '搭建', '私搭'] },
          ],
          [
            '020102',
            '违法占地建房',
            'Building on land without approval',
            wh(4),
            wd(20),
            { department: 'D-ZRZY', fields: [areaM2], keywords: ['占地', '建房', '宅基地'] },
          ],
          [
            '020103',
            '擅自改变房屋结构',
            'Unauthorised structural alteration',
            wh(4),
            wd(15),
            { department: 'D-ZJ', keywords: ['拆墙', '改结构', '承重墙'] },
          ],
          [
            '020104',
            '违章搭建棚屋',
            'Illegal shed',
            wh(4),
            wd(15),
            { fields: [areaM2], keywords: ['棚屋', '彩钢棚'] },
          ],
        ],
      },
      {
        code: '0202',
        zh: '违法用地与执法',
        en: 'Land use and enforcement',
        leaves: [
          ['020201', '违法建设制止', 'Stop illegal works', wh(2), wh(4), { keywords: ['正在施工', '制止'] }],
          ['020202', '违建处罚', 'Illegal-building penalty', wd(3), wd(7), {}],
          ['020203', '违建拆除', 'Demolition of illegal building', wd(10), wd(20), {}],
        ],
      },
    ],
  },
  {
    code: '03',
    zh: '信访维稳',
    en: 'Petitions and stability',
    net: 'petitionStability',
    platform: 'governance',
    department: 'town',
    kind: 'appeal',
    small: [
      {
        code: '0301',
        zh: '矛盾纠纷',
        en: 'Disputes',
        leaves: [
          [
            '030101',
            '邻里纠纷',
            'Neighbour dispute',
            wd(1),
            dy(15),
            { selfHandle: true, fields: [partiesCount], keywords: ['邻居', '吵架', '纠纷'] },
          ],
          [
            '030102',
            '婚姻家庭纠纷',
            'Marriage and family dispute',
            wd(1),
            dy(15),
            { fields: [partiesCount], keywords: ['家庭', '离婚', '赡养'] },
          ],
          [
            '030103',
            '土地承包纠纷',
            'Land contract dispute',
            wd(1),
            dy(15),
            { department: 'D-NY', keywords: ['承包', '土地', '流转'] },
          ],
          [
            '030104',
            '劳资纠纷',
            'Wage dispute',
            wd(1),
            dy(15),
            { department: 'D-RS', fields: [partiesCount], keywords: ['工资', '欠薪', '讨薪'] },
          ],
          [
            '030105',
            '物业纠纷',
            'Property management dispute',
            wd(1),
            dy(15),
            { keywords: ['物业', '业委会', '停车'] },
          ],
          [
            '030106',
            '征地拆迁矛盾',
            'Land acquisition and relocation dispute',
            wd(1),
            dy(15),
            { keywords: ['拆迁', '安置', '补偿'] },
          ],
        ],
      },
      {
        code: '0302',
        zh: '信访稳定',
        en: 'Petitions and stability risks',
        leaves: [
          [
            '030201',
            '群体性事件苗头',
            'Signs of a mass incident',
            mn(30),
            hr(2),
            { department: 'D-XF', fields: [partiesCount], keywords: ['聚集', '上访', '群体'] },
          ],
          [
            '030202',
            '重复信访',
            'Repeated petition',
            wd(1),
            dy(15),
            { department: 'D-XF', keywords: ['多次', '重复'] },
          ],
          ['030203', '越级上访风险', 'Risk of bypass petitioning', hr(2), wd(1), { department: 'D-XF' }],
          [
            '030204',
            '治安隐患',
            'Public security concern',
            hr(1),
            wd(1),
            { department: 'D-GA', keywords: ['治安', '可疑', '盗窃'] },
          ],
          [
            '030205',
            '特殊人群关爱',
            'Care for people under special supervision',
            wd(1),
            dy(7),
            { kind: 'event' },
          ],
        ],
      },
    ],
  },
  {
    code: '04',
    zh: '安全生产',
    en: 'Work safety',
    net: 'workSafety',
    platform: 'lawEnforcement',
    department: 'town',
    kind: 'event',
    small: [
      {
        code: '0401',
        zh: '消防安全',
        en: 'Fire safety',
        leaves: [
          [
            '040101',
            '消防通道堵塞',
            'Blocked fire lane',
            mn(30),
            hr(2),
            { selfHandle: true, keywords: ['消防通道', '堵塞', '占用'] },
          ],
          [
            '040102',
            '电动车违规充电',
            'Unsafe e-bike charging',
            mn(30),
            hr(2),
            { selfHandle: true, keywords: ['电瓶车', '充电', '飞线'] },
          ],
          [
            '040103',
            '消防设施损坏',
            'Damaged fire equipment',
            wh(4),
            wd(3),
            { department: 'D-XFJY', fields: [hazards] },
          ],
        ],
      },
      {
        code: '0402',
        zh: '生产经营安全',
        en: 'Business safety',
        leaves: [
          [
            '040201',
            '燃气隐患',
            'Gas hazard',
            mn(30),
            hr(2),
            { department: 'D-RQ', fields: [hazards], keywords: ['燃气', '煤气', '漏气'] },
          ],
          [
            '040202',
            '危房',
            'Dangerous building',
            mn(30),
            wd(3),
            { department: 'D-ZJ', fields: [severity], keywords: ['危房', '裂缝', '倒塌'] },
          ],
          [
            '040203',
            '企业安全隐患',
            'Enterprise safety hazard',
            hr(2),
            wd(5),
            { department: 'D-YJ', fields: [hazards, businessName] },
          ],
          [
            '040204',
            '危化品违规存放',
            'Hazardous chemicals stored unsafely',
            mn(30),
            hr(2),
            { department: 'D-YJ', keywords: ['危化品', '化学品'] },
          ],
          [
            '040205',
            '建筑施工安全',
            'Construction-site safety',
            hr(2),
            wd(3),
            { department: 'D-ZJ', keywords: ['工地', '脚手架'] },
          ],
          ['040206', '三合一场所', 'Living in a shop or workshop', hr(2), wd(5), { fields: [hazards] }],
        ],
      },
      {
        code: '0403',
        zh: '道路交通安全',
        en: 'Road safety',
        leaves: [
          [
            '040301',
            '道路安全隐患',
            'Road hazard',
            hr(2),
            wd(2),
            { kind: 'component', department: 'D-CG', keywords: ['坑洼', '路面', '塌陷'] },
          ],
          ['040302', '农村道路交通隐患', 'Rural road traffic hazard', hr(2), wd(3), { department: 'D-GA' }],
        ],
      },
    ],
  },
  {
    code: '05',
    zh: '党建',
    en: 'Party building',
    net: 'partyBuilding',
    platform: 'governance',
    department: 'town',
    kind: 'appeal',
    small: [
      {
        code: '0501',
        zh: '党员群众诉求',
        en: 'Appeals through the party chain',
        leaves: [
          [
            '050101',
            '党员中心户反映诉求',
            'Appeal raised by a central household',
            wd(1),
            dy(7),
            { keywords: ['中心户', '反映'] },
          ],
          [
            '050102',
            '困难党员帮扶',
            'Help for a party member in difficulty',
            wd(1),
            dy(7),
            { department: 'D-ZZB', keywords: ['困难党员', '慰问'] },
          ],
          ['050103', '阵地设施问题', 'Party service centre facilities', wd(1), dy(7), { kind: 'component' }],
          ['050104', '党员作用发挥', 'Party member conduct', wd(1), dy(7), { department: 'D-ZZB' }],
        ],
      },
    ],
  },
  {
    code: '06',
    zh: '便民服务',
    en: 'Convenience services',
    net: 'convenience',
    platform: 'publicService',
    department: 'town',
    kind: 'component',
    small: [
      {
        code: '0601',
        zh: '市政设施',
        en: 'Public facilities',
        leaves: [
          [
            '060101',
            '路灯不亮',
            'Street light out',
            wh(4),
            wd(1),
            { department: 'D-CG', keywords: ['路灯', '不亮', '灯坏'] },
          ],
          [
            '060102',
            '井盖缺失',
            'Missing manhole cover',
            mn(30),
            hr(2),
            { department: 'D-CG', keywords: ['井盖', '窨井'] },
          ],
          [
            '060103',
            '道路破损',
            'Damaged road',
            wd(1),
            wd(5),
            { department: 'D-CG', fields: [areaM2], keywords: ['路面', '破损'] },
          ],
          [
            '060104',
            '公共设施损坏',
            'Damaged public facility',
            wd(1),
            wd(5),
            { keywords: ['健身器材', '座椅', '公厕'] },
          ],
          ['060105', '绿化损坏', 'Damaged greenery', wd(1), wd(5), {}],
        ],
      },
      {
        code: '0602',
        zh: '水电气',
        en: 'Utilities',
        leaves: [
          [
            '060201',
            '停水',
            'Water outage',
            hr(2),
            hr(24),
            { department: 'D-SW', kind: 'appeal', keywords: ['停水', '没水', '水压'] },
          ],
          [
            '060202',
            '停电',
            'Power outage',
            hr(2),
            hr(24),
            { department: 'D-GD', kind: 'appeal', keywords: ['停电', '跳闸'] },
          ],
          ['060203', '燃气供应', 'Gas supply', hr(2), hr(24), { department: 'D-RQ', kind: 'appeal' }],
          [
            '060204',
            '管道漏水',
            'Leaking pipe',
            hr(2),
            wd(1),
            { department: 'D-SW', keywords: ['漏水', '爆管'] },
          ],
        ],
      },
      {
        code: '0603',
        zh: '政策咨询与代办',
        en: 'Advice and errands',
        leaves: [
          [
            '060301',
            '低保救助咨询',
            'Minimum living allowance enquiry',
            wd(1),
            wd(3),
            { department: 'D-MZ', kind: 'appeal', keywords: ['低保', '救助'] },
          ],
          [
            '060302',
            '养老服务咨询',
            'Elderly care enquiry',
            wd(1),
            wd(3),
            { department: 'D-MZ', kind: 'appeal', keywords: ['养老', '老人'] },
          ],
          [
            '060303',
            '医保咨询',
            'Medical insurance enquiry',
            wd(1),
            wd(3),
            { department: 'D-YB', kind: 'appeal', keywords: ['医保', '报销'] },
          ],
          [
            '060304',
            '社保就业咨询',
            'Social security and jobs enquiry',
            wd(1),
            wd(3),
            { department: 'D-RS', kind: 'appeal', keywords: ['社保', '就业', '失业'] },
          ],
          [
            '060305',
            '证照代办',
            'Licence errand service',
            wd(1),
            wd(5),
            { department: 'D-SP', kind: 'appeal', fields: [details] },
          ],
          [
            '060306',
            '残疾人帮扶',
            'Help for disabled people',
            wd(1),
            wd(5),
            { department: 'D-MZ', kind: 'appeal' },
          ],
        ],
      },
    ],
  },
  {
    code: '07',
    zh: '市场监管',
    en: 'Market supervision',
    net: 'convenience',
    platform: 'marketSupervision',
    department: 'town',
    kind: 'event',
    small: [
      {
        code: '0701',
        zh: '经营秩序',
        en: 'Trading order',
        leaves: [
          [
            '070101',
            '无照经营',
            'Unlicensed business',
            wd(1),
            wd(7),
            { fields: [businessName], keywords: ['无证', '无照'] },
          ],
          [
            '070102',
            '占道经营',
            'Street vending on the road',
            wh(1),
            wh(2),
            { selfHandle: true, keywords: ['摆摊', '占道', '流动摊贩'] },
          ],
          ['070103', '店外经营', 'Trading outside the shop', wh(1), wh(2), { selfHandle: true }],
          [
            '070104',
            '户外广告违规',
            'Illegal outdoor advertising',
            wd(1),
            wd(5),
            { platform: 'lawEnforcement' },
          ],
        ],
      },
      {
        code: '0702',
        zh: '消费维权',
        en: 'Consumer protection',
        leaves: [
          [
            '070201',
            '食品安全',
            'Food safety',
            hr(2),
            wd(7),
            {
              kind: 'appeal',
              department: 'D-SCJG',
              fields: [businessName],
              keywords: ['食品', '过期', '变质', '餐馆'],
            },
          ],
          [
            '070202',
            '价格投诉',
            'Price complaint',
            wd(1),
            wd(7),
            { kind: 'appeal', fields: [businessName], keywords: ['价格', '乱收费'] },
          ],
          [
            '070203',
            '假冒伪劣',
            'Counterfeit goods',
            wd(1),
            wd(7),
            { kind: 'appeal', department: 'D-SCJG', keywords: ['假货', '伪劣'] },
          ],
          [
            '070204',
            '预付卡纠纷',
            'Prepaid card dispute',
            wd(1),
            wd(7),
            { kind: 'appeal', keywords: ['预付卡', '跑路', '办卡'] },
          ],
          [
            '070205',
            '特种设备隐患',
            'Special equipment hazard',
            hr(2),
            wd(3),
            { department: 'D-SCJG', keywords: ['电梯', '锅炉'] },
          ],
        ],
      },
    ],
  },
];

function build(): CategoryDef[] {
  const out: CategoryDef[] = [];
  for (const g of groups) {
    const base = {
      kind: g.kind,
      net: g.net,
      platform: g.platform,
      registrationCondition: REG,
      closingCondition: CLOSE,
      department: g.department,
      selfHandle: false,
      duplicateRadiusM: 100,
      fields: [],
      keywords: [],
    };
    out.push({
      ...base,
      code: g.code,
      parentCode: null,
      depth: 1,
      name: { zh: g.zh, en: g.en },
      limits: { urgent: wd(1), normal: wd(5) },
    });
    for (const s of g.small) {
      out.push({
        ...base,
        code: s.code,
        parentCode: g.code,
        depth: 2,
        name: { zh: s.zh, en: s.en },
        limits: { urgent: wd(1), normal: wd(5) },
      });
      for (const [code, zh, en, urgent, normal, options = {}] of s.leaves) {
        out.push({
          ...base,
          ...options,
          code,
          parentCode: s.code,
          depth: 3,
          name: { zh, en },
          limits: { urgent, normal },
        });
      }
    }
  }
  return out;
}

export const defaultCatalogue: readonly CategoryDef[] = build();
