// Table types of the volunteers module: registrations (双报到), posts, activities and sign-ups, the hours and points
// ledger with its caps' tally, certificates, and sunshine relief pairings and visits.
export type VolunteerRegistrationTable = {
  id: string;
  kind: string;
  member_id: string | null;
  unit_org_id: string | null;
  name: string;
  home_path: string;
  community_id: string;
  community_path: string;
  status: string;
  requested_at: number;
  confirmed_at: number | null;
  confirmed_by: string | null;
  valid_until: number | null;
  confirmations: number;
  reason: string | null;
  ended_at: number | null;
  created_at: number;
  updated_at: number;
};

export type VolunteerPostTable = {
  id: string;
  community_id: string;
  org_path: string;
  category: string;
  title: string;
  description: string;
  skills: string;
  places: number;
  status: string;
  created_by: string | null;
  created_at: number;
  updated_at: number;
};

export type VolunteerPostClaimTable = {
  post_id: string;
  member_id: string;
  member_name: string;
  org_path: string;
  claimed_at: number;
};

export type VolunteerActivityTable = {
  id: string;
  post_id: string | null;
  community_id: string;
  org_path: string;
  category: string;
  title: string;
  description: string;
  place_name: string;
  lng: number;
  lat: number;
  radius_m: number;
  starts_at: number;
  ends_at: number;
  places: number;
  skills: string;
  checkin_token: string;
  status: string;
  organiser_id: string | null;
  confirmed_at: number | null;
  confirmed_by: string | null;
  act_id: string | null;
  created_at: number;
  updated_at: number;
};

export type VolunteerSignupTable = {
  id: string;
  activity_id: string;
  member_id: string;
  user_id: string | null;
  member_name: string;
  org_path: string;
  signed_up_at: number;
  cancelled_at: number | null;
  sign_in_at: number | null;
  sign_in_lng: number | null;
  sign_in_lat: number | null;
  sign_out_at: number | null;
  sign_out_lng: number | null;
  sign_out_lat: number | null;
};

export type PointsActTable = {
  id: string;
  kind: string;
  rule_code: string;
  category: string;
  org_path: string;
  evidence: string;
  note: string | null;
  source_type: string;
  source_id: string | null;
  reverses_act_id: string | null;
  approver_id: string;
  approver_name: string;
  approved_at: number;
  occurred_at: number;
  created_at: number;
};

export type PointsEntryTable = {
  id: string;
  act_id: string;
  member_id: string;
  member_name: string;
  branch_path: string;
  community_path: string | null;
  kind: string;
  rule_code: string;
  category: string;
  year: number;
  occurred_at: number;
  /** Minutes for hours, points for points; the sign says credit or debit. */
  amount: number;
  reverses_entry_id: string | null;
  created_at: number;
};

export type PointsTallyTable = {
  member_id: string;
  rule_code: string;
  period_key: string;
  amount: number;
};

export type VolunteerCertificateTable = {
  id: string;
  code: string;
  member_id: string;
  member_name: string;
  org_path: string;
  year: number;
  minutes: number;
  status: string;
  notice_from: number;
  notice_until: number;
  objection: string | null;
  issued_at: number | null;
  created_by: string | null;
  created_at: number;
};

export type ReliefPairingTable = {
  id: string;
  household_id: string;
  household_name: string;
  org_path: string;
  helper_kind: string;
  member_id: string | null;
  unit_org_id: string | null;
  helper_name: string;
  visits_per_quarter: number;
  lng: number | null;
  lat: number | null;
  started_at: number;
  ended_at: number | null;
  created_at: number;
};

export type ReliefVisitTable = {
  id: string;
  pairing_id: string;
  household_id: string;
  org_path: string;
  started_at: number;
  ended_at: number;
  lng: number | null;
  lat: number | null;
  /** 'stored' when the visit has a photo (in relief_visit_photo), else null. */
  photo: string | null;
  note: string;
  help: string | null;
  flags: string;
  recorded_by: string | null;
  created_at: number;
};

export type ReliefVisitPhotoTable = {
  visit_id: string;
  mime: string;
  bytes: Buffer;
  width: number;
  height: number;
  created_at: number;
};

/** One quarter's feedback to one organisation: a unit ('employer') or a branch ('branch'). */
export type VolunteerFeedbackTable = {
  id: string;
  kind: string;
  org_id: string;
  org_path: string;
  /** The quarter reported on, e.g. "2026-Q3". */
  period: string;
  members: number;
  unregistered: number;
  behind_bar: number;
  /** Minutes the organisation's members served in the quarter. */
  minutes: number;
  /** Accounts the notice reached (0: nobody holds an account there yet). */
  recipients: number;
  sent_at: number;
};

export type VolunteerTables = {
  volunteer_registration: VolunteerRegistrationTable;
  volunteer_post: VolunteerPostTable;
  volunteer_post_claim: VolunteerPostClaimTable;
  volunteer_activity: VolunteerActivityTable;
  volunteer_signup: VolunteerSignupTable;
  points_act: PointsActTable;
  points_entry: PointsEntryTable;
  points_tally: PointsTallyTable;
  volunteer_certificate: VolunteerCertificateTable;
  relief_pairing: ReliefPairingTable;
  relief_visit: ReliefVisitTable;
  relief_visit_photo: ReliefVisitPhotoTable;
  volunteer_feedback: VolunteerFeedbackTable;
};
