// The demo's sunshine relief and certificates, after the ledger is seeded: members of the town paired with households
// of its first villages (the demo member among them), half a year of visits checked as real ones are (a few short
// or from one spot, so the flags have something to show; the recent ones of some with a photo), and service-hours certificates — last year's issued,
// this year's first ones on their public notice.
import sharp from 'sharp';
import { householdDirectory, listHouseholdIdsByVillage } from '../households/index.js';
import type { OrgRow } from '../orgs/index.js';
import type { Database } from '../platform/db/database.js';
import { newId } from '../platform/ids.js';
import { processPhoto } from '../platform/images.js';
import { DAY_MS, instantOfLocalDate, localYear } from '../platform/time.js';
import { CERTIFICATE_NOTICE_MS, newCertificateCode } from './certificates.js';
import { flagsOfVisit } from './relief.js';
import { volunteerRepository, type PairingRow } from './repository.js';

const NOTES = ['了解近况，身体尚可', '帮助打扫卫生', '陪同就医复查', '讲解医保报销政策', '检查用电用气安全'];
const HELP = ['送米面油', '代购药品', '联系维修水管', null, '协助申请临时救助'];

export async function seedReliefDemo(
  database: Database,
  options: {
    now: number;
    town: OrgRow;
    villages: readonly OrgRow[];
    helpers: readonly { id: string; name: string }[];
    demoMemberId: string | null;
    rand: () => number;
  },
): Promise<void> {
  const { db, dialect } = database;
  const { now, rand } = options;
  const repo = volunteerRepository(db, dialect);
  const households = householdDirectory(db, dialect);
  if (options.helpers.length < 2) {
    return;
  }
  const helpers = options.helpers.filter((x) => x.id !== options.demoMemberId);
  // The demo member's two pairings come first, so the phone page has households to visit.
  const demo = options.helpers.find((x) => x.id === options.demoMemberId);
  const order = demo === undefined ? helpers : [demo, demo, ...helpers];
  const helperAt = (i: number) =>
    i < order.length ? order[i]! : helpers[(i - order.length) % helpers.length]!;
  const pairings: PairingRow[] = [];
  let h = 0;
  for (const village of options.villages.slice(0, 6)) {
    for (const householdId of (await listHouseholdIdsByVillage(db, village.id)).slice(0, 5)) {
      const hh = await households.findHousehold({ path: '/' }, householdId);
      if (hh === undefined) {
        continue;
      }
      const helper = helperAt(h++);
      const started = now - 200 * DAY_MS;
      pairings.push({
        id: newId(started),
        household_id: hh.id,
        household_name: hh.head_name,
        org_path: hh.village_path,
        helper_kind: 'member',
        member_id: helper.id,
        unit_org_id: null,
        helper_name: helper.name,
        visits_per_quarter: 3,
        lng: hh.lng,
        lat: hh.lat,
        started_at: started,
        ended_at: null,
        created_at: started,
      });
    }
  }
  await repo.insertPairings(pairings);
  // A few visits carry a photo, as recorded on a phone: a drawn doorway, re-encoded as a real upload would be.
  const photo = await processPhoto({ data: (await demoVisitPicture()).toString('base64') }, 0, 'photo');
  let photos = 0;
  for (const p of pairings) {
    for (let month = 6; month >= 1; month -= 1) {
      const start = now - month * 30 * DAY_MS + Math.floor(rand() * 20) * DAY_MS + 15 * 3_600_000;
      const isShort = rand() < 0.08;
      const end = start + (isShort ? 4 : 25 + Math.floor(rand() * 60)) * 60_000;
      const jitter = () => (rand() - 0.5) * 0.0004;
      const at = p.lng === null || p.lat === null ? null : { lng: p.lng + jitter(), lat: p.lat + jitter() };
      const v = { startedAt: start, endedAt: end, lng: at?.lng ?? null, lat: at?.lat ?? null };
      const flags = await flagsOfVisit(database, p, v);
      const i = Math.floor(rand() * NOTES.length);
      const id = newId(start);
      const hasPhoto = month <= 2 && photos < DEMO_PHOTOS;
      await repo.insertReliefVisits([
        {
          id,
          pairing_id: p.id,
          household_id: p.household_id,
          org_path: p.org_path,
          started_at: start,
          ended_at: end,
          lng: v.lng,
          lat: v.lat,
          photo: hasPhoto ? 'stored' : null,
          note: NOTES[i]!,
          help: HELP[i] ?? null,
          flags: JSON.stringify(flags),
          recorded_by: null,
          created_at: end,
        },
      ]);
      if (hasPhoto) {
        photos += 1;
        await repo.insertVisitPhoto({
          visit_id: id,
          mime: photo.mime,
          bytes: photo.bytes,
          width: photo.width,
          height: photo.height,
          created_at: end,
        });
      }
    }
  }

  // Certificates: last year's five members with the most hours issued (in the first days of the year, or a month
  // ago when the year has only just begun), and two more on their public notice — this year's leaders, or last
  // year's next two when this year has no hours yet.
  const year = localYear(now);
  const top = async (y: number) =>
    (
      await repo.minutesPerMember(
        options.town.path,
        instantOfLocalDate(`${y}-01-01`),
        Math.min(now, instantOfLocalDate(`${y + 1}-01-01`)),
      )
    )
      .filter((m) => m.minutes > 0)
      .sort((a, b) => b.minutes - a.minutes || a.memberId.localeCompare(b.memberId));
  const lastYear = await top(year - 1);
  const thisYear = await top(year);
  const issuedFrom = Math.min(instantOfLocalDate(`${year}-01-05`), now - 30 * DAY_MS);
  const plan = [
    ...lastYear.slice(0, 5).map((m) => ({ m, y: year - 1, from: issuedFrom, isIssued: true })),
    ...(thisYear.length > 0
      ? thisYear.slice(0, 2).map((m) => ({ m, y: year, from: now - 2 * DAY_MS, isIssued: false }))
      : lastYear.slice(5, 7).map((m) => ({ m, y: year - 1, from: now - 2 * DAY_MS, isIssued: false }))),
  ];
  for (const { m, y, from, isIssued } of plan) {
    await repo.insertCertificate({
      id: newId(from),
      code: newCertificateCode(),
      member_id: m.memberId,
      member_name: m.memberName,
      org_path: m.branchPath,
      year: y,
      minutes: m.minutes,
      status: isIssued ? 'issued' : 'notice',
      notice_from: from,
      notice_until: from + CERTIFICATE_NOTICE_MS,
      objection: null,
      issued_at: isIssued ? from + CERTIFICATE_NOTICE_MS : null,
      created_by: null,
      created_at: from,
    });
  }
}

const DEMO_PHOTOS = 24;

/** A small drawn picture of a household's doorway (the demo has no camera). */
function demoVisitPicture(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">
    <rect width="640" height="480" fill="#cfe3f2"/>
    <rect y="330" width="640" height="150" fill="#9bbf7a"/>
    <polygon points="170,190 320,90 470,190" fill="#8c3b2e"/>
    <rect x="190" y="190" width="260" height="160" fill="#efe6d6"/>
    <rect x="295" y="250" width="50" height="100" fill="#6b4a32"/>
    <rect x="215" y="220" width="55" height="45" fill="#7fa7c9"/>
    <rect x="370" y="220" width="55" height="45" fill="#7fa7c9"/>
    <rect x="300" y="150" width="40" height="22" fill="#d4382c"/>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
