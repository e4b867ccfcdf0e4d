// Table types of the identity module: users, role assignments, sessions, throttling, API tokens.
export type AppUserTable = {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  status: string;
  locale: string;
  /** The party member this person is (members.id), if any. */
  member_id: string | null;
  /** Home organisation: whose administrators manage this account (a town admin sees the users of their town). */
  org_id: string | null;
  /** 1 after an administrator's reset: every API but changing the password answers 403 until it is changed. */
  must_change_password: number;
  password_changed_at: number | null;
  last_login_at: number | null;
  deactivated_at: number | null;
  created_at: number;
  updated_at: number;
};

export type UserRoleTable = {
  id: string;
  user_id: string;
  role: string;
  org_id: string;
  created_at: number;
};

export type SessionTable = {
  id_hash: string;
  user_id: string;
  assignment_id: string | null;
  created_at: number;
  expires_at: number;
  last_seen_at: number;
  ip: string | null;
  user_agent: string | null;
};

export type LoginThrottleTable = {
  key: string;
  failures: number;
  window_start: number;
  locked_until: number | null;
};

export type ApiTokenTable = {
  id: string;
  name: string;
  kind: string;
  token_hash: string;
  prefix: string;
  user_id: string | null;
  created_by: string | null;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
};

export type IdentityTables = {
  app_user: AppUserTable;
  user_role: UserRoleTable;
  session: SessionTable;
  login_throttle: LoginThrottleTable;
  api_token: ApiTokenTable;
};
