// Dashboard › Interviews & Workshops, Umfragen, Ergebnisse. Each is filled by its feature's module once that feature
// is installed (the API names the module); until then the page says which feature it waits for. No dead buttons.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { openDashboard } from '../dashboard.js';

export async function render(context) {
  const opened = await openDashboard(context);
  if (!opened) return;
  const { container, sections } = opened;
  const id = context.page.replace('dashboard/', '');
  const section = sections.find((s) => s.id === id);
  if (section?.available && section.module && section.module.startsWith('/tab/')) {
    const feature = await import(section.module);
    await feature.render(container, context);
    return;
  }
  container.append(
    h('h1', null, t(`tab.section.${id}`)),
    h('div', { class: 'card' },
      h('p', null, h('span', { class: 'badge coming' }, t('tab.coming.badge'))),
      h('p', null, t(`tab.coming.${id}`)),
      h('p', { class: 'coming-text' }, t(`tab.coming.feature.${section?.feature ?? ''}`))));
}
