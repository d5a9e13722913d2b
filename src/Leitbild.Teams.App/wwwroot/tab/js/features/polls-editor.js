// The form that creates a poll from the goal catalogue: title, phase, questions (goal rating, single or multiple choice
// about one goal, ranking of chosen goals, free text about one goal), settings and audience. "Vorschau" shows the card
// as the official renderer draws it; "Als Entwurf speichern" stores the poll, which is then sent from its page.
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { berlinLocalToIso, problemList } from './polls-common.js';
import { renderCardPreview } from './polls-preview.js';

const KINDS = ['goalRating', 'singleChoice', 'multipleChoice', 'ranking', 'freeText'];
const MULTI_GOAL = new Set(['goalRating', 'ranking']);
const VISIBILITIES = ['afterClose', 'live', 'organizersOnly'];

let counter = 0;
const uid = (prefix) => `${prefix}-${++counter}`;

function field(label, control, hint) {
  const id = control.id || uid('f');
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), hint ? h('p', { class: 'hint' }, hint) : null, control);
}

function goalCheckboxes(catalogue, lang, name) {
  return catalogue.fieldsOfAction.map((foa) => h('fieldset', { class: 'goal-group' },
    h('legend', null, lang === 'en' ? foa.title.en : foa.title.de),
    foa.goals.map((goal) => {
      const id = uid(`${name}-${goal.id}`);
      return h('div', { class: 'check' },
        h('input', { type: 'checkbox', id, name, value: goal.id }),
        h('label', { for: id }, lang === 'en' ? goal.text.en : goal.text.de));
    })));
}

function goalSelect(catalogue, lang) {
  return h('select', { class: 'goal-one' },
    h('option', { value: '' }, t('tab.polls.chooseGoal')),
    catalogue.fieldsOfAction.map((foa) => h('optgroup', { label: lang === 'en' ? foa.title.en : foa.title.de },
      foa.goals.map((goal) => h('option', { value: goal.id }, lang === 'en' ? goal.text.en : goal.text.de)))));
}

