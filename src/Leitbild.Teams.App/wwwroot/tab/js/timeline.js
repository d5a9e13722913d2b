// The process timeline: one card per phase with dates, status, participants and the polls and appointments that
// belong to it. Organizers open a form on a phase to change its dates and status; the server validates and answers
// with the whole updated timeline, which is drawn again.
import { h, clear, idFor } from './dom.js';
import { t } from './i18n.js';
import { formatDay, formatRange, formatSpan } from './format.js';
import { loadError } from './layout.js';

const STATUSES = ['planned', 'running', 'done', 'cancelled'];
const FIELDS = ['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd', 'status'];

function actualText(phase, lang) {
  if (phase.actualStart && phase.actualEnd) return formatRange(phase.actualStart, phase.actualEnd, lang);
  if (phase.actualStart) return `${formatDay(phase.actualStart, lang)} – ${t('tab.process.open')}`;
  return t('tab.process.notRecorded');
}

function itemList(items, lang) {
  return h('ul', { class: 'items' }, items.map((item) => h('li', null,
    item.link ? h('a', { href: item.link }, item.title) : item.title,
    item.status ? ` · ${item.status}` : null,
    item.start ? ` · ${formatSpan(item.start, item.end, lang)}` : null)));
}

/** "Umfragen" / "Termine" of a phase: the feature's items, or a plain note that the feature is still coming. */
function itemsSection(kind, items, phase, lang) {
  const headingId = idFor(`${kind}-heading`, phase.id);
  let body;
  if (!items?.available) body = h('p', { class: 'coming-text' }, t(`tab.process.${kind}Coming`));
  else if (items.items.length === 0) body = h('p', { class: 'coming-text' }, t(kind === 'polls' ? 'tab.process.noPolls' : 'tab.process.noEvents'));
  else body = itemList(items.items, lang);
  return h('section', { 'aria-labelledby': headingId }, h('h4', { id: headingId }, t(`tab.process.${kind}`)), body);
}

function dateField(phase, name, value) {
  const id = idFor(name, phase.id);
  return h('div', { class: 'field' },
    h('label', { for: id }, t(`tab.process.field.${name}`)),
    h('input', { type: 'date', id, name, value: value ?? '', 'aria-describedby': `${id}-error` }),
    h('p', { class: 'field-error', id: `${id}-error` }));
}

function editForm(phase, context, onDone) {
  const statusId = idFor('status', phase.id);
  const formError = h('p', { class: 'form-error', role: 'alert' });
  const save = h('button', { type: 'submit', class: 'primary' }, t('tab.process.save'));
  const form = h('form', { class: 'phase-form', id: idFor('edit', phase.id), novalidate: true, 'aria-label': t('tab.process.editHeading', phase.title) },
    h('fieldset', null, h('legend', null, t('tab.process.planned')),
      h('div', { class: 'field-row' }, dateField(phase, 'plannedStart', phase.plannedStart), dateField(phase, 'plannedEnd', phase.plannedEnd))),
    h('fieldset', null, h('legend', null, t('tab.process.actual')),
      h('p', { class: 'hint' }, t('tab.process.formHint')),
      h('div', { class: 'field-row' }, dateField(phase, 'actualStart', phase.actualStart), dateField(phase, 'actualEnd', phase.actualEnd))),
    h('div', { class: 'field' },
      h('label', { for: statusId }, t('tab.process.field.status')),
      h('select', { id: statusId, name: 'status', 'aria-describedby': `${statusId}-error` },
        STATUSES.map((status) => h('option', { value: status, selected: status === phase.status }, t(`phase.status.${status}`)))),
      h('p', { class: 'field-error', id: `${statusId}-error` })),
    formError,
    h('div', { class: 'actions' }, save,
      h('button', { type: 'button', class: 'secondary', onClick: () => onDone(null) }, t('tab.process.cancel'))));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const name of FIELDS) {
      const input = form.elements.namedItem(name);
      input.removeAttribute('aria-invalid');
      document.getElementById(`${input.id}-error`).textContent = '';
    }
    formError.textContent = '';
    save.disabled = true;
    save.textContent = t('tab.process.saving');
    const body = Object.fromEntries(FIELDS.map((name) => [name, form.elements.namedItem(name).value]));
    const query = context.processId ? `?process=${encodeURIComponent(context.processId)}` : '';
    const result = await context.api.put(`/api/tab/process/phases/${encodeURIComponent(phase.id)}${query}`, body);
    save.disabled = false;
    save.textContent = t('tab.process.save');
    if (result.ok) {
      onDone(result.data);
      return;
    }
    let firstInvalid = null;
    if (result.status === 400 && result.data) {
      formError.textContent = [result.data.title, result.data.detail].filter(Boolean).join(' ');
      for (const [name, messages] of Object.entries(result.data.errors ?? {})) {
        const input = form.elements.namedItem(name);
        if (!input) continue;
        input.setAttribute('aria-invalid', 'true');
        document.getElementById(`${input.id}-error`).textContent = messages.join(' ');
        firstInvalid ??= input;
      }
    } else if (result.status === 403) {
      formError.textContent = t('tab.error.forbiddenEdit');
    } else {
      formError.textContent = loadError(result);
    }
    (firstInvalid ?? save).focus();
  });
  return form;
}

