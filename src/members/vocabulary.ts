// The closed lists of a member's coded fields.
export const memberStatuses = ['full', 'probationary'] as const;
export type MemberStatus = (typeof memberStatuses)[number];

export const genders = ['male', 'female'] as const;
export type Gender = (typeof genders)[number];

export const educations = [
  'postgraduate',
  'university',
  'college',
  'secondary',
  'highSchool',
  'middleSchool',
  'primary',
] as const;
export type Education = (typeof educations)[number];

export const memberRoles = ['secretary', 'deputySecretary', 'committee', 'groupLeader'] as const;
export type MemberRole = (typeof memberRoles)[number];

/** Chinese labels as they appear in spreadsheets (import and export). */
export const statusZh: Record<MemberStatus, string> = { full: '正式党员', probationary: '预备党员' };
export const genderZh: Record<Gender, string> = { male: '男', female: '女' };
export const educationZh: Record<Education, string> = {
  postgraduate: '研究生',
  university: '大学本科',
  college: '大学专科',
  secondary: '中专',
  highSchool: '高中',
  middleSchool: '初中',
  primary: '小学及以下',
};
export const roleZh: Record<MemberRole, string> = {
  secretary: '书记',
  deputySecretary: '副书记',
  committee: '委员',
  groupLeader: '党小组长',
};

export function fromZh<K extends string>(labels: Record<K, string>, text: string): K | undefined {
  const t = text.trim();
  for (const [key, label] of Object.entries(labels) as [K, string][]) {
    if (label === t || key === t) {
      return key;
    }
  }
  // Short forms people type: 正式 / 预备.
  for (const [key, label] of Object.entries(labels) as [K, string][]) {
    if (t !== '' && label.startsWith(t)) {
      return key;
    }
  }
  return undefined;
}
