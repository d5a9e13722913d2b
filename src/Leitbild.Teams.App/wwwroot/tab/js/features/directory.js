// Prozess › Verzeichnis (organizers, Microsoft 365 mode): how the last sync from Entra ID went, and the people no rule
// of the template places in an office ("ohne Amt"), so the city can fix its mapping instead of losing them.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { formatDateTime } from '../format.js';

export async function directorySection(context) {
  const overview = await context.api.get('/api/directory');
  if (!overview.ok || overview.data.source !== 'entra') return null;
  const data = overview.data;
  const sync = data.sync;
  const lastGood = sync?.lastGoodSync ? formatDateTime(sync.lastGoodSync, context.lang) : t('tab.directory.never');
  return h('section', { 'aria-labelledby': 'directory-heading', class: 'directory' },
    h('h2', { id: 'directory-heading' }, t('tab.directory.heading')),
    h('p', null, t('tab.directory.summary', data.people, lastGood)),
    sync && !sync.ok ? h('p', { class: 'note', role: 'status' }, t('tab.directory.failed', lastGood)) : null,
    h('h3', { id: 'unplaced-heading' }, t('tab.directory.unplacedHeading', data.unplaced.length)),
    data.unplaced.length === 0
      ? h('p', null, t('tab.directory.allPlaced'))
      : [
          h('p', null, t('tab.directory.unplacedHint')),
          h('table', { class: 'status-table', 'aria-labelledby': 'unplaced-heading' },
            h('thead', null, h('tr', null,
              h('th', { scope: 'col' }, t('tab.directory.name')),
              h('th', { scope: 'col' }, t('tab.directory.department')),
              h('th', { scope: 'col' }, t('tab.directory.jobTitle')))),
            h('tbody', null, data.unplaced.map((person) => h('tr', null,
              h('td', null, person.isGuest ? t('tab.directory.guest', person.displayName) : person.displayName),
              h('td', null, person.entraDepartment ?? t('tab.directory.noDepartment')),
              h('td', null, person.jobTitle ?? ''))))),
        ]);
}
