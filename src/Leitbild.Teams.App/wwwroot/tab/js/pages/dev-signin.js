// Development sign-in (local mode only; the server does not even map it in Microsoft 365 mode): pick a seeded person,
// get a development token, go back to where you came from.
import { h, clear, append } from '../dom.js';
import { t } from '../i18n.js';
import { storeDevSignIn } from '../auth.js';

function safeReturnUrl(value) {
  // Only pages of this tab, never another site ("//evil.example" is protocol-relative).
  return value && value.startsWith('/tab/') && !value.startsWith('//') ? value : null;
}

function defaultPage(person) {
  return person.roles.includes('organizer') || person.roles.includes('reviewer') ? '/tab/dashboard' : '/tab/mein-leitbild';
}

function group(titleKey, people, onPick) {
  if (people.length === 0) return null;
  const headingId = `${titleKey.replace(/\./g, '-')}-heading`;
  return h('section', { 'aria-labelledby': headingId },
    h('h2', { id: headingId }, t(titleKey)),
    h('ul', { class: 'people' }, people.map((person) => h('li', null,
      h('button', { type: 'button', class: 'person', onClick: () => onPick(person) },
        h('strong', null, person.displayName),
        h('span', null, [person.office, person.isGuest ? t('tab.role.guest') : null].filter(Boolean).join(' · ') || t('tab.role.staff')))))));
}

export async function render(context) {
  const app = clear(document.getElementById('app'));
  const alert = h('p', { class: 'form-error', role: 'alert' });
  const main = h('main', { id: 'main', tabindex: '-1' },
    h('h1', null, t('tab.devsignin.heading')),
    h('p', { class: 'note' }, t('tab.devsignin.warning')),
    alert);
  const other = t('tab.language.otherCode');
  const switchUrl = new URL(location.href);
  switchUrl.searchParams.set('lang', other);
  app.append(
    h('header', { class: 'app-header' },
      h('div', { class: 'brand' }, t('tab.appName')),
      h('div', { class: 'header-links' }, h('a', { href: switchUrl.pathname + switchUrl.search, lang: other, hreflang: other }, t('tab.language.other')))),
    main);

  const response = await fetch(`/api/tab/dev-signin/people`, { headers: { Accept: 'application/json', 'Accept-Language': context.lang } });
  if (!response.ok) {
    alert.textContent = t('tab.error.load', response.status);
    return;
  }
  const people = await response.json();
  const returnUrl = safeReturnUrl(context.params.get('returnUrl'));

  const pick = async (person) => {
    const result = await fetch('/api/tab/dev-signin', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': context.lang },
      body: JSON.stringify({ personId: person.id }),
    });
    if (!result.ok) {
      const problem = await result.json().catch(() => null);
      alert.textContent = problem?.detail ?? t('tab.error.load', result.status);
      return;
    }
    const signIn = await result.json();
    storeDevSignIn(signIn);
    location.assign(returnUrl ?? context.link(defaultPage(signIn.person)));
  };

  append(main, [
    group('tab.devsignin.organizers', people.filter((p) => p.roles.includes('organizer')), pick),
    group('tab.devsignin.reviewers', people.filter((p) => !p.roles.includes('organizer') && p.roles.includes('reviewer')), pick),
    group('tab.devsignin.staff', people.filter((p) => !p.roles.includes('organizer') && !p.roles.includes('reviewer')), pick)]);
}
