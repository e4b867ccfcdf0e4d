// The console paths of the command view's pages; the big-screen mode travels in the address so it can be shared.
const withQuery = (path: string, query: Record<string, string | undefined>): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') {
      params.set(key, value);
    }
  }
  const search = params.toString();
  return search === '' ? path : `${path}?${search}`;
};

export const screenPath = (orgId: string | undefined, isBigScreen: boolean): string =>
  withQuery('/command', { orgId, mode: isBigScreen ? 'screen' : undefined });

export const briefingPath = (orgId: string | undefined): string => withQuery('/command/briefing', { orgId });

export const rulesPath = '/command/rules';
