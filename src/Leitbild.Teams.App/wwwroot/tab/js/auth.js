// Bearer tokens for the API. In a Microsoft 365 host: TeamsJS single sign-on (authentication.getAuthToken), an Entra
// token for api://<domain>/<client id>. In a browser in local mode: the development sign-in's token in sessionStorage.

const DEV_KEY = 'leitbild.devSignIn';

export function storeDevSignIn(signIn) {
  sessionStorage.setItem(DEV_KEY, JSON.stringify(signIn));
}

export function readDevSignIn() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(DEV_KEY) ?? 'null');
    if (stored && stored.token && Date.parse(stored.expiresAt) > Date.now() + 60000) return stored;
  } catch {
    // A damaged entry is the same as none.
  }
  sessionStorage.removeItem(DEV_KEY);
  return null;
}

export function forgetDevSignIn() {
  sessionStorage.removeItem(DEV_KEY);
}

export function devSignInUrl() {
  const here = location.pathname + location.search;
  return `/tab/dev-signin?returnUrl=${encodeURIComponent(here)}`;
}

/**
 * Returns { kind: 'host' | 'development', getToken } or { kind: 'none', reason } when nobody can be signed in here.
 * Redirects to the development sign-in page (local mode) when no one is signed in yet.
 */
export function signIn(context) {
  if (context.host.inHost) {
    return { kind: 'host', getToken: () => context.host.teams.authentication.getAuthToken() };
  }
  if (context.mode !== 'local') return { kind: 'none', reason: 'openInTeams' };
  const stored = readDevSignIn();
  if (!stored) {
    location.assign(devSignInUrl());
    return { kind: 'redirect' };
  }
  return { kind: 'development', getToken: async () => stored.token, person: stored.person };
}
