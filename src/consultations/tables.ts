// Table types of the consultation rooms module.
export type ConsultationCouncilTable = {
  id: string;
  org_id: string;
  org_path: string;
  level: string;
  name: string;
  place: string;
  convener_name: string | null;
  support_threshold: number;
  support_days: number;
  created_at: number;
  updated_at: number;
};

export type ConsultationCouncilMemberTable = {
  id: string;
  council_id: string;
  org_path: string;
  name: string;
  kind: string;
  unit: string | null;
  user_id: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  phone_key: string | null;
  is_convener: number;
  active: number;
  created_at: number;
};

export type ConsultationTopicTable = {
  id: string;
  council_id: string;
  org_path: string;
  title: string;
  body: string;
  source: string;
  proposer_user_id: string | null;
  proposer_name_enc: string | null;
  proposer_public: string;
  is_anonymous: number;
  case_id: string | null;
  status: string;
  support_count: number;
  support_threshold: number;
  support_until: number | null;
  reason: string | null;
  merged_into_id: string | null;
  reviewed_at: number | null;
  created_at: number;
  updated_at: number;
};

export type ConsultationSupportTable = { topic_id: string; supporter_key: string; at: number };

export type ConsultationMeetingTable = {
  id: string;
  council_id: string;
  org_path: string;
  kind: string;
  title: string;
  place: string;
  starts_at: number;
  quorum: number;
  decides_body: string | null;
  status: string;
  checkin_token: string;
  minutes: string | null;
  minutes_at: number | null;
  closed_at: number | null;
  created_at: number;
  updated_at: number;
};

export type ConsultationAgendaTable = { meeting_id: string; topic_id: string; position: number };

export type ConsultationParticipantTable = {
  id: string;
  meeting_id: string;
  member_id: string | null;
  user_id: string | null;
  name: string;
  role: string;
  phone_key: string | null;
  invited_at: number | null;
  registered_at: number | null;
  attended_at: number | null;
  attended_via: string | null;
};

export type ConsultationDecisionTable = {
  id: string;
  meeting_id: string;
  topic_id: string | null;
  org_path: string;
  type: string;
  question: string;
  options: string;
  config: string;
  is_recommendation: number;
  status: string;
  opened_at: number;
  closed_at: number | null;
  result: string | null;
};

export type ConsultationVoteTable = {
  id: string;
  decision_id: string;
  participant_id: string;
  proxy_participant_id: string | null;
  recorded_by: string | null;
  origin: string;
  ballot: string;
  at: number;
};

export type ConsultationOutcomeTable = {
  id: string;
  council_id: string;
  topic_id: string | null;
  decision_id: string | null;
  org_path: string;
  title: string;
  owner_unit: string;
  deadline_at: number;
  weight: number;
  progress: number;
  status: string;
  case_id: string | null;
  case_state: string | null;
  done_at: number | null;
  reopen_count: number;
  created_at: number;
  updated_at: number;
};

export type ConsultationProgressTable = {
  id: string;
  outcome_id: string;
  at: number;
  kind: string;
  progress: number;
  note: string | null;
  evidence: string | null;
  by_name: string | null;
};

export type ConsultationRatingTable = {
  id: string;
  outcome_id: string;
  rater_key: string;
  round: number;
  rating: string;
  comment: string | null;
  at: number;
};

export type ConsultationHotspotTable = {
  topic_id: string;
  council_id: string;
  category_code: string;
  case_count: number;
  window_from: number;
  window_to: number;
  created_at: number;
};

export type ConsultationTopicCaseTable = { topic_id: string; case_id: string };

export type ConsultationTables = {
  consultation_council: ConsultationCouncilTable;
  consultation_council_member: ConsultationCouncilMemberTable;
  consultation_topic: ConsultationTopicTable;
  consultation_support: ConsultationSupportTable;
  consultation_meeting: ConsultationMeetingTable;
  consultation_agenda: ConsultationAgendaTable;
  consultation_participant: ConsultationParticipantTable;
  consultation_decision: ConsultationDecisionTable;
  consultation_vote: ConsultationVoteTable;
  consultation_outcome: ConsultationOutcomeTable;
  consultation_progress: ConsultationProgressTable;
  consultation_rating: ConsultationRatingTable;
  consultation_hotspot: ConsultationHotspotTable;
  consultation_topic_case: ConsultationTopicCaseTable;
};
