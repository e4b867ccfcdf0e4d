// What Open311 clients see of a case. No person ever: no reporter, no staff name; phone and ID numbers that a
// reporter typed into the text are masked by the cases module's one public-text mask, as in the tracking view.
import {
  maskPersonalText,
  type Category,
  caseLight,
  type CaseRow,
  isOpenState,
  type CaseState,
  type PublicStep,
} from '../cases/index.js';
import type { Locale } from '../platform/i18n.js';
import { isoDateTime } from './format.js';

/** The district's postcode (通州区). */
export const DISTRICT_ZIPCODE = '226300';

export type Place = { code?: string; name: string };

export type ExtendedAttributes = {
  state: string;
  traffic_light: 'green' | 'yellow' | 'red';
  grid?: Place;
  village?: Place;
  town?: Place;
  steps: { datetime: string; action: string; state: string; reply?: string }[];
};

export type Open311Request = {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes?: string;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible?: string;
  service_notice?: string;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime?: string;
  address?: string;
  address_id?: string;
  zipcode: string;
  lat?: number;
  long?: number;
  media_url?: string;
  extended_attributes?: ExtendedAttributes;
};

/** Names and division codes the presenter needs, looked up by the caller (memoised over a page). */
export type PresentContext = {
  locale: Locale;
  baseUrl: string;
  now: number;
  isExtended: boolean;
  category: Category | undefined;
  steps: readonly PublicStep[];
  photoId: string | undefined;
  department: Place | undefined;
  village: Place | undefined;
  town: Place | undefined;
  grid: Place | undefined;
};

export const open311Status = (state: string): 'open' | 'closed' =>
  isOpenState(state as CaseState) ? 'open' : 'closed';

export function presentRequest(c: CaseRow, p: PresentContext): Open311Request {
  const latestReply = [...p.steps].reverse().find((s) => s.reply !== null && s.reply.trim() !== '');
  const placeName = [p.town?.name, p.village?.name].filter((x): x is string => x !== undefined).join('');
  const address = c.address ?? (placeName === '' ? undefined : placeName);
  const addressId = p.village?.code ?? p.town?.code ?? undefined;
  const out: Open311Request = {
    service_request_id: c.tracking_code,
    status: open311Status(c.state),
    ...(latestReply?.reply === undefined || latestReply.reply === null
      ? {}
      : { status_notes: maskPersonalText(latestReply.reply) }),
    service_name:
      p.category === undefined
        ? c.category_code
        : p.locale === 'en'
          ? p.category.name.en
          : p.category.name.zh,
    service_code: c.category_code,
    description: maskPersonalText(c.description),
    ...(p.department === undefined ? {} : { agency_responsible: p.department.name }),
    requested_datetime: isoDateTime(c.reported_at),
    updated_datetime: isoDateTime(c.updated_at),
    ...(c.deadline_at === null ? {} : { expected_datetime: isoDateTime(c.deadline_at) }),
    ...(address === undefined ? {} : { address: maskPersonalText(address) }),
    ...(addressId === undefined ? {} : { address_id: addressId }),
    zipcode: DISTRICT_ZIPCODE,
    ...(c.lat === null || c.lng === null ? {} : { lat: c.lat, long: c.lng }),
    ...(p.photoId === undefined
      ? {}
      : {
          media_url: `${p.baseUrl}/api/public/cases/${encodeURIComponent(c.tracking_code)}/photos/${encodeURIComponent(p.photoId)}`,
        }),
  };
  if (p.isExtended) {
    out.extended_attributes = {
      state: c.state,
      traffic_light: caseLight(c, p.now),
      ...(p.grid === undefined ? {} : { grid: p.grid }),
      ...(p.village === undefined ? {} : { village: p.village }),
      ...(p.town === undefined ? {} : { town: p.town }),
      // Only public steps, and only what they say to the public: never who acted.
      steps: p.steps.map((s) => ({
        datetime: isoDateTime(s.at),
        action: s.action,
        state: s.toState,
        ...(s.reply === null || s.reply.trim() === '' ? {} : { reply: maskPersonalText(s.reply) }),
      })),
    };
  }
  return out;
}
