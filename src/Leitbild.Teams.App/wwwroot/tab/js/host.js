// Where the tab runs: Teams, Outlook or the Microsoft 365 app (through TeamsJS), or a plain browser (local development).
// TeamsJS comes from /lib/MicrosoftTeams.min.js (vendored @microsoft/teams-js 2.58.0, global `microsoftTeams`).

const THEMES = new Set(['default', 'dark', 'contrast']);
const INITIALIZE_TIMEOUT_MS = 10000;

/** A host frames the tab (desktop and web) or gives it a native bridge (mobile); a plain browser tab has neither. */
function mayHaveHost() {
  return window.parent !== window || Boolean(window.opener) || Boolean(window.nativeInterface);
}

function withTimeout(promise, ms) {
  return Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error('TeamsJS did not answer')), ms)),
  ]);
}

/**
 * Returns { inHost, name, locale, theme, frameContext, teams, onThemeChange(fn) }.
 * Outside a host: inHost false, theme from ?theme= (for previews and tests), no TeamsJS calls at all.
 */
export async function startHost(params) {
  const teams = window.microsoftTeams;
  const browserTheme = THEMES.has(params.get('theme')) ? params.get('theme') : 'default';
  const outside = {
    inHost: false, name: 'Browser', locale: null, theme: browserTheme, frameContext: null, teams: null,
    onThemeChange() {},
  };
  if (!teams || !mayHaveHost()) return outside;
  try {
    await withTimeout(teams.app.initialize(), INITIALIZE_TIMEOUT_MS);
    const context = await teams.app.getContext();
    return {
      inHost: true,
      // HostName values: "Teams", "TeamsModern", "Outlook", "Office", "Orange", …
      name: context.app?.host?.name ?? 'Teams',
      locale: context.app?.locale ?? null,
      theme: THEMES.has(context.app?.theme) ? context.app.theme : 'default',
      frameContext: context.page?.frameContext ?? null,
      teams,
      onThemeChange(handler) {
        teams.app.registerOnThemeChangeHandler((theme) => handler(THEMES.has(theme) ? theme : 'default'));
      },
    };
  } catch {
    // Framed by something that is not a Microsoft 365 host (e.g. a preview page): behave like a browser.
    return outside;
  }
}

export function applyTheme(theme) {
  document.documentElement.dataset.theme = THEMES.has(theme) ? theme : 'default';
}

/** Tells the host the tab has loaded; hosts without a loading indicator ignore it. */
export function notifyLoaded(host) {
  if (host.inHost) Promise.resolve(host.teams.app.notifySuccess()).catch(() => {});
}
