// Mein Leitbild, the personal tab for staff: my open polls, my appointments, and where the process stands.
// Polls and appointments come from features that register item sources on the server; until they do, the API says
// "not available" and the page explains where these arrive instead of showing an empty list.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { formatDateTime } from '../format.js';
import { renderFrame, renderMessage, loadError } from '../layout.js';
import { renderCompactTimeline } from '../timeline.js';

function itemsCard(headingKey, items, comingKey, emptyKey, lang) {
  const headingId = `${headingKey.replace(/\./g, '-')}-heading`;
  let body;
  if (!items.available) body = h('p', { class: 'coming-text' }, t(comingKey));
  else if (items.items.length === 0) body = h('p', null, t(emptyKey));
  else {
    body = h('ul', { class: 'items' }, items.items.map((item) => h('li', null,
      item.link ? h('a', { href: item.link }, item.title) : item.title,
      item.start ? ` · ${formatDateTime(item.start, lang)}` : null)));
  }
  return h('section', { class: 'card', 'aria-labelledby': headingId }, h('h2', { id: headingId }, t(headingKey)), body);
}

export async function render(context) {
  const container = renderFrame(context);
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
    itemsCard('tab.my.polls', mine.data.openPolls, 'tab.my.pollsComing', 'tab.my.noPolls', context.lang),
    itemsCard('tab.my.appointments', mine.data.appointments, 'tab.my.appointmentsComing', 'tab.my.noAppointments', context.lang));
  if (timeline.ok) {
    container.append(h('section', { class: 'card', 'aria-labelledby': 'process-heading' },
      h('h2', { id: 'process-heading' }, t('tab.my.process')),
      h('p', { class: 'lead' }, timeline.data.title),
      renderCompactTimeline(timeline.data, context)));
  }
}
