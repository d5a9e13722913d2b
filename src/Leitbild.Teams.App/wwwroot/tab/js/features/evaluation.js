// Dashboard › Ergebnisse: the results per field of action and goal (results.js, the default view), the evaluation with
// downloads of the Abschlussbericht and the summary, interview notes (interviewers and the planning team) and workshop
// outcomes (organizers record, reviewers read).
import { h, append, clear, idFor } from '../dom.js';
import { t } from '../i18n.js';
import { formatDay, formatDateTime } from '../format.js';
import { loadError } from '../layout.js';
import { problemText } from '../actions.js';
import { render as renderResults } from './results.js';

const VIEWS = ['results', 'overview', 'notes', 'workshops'];
const BASE = '/api/tab/evaluation';

export async function render(container, context) {
  if (!document.querySelector('link[href="/tab/css/evaluation.css"]')) {
    document.head.append(h('link', { rel: 'stylesheet', href: '/tab/css/evaluation.css' }));
  }
  const isOrganizer = context.me.roles.includes('organizer');
  const views = VIEWS.filter((v) => v !== 'notes' || isOrganizer);
  const asked = context.params.get('view');
  const view = views.includes(asked) ? asked : 'results';
  // The results view brings its own heading; the other views share the evaluation heading.
  if (view !== 'results') container.append(h('h1', null, t('evaluation.heading')));
  container.append(
    h('nav', { class: 'subnav', 'aria-label': t('evaluation.views.label') },
      h('ul', null, views.map((v) => h('li', null, h('a', {
        href: context.link('/tab/dashboard/ergebnisse', { view: v }),
        'aria-current': v === view ? 'page' : null,
      }, t(`evaluation.view.${v}`)))))));
  const page = h('div', { id: 'evaluation-view' });
  container.append(page);
  if (view === 'results') await renderResults(page, context);
  else if (view === 'notes') await renderNotes(page, context);
  else if (view === 'workshops') await renderWorkshops(page, context, isOrganizer);
  else await renderOverview(page, context);
}

function failure(container, result) {
  container.append(h('div', { class: 'card error-box', role: 'alert' }, h('p', null, loadError(result))));
}

function percent(share) {
  return share === null || share === undefined ? '–' : `${Math.round(share * 100)} %`;
}

function goalState(goal) {
  if (goal.state === 'merged') return t('evaluation.state.merged', goal.mergedInto);
  if (goal.state === 'dropped') return t('evaluation.state.dropped');
  return t('evaluation.state.active');
}

