// Chinese names of organisation levels and types, as they appear in spreadsheets (import and export).
import type { OrgLevel } from './levels.js';

export const levelZh: Record<OrgLevel, string> = {
  district: '区',
  town: '镇（街道）',
  village: '村（社区）',
  branch: '二级党支部',
  group: '党小组',
  department: '部门',
  unit: '驻区单位',
  newField: '两新组织',
};

export const typeZh: Record<string, string> = {
  districtCommittee: '区委',
  street: '街道',
  town: '镇',
  farm: '农场',
  community: '社区',
  village: '村',
  branch: '党支部',
  gridBranch: '网格党支部',
  retiredBranch: '离退休党支部',
  enterpriseBranch: '企业党支部',
  schoolBranch: '学校党支部',
  hospitalBranch: '医院党支部',
  group: '党小组',
  buildingGroup: '楼栋党小组',
  districtDepartment: '区级部门',
  platformOffice: '平台办公室',
  agency: '机关单位',
  school: '学校',
  hospital: '医院',
  enterprise: '企业',
  stateOwned: '国有企业',
  socialOrg: '社会组织',
};

const plain = (s: string): string => s.replace(/[（）()]/g, '');

/** A level from its key or Chinese name (brackets optional: 村社区 = 村（社区）). */
export function levelFrom(text: string): OrgLevel | undefined {
  const t = plain(text.trim());
  return (Object.keys(levelZh) as OrgLevel[]).find((l) => l === t || plain(levelZh[l]) === t);
}

export function typeFrom(text: string, allowed: readonly string[]): string | undefined {
  const t = text.trim();
  return allowed.find((k) => k === t || typeZh[k] === t);
}
