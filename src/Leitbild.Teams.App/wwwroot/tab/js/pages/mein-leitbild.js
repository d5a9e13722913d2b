// Mein Leitbild, the personal tab for staff: my open polls, my appointments, and where the process stands.
// Polls and appointments come from features that register item sources on the server; until they do, the API says
// "not available" and the page explains where these arrive instead of showing an empty list.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { formatSpan } from '../format.js';
import { itemActions } from '../actions.js';
import { renderFrame, renderMessage, loadError } from '../layout.js';
import { renderCompactTimeline } from '../timeline.js';

function when(item, lang) {
  return item.start ? ` · ${formatSpan(item.start, item.end, lang)}` : null;
}

function itemsCard(headingKey, items, comingKey, emptyKey, context, onChanged) {
  const headingId = `${headingKey.replace(/\./g, '-')}-heading`;
  let body;
  if (!items.available) body = h('p', { class: 'coming-text' }, t(comingKey));
  else if (items.items.length === 0) body = h('p', null, t(emptyKey));
  else {
    body = h('ul', { class: 'items my-items' }, items.items.map((item) => h('li', { id: `item-${item.id}` },
      h('span', { class: 'item-title' }, item.link ? h('a', { href: item.link }, item.title) : item.title),
      item.status ? h('span', { class: 'item-status' }, ` · ${item.status}`) : null,
      when(item, context.lang),
      itemActions(item, context, { onChanged }))));
  }
  return h('section', { class: 'card', 'aria-labelledby': headingId }, h('h2', { id: headingId, tabindex: '-1' }, t(headingKey)), body);
}

export async function render(context) {
  const container = renderFrame(context);
  // After an action (a booking, say) the page is drawn again from the server; focus returns to the list and the result is announced.
  const reload = (headingId) => async () => {
    await render(context);
    document.getElementById(headingId)?.focus();
    context.announce?.(t('tab.my.done'));
  };
  const [mine, timeline] = await Promise.all([
    context.api.get('/api/tab/mein-leitbild'),
    context.api.get('/api/tab/process'),
  ]);
  if (!mine.ok) {
    renderMessage(container, { title: t('tab.my.heading'), text: loadError(mine) });
    return;
  }
  container.append(
    h('h1', null, t('tab.my.heading')),
    h('p', null, t('tab.my.greeting', context.me.displayName)),
    h('p', { class: 'lead' }, t('tab.my.intro')),
    itemsCard('tab.my.polls', mine.data.openPolls, 'tab.my.pollsComing', 'tab.my.noPolls', context, reload('tab-my-polls-heading')),
    itemsCard('tab.my.appointments', mine.data.appointments, 'tab.my.appointmentsComing', 'tab.my.noAppointments', context, reload('tab-my-appointments-heading')));
  if (timeline.ok) {
    container.append(h('section', { class: 'card', 'aria-labelledby': 'process-heading' },
      h('h2', { id: 'process-heading' }, t('tab.my.process')),
      h('p', { class: 'lead' }, timeline.data.title),
      renderCompactTimeline(timeline.data, context)));
  }
}
