// Dashboard › Ergebnisse (reviewers and organizers): per field of action and goal the number of answers, the mean and the
// distribution of ratings, comments (read-only; moderation comes with the polls), and the departments the Core rule
// allows (at least five people). Organizers export CSV and XLSX; in Microsoft 365 mode links open the SharePoint
// lists' report views (by office for everyone here, the raw answers by poll for organizers).
import { h, append, idFor } from '../dom.js';
import { t } from '../i18n.js';
import { renderMessage, loadError } from '../layout.js';
import { distributionChart, formatMean } from '../charts.js';
import { saveFromApi } from '../download.js';
import { problemText } from '../actions.js';

function number(n, lang) {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'de-DE').format(n);
}

function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(Boolean).map(([term, value]) => [h('dt', null, term), h('dd', null, value)]));
}

function exportBar(data, context) {
  const status = h('p', { class: 'form-error', role: 'alert' });
  const query = `process=${encodeURIComponent(data.processId)}&lang=${context.lang}`;
  const button = (label, url) => {
    const element = h('button', { type: 'button', class: 'secondary' }, label);
    element.addEventListener('click', async () => {
      status.textContent = '';
      element.disabled = true;
      const result = await saveFromApi(context.api, url);
      element.disabled = false;
      if (result.ok) context.announce?.(t('tab.results.exported', result.filename));
      else status.textContent = problemText(result, context.lang);
    });
    return element;
  };
  return h('section', { class: 'card export', 'aria-labelledby': 'export-heading' },
    h('h2', { id: 'export-heading' }, t('tab.results.export')),
    h('p', { class: 'hint' }, t(context.me.isGuest ? 'tab.results.exportGuest' : 'tab.results.exportHint')),
    h('div', { class: 'actions' },
      button(t('tab.results.exportCsv'), `/api/results/export.csv?${query}`),
      button(t('tab.results.exportSummaryCsv'), `/api/results/export.csv?view=summary&${query}`),
      button(t('tab.results.exportXlsx'), `/api/results/export.xlsx?${query}`)),
    status);
}

function departmentsTable(goal, data, lang) {
  const parts = [];
  if (goal.departments.length > 0) {
    parts.push(h('table', { class: 'departments' },
      h('caption', null, t('tab.results.departments', goal.text)),
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, t('tab.results.department')),
        h('th', { scope: 'col' }, t('tab.results.people')),
        h('th', { scope: 'col' }, t('tab.results.mean')),
        h('th', { scope: 'col' }, t('tab.results.distribution')))),
      h('tbody', null, goal.departments.map((d) => h('tr', null,
        h('th', { scope: 'row' }, d.name),
        h('td', null, number(d.respondentCount, lang)),
        h('td', null, formatMean(d.meanRating, lang)),
        h('td', null, distributionChart(d.distribution, { caption: t('tab.results.distributionOf', d.name), lang, compact: true })))))));
  }
  if (goal.departmentsWithheld) parts.push(h('p', { class: 'hint' }, t('tab.results.withheld', data.minimumGroupSize)));
  return parts;
}

function comments(goal) {
  if (goal.comments.length === 0) return null;
  return h('details', { class: 'comments' },
    h('summary', null, t('tab.results.comments', goal.comments.length)),
    h('ul', null, goal.comments.map((text) => h('li', null, text))),
    h('p', { class: 'hint' }, t('tab.results.commentsReadOnly')));
}

function choices(goal, lang) {
  const entries = Object.entries(goal.choiceCounts ?? {});
  if (entries.length === 0) return null;
  return entries.map(([choice, count]) => `${choice}: ${number(count, lang)}`).join(' · ');
}

function goalCard(goal, data, lang) {
  const titleId = idFor('goal-title', goal.id);
  // Below the minimum group size the server sends only how many answered: say so instead of showing zeros.
  const body = goal.tooFewRespondents
    ? [h('p', { class: 'coming-text too-few' }, t('tab.results.tooFewAnswers', data.minimumGroupSize))]
    : goal.answerCount === 0
    ? [h('p', { class: 'coming-text' }, t('tab.results.noAnswers'))]
    : [
      facts([
        [t('tab.results.answers'), number(goal.answerCount, lang)],
        [t('tab.results.people'), number(goal.respondentCount, lang)],
        [t('tab.results.ratings'), number(goal.ratingCount, lang)],
        [t('tab.results.noAnswer'), number(goal.noAnswerCount, lang)],
        [t('tab.results.mean'), formatMean(goal.meanRating, lang)],
        goal.meanRank !== null && goal.meanRank !== undefined ? [t('tab.results.meanRank'), formatMean(goal.meanRank, lang)] : null,
        choices(goal, lang) ? [t('tab.results.choices'), choices(goal, lang)] : null,
      ]),
      goal.ratingCount > 0 ? distributionChart(goal.distribution, { caption: t('tab.results.distributionOf', goal.text), lang }) : null,
      departmentsTable(goal, data, lang),
      comments(goal),
    ];
  return h('article', { class: 'goal', id: idFor('goal', goal.id), 'aria-labelledby': titleId },
    h('h3', { id: titleId }, goal.text), body);
}

function fieldSection(field, data, lang) {
  const headingId = idFor('field-heading', field.id);
  return h('section', { class: 'card field-of-action', id: idFor('field', field.id), 'aria-labelledby': headingId },
    h('h2', { id: headingId }, field.title),
    field.answerCount === 0
      ? h('p', { class: 'coming-text' }, t('tab.results.noAnswers'))
      : [
        h('p', { class: 'lead' }, t('tab.results.fieldSummary', number(field.answerCount, lang), number(field.ratingCount, lang), formatMean(field.meanRating, lang))),
        field.ratingCount > 0 ? distributionChart(field.distribution, { caption: t('tab.results.distributionOf', field.title), lang }) : null,
      ],
    field.goals.map((goal) => goalCard(goal, data, lang)));
}

export async function render(container, context) {
  const result = await context.api.get('/api/results/overview');
  if (!result.ok) {
    renderMessage(container, { title: t('tab.results.heading'), text: loadError(result) });
    return;
  }
  const data = result.data;
  const lang = context.lang;
  append(container, [
    h('h1', null, t('tab.results.heading')),
    h('p', { class: 'lead' }, data.processTitle),
    h('p', null, t('tab.results.total', number(data.answerCount, lang))),
    data.outbox.pending > 0 ? h('p', { class: 'note' }, t('tab.results.pending', number(data.outbox.pending, lang))) : null,
    data.outbox.parked > 0 && data.canExport ? h('p', { class: 'note' }, t('tab.results.parked', number(data.outbox.parked, lang))) : null,
    data.sharePointUrl
      ? h('p', null, h('a', { href: data.sharePointUrl, target: '_blank', rel: 'noopener noreferrer' }, t('tab.results.sharePoint')))
      : null,
    data.sharePointAnswersUrl
      ? h('p', null, h('a', { href: data.sharePointAnswersUrl, target: '_blank', rel: 'noopener noreferrer' }, t('tab.results.sharePointAnswers')))
      : null,
    data.canExport ? exportBar(data, context) : null,
    h('nav', { class: 'toc', 'aria-label': t('tab.results.fields') },
      h('ul', null, data.fieldsOfAction.map((field) => h('li', null, h('a', { href: `#${idFor('field', field.id)}` }, field.title))))),
    data.fieldsOfAction.map((field) => fieldSection(field, data, lang))]);
}
