// Prozess › Protokoll (the planning team only): the latest organizer actions from the audit log — who sent, closed, hid,
// exported or erased what and when. External moderators get 403 from the API and see no section.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { formatDateTime } from '../format.js';

const SHOWN = 20;

function target(entry) {
  return Object.entries(entry.target).map(([key, value]) => `${key.replace(/^\?/, '')}: ${value}`).join(', ');
}

export async function auditSection(context) {
  if (context.me?.isGuest) return null;
  const log = await context.api.get(`/api/privacy/audit?limit=${SHOWN}`);
  if (!log.ok) return null;
  return h('section', { 'aria-labelledby': 'audit-heading', class: 'audit' },
    h('h2', { id: 'audit-heading' }, t('tab.audit.heading')),
    h('p', null, t('tab.audit.hint', SHOWN)),
    log.data.length === 0
      ? h('p', null, t('tab.audit.empty'))
      : h('table', { class: 'status-table', 'aria-labelledby': 'audit-heading' },
          h('thead', null, h('tr', null,
            h('th', { scope: 'col' }, t('tab.audit.when')),
            h('th', { scope: 'col' }, t('tab.audit.who')),
            h('th', { scope: 'col' }, t('tab.audit.what')),
            h('th', { scope: 'col' }, t('tab.audit.target')),
            h('th', { scope: 'col' }, t('tab.audit.status')))),
          h('tbody', null, log.data.map((entry) => h('tr', null,
            h('td', null, formatDateTime(entry.at, context.lang)),
            h('td', null, entry.actorName ?? entry.actorId, entry.actorIsGuest ? ` · ${t('tab.role.guest')}` : ''),
            h('td', null, h('code', null, entry.action)),
            h('td', null, target(entry)),
            h('td', null, String(entry.status)))))));
}
