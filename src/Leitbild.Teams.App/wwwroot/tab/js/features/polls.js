// Dashboard › Umfragen: the polls of the process. Organizers create a poll from the goal catalogue, preview its card,
// send it, follow the delivery, remind and close; reviewers read polls and results. The API decides what each may do;
// this page only leaves out what would be refused.
import { h, clear, append } from '../dom.js';
import { t } from '../i18n.js';
import { formatDateTime } from '../format.js';
import { useStylesheet, statusBadge } from './polls-common.js';
import { renderEditor } from './polls-editor.js';
import { renderResults } from './polls-results.js';

// Who did not get the card and why; reasons are codes (blocked, noTeams, policy, interrupted) or the connector's status.
function notReachedList(report) {
  const people = report.notReached ?? [];
  if (people.length === 0) return null;
  const reason = (person) => {
    const known = ['blocked', 'noTeams', 'policy', 'interrupted'];
    return known.includes(person.reason) ? t(`tab.polls.report.reason.${person.reason}`) : t('tab.polls.report.reason.other', person.reason ?? '');
  };
  return h('div', { class: 'not-reached' },
    h('h4', { id: 'not-reached-heading' }, t('tab.polls.report.notReached', people.length)),
    h('ul', { 'aria-labelledby': 'not-reached-heading' }, people.map((person) => h('li', null, `${person.displayName}: ${reason(person)}`))));
}

function reportFacts(report) {
  return h('dl', { class: 'facts delivery-report' },
    ['total', 'delivered', 'pending', 'failed', 'unreachable'].map((k) => [
      h('dt', null, t(`tab.polls.report.${k}`)), h('dd', { 'data-field': k }, String(report[k]))]),
    h('dt', null, t('tab.polls.report.state')),
    h('dd', null, t(report.finished ? 'tab.polls.report.finished' : 'tab.polls.report.running')));
}

function audienceText(audience) {
  if (audience.kind === 'people') return t('tab.polls.audienceText.people', audience.personCount);
  if (audience.kind === 'entraGroup') return t('tab.polls.audienceText.entraGroup', audience.personCount);
  if (audience.kind === 'department') return t('tab.polls.audienceText.department', audience.unitName ?? audience.unitId ?? '');
  return t(`tab.polls.audience.${audience.kind}`);
}

async function renderDetail(container, context, pollId, onChanged) {
  const isOrganizer = context.me.roles.includes('organizer');
  const found = await context.api.get(`/api/polls/${encodeURIComponent(pollId)}`);
  clear(container);
  if (!found.ok) {
    container.append(h('p', { class: 'form-error', role: 'alert' }, t('tab.error.load', found.status)));
    return;
  }
  const poll = found.data;
  const title = context.lang === 'en' ? poll.title.en : poll.title.de;
  const feedback = h('div', { class: 'form-error', role: 'alert' });
  const reportBox = h('div', { class: 'report' });
  const resultsBox = h('div', { class: 'results' });
  const redraw = () => renderDetail(container, context, pollId, onChanged);

  async function act(path, doneKey) {
    clear(feedback);
    const result = await context.api.post(`/api/polls/${encodeURIComponent(pollId)}/${path}`);
    if (!result.ok) {
      feedback.append(result.data?.detail ?? t('tab.error.load', result.status));
      return;
    }
    context.announce?.(t(doneKey));
    await onChanged();
    await redraw();
  }

  async function loadReport() {
    const report = await context.api.get(`/api/polls/${encodeURIComponent(pollId)}/report`);
    append(clear(reportBox), [h('h3', null, t('tab.polls.report.heading')),
      report.ok ? [reportFacts(report.data), notReachedList(report.data)] : h('p', { class: 'hint' }, t('tab.error.load', report.status))]);
  }

  const actions = [];
  if (isOrganizer && poll.status !== 'closed') {
    actions.push(h('button', { type: 'button', class: 'primary', onClick: () => act('send', 'tab.polls.sent') },
      t(poll.status === 'draft' ? 'tab.polls.send' : 'tab.polls.resend')));
  }
  if (isOrganizer && poll.status === 'open') {
    actions.push(
      h('button', { type: 'button', class: 'secondary', onClick: () => act('remind', 'tab.polls.reminded') }, t('tab.polls.remind')),
      h('button', { type: 'button', class: 'secondary', onClick: () => act('close', 'tab.polls.closed') }, t('tab.polls.close')));
  }
  if (isOrganizer && poll.status !== 'draft') {
    actions.push(h('button', { type: 'button', class: 'secondary', onClick: loadReport }, t('tab.polls.report.refresh')));
  }

  container.append(h('section', { class: 'card poll-detail', 'aria-labelledby': 'poll-detail-heading' },
    h('div', { class: 'phase-head' }, h('h2', { id: 'poll-detail-heading' }, title), statusBadge(poll.status)),
    h('dl', { class: 'facts' },
      h('dt', null, t('tab.polls.questions')), h('dd', null, String(poll.questions.length)),
      h('dt', null, t('tab.polls.audience')), h('dd', null, audienceText(poll.audience)),
      h('dt', null, t('tab.polls.anonymous')), h('dd', null, t(poll.settings.anonymous ? 'tab.polls.yes' : 'tab.polls.no')),
      poll.settings.anonymous ? [h('dt', null, t('tab.polls.byOffice')), h('dd', null, t(poll.settings.byOffice ? 'tab.polls.yes' : 'tab.polls.no'))] : null,
      h('dt', null, t('tab.polls.visibility')), h('dd', null, t(`tab.polls.visibility.${poll.settings.visibility}`)),
      h('dt', null, t('tab.polls.deadline')), h('dd', null, poll.settings.deadline ? formatDateTime(poll.settings.deadline, context.lang) : t('tab.polls.noDeadline')),
      poll.openedAt ? [h('dt', null, t('tab.polls.openedAt')), h('dd', null, formatDateTime(poll.openedAt, context.lang))] : null,
      poll.closedAt ? [h('dt', null, t('tab.polls.closedAt')), h('dd', null, formatDateTime(poll.closedAt, context.lang))] : null),
    actions.length > 0 ? h('div', { class: 'actions' }, actions) : null,
    feedback,
    reportBox,
    resultsBox));
  if (isOrganizer && poll.status !== 'draft') await loadReport();
  if (poll.status !== 'draft') await renderResults(resultsBox, context, pollId);
}

