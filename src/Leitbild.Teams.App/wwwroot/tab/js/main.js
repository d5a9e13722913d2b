// Entry of every tab page. The server renders a shell with data-page and data-mode; this finds the host, the language
// and the theme, signs the person in, and hands over to the page's module.
import { startHost, applyTheme, notifyLoaded } from './host.js';
import { loadTexts, pickLanguage, t } from './i18n.js';
import { signIn, forgetDevSignIn, devSignInUrl } from './auth.js';
import { createApi } from './api.js';
import { makeLink, renderFrame, renderMessage } from './layout.js';
import { h, clear } from './dom.js';

const PAGES = {
  'dashboard/prozess': () => import('./pages/process.js'),
  'dashboard/interviews-workshops': () => import('./pages/section.js'),
  'dashboard/umfragen': () => import('./pages/section.js'),
  'dashboard/ergebnisse': () => import('./pages/section.js'),
  'mein-leitbild': () => import('./pages/mein-leitbild.js'),
  config: () => import('./pages/config.js'),
  channel: () => import('./pages/channel.js'),
  'dev-signin': () => import('./pages/dev-signin.js'),
};

async function start() {
  const { page, mode } = document.body.dataset;
  const params = new URLSearchParams(location.search);
  const host = await startHost(params);
  applyTheme(host.theme);
  host.onThemeChange(applyTheme);

  const lang = pickLanguage(params, host);
  document.documentElement.lang = lang;
  await loadTexts(lang);
  document.title = t(`tab.pageTitle.${page.replace('/', '.')}`);

  const context = { page, mode, lang, host, params, link: makeLink(params, host), t };
  const module = await PAGES[page]();

  if (page === 'dev-signin') {
    await module.render(context);
    markReady();
    return;
  }

  const session = signIn(context);
  if (session.kind === 'redirect') return;
  if (session.kind === 'none') {
    renderMessage(renderFrame(context), { title: t('tab.appName'), text: t('tab.error.openInTeams') });
    notifyLoaded(host);
    markReady();
    return;
  }
  context.signInKind = session.kind;
  context.api = createApi({
    getToken: session.getToken,
    language: lang,
    // A development token dies with a restart of the app: sign in again.
    onUnauthorized: session.kind === 'development' ? () => { forgetDevSignIn(); location.assign(devSignInUrl()); } : null,
  });

  const me = await context.api.get('/api/me');
  if (!me.ok) {
    const text = me.signInError ? t('tab.error.signIn', me.signInError) : t('tab.error.load', me.status);
    renderMessage(renderFrame(context), { title: t('tab.error.title'), text });
    notifyLoaded(host);
    markReady();
    return;
  }
  context.me = me.data;
  await module.render(context);
  notifyLoaded(host);
  markReady();
}

/** The page has drawn what it loaded (tests and screenshots wait for this). */
function markReady() {
  document.body.dataset.ready = 'true';
}

start().catch((error) => {
  // Last resort: show something readable instead of a blank tab.
  const app = clear(document.getElementById('app'));
  app.append(h('main', { id: 'main' }, h('h1', null, 'Leitbild'), h('p', { role: 'alert' }, String(error?.message ?? error))));
  markReady();
});