function table(caption, headers, rows) {
  return h('table', { class: 'data' },
    caption ? h('caption', null, caption) : null,
    h('thead', null, h('tr', null, headers.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', null, rows.map((r) => h('tr', null, r.map((cell) => h('td', null, cell))))));
}

async function renderOverview(page, context) {
  const result = await context.api.get(BASE);
  if (!result.ok) return failure(page, result);
  const e = result.data;
  const lang = context.lang;
  append(page, [
    e.containsSampleData ? h('p', { class: 'badge coming', role: 'note' }, t('evaluation.sampleData')) : null,
    h('p', null, t('evaluation.asOf', formatDateTime(e.asOf, lang)), ' · ',
      t('evaluation.figures', e.totalInterviews, e.totalStatements, e.totalAnswers, e.totalParticipations)),
    downloads(context)]);
  page.append(h('h2', null, t('evaluation.participation')),
    table(null, [t('evaluation.column.phase'), t('evaluation.column.participations'), t('evaluation.column.answers'), t('evaluation.column.statements')],
      e.phases.map((p) => [p.phase.title[lang] ?? p.phase.title.de, String(p.participation.participations), String(p.participation.answers), String(p.participation.statements)])));
  for (const field of e.fields) {
    page.append(h('h2', null, field.title[lang] ?? field.title.de),
      table(null, [t('evaluation.column.goal'), t('evaluation.column.distribution'), t('evaluation.column.agreement'), t('evaluation.column.assessment'), t('evaluation.column.status')],
        field.goals.map((g) => [
          `${g.goalId}: ${(g.state === 'active' ? g.finalText : g.seedText)[lang] ?? g.finalText.de}`,
          g.polls.distribution.join(' · '),
          percent(g.agreement.agreeShare),
          t(`evaluation.level.${g.agreement.level}`),
          goalState(g)])));
  }
}

function downloads(context) {
  const files = [
    { key: 'report', path: `${BASE}/report.docx`, name: 'abschlussbericht.docx' },
    { key: 'markdown', path: `${BASE}/summary.md`, name: 'zusammenfassung.md' },
    { key: 'html', path: `${BASE}/summary.html`, name: 'zusammenfassung.html' },
  ];
  const status = h('p', { class: 'note', role: 'status' });
  return h('div', { class: 'card' },
    h('h2', null, t('evaluation.downloads')),
    h('p', { class: 'actions' }, files.map((file) => h('button', {
      type: 'button',
      class: 'button',
      id: idFor('download', file.key),
      onClick: async () => {
        const result = await context.api.download(file.path);
        if (!result.ok) {
          status.textContent = t('evaluation.download.failed', result.status);
          return;
        }
        const url = URL.createObjectURL(result.blob);
        const link = h('a', { href: url, download: file.name });
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
        status.textContent = t('evaluation.download.done', file.name);
      },
    }, t(`evaluation.download.${file.key}`)))),
    status);
}

function select(id, label, options, value) {
  return h('p', null,
    h('label', { for: id }, label),
    h('select', { id, name: id }, options.map((o) => h('option', { value: o.value, selected: o.value === value ? true : null }, o.text))));
}

function radios(name, legend, values) {
  return h('fieldset', null, h('legend', null, legend),
    values.map((v, i) => h('p', null,
      h('input', { type: 'radio', id: `${name}-${v}`, name, value: v, checked: i === 0 ? true : null }),
      h('label', { for: `${name}-${v}` }, t(`evaluation.${name}.${v}`)))));
}

async function renderNotes(page, context) {
  page.append(h('p', null, t('evaluation.notes.intro')));
  const [interviews, goals] = await Promise.all([context.api.get(`${BASE}/notes/interviews`), context.api.get('/api/process/goals')]);
  if (!interviews.ok) return failure(page, interviews);
  if (!goals.ok) return failure(page, goals);
  if (interviews.data.length === 0) {
    page.append(h('p', { class: 'card' }, t('evaluation.notes.none')));
    return;
  }
  const chosen = context.params.get('interview') ?? interviews.data[0].interviewId;
  page.append(h('ul', { class: 'plain' }, interviews.data.map((i) => h('li', null, h('a', {
    href: context.link('/tab/dashboard/ergebnisse', { view: 'notes', interview: i.interviewId }),
    'aria-current': i.interviewId === chosen ? 'true' : null,
  }, `${i.intervieweeName} · ${formatDateTime(i.start, context.lang)} · ${t('evaluation.notes.statementCount', i.statements)}`)))));
  const area = h('div');
  page.append(area);
  await renderInterview(area, context, chosen, goals.data);
}

async function renderInterview(area, context, interviewId, catalogue) {
  clear(area);
  const notes = await context.api.get(`${BASE}/notes/interviews/${encodeURIComponent(interviewId)}`);
  if (!notes.ok) return failure(area, notes);
  const lang = context.lang;
  area.append(h('h2', null, t('evaluation.notes.recorded')));
  if (notes.data.statements.length === 0) area.append(h('p', null, t('evaluation.notes.noStatements')));
  else {
    area.append(h('ul', { class: 'statements' }, notes.data.statements.map((s) => h('li', null,
      h('span', { class: 'badge' }, t(`evaluation.sentiment.${s.sentiment}`)), ' ',
      s.text ?? t('evaluation.notes.pending'), ' ',
      h('small', null, `(${s.goalId ?? s.fieldOfActionId} · ${t(`evaluation.consent.${s.consent}`)})`), ' ',
      h('button', {
        type: 'button',
        class: 'button secondary',
        onClick: async () => {
          const result = await context.api.delete(`${BASE}/notes/interviews/${encodeURIComponent(interviewId)}/statements/${encodeURIComponent(s.statementId)}`);
          if (result.ok) {
            context.announce(t('evaluation.notes.withdrawn'));
            await renderInterview(area, context, interviewId, catalogue);
          }
        },
      }, t('evaluation.notes.withdraw'))))));
  }
  const fields = catalogue.fieldsOfAction;
  const goalSelect = h('select', { id: 'note-goal', name: 'goal' });
  const fillGoals = (fieldId) => {
    const field = fields.find((f) => f.id === fieldId);
    clear(goalSelect).append(h('option', { value: '' }, t('evaluation.notes.noGoal')),
      ...(field?.goals ?? []).map((g) => h('option', { value: g.id }, `${g.id}: ${g.text[lang] ?? g.text.de}`)));
  };
  const fieldSelect = select('note-field', t('evaluation.notes.field'), fields.map((f) => ({ value: f.id, text: f.title[lang] ?? f.title.de })), fields[0]?.id);
  fieldSelect.querySelector('select').addEventListener('change', (event) => fillGoals(event.target.value));
  fillGoals(fields[0]?.id);
  const errors = h('div', { role: 'alert' });
  const form = h('form', { class: 'card', novalidate: true },
    h('h2', null, t('evaluation.notes.add')),
    h('p', null, h('label', { for: 'note-text' }, t('evaluation.notes.text')), h('textarea', { id: 'note-text', name: 'text', rows: '4', maxlength: '2000', required: true })),
    fieldSelect,
    h('p', null, h('label', { for: 'note-goal' }, t('evaluation.notes.goal')), goalSelect),
    radios('sentiment', t('evaluation.notes.sentiment'), ['strength', 'problem', 'idea']),
    radios('consent', t('evaluation.notes.consent'), ['countOnly', 'quoteAnonymously', 'quoteWithName']),
    errors,
    h('p', null, h('button', { type: 'submit', class: 'button' }, t('evaluation.notes.save'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const result = await context.api.post(`${BASE}/notes/interviews/${encodeURIComponent(interviewId)}/statements`, {
      text: data.get('text'), fieldOfActionId: data.get('note-field'), goalId: data.get('goal') || null,
      sentiment: data.get('sentiment'), consent: data.get('consent'),
    });
    if (!result.ok) {
      clear(errors).append(h('p', { class: 'error-box' }, t('evaluation.error.save'), ' ', problemText(result, context.lang)));
      return;
    }
    context.announce(t('evaluation.notes.saved'));
    await renderInterview(area, context, interviewId, catalogue);
  });
  area.append(form);
}

async function renderWorkshops(page, context, isOrganizer) {
  page.append(h('p', null, t(isOrganizer ? 'evaluation.workshops.intro' : 'evaluation.workshops.readOnly')));
  const list = await context.api.get(`${BASE}/workshops`);
  if (!list.ok) return failure(page, list);
  const lang = context.lang;
  const chosen = context.params.get('workshop') ?? list.data[0]?.phaseId;
  page.append(h('ul', { class: 'plain' }, list.data.map((w) => h('li', null, h('a', {
    href: context.link('/tab/dashboard/ergebnisse', { view: 'workshops', workshop: w.phaseId }),
    'aria-current': w.phaseId === chosen ? 'true' : null,
  }, `${w.title[lang] ?? w.title.de} · ${formatDay(w.start, lang)}`)))));
  if (!chosen) return;
  const area = h('div');
  page.append(area);
  await renderWorkshop(area, context, chosen, isOrganizer);
}

function decisionText(decision) {
  if (!decision) return t('evaluation.workshops.notDecided');
  const kind = t(`evaluation.outcome.${decision.kind}`);
  if (decision.kind === 'reworded') return `${kind}: „${decision.newText?.de}“`;
  if (decision.kind === 'merged') return t('evaluation.state.merged', decision.mergedIntoGoalId);
  return decision.priority ? `${kind} (${t(`evaluation.priority.${decision.priority}`)})` : kind;
}

async function renderWorkshop(area, context, phaseId, isOrganizer) {
  clear(area);
  const result = await context.api.get(`${BASE}/workshops/${encodeURIComponent(phaseId)}`);
  if (!result.ok) return failure(area, result);
  const lang = context.lang;
  const rows = result.data.goals;
  area.append(table(result.data.workshop.title[lang] ?? result.data.workshop.title.de,
    [t('evaluation.column.goal'), t('evaluation.column.status'), t('evaluation.column.decision')],
    rows.map((r) => [`${r.goalId}: ${r.before.text[lang] ?? r.before.text.de}`, goalState(r.before), decisionText(r.decision)])));
  if (!isOrganizer) return;
  const open = rows.filter((r) => r.before.state === 'active');
  const goalOptions = open.map((r) => ({ value: r.goalId, text: `${r.goalId}: ${r.before.text[lang] ?? r.before.text.de}` }));
  const errors = h('div', { role: 'alert' });
  const form = h('form', { class: 'card', novalidate: true },
    h('h2', null, t('evaluation.workshops.record')),
    select('outcome-goal', t('evaluation.column.goal'), goalOptions, goalOptions[0]?.value),
    select('outcome-kind', t('evaluation.workshops.kind'), ['confirmed', 'reworded', 'merged', 'dropped'].map((k) => ({ value: k, text: t(`evaluation.outcome.${k}`) })), 'confirmed'),
    h('p', null, h('label', { for: 'outcome-de' }, t('evaluation.workshops.newTextDe')), h('input', { id: 'outcome-de', name: 'newTextDe', type: 'text', maxlength: '300' })),
    h('p', null, h('label', { for: 'outcome-en' }, t('evaluation.workshops.newTextEn')), h('input', { id: 'outcome-en', name: 'newTextEn', type: 'text', maxlength: '300' })),
    select('outcome-merged', t('evaluation.workshops.mergedInto'), [{ value: '', text: '–' }, ...goalOptions], ''),
    select('outcome-priority', t('evaluation.workshops.priority'), [{ value: '', text: t('evaluation.priority.none') }, ...['high', 'medium', 'low'].map((p) => ({ value: p, text: t(`evaluation.priority.${p}`) }))], 'medium'),
    h('p', null, h('label', { for: 'outcome-poll' }, t('evaluation.workshops.pollId')), h('input', { id: 'outcome-poll', name: 'pollId', type: 'text', maxlength: '64' })),
    errors,
    h('p', null, h('button', { type: 'submit', class: 'button' }, t('evaluation.workshops.save'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const kind = data.get('outcome-kind');
    const saved = await context.api.post(`${BASE}/workshops/${encodeURIComponent(phaseId)}/outcomes`, {
      goalId: data.get('outcome-goal'),
      kind,
      newTextDe: kind === 'reworded' ? data.get('newTextDe') : null,
      newTextEn: kind === 'reworded' ? data.get('newTextEn') : null,
      mergedIntoGoalId: kind === 'merged' ? data.get('outcome-merged') : null,
      priority: kind === 'confirmed' || kind === 'reworded' ? data.get('outcome-priority') : null,
      pollId: data.get('pollId') || null,
    });
    if (!saved.ok) {
      clear(errors).append(h('p', { class: 'error-box' }, t('evaluation.error.save'), ' ', problemText(saved, context.lang)));
      return;
    }
    context.announce(t('evaluation.workshops.saved'));
    await renderWorkshop(area, context, phaseId, isOrganizer);
  });
  area.append(form);
}