/** One question's fieldset; returns { element, read() }. */
function questionEditor(index, catalogue, lang, onRemove) {
  const kind = h('select', { class: 'question-kind' }, KINDS.map((k) => h('option', { value: k }, t(`tab.polls.kind.${k}`))));
  const prompt = h('input', { type: 'text', class: 'question-prompt', maxlength: '300' });
  const details = h('div', { class: 'question-details' });
  const legend = h('legend', null, t('tab.polls.questionN', index + 1));
  let read = () => ({});

  function drawDetails() {
    clear(details);
    const k = kind.value;
    const name = uid('goals');
    if (MULTI_GOAL.has(k)) {
      details.append(h('p', { class: 'hint' }, t(k === 'ranking' ? 'tab.polls.hint.ranking' : 'tab.polls.hint.rating')),
        h('div', { class: 'goal-groups' }, goalCheckboxes(catalogue, lang, name)));
    } else {
      details.append(field(t('tab.polls.goal'), goalSelect(catalogue, lang)));
    }
    const options = h('textarea', { rows: '4', class: 'question-options' });
    const maxChoices = h('input', { type: 'number', min: '1', max: '10', value: '2', class: 'question-max-choices' });
    const rankCount = h('input', { type: 'number', min: '1', max: '5', value: '3', class: 'question-rank-count' });
    const maxLength = h('input', { type: 'number', min: '1', max: '1000', value: '500', class: 'question-max-length' });
    if (k === 'singleChoice' || k === 'multipleChoice') details.append(field(t('tab.polls.options'), options, t('tab.polls.hint.options')));
    if (k === 'multipleChoice') details.append(field(t('tab.polls.maxChoices'), maxChoices));
    if (k === 'ranking') details.append(field(t('tab.polls.rankCount'), rankCount));
    if (k === 'freeText') details.append(field(t('tab.polls.maxLength'), maxLength));

    read = () => {
      const goalIds = MULTI_GOAL.has(k)
        ? [...details.querySelectorAll(`input[name="${name}"]:checked`)].map((c) => c.value)
        : [details.querySelector('select.goal-one').value].filter(Boolean);
      const question = { id: `q${index + 1}`, kind: k, prompt: { de: prompt.value.trim(), en: prompt.value.trim() }, goalIds };
      if (k === 'singleChoice' || k === 'multipleChoice') {
        question.options = options.value.split('\n').map((line) => line.trim()).filter(Boolean)
          .map((label, i) => ({ id: `o${i + 1}`, label: { de: label, en: label } }));
      }
      if (k === 'multipleChoice') question.maxChoices = Number(maxChoices.value);
      if (k === 'ranking') question.rankCount = Number(rankCount.value);
      if (k === 'freeText') question.maxLength = Number(maxLength.value);
      return question;
    };
  }
  kind.addEventListener('change', drawDetails);
  drawDetails();

  const element = h('fieldset', { class: 'question' }, legend,
    h('div', { class: 'field-row' }, field(t('tab.polls.kind'), kind), field(t('tab.polls.prompt'), prompt)),
    details,
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', onClick: onRemove }, t('tab.polls.removeQuestion'))));
  return {
    element,
    read: () => read(),
    renumber(i) { index = i; legend.textContent = t('tab.polls.questionN', i + 1); },
    setKind(value) { kind.value = value; drawDetails(); },
  };
}

function audienceEditor(options, isGuest) {
  const kinds = [...(isGuest ? [] : ['people']), 'department', ...(options.entraGroups ? ['entraGroup'] : []), 'everyone', 'allInstalled'];
  const group = uid('audience');
  const panel = h('div', { class: 'audience-panel' });
  const unit = h('select', { class: 'audience-unit' },
    h('option', { value: '' }, t('tab.polls.chooseUnit')),
    options.units.map((u) => h('option', { value: u.id }, u.divisionId ? `– ${u.name}` : u.name)));
  const filter = h('input', { type: 'search', class: 'people-filter' });
  const groupId = h('input', { type: 'text', class: 'audience-group', spellcheck: 'false', autocomplete: 'off', placeholder: '00000000-0000-0000-0000-000000000000' });
  const people = h('div', { class: 'people-list' }, (options.people ?? []).map((p) => {
    const id = uid('person');
    return h('div', { class: 'check', 'data-name': p.displayName.toLowerCase() },
      h('input', { type: 'checkbox', id, value: p.id, name: 'audience-person' }),
      h('label', { for: id }, p.displayName, p.office ? ` (${p.office})` : ''));
  }));
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    for (const row of people.children) row.hidden = q !== '' && !row.dataset.name.includes(q);
  });
  const radios = kinds.map((k) => {
    const id = uid('audience-kind');
    return h('div', { class: 'check' },
      h('input', { type: 'radio', id, name: group, value: k, checked: k === kinds[0] }),
      h('label', { for: id }, t(`tab.polls.audience.${k}`)));
  });
  function draw() {
    const k = radios.map((r) => r.querySelector('input')).find((r) => r.checked).value;
    clear(panel);
    if (k === 'people') panel.append(field(t('tab.polls.filterPeople'), filter), people);
    if (k === 'department') panel.append(field(t('tab.polls.unit'), unit));
    if (k === 'allInstalled') panel.append(h('p', { class: 'hint' }, t('tab.polls.hint.allInstalled')));
    if (k === 'everyone') panel.append(h('p', { class: 'hint' }, t('tab.polls.hint.everyone')));
    if (k === 'entraGroup') panel.append(field(t('tab.polls.groupId'), groupId), h('p', { class: 'hint' }, t('tab.polls.hint.entraGroup')));
  }
  for (const r of radios) r.querySelector('input').addEventListener('change', draw);
  draw();
  const element = h('fieldset', null, h('legend', null, t('tab.polls.audience')),
    h('div', { class: 'radio-row', role: 'radiogroup', 'aria-label': t('tab.polls.audience') }, radios),
    isGuest ? h('p', { class: 'hint' }, t('tab.polls.hint.guest')) : null,
    h('p', { class: 'hint' }, t('tab.polls.hint.chats')),
    panel);
  return {
    element,
    read() {
      const k = radios.map((r) => r.querySelector('input')).find((r) => r.checked).value;
      if (k === 'people') return { kind: 'people', personIds: [...people.querySelectorAll('input:checked')].map((c) => c.value) };
      if (k === 'department') return { kind: 'department', unitId: unit.value || null };
      if (k === 'entraGroup') return { kind: 'entraGroup', groupId: groupId.value.trim() || null };
      return { kind: k };
    },
  };
}

