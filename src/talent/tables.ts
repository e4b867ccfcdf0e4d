// The talent pool's tables: see migration 0024_talent.

export type TalentProfileTable = {
  id: string;
  /** The village/community or town the talent lives in. */
  org_id: string;
  org_path: string;
  grid_id: string | null;
  /** The party member this profile is, when it is one. */
  member_id: string | null;
  name: string;
  kind: string;
  /** JSON array of normalised skill tags (also one row each in talent_skill). */
  skills: string;
  /** What the talent does and has done: masked text. */
  summary: string;
  availability: string;
  weekdays: number;
  weekends: number;
  /** Consent to be contacted (1) and when it was given. */
  consent: number;
  consent_at: number | null;
  phone_enc: string | null;
  phone_idx: string | null;
  phone_masked: string | null;
  /** When the profile was last confirmed current; a year later it is stale. */
  confirmed_at: number;
  created_by: string | null;
  created_at: number;
  updated_at: number;
};

export type TalentSkillTable = {
  profile_id: string;
  tag: string;
  org_path: string;
};

export type TalentAssignmentTable = {
  id: string;
  profile_id: string;
  org_path: string;
  /** 'demand' (an alliance demand), 'post' (a volunteer post), 'topic' (a consultation topic), 'grassroots'. */
  target_kind: string;
  target_id: string | null;
  title: string;
  starts_at: number;
  ends_at: number | null;
  /** 'active' until completed with what was done and an evaluation. */
  status: string;
  outcome: string | null;
  rating: number | null;
  /** The record of the assignment (工作记录): masked text. */
  record: string;
  created_by: string | null;
  created_at: number;
  updated_at: number;
};

export type TalentTables = {
  talent_profile: TalentProfileTable;
  talent_skill: TalentSkillTable;
  talent_assignment: TalentAssignmentTable;
};
