// The talent pool's words as code: the kinds of talent the district files, what an assignment is for, its states.

/**
 * 产业带头人, 创业能人, 田秀才/土专家, 电商人才, 群团组织负责人, 志愿者骨干.
 */
export const talentKinds = [
  'industryLeader',
  'entrepreneur',
  'localExpert',
  'ecommerce',
  'massOrgHead',
  'volunteerLead',
] as const;
export type TalentKind = (typeof talentKinds)[number];

/** What a talent is put to: an alliance demand, a volunteer post, a consultation topic, or a grassroots post. */
export const targetKinds = ['demand', 'post', 'topic', 'grassroots'] as const;
export type TargetKind = (typeof targetKinds)[number];

/** The needs suggestions are made for. */
export const needKinds = ['demand', 'post', 'topic'] as const;
export type NeedKind = (typeof needKinds)[number];

export const assignmentStatuses = ['active', 'completed'] as const;
export type AssignmentStatus = (typeof assignmentStatuses)[number];

/** A profile not confirmed for this long is stale. */
export const STALE_AFTER_MS = 365 * 86_400_000;

export const isStale = (confirmedAt: number, now: number): boolean => confirmedAt < now - STALE_AFTER_MS;
