// Parts both scheduling sections use: phase names, the window fields, the .ics button and a two-step "really?" button.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { field, select } from '../../form.js';
import { addDays, berlinStartOfDay, formatRange, berlinDay, todayInBerlin } from '../../format.js';
import { saveFromApi } from '../../download.js';
import { problemText } from '../../actions.js';

export function phaseTitle(ctx, phaseId) {
  return ctx.phases.find((p) => p.id === phaseId)?.title ?? null;
}

/** The phase select, defaulting to the first phase of the given kind that is not done yet (or the first of that kind). */
export function phaseField(ctx, kind) {
  const ofKind = ctx.phases.filter((p) => p.kind === kind);
  const preferred = ofKind.find((p) => p.status !== 'done' && p.status !== 'cancelled') ?? ofKind[0];
  return field(t('tab.scheduling.field.phase'),
    select('phaseId', [['', t('tab.scheduling.noPhase')], ...ctx.phases.map((p) => [p.id, p.title])], preferred?.id ?? ''));
}

/** "from" and "to" days (Berlin); the API gets [start of from, start of the day after to). */
export function windowFields(weeks) {
  const start = nextMonday();
  const from = field(t('tab.scheduling.field.from'), h('input', { type: 'date', name: 'from', value: start, required: true }));
  const to = field(t('tab.scheduling.field.to'), h('input', { type: 'date', name: 'to', value: addDays(start, 7 * weeks - 3), required: true }));
  return {
    from,
    to,
    element: h('div', { class: 'field-row' }, from.element, to.element),
    value: () => ({
      windowStart: from.control.value ? berlinStartOfDay(from.control.value) : null,
      windowEnd: to.control.value ? berlinStartOfDay(addDays(to.control.value, 1)) : null,
    }),
    setError(text) {
      from.setError(text);
      to.setError(null);
    },
    focus: () => from.control.focus(),
  };
}

function nextMonday() {
  let day = addDays(todayInBerlin(), 1);
  while (new Date(`${day}T12:00:00Z`).getUTCDay() !== 1) day = addDays(day, 1);
  return day;
}

export function windowText(start, end, lang) {
  return formatRange(berlinDay(start), berlinDay(new Date(new Date(end).getTime() - 1).toISOString()), lang);
}

/** Saves the event's .ics; the label names what it is for. */
export function icsButton(ctx, eventId, label) {
  const status = h('span', { class: 'form-error', role: 'alert' });
  const button = h('button', { type: 'button', class: 'secondary small', 'aria-label': label }, t('tab.scheduling.icsShort'));
  button.addEventListener('click', async () => {
    status.textContent = '';
    const result = await saveFromApi(ctx.context.api, `/api/scheduling/events/${encodeURIComponent(eventId)}.ics`);
    if (!result.ok) status.textContent = problemText(result, ctx.context.lang);
  });
  return [button, status];
}

/**
 * A destructive action in two steps (no window.confirm: hosts may block dialogs): the first click asks, the second acts.
 * The accessible name is the visible label and what it applies to. action() resolves to an API result; on failure its
 * reason is shown next to the button.
 */
export function confirmButton(label, confirmLabel, subject, ctx, action) {
  const status = h('span', { class: 'form-error', role: 'alert' });
  const button = h('button', { type: 'button', class: 'secondary small danger', 'aria-label': `${label}: ${subject}` }, label);
  let armed = false;
  button.addEventListener('click', async () => {
    if (!armed) {
      armed = true;
      button.textContent = confirmLabel;
      button.setAttribute('aria-label', `${confirmLabel}: ${subject}`);
      return;
    }
    button.disabled = true;
    const result = await action();
    button.disabled = false;
    if (!result.ok) status.textContent = problemText(result, ctx.context.lang);
  });
  return [button, status];
}
