// Dashboard › Interviews & Workshops. Organizers start interview campaigns (proposals per interviewee), follow each
// interview, book, reschedule or cancel on someone's behalf; plan workshops, see who is free at the best slots, book one
// or start a slot vote, and follow votes and RSVPs. Reviewers see the same status without the buttons; the API decides.
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { renderMessage, loadError } from '../layout.js';
import { campaignsSection } from './scheduling/campaigns.js';
import { workshopsSection } from './scheduling/workshops.js';

export async function render(container, context) {
  const page = h('div', { class: 'scheduling' });
  container.append(page);
  const organizer = context.me.roles.includes('organizer');
  // Kept across reloads: a workshop just created shows its slots straight away.
  const memory = { findSlotsFor: null };

  async function load(focusId = null, message = null) {
    const [overview, participants, timeline] = await Promise.all([
      context.api.get('/api/scheduling/overview'),
      organizer ? context.api.get('/api/scheduling/participants') : Promise.resolve(null),
      context.api.get('/api/tab/process'),
    ]);
    if (!overview.ok) {
      renderMessage(page, { title: t('tab.section.interviews-workshops'), text: loadError(overview) });
      return;
    }
    const ctx = {
      context,
      overview: overview.data,
      canOrganize: overview.data.canOrganize,
      participants: participants?.ok ? participants.data : null,
      phases: timeline.ok ? timeline.data.phases : [],
      reload: load,
      memory,
      // Parts that load on their own (votes, RSVPs, slots); the page counts as drawn once they are in.
      pending: [],
    };
    clear(page).append(
      h('h1', null, t('tab.section.interviews-workshops')),
      h('p', { class: 'lead' }, t(ctx.canOrganize ? 'tab.scheduling.intro' : 'tab.scheduling.introReadOnly')),
      ctx.overview.icsDownloads ? h('p', { class: 'hint' }, t('tab.scheduling.localNote')) : null,
      campaignsSection(ctx),
      workshopsSection(ctx));
    await Promise.all(ctx.pending);
    const target = focusId ? document.getElementById(focusId) : null;
    if (target) {
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus();
      target.scrollIntoView({ block: 'start' });
    }
    if (message) context.announce?.(message);
  }

  await load(location.hash ? decodeURIComponent(location.hash.slice(1)) : null);
}
