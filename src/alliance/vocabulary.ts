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
