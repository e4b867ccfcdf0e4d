// The database type: every module declares its own tables, composed here for Kysely.
import type { AllianceTables } from '../../alliance/tables.js';
import type { AssessmentTables } from '../../assessment/tables.js';
import type { AuditTables } from '../../audit/tables.js';
import type { CalendarTables } from '../../calendar/tables.js';
import type { CaseTables } from '../../cases/tables.js';
import type { CommandTables } from '../../command/tables.js';
import type { ConsultationTables } from '../../consultations/tables.js';
import type { GridTables } from '../../grids/tables.js';
import type { HouseholdTables } from '../../households/tables.js';
import type { IdentityTables } from '../../identity/tables.js';
import type { LinkageTables } from '../../linkage/tables.js';
import type { ListTables } from '../../lists/tables.js';
import type { MemberTables } from '../../members/tables.js';
import type { NotificationTables } from '../../notifications/tables.js';
import type { OrgTables } from '../../orgs/tables.js';
import type { PatrolTables } from '../../patrols/tables.js';
import type { SurveyTables } from '../../surveys/tables.js';
import type { TalentTables } from '../../talent/tables.js';
import type { VolunteerTables } from '../../volunteers/tables.js';
import type { JobTables } from '../jobs/tables.js';
import type { PlatformTables } from '../tables.js';

export type DB = PlatformTables &
  JobTables &
  OrgTables &
  MemberTables &
  HouseholdTables &
  GridTables &
  PatrolTables &
  IdentityTables &
  AuditTables &
  CaseTables &
  CalendarTables &
  NotificationTables &
  ConsultationTables &
  LinkageTables &
  AssessmentTables &
  ListTables &
  VolunteerTables &
  SurveyTables &
  CommandTables &
  AllianceTables &
  TalentTables;
