// The alliance's words as code: the three lists, kinds of what is offered or needed, states.
export const lists = ['demand', 'resource', 'project'] as const;
export type ListName = (typeof lists)[number];

/** What a demand needs or a resource offers (venues, experts, funds, volunteers, equipment, services). */
export const itemKinds = ['venue', 'expert', 'funds', 'volunteers', 'equipment', 'service'] as const;
export type ItemKind = (typeof itemKinds)[number];

export const demandSources = ['own', 'appeal', 'consultation'] as const;
export type DemandSource = (typeof demandSources)[number];

/** open → matched (a demand agreed with an offer; a resource fully booked) → done (a demand delivered); withdrawn. */
export const itemStatuses = ['open', 'matched', 'done', 'withdrawn'] as const;
export type ItemStatus = (typeof itemStatuses)[number];

/** agreed → delivered → evaluated; cancelled before delivery. */
export const matchStatuses = ['agreed', 'delivered', 'evaluated', 'cancelled'] as const;
export type MatchStatus = (typeof matchStatuses)[number];

/** The organisation levels that convene an alliance: the district, a town (street) and a community or village. */
export const convenerLevels = ['district', 'town', 'village'] as const;

/** planned → held (minutes and the members present) or cancelled. */
export const meetingStatuses = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

/**
 * A brand project's pipeline: 申报 declared → 孵化 incubating (the chain built: partners and resources) → 补链 filling
 * (gaps a review found are closed) → 强链 strengthening (scaled and publicised); a declaration may be declined.
 */
export const brandStages = ['declared', 'incubating', 'filling', 'strengthening', 'declined'] as const;
export type BrandStage = (typeof brandStages)[number];

export const brandEventKinds = ['milestone', 'review', 'stage'] as const;
export type BrandEventKind = (typeof brandEventKinds)[number];
