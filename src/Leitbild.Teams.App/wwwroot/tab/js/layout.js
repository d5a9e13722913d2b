// The frame around every page: skip link, header (who is signed in, language), the development banner, the dashboard's
// navigation, the main landmark and a polite live region for "saved" messages.
import { h, clear } from './dom.js';
import { t, currentLanguage } from './i18n.js';
import { devSignInUrl } from './auth.js';

const SECTIONS = [
  { id: 'prozess', path: '/tab/dashboard' },
  { id: 'interviews-workshops', path: '/tab/dashboard/interviews-workshops' },
  { id: 'umfragen', path: '/tab/dashboard/umfragen' },
  { id: 'ergebnisse', path: '/tab/dashboard/ergebnisse' },
];

/** Keeps ?lang= and ?theme= on links outside a host, where they are the only way to choose them. */
export function makeLink(params, host) {
  return (path, extra = {}) => {
    const url = new URL(path, location.origin);
    if (!host.inHost) {
      for (const key of ['lang', 'theme']) if (params.get(key)) url.searchParams.set(key, params.get(key));
    }
    for (const [key, value] of Object.entries(extra)) url.searchParams.set(key, value);
    return url.pathname + url.search;
  };
}

export function roleLabel(me) {
  if (me.isGuest) return t('tab.role.guest');
  if (me.roles.includes('organizer')) return t('tab.role.organizer');
  if (me.roles.includes('reviewer')) return t('tab.role.reviewer');
  return t('tab.role.staff');
}

function languageSwitch(context) {
  if (context.host.inHost) return null;
  const other = t('tab.language.otherCode');
  const url = new URL(location.href);
  url.searchParams.set('lang', other);
  return h('a', { href: url.pathname + url.search, lang: other, hreflang: other }, t('tab.language.other'));
}

/** Renders the frame into #app and returns the element the page fills. */
export function renderFrame(context, { dashboard = false, sections = null } = {}) {
  const app = clear(document.getElementById('app'));
  const { me } = context;
  const header = h('header', { class: 'app-header' },
    h('div', { class: 'brand' }, t('tab.appName'), context.process ? h('span', { class: 'city' }, context.process) : null),
    me ? h('div', { class: 'user' }, t('tab.user.signedInAs', me.displayName), ' · ', roleLabel(me)) : null,
    h('div', { class: 'header-links' },
      dashboard && me ? h('a', { href: context.link('/tab/mein-leitbild') }, t('tab.pageTitle.mein-leitbild')) : null,
      !dashboard && me && (me.roles.includes('organizer') || me.roles.includes('reviewer'))
        ? h('a', { href: context.link('/tab/dashboard') }, t('tab.section.prozess')) : null,
      languageSwitch(context)),
    context.signInKind === 'development'
      ? h('p', { class: 'dev-banner' }, t('tab.dev.banner'), ' ', h('a', { href: devSignInUrl() }, t('tab.dev.switch')))
      : null);
  app.append(h('a', { class: 'skip-link', href: '#main' }, t('tab.skipToContent')), header);

  if (dashboard && sections) {
    const current = context.page.replace('dashboard/', '');
    app.append(h('nav', { class: 'tabs', 'aria-label': t('tab.nav.label') },
      h('ul', null, SECTIONS.filter((s) => sections.some((x) => x.id === s.id)).map((section) =>
        h('li', null, h('a', {
          href: context.link(section.path),
          'aria-current': section.id === current ? 'page' : null,
        }, t(`tab.section.${section.id}`)))))));
  }

  const page = h('div', { id: 'page' });
  const announcer = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  app.append(h('main', { id: 'main', tabindex: '-1' }, page, announcer), legalFooter());
  context.announce = (message) => {
    announcer.textContent = '';
    setTimeout(() => { announcer.textContent = message; }, 50);
  };
  return page;
}

/** Privacy notice and accessibility statement, in the page's language; a new window, so Teams keeps the tab. */
function legalFooter() {
  const suffix = currentLanguage() === 'en' ? '?lang=en' : '';
  const link = (path, key) => h('a', { href: path + suffix, target: '_blank', rel: 'noopener' }, t(key));
  return h('footer', { class: 'app-footer' },
    link('/datenschutz', 'tab.footer.privacy'), ' · ', link('/barrierefreiheit', 'tab.footer.accessibility'));
}

/** A message in place of the page (no access, cannot load, open in Teams), with an optional link onwards. */
export function renderMessage(container, { title, text, link }) {
  clear(container).append(
    h('h1', null, title),
    h('div', { class: 'card error-box', role: 'alert' },
      h('p', null, text),
      link ? h('p', null, h('a', { href: link.href }, link.text)) : null));
}

export function loadError(result) {
  if (result.signInError) return t('tab.error.signIn', result.signInError);
  return result.status === 0 ? t('tab.error.network') : t('tab.error.load', result.status);
}
