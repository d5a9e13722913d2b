// A poll's results: per question and goal the count, mean and distribution; choice counts; rank means; comments.
// Organizers hide a comment from reviewers with a reason (kept) or show it again; reviewers never receive hidden ones.
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { formatDateTime } from '../format.js';
import { bar, formatNumber, problemList } from './polls-common.js';

function distributionTable(goal, lang) {
  const max = Math.max(1, ...goal.distribution);
  return h('table', { class: 'distribution' },
    h('caption', { class: 'visually-hidden' }, t('tab.polls.results.distributionOf', goal.goalText)),
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, t('tab.polls.results.rating')),
      h('th', { scope: 'col' }, t('tab.polls.results.count')),
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('tab.polls.results.bar'))))),
    h('tbody', null, goal.distribution.map((count, i) => h('tr', null,
      h('th', { scope: 'row' }, String(i + 1)),
      h('td', { class: 'num' }, String(count)),
      h('td', null, bar(count, max)))),
    h('tr', null, h('th', { scope: 'row' }, t('tab.polls.results.noAnswer')), h('td', { class: 'num' }, String(goal.noAnswerCount)), h('td', null))));
}

function choiceTable(goal) {
  const max = Math.max(1, ...goal.choices.map((c) => c.count));
  return h('table', { class: 'distribution' },
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, t('tab.polls.results.option')),
      h('th', { scope: 'col' }, t('tab.polls.results.count')),
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('tab.polls.results.bar'))))),
    h('tbody', null, goal.choices.map((c) => h('tr', null,
      h('th', { scope: 'row' }, c.label), h('td', { class: 'num' }, String(c.count)), h('td', null, bar(c.count, max))))));
}

function departments(goal, lang, minimum) {
  if (goal.departments.length === 0 && !goal.departmentsWithheld) return null;
  return h('details', { class: 'departments' },
    h('summary', null, t('tab.polls.results.departments')),
    goal.departments.length > 0
      ? h('ul', null, goal.departments.map((d) => h('li', null,
        t('tab.polls.results.departmentLine', d.name, d.respondentCount, formatNumber(d.meanRating, lang)))))
      : null,
    goal.departmentsWithheld ? h('p', { class: 'hint' }, t('tab.polls.results.withheld', minimum)) : null);
}

function goalBlock(question, goal, lang, minimum) {
  // Below the minimum group size the server sends no figures, only the flag: say so instead of showing zeros.
  if (goal.tooFewRespondents) {
    return h('div', { class: 'goal-result' },
      h('h5', null, goal.goalText),
      h('p', { class: 'hint too-few' }, t('tab.polls.results.tooFewAnswers', minimum)));
  }
  const facts = [[t('tab.polls.results.answers'), String(goal.answerCount)]];
  if (question.kind === 'goalRating') facts.push([t('tab.polls.results.mean'), formatNumber(goal.meanRating, lang)]);
  if (question.kind === 'ranking') facts.push([t('tab.polls.results.meanRank'), formatNumber(goal.meanRank, lang)]);
  return h('div', { class: 'goal-result' },
    h('h5', null, goal.goalText),
    h('dl', { class: 'facts' }, facts.map(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
    question.kind === 'goalRating' ? distributionTable(goal, lang) : null,
    question.kind === 'singleChoice' || question.kind === 'multipleChoice' ? choiceTable(goal) : null,
    question.kind === 'goalRating' ? departments(goal, lang, minimum) : null);
}

function commentItem(pollId, comment, context, canModerate, redraw) {
  const item = h('li', { class: `comment${comment.hidden ? ' hidden-comment' : ''}` },
    h('p', { class: 'comment-text' }, comment.text),
    h('p', { class: 'hint' }, formatDateTime(comment.answeredAt, context.lang)),
    comment.hidden ? h('p', null, h('span', { class: 'badge poll-status-closed' }, t('tab.polls.results.hidden')), ' ',
      t('tab.polls.results.reason', comment.hiddenReason ?? '')) : null);
  if (!canModerate) return item;
  const errors = h('div', { class: 'form-error', role: 'alert' });
  const url = `/api/polls/${encodeURIComponent(pollId)}/comments/${encodeURIComponent(comment.id)}/moderation`;
  async function send(body) {
    const result = await context.api.post(url, body);
    if (!result.ok) {
      clear(errors).append(result.status === 400 ? problemList(result.data) : t('tab.error.load', result.status));
      return;
    }
    context.announce?.(t(body.hidden ? 'tab.polls.results.hiddenDone' : 'tab.polls.results.shownDone'));
    await redraw();
  }
  if (comment.hidden) {
    item.append(h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', onClick: () => send({ hidden: false, reason: '' }) }, t('tab.polls.results.show'))), errors);
    return item;
  }
  const reasonId = `reason-${comment.id}`;
  const reason = h('input', { type: 'text', id: reasonId, maxlength: '200' });
  const form = h('form', { class: 'moderation', hidden: true },
    h('div', { class: 'field' }, h('label', { for: reasonId }, t('tab.polls.results.reasonLabel')), reason),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, t('tab.polls.results.hideConfirm'))));
  form.addEventListener('submit', (event) => { event.preventDefault(); send({ hidden: true, reason: reason.value }); });
  item.append(h('div', { class: 'actions' },
    h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false', onClick: (event) => {
      form.hidden = !form.hidden;
      event.currentTarget.setAttribute('aria-expanded', String(!form.hidden));
      if (!form.hidden) reason.focus();
    } }, t('tab.polls.results.hide'))), form, errors);
  return item;
}

/** Draws the results of a poll into container (and again after a moderation). */
export async function renderResults(container, context, pollId) {
  const canModerate = context.me.roles.includes('organizer');
  const redraw = () => renderResults(container, context, pollId);
  const result = await context.api.get(`/api/polls/${encodeURIComponent(pollId)}/results`);
  clear(container);
  container.append(h('h3', null, t('tab.polls.results.heading')));
  if (!result.ok) {
    container.append(h('p', { class: 'form-error', role: 'alert' }, t('tab.error.load', result.status)));
    return;
  }
  const results = result.data;
  container.append(h('p', null, t('tab.polls.results.respondents', results.respondentCount)));
  if (canModerate) container.append(h('p', { class: 'hint' }, t('tab.polls.results.moderationHint')));
  for (const question of results.questions) {
    container.append(h('section', { class: 'question-result' },
      h('h4', { class: 'question-prompt' }, question.prompt),
      question.kind === 'freeText' ? null : question.goals.map((goal) => goalBlock(question, goal, context.lang, results.minimumGroupSize)),
      question.kind === 'freeText' || question.comments.length > 0
        ? h('div', null,
          h('h5', null, t('tab.polls.results.comments')),
          question.comments.length === 0
            ? h('p', { class: 'hint' }, question.goals.some((g) => g.tooFewRespondents)
              ? t('tab.polls.results.tooFewAnswers', results.minimumGroupSize)
              : t('tab.polls.results.noComments'))
            : h('ul', { class: 'comments' }, question.comments.map((c) => commentItem(pollId, c, context, canModerate, redraw))))
        : null));
  }
}
