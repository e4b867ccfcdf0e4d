// Table type of the job queue (timers and deliveries).
export type JobTable = {
  id: string;
  kind: string;
  /** Unique when set: scheduling the same key again replaces the pending job. */
  key: string | null;
  due_at: number;
  payload: string | null;
  status: string;
  attempts: number;
  lease_until: number | null;
  last_error: string | null;
  created_at: number;
  done_at: number | null;
};

export type JobTables = { job: JobTable };
