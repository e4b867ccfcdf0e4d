// Which roles sit at which organisation levels, and who may grant them: district roles only a district admin.
import type { Role } from '../access/index.js';

/** Roles whose scope is the whole district: a town admin may never grant them. */
export const districtRoles: readonly Role[] = ['districtAdmin', 'orgDepartment', 'districtCommand'];

export const isDistrictRole = (role: Role): boolean => districtRoles.includes(role);

/** The organisation levels at which an assignment of the role may be made. */
export const roleOrgLevels: Record<Role, readonly string[]> = {
  districtAdmin: ['district'],
  orgDepartment: ['district'],
  districtCommand: ['district'],
  townAdmin: ['town'],
  townCommand: ['town'],
  departmentHandler: ['department'],
  villageCadre: ['village'],
  gridWorker: ['village'],
  partyMember: ['town', 'village', 'branch', 'group', 'department', 'unit', 'newField'],
  resident: ['town', 'village'],
};

/** Whether a caller acting as `granter` may hand out `role` (the organisation scope is checked separately). */
export function mayGrant(granter: Role, role: Role): boolean {
  if (granter === 'districtAdmin') {
    return true;
  }
  return granter === 'townAdmin' && !isDistrictRole(role);
}

/** Role names as spreadsheets (user import) spell them; the console's own labels live in its i18n messages. */
export const roleZh: Record<Role, string> = {
  districtAdmin: '区管理员',
  townAdmin: '镇（街道）管理员',
  orgDepartment: '组织部',
  districtCommand: '区指挥中心',
  townCommand: '镇指挥中心',
  departmentHandler: '部门处置人员',
  villageCadre: '村（社区）干部',
  gridWorker: '网格员',
  partyMember: '党员',
  resident: '群众',
};

/** A role from its key or its Chinese name (brackets full- or half-width). */
export function roleFrom(text: string): Role | undefined {
  const plain = text.replace(/[()]/g, (c) => (c === '(' ? '（' : '）')).trim();
  return (Object.keys(roleZh) as Role[]).find((r) => r === text.trim() || roleZh[r] === plain);
}