/** Renders the create form into container; onCreated(poll) after a successful save, onCancel() to close. */
export async function renderEditor(container, context, { onCreated, onCancel }) {
  const [process, goals, audience] = await Promise.all([
    context.api.get('/api/process'),
    context.api.get('/api/process/goals'),
    context.api.get('/api/polls/audience-options'),
  ]);
  if (!process.ok || !goals.ok || !audience.ok) {
    container.append(h('p', { class: 'form-error', role: 'alert' }, t('tab.polls.editorLoadError')));
    return;
  }
  const lang = context.lang;
  const catalogue = goals.data;
  const titleDe = h('input', { type: 'text', maxlength: '120', required: true, class: 'poll-title' });
  const titleEn = h('input', { type: 'text', maxlength: '120', lang: 'en', class: 'poll-title-en' });
  const running = process.data.phases.find((p) => p.status === 'running');
  const phase = h('select', { class: 'poll-phase' }, process.data.phases.map((p) =>
    h('option', { value: p.id, selected: p.id === running?.id }, lang === 'en' ? p.title.en : p.title.de)));
  const anonymous = h('input', { type: 'checkbox', id: uid('anonymous'), checked: true });
  // An anonymous poll keeps the office only when asked; a named poll always has it, so the box only applies to anonymous ones.
  const byOffice = h('input', { type: 'checkbox', id: uid('by-office'), class: 'poll-by-office' });
  anonymous.addEventListener('change', () => { byOffice.disabled = !anonymous.checked; });
  const visibility = h('select', null, VISIBILITIES.map((v) => h('option', { value: v }, t(`tab.polls.visibility.${v}`))));
  const deadline = h('input', { type: 'datetime-local', class: 'poll-deadline' });

  const questions = [];
  const questionList = h('div', { class: 'questions' });
  function addQuestion(kind) {
    const editor = questionEditor(questions.length, catalogue, lang, () => {
      questions.splice(questions.indexOf(editor), 1);
      editor.element.remove();
      questions.forEach((q, i) => q.renumber(i));
    });
    if (kind) editor.setKind(kind);
    questions.push(editor);
    questionList.append(editor.element);
    return editor;
  }
  addQuestion('goalRating');

  const audienceEdit = audienceEditor(audience.data, context.me.isGuest);
  const errors = h('div', { class: 'form-error', role: 'alert' });
  const previewBox = h('section', { class: 'card-preview', 'aria-label': t('tab.polls.preview') });

  function readDraft() {
    const de = titleDe.value.trim();
    return {
      phaseId: phase.value,
      title: { de, en: titleEn.value.trim() || de },
      questions: questions.map((q) => q.read()),
      settings: { anonymous: anonymous.checked, byOffice: anonymous.checked && byOffice.checked, visibility: visibility.value, deadline: berlinLocalToIso(deadline.value) },
      audience: audienceEdit.read(),
    };
  }

  function showProblems(result) {
    clear(errors);
    if (result.status === 400 && result.data) errors.append(h('p', null, result.data.title ?? ''), problemList(result.data));
    else errors.append(h('p', null, t('tab.error.load', result.status)));
  }

  const previewButton = h('button', { type: 'button', class: 'secondary', onClick: async () => {
    clear(errors);
    const result = await context.api.post('/api/polls/preview', readDraft());
    if (!result.ok) { showProblems(result); clear(previewBox); errors.focus?.(); return; }
    await renderCardPreview(previewBox, result.data);
    context.announce?.(t('tab.polls.previewShown'));
  } }, t('tab.polls.previewButton'));

  const form = h('form', { class: 'poll-form card', novalidate: true, 'aria-labelledby': 'poll-form-heading' },
    h('h2', { id: 'poll-form-heading' }, t('tab.polls.newPoll')),
    h('div', { class: 'field-row' }, field(t('tab.polls.title'), titleDe), field(t('tab.polls.titleEn'), titleEn, t('tab.polls.hint.titleEn'))),
    field(t('tab.polls.phase'), phase),
    h('h3', null, t('tab.polls.questions')),
    questionList,
    h('div', { class: 'actions' },
      KINDS.map((k) => h('button', { type: 'button', class: 'secondary', onClick: () => addQuestion(k).element.querySelector('select').focus() },
        t('tab.polls.add', t(`tab.polls.kind.${k}`))))),
    h('fieldset', null, h('legend', null, t('tab.polls.settings')),
      h('div', { class: 'check' }, anonymous, h('label', { for: anonymous.id }, t('tab.polls.anonymous'))),
      h('div', { class: 'check' }, byOffice, h('label', { for: byOffice.id }, t('tab.polls.byOffice'))),
      h('div', { class: 'field-row' }, field(t('tab.polls.visibility'), visibility), field(t('tab.polls.deadline'), deadline, t('tab.polls.hint.deadline')))),
    audienceEdit.element,
    errors,
    h('div', { class: 'actions' },
      previewButton,
      h('button', { type: 'submit', class: 'primary' }, t('tab.polls.saveDraft')),
      h('button', { type: 'button', class: 'secondary', onClick: onCancel }, t('tab.process.cancel'))),
    previewBox);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(errors);
    const result = await context.api.post('/api/polls', readDraft());
    if (!result.ok) { showProblems(result); return; }
    onCreated(result.data);
  });
  container.append(form);
  titleDe.focus();
}

