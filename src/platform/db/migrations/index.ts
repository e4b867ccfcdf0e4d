// The ordered list of migrations. Append only; never edit a migration once it has landed.
import type { Migration } from '../columns.js';
import { migration as m0001 } from './0001_foundation.js';
import { migration as m0002 } from './0002_members_households.js';
import { migration as m0003 } from './0003_grids.js';
import { migration as m0004 } from './0004_jobs.js';
import { migration as m0005 } from './0005_cases.js';
import { migration as m0006 } from './0006_notifications.js';
import { migration as m0007 } from './0007_bench_indexes.js';
import { migration as m0008 } from './0008_identity_lifecycle.js';
import { migration as m0009 } from './0009_calendar.js';
import { migration as m0010 } from './0010_step_codes.js';
import { migration as m0011 } from './0011_consultations.js';
import { migration as m0012 } from './0012_linkage.js';
import { migration as m0013 } from './0013_case_description_enc.js';
import { migration as m0014 } from './0014_assessment.js';
import { migration as m0015 } from './0015_volunteers.js';
import { migration as m0016 } from './0016_lists.js';
import { migration as m0017 } from './0017_surveys.js';
import { migration as m0018 } from './0018_case_followups.js';
import { migration as m0019 } from './0019_volunteer_feedback.js';
import { migration as m0020 } from './0020_consultation_hotspots.js';
import { migration as m0021 } from './0021_command.js';
import { migration as m0022 } from './0022_alliance.js';
import { migration as m0023 } from './0023_alliance_projects.js';
import { migration as m0024 } from './0024_talent.js';
import { migration as m0025 } from './0025_assessment_leaders.js';
import { migration as m0026 } from './0026_alliance_item_source.js';
import { migration as m0027 } from './0027_linkage_appeal_topic.js';
import { migration as m0028 } from './0028_notification_digest.js';
import { migration as m0029 } from './0029_relief_pairing_household.js';

export const migrations: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0009,
  m0010,
  m0011,
  m0012,
  m0013,
  m0014,
  m0015,
  m0016,
  m0017,
  m0018,
  m0019,
  m0020,
  m0021,
  m0022,
  m0023,
  m0024,
  m0025,
  m0026,
  m0027,
  m0028,
  m0029,
];