function phaseCard(phase, context, editable, redraw) {
  const titleId = idFor('phase-title', phase.id);
  const article = h('article', { class: 'card phase', 'aria-labelledby': titleId },
    h('div', { class: 'phase-head' },
      h('h3', { id: titleId }, phase.title),
      h('span', { class: `badge status-${phase.status}` }, phase.statusText)),
    phase.description ? h('p', { class: 'description' }, phase.description) : null,
    h('dl', { class: 'facts' },
      h('dt', null, t('tab.process.planned')),
      h('dd', { 'data-field': 'planned' }, formatRange(phase.plannedStart, phase.plannedEnd, context.lang)),
      h('dt', null, t('tab.process.actual')),
      h('dd', { 'data-field': 'actual' }, actualText(phase, context.lang)),
      phase.participants.length > 0
        ? [h('dt', null, t('tab.process.participants')), h('dd', null, phase.participants.join(', '))]
        : null),
    h('div', { class: 'phase-items' },
      itemsSection('polls', phase.polls, phase, context.lang),
      itemsSection('events', phase.events, phase, context.lang)));

  if (editable) {
    const button = h('button', { type: 'button', class: 'secondary edit-phase', 'aria-expanded': 'false' }, t('tab.process.edit'));
    button.setAttribute('aria-label', t('tab.process.editLabel', phase.title));
    const close = (updated) => {
      if (updated) {
        redraw(updated, phase.id);
        return;
      }
      article.querySelector('form')?.remove();
      button.setAttribute('aria-expanded', 'false');
      button.removeAttribute('aria-controls');
      button.focus();
    };
    button.addEventListener('click', () => {
      if (article.querySelector('form')) {
        close(null);
        return;
      }
      const form = editForm(phase, context, close);
      article.append(form);
      button.setAttribute('aria-expanded', 'true');
      button.setAttribute('aria-controls', form.id);
      form.querySelector('input').focus();
    });
    article.append(h('div', { class: 'actions' }, button));
  }
  return h('li', { class: `status-${phase.status}`, id: idFor('phase', phase.id) }, article);
}

/**
 * Draws the timeline into container. editable: organizers' edit buttons (the API refuses everyone else anyway).
 * After a save the new timeline replaces the old one, focus returns to the phase's edit button and "saved" is announced.
 */
export function renderTimeline(container, timeline, context, { editable }) {
  const redraw = (updated, phaseId) => {
    renderTimeline(container, updated, context, { editable });
    const phase = updated.phases.find((p) => p.id === phaseId);
    container.querySelector(`#${idFor('phase', phaseId)} .edit-phase`)?.focus();
    context.announce?.(t('tab.process.saved', phase?.title ?? ''));
  };
  clear(container).append(
    h('ol', { class: 'timeline', 'aria-label': t('tab.process.timeline') },
      timeline.phases.map((phase) => phaseCard(phase, context, editable, redraw))));
}

/** One line per phase, for Mein Leitbild. */
export function renderCompactTimeline(timeline, context) {
  return h('ol', { class: 'mini-timeline' }, timeline.phases.map((phase) => h('li', null,
    h('span', null, phase.title), ' – ',
    formatRange(phase.plannedStart, phase.plannedEnd, context.lang), ' ',
    h('span', { class: `badge status-${phase.status}` }, phase.statusText))));
}

/** Title, lead office and drivers above the timeline. */
export function processSummary(timeline) {
  return [
    h('p', { class: 'lead' }, timeline.title),
    timeline.leadOffice ? h('p', { class: 'lead' }, t('tab.process.lead', timeline.leadOffice)) : null,
    timeline.drivers.length > 0 ? h('p', { class: 'lead' }, t('tab.process.drivers', timeline.drivers.join(', '))) : null,
  ];
}