function pollTable(polls, phases, context, onOpen) {
  if (polls.length === 0) return h('p', { class: 'hint' }, t('tab.polls.none'));
  return h('table', { class: 'poll-list' },
    h('caption', { class: 'visually-hidden' }, t('tab.polls.listCaption')),
    h('thead', null, h('tr', null, ['title', 'phase', 'status', 'deadline'].map((k) => h('th', { scope: 'col' }, t(`tab.polls.column.${k}`))))),
    h('tbody', null, polls.map((poll) => h('tr', null,
      h('th', { scope: 'row' }, h('a', { href: context.link('/tab/dashboard/umfragen', { poll: poll.id }), onClick: (event) => {
        event.preventDefault();
        onOpen(poll.id);
      } }, poll.title)),
      h('td', null, phases.get(poll.phaseId) ?? poll.phaseId),
      h('td', null, statusBadge(poll.status)),
      h('td', null, poll.deadline ? formatDateTime(poll.deadline, context.lang) : '–')))));
}

export async function render(container, context) {
  useStylesheet();
  const isOrganizer = context.me.roles.includes('organizer');
  const listBox = h('section', { class: 'card', 'aria-labelledby': 'poll-list-heading' });
  const editorBox = h('div', { class: 'editor' });
  const detailBox = h('div', { class: 'detail' });
  const [process] = await Promise.all([context.api.get('/api/process')]);
  const phases = new Map((process.ok ? process.data.phases : []).map((p) => [p.id, context.lang === 'en' ? p.title.en : p.title.de]));

  async function openPoll(pollId) {
    clear(editorBox);
    const url = new URL(location.href);
    url.searchParams.set('poll', pollId);
    history.replaceState(null, '', url.pathname + url.search);
    await renderDetail(detailBox, context, pollId, drawList);
    detailBox.querySelector('h2')?.setAttribute('tabindex', '-1');
    detailBox.querySelector('h2')?.focus();
  }

  async function drawList() {
    const list = await context.api.get('/api/polls');
    clear(listBox).append(h('h2', { id: 'poll-list-heading' }, t('tab.polls.list')),
      list.ok ? pollTable(list.data, phases, context, openPoll) : h('p', { class: 'form-error', role: 'alert' }, t('tab.error.load', list.status)));
  }

  const header = [h('h1', null, t('tab.section.umfragen')), h('p', { class: 'lead' }, t(isOrganizer ? 'tab.polls.introOrganizer' : 'tab.polls.introReviewer'))];
  if (isOrganizer) {
    header.push(h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', onClick: async () => {
      clear(detailBox);
      clear(editorBox);
      await renderEditor(editorBox, context, {
        onCreated: async (poll) => { context.announce?.(t('tab.polls.created')); await drawList(); await openPoll(poll.id); },
        onCancel: () => clear(editorBox),
      });
    } }, t('tab.polls.newPoll'))));
  }
  container.append(...header, editorBox, detailBox, listBox);
  await drawList();
  const asked = context.params.get('poll');
  if (asked) await renderDetail(detailBox, context, asked, drawList);
}
