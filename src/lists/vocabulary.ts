// The words of the lists: levels, kinds of item, governance, statuses, and the kinds of task put on grid workers.
export const listLevels = ['district', 'town', 'village', 'grid'] as const;
export type ListLevel = (typeof listLevels)[number];

export const itemKinds = ['power', 'duty', 'service', 'negative'] as const;
export type ItemKind = (typeof itemKinds)[number];

/** 行政事务 vs 自治事务: the paper asks the two to be kept apart. */
export const governances = ['administrative', 'selfGovernance'] as const;
export type Governance = (typeof governances)[number];

export const itemStatuses = ['inForce', 'temporary', 'withdrawn'] as const;
export type ItemStatus = (typeof itemStatuses)[number];

export const taskKinds = ['caseStep', 'patrol', 'survey', 'dataCollection'] as const;
export type TaskKind = (typeof taskKinds)[number];

export const admissionStatuses = ['pending', 'admitted', 'refused', 'withdrawn'] as const;
export type AdmissionStatus = (typeof admissionStatuses)[number];

/** The case steps the workflow puts on a grid worker, by the action that puts them there. */
export const caseStepTasks: Readonly<Record<string, string>> = {
  sendToVerify: 'case.verify',
  sendToCheck: 'case.check',
};

export const levelNames: Record<ListLevel, { zh: string; en: string }> = {
  district: { zh: '区级', en: 'district' },
  town: { zh: '镇（街道）级', en: 'town' },
  village: { zh: '村（社区）级', en: 'village' },
  grid: { zh: '网格', en: 'grid' },
};

export const kindNames: Record<ItemKind, { zh: string; en: string }> = {
  power: { zh: '权力清单', en: 'power list' },
  duty: { zh: '责任清单', en: 'duty list' },
  service: { zh: '服务清单', en: 'service list' },
  negative: { zh: '负面清单', en: 'negative list' },
};
