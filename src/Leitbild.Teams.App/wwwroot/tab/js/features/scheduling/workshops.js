// Workshops: the organizers' form; per workshop the best slots with who is free, tentative or busy, booking one or
// starting a slot vote; the vote's state; and once booked, the RSVPs read back from the calendar.
import { h, clear, idFor } from '../../dom.js';
import { t } from '../../i18n.js';
import { field, select, showProblem } from '../../form.js';
import { addDays, berlinDay, berlinStartOfDay, formatTimeRange, formatDateTime, todayInBerlin } from '../../format.js';
import { peoplePicker } from '../../picker.js';
import { problemText } from '../../actions.js';
import { phaseField, phaseTitle, windowFields, windowText, icsButton, confirmButton } from './common.js';

const ATTENDANCE = ['free', 'tentative', 'busy', 'outsideWorkingHours'];

function workshopForm(ctx, onClose) {
  const { context, participants } = ctx;
  const title = field(t('tab.scheduling.field.title'), h('input', { type: 'text', name: 'title', value: '', required: true, maxlength: '200' }));
  const phase = phaseField(ctx, 'workshop');
  const required = peoplePicker(participants, { name: 'required', legend: t('tab.scheduling.field.required'), hint: t('tab.scheduling.hint.required'), units: true });
  const optional = peoplePicker(participants, { name: 'optional', legend: t('tab.scheduling.field.optional'), hint: t('tab.scheduling.hint.optional'), units: true });
  const place = field(t('tab.scheduling.field.place'), select('needsRoom', [['room', t('tab.scheduling.roomNeeded')], ['online', t('tab.scheduling.online')]], 'room'));
  const duration = field(t('tab.scheduling.field.duration'), select('durationMinutes', [60, 90, 120, 180, 240].map((m) => [m, t('tab.scheduling.minutes', m)]), 180));
  const period = windowFields(6);
  const formError = h('p', { class: 'form-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('tab.scheduling.workshop.create'));
  const form = h('form', { class: 'organizer-form', id: 'workshop-form', novalidate: true, 'aria-labelledby': 'workshop-form-heading' },
    h('h3', { id: 'workshop-form-heading' }, t('tab.scheduling.workshop.new')),
    h('div', { class: 'field-row' }, title.element, phase.element),
    required.element, optional.element,
    h('div', { class: 'field-row' }, place.element, duration.element),
    period.element,
    formError,
    h('div', { class: 'actions' }, submit, h('button', { type: 'button', class: 'secondary', onClick: onClose }, t('tab.process.cancel'))));
  const targets = {
    title: { setError: title.setError, focus: () => title.control.focus() },
    phaseId: { setError: phase.setError, focus: () => phase.control.focus() },
    organizerId: { setError: () => {}, focus: () => submit.focus() },
    required,
    optional,
    duration: { setError: duration.setError, focus: () => duration.control.focus() },
    window: period,
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!title.control.value.trim()) {
      for (const target of Object.values(targets)) target.setError(null);
      title.setError(t('tab.scheduling.titleMissing'));
      formError.textContent = t('tab.scheduling.notSaved');
      title.control.focus();
      return;
    }
    submit.disabled = true;
    const result = await context.api.post('/api/scheduling/workshops', {
      title: title.control.value.trim(),
      phaseId: phase.control.value || null,
      required: required.values(),
      optional: optional.values(),
      needsRoom: place.control.value === 'room',
      durationMinutes: Number(duration.control.value),
      ...period.value(),
    });
    submit.disabled = false;
    if (result.ok) {
      ctx.memory.findSlotsFor = result.data.id;
      await ctx.reload(idFor('workshop', result.data.id), t('tab.scheduling.workshop.created', result.data.title));
      return;
    }
    showProblem(result, context.lang, targets, formError, submit).focus();
  });
  return form;
}

function attendanceList(slot) {
  return h('ul', { class: 'attendance' }, ATTENDANCE.flatMap((kind) => {
    const people = slot.attendees.filter((a) => a.attendance === kind);
    if (people.length === 0) return [];
    return h('li', null, h('span', { class: `badge attendance-${kind}` }, t(`tab.scheduling.attendance.${kind}`)), ' ',
      people.map((a) => a.displayName + (a.required ? '' : ` (${t('tab.scheduling.optionalShort')})`)).join(', '));
  }));
}

/** The best slots as a table; organizers book one or choose 3–5 of them for a vote. */
function slotsPanel(ctx, workshop, panel) {
  const { context } = ctx;
  return async () => {
    clear(panel).append(h('p', { class: 'loading', role: 'status' }, t('tab.scheduling.workshop.searching')));
    const result = await context.api.get(`/api/scheduling/workshops/${encodeURIComponent(workshop.id)}/slots?max=5`);
    if (!result.ok) {
      clear(panel).append(h('p', { class: 'form-error', role: 'alert' }, problemText(result, context.lang)));
      return;
    }
    const slots = result.data.slots;
    if (slots.length === 0) {
      clear(panel).append(h('p', null, t('tab.scheduling.workshop.noSlots')));
      return;
    }
    const status = h('p', { class: 'form-error', role: 'alert' });
    const choices = [];
    const rows = slots.map((slot, index) => {
      const when = formatTimeRange(slot.start, slot.end, context.lang);
      const choice = h('input', { type: 'checkbox', id: idFor(`vote-${workshop.id}`, index), value: slot.start, 'aria-label': t('tab.scheduling.workshop.chooseForVote', when) });
      choices.push(choice);
      const count = (kind) => slot.attendees.filter((a) => a.attendance === kind).length;
      const book = h('button', { type: 'button', class: 'primary small', 'aria-label': t('tab.scheduling.workshop.bookAt', when) }, t('tab.scheduling.book'));
      book.addEventListener('click', async () => {
        book.disabled = true;
        const booked = await context.api.post(`/api/scheduling/workshops/${encodeURIComponent(workshop.id)}/book`, { start: slot.start, roomEmail: slot.room?.email ?? null });
        book.disabled = false;
        if (booked.ok) {
          await ctx.reload(idFor('workshop', workshop.id), t('tab.scheduling.workshop.booked', workshop.title, when));
          return;
        }
        status.textContent = problemText(booked, context.lang);
        book.focus();
      });
      return h('tr', null,
        h('td', null, choice),
        h('th', { scope: 'row' }, when),
        h('td', null, slot.room ? t('tab.scheduling.roomWithSeats', slot.room.displayName, slot.room.capacity) : t('tab.scheduling.online')),
        h('td', { class: 'number' }, String(count('free'))),
        h('td', { class: 'number' }, String(count('tentative'))),
        h('td', { class: 'number' }, String(count('busy') + count('outsideWorkingHours'))),
        h('td', null, h('details', null, h('summary', null, t('tab.scheduling.workshop.who')), attendanceList(slot))),
        h('td', null, book));
    });
    const firstStart = slots.map((s) => new Date(s.start)).sort((a, b) => a - b)[0].toISOString();
    // The vote must end before the first time it offers: by default at the end of the day before it.
    const dayBefore = addDays(berlinDay(firstStart), -1);
    const deadlineDefault = dayBefore < todayInBerlin() ? todayInBerlin() : dayBefore;
    const deadline = field(t('tab.scheduling.field.deadline'), h('input', { type: 'date', name: 'deadline', value: deadlineDefault }),
      { hint: t('tab.scheduling.hint.deadline', formatDateTime(firstStart, context.lang)) });
    const startVote = h('button', { type: 'button', class: 'secondary' }, t('tab.scheduling.workshop.startVote'));
    startVote.addEventListener('click', async () => {
      status.textContent = '';
      deadline.setError(null);
      const chosen = choices.filter((c) => c.checked).map((c) => c.value);
      if (chosen.length > 0 && (chosen.length < 3 || chosen.length > 5)) {
        status.textContent = t('tab.scheduling.workshop.voteChoice');
        choices[0].focus();
        return;
      }
      startVote.disabled = true;
      const vote = await context.api.post(`/api/scheduling/workshops/${encodeURIComponent(workshop.id)}/vote`, {
        starts: chosen.length > 0 ? chosen : null,
        // The vote closes at the end of the chosen day (Berlin).
        deadline: deadline.control.value ? berlinStartOfDay(addDays(deadline.control.value, 1)) : null,
      });
      startVote.disabled = false;
      if (vote.ok) {
        await ctx.reload(idFor('workshop', workshop.id), t('tab.scheduling.workshop.voteStarted', workshop.title, vote.data.options.length));
        return;
      }
      if (vote.data?.field === 'deadline') {
        deadline.setError(vote.data[context.lang] ?? vote.data.detail);
        deadline.control.focus();
      }
      status.textContent = problemText(vote, context.lang);
    });
    clear(panel).append(
      h('table', { class: 'status-table slots' },
        h('caption', null, t('tab.scheduling.workshop.slotsCaption', workshop.title)),
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, t('tab.scheduling.workshop.forVote')),
          h('th', { scope: 'col' }, t('tab.scheduling.interview.when')),
          h('th', { scope: 'col' }, t('tab.scheduling.field.place')),
          h('th', { scope: 'col' }, t('tab.scheduling.attendance.free')),
          h('th', { scope: 'col' }, t('tab.scheduling.attendance.tentative')),
          h('th', { scope: 'col' }, t('tab.scheduling.attendance.busy')),
          h('th', { scope: 'col' }, t('tab.scheduling.workshop.who')),
          h('th', { scope: 'col' }, t('tab.scheduling.actions')))),
        h('tbody', null, rows)),
      h('div', { class: 'vote-start' },
        h('p', { class: 'hint' }, t('tab.scheduling.workshop.voteHint')),
        deadline.element,
        h('div', { class: 'actions' }, startVote)),
      status);
  };
}

async function voteState(ctx, workshop, holder) {
  const { context } = ctx;
  const result = await context.api.get(`/api/scheduling/workshops/${encodeURIComponent(workshop.id)}/vote`);
  if (!result.ok) {
    holder.append(h('p', { class: 'form-error', role: 'alert' }, problemText(result, context.lang)));
    return;
  }
  const { vote, tallies } = result.data;
  const status = h('p', { class: 'form-error', role: 'alert' });
  holder.append(
    h('p', null, t('tab.scheduling.workshop.voteDeadline', formatDateTime(vote.deadline, context.lang))),
    h('table', { class: 'status-table' },
      h('caption', null, t('tab.scheduling.workshop.voteCaption', workshop.title)),
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, t('tab.scheduling.interview.when')),
        h('th', { scope: 'col' }, t('tab.scheduling.vote.yes')),
        h('th', { scope: 'col' }, t('tab.scheduling.vote.maybe')),
        h('th', { scope: 'col' }, t('tab.scheduling.vote.no')),
        h('th', { scope: 'col' }, t('tab.scheduling.vote.requiredYes')),
        ctx.canOrganize && workshop.status === 'voting' ? h('th', { scope: 'col' }, t('tab.scheduling.actions')) : null)),
      h('tbody', null, tallies.map((tally) => {
        const when = formatTimeRange(tally.option.start, tally.option.end, context.lang);
        let action = null;
        if (ctx.canOrganize && workshop.status === 'voting') {
          const book = h('button', { type: 'button', class: 'secondary small', 'aria-label': t('tab.scheduling.workshop.bookAt', when) }, t('tab.scheduling.book'));
          book.addEventListener('click', async () => {
            book.disabled = true;
            const booked = await context.api.post(`/api/scheduling/workshops/${encodeURIComponent(workshop.id)}/book`, { start: tally.option.start, roomEmail: tally.option.roomEmail ?? null });
            book.disabled = false;
            if (booked.ok) await ctx.reload(idFor('workshop', workshop.id), t('tab.scheduling.workshop.booked', workshop.title, when));
            else status.textContent = problemText(booked, context.lang);
          });
          action = h('td', null, book);
        }
        return h('tr', { class: vote.decidedOption === tally.option.index ? 'decided' : null },
          h('th', { scope: 'row' }, when, vote.decidedOption === tally.option.index ? ` · ${t('tab.scheduling.vote.decided')}` : ''),
          h('td', { class: 'number' }, String(tally.yes)),
          h('td', { class: 'number' }, String(tally.maybe)),
          h('td', { class: 'number' }, String(tally.no)),
          h('td', { class: 'number' }, `${tally.requiredYes} / ${tally.requiredCount}`),
          action);
      }))),
    status);
}

async function rsvps(ctx, workshop, holder) {
  const { context } = ctx;
  const result = await context.api.get(`/api/scheduling/workshops/${encodeURIComponent(workshop.id)}/rsvp`);
  if (!result.ok) {
    holder.append(h('p', { class: 'form-error', role: 'alert' }, problemText(result, context.lang)));
    return;
  }
  const people = result.data.attendees.filter((a) => a.kind !== 'resource');
  const counts = ['accepted', 'tentativelyAccepted', 'declined'].map((r) => t(`tab.scheduling.rsvp.count.${r}`, people.filter((a) => a.response === r).length));
  holder.append(
    h('h4', null, t('tab.scheduling.rsvp.heading')),
    h('p', null, counts.join(' · ')),
    h('details', null,
      h('summary', null, t('tab.scheduling.rsvp.everyone', people.length)),
      h('ul', { class: 'rsvp' }, people.map((a) => h('li', null, a.displayName ?? a.email, ' – ',
        h('span', { class: `badge rsvp-${a.response}` }, t(`tab.scheduling.rsvp.${a.response}`)))))));
}

function workshopCard(ctx, workshop) {
  const { context } = ctx;
  const titleId = idFor('workshop-title', workshop.id);
  const phase = phaseTitle(ctx, workshop.phaseId);
  const extra = h('div', { class: 'workshop-extra' });
  const actions = [];
  if (ctx.canOrganize && workshop.status === 'planning') {
    const panel = h('div', { class: 'slots-panel', id: idFor('slots', workshop.id) });
    const find = h('button', { type: 'button', class: 'primary', 'aria-controls': panel.id, 'aria-label': t('tab.scheduling.workshop.findFor', workshop.title) },
      t('tab.scheduling.workshop.find'));
    const load = slotsPanel(ctx, workshop, panel);
    find.addEventListener('click', load);
    actions.push(find);
    extra.append(panel);
    if (ctx.memory.findSlotsFor === workshop.id) {
      ctx.memory.findSlotsFor = null;
      ctx.pending.push(load());
    }
  }
  if (workshop.status === 'voting') ctx.pending.push(voteState(ctx, workshop, extra));
  if (workshop.status === 'booked') {
    ctx.pending.push(rsvps(ctx, workshop, extra));
    if (ctx.overview.icsDownloads && workshop.eventId) actions.push(...icsButton(ctx, workshop.eventId, t('tab.scheduling.icsFor', workshop.title)));
  }
  if (ctx.canOrganize && workshop.status !== 'cancelled' && workshop.status !== 'booking') {
    actions.push(...confirmButton(t('tab.scheduling.cancel'), t('tab.scheduling.reallyCancel'), t('tab.scheduling.workshop.cancelFor', workshop.title), ctx,
      async () => {
        const result = await context.api.post(`/api/scheduling/workshops/${encodeURIComponent(workshop.id)}/cancel`, {});
        if (result.ok) await ctx.reload(idFor('workshop', workshop.id), t('tab.scheduling.workshop.cancelled', workshop.title));
        return result;
      }));
  }
  return h('article', { class: 'card workshop', id: idFor('workshop', workshop.id), 'aria-labelledby': titleId },
    h('div', { class: 'phase-head' },
      h('h3', { id: titleId }, workshop.title),
      h('span', { class: `badge workshop-${workshop.status}` }, t(`tab.scheduling.workshopStatus.${workshop.status}`))),
    h('dl', { class: 'facts' },
      phase ? [h('dt', null, t('tab.scheduling.field.phase')), h('dd', null, phase)] : null,
      workshop.start
        ? [h('dt', null, t('tab.scheduling.interview.when')), h('dd', null, formatTimeRange(workshop.start, workshop.end, context.lang))]
        : [h('dt', null, t('tab.scheduling.window')), h('dd', null, windowText(workshop.windowStart, workshop.windowEnd, context.lang))],
      h('dt', null, t('tab.scheduling.field.duration')), h('dd', null, t('tab.scheduling.minutes', workshop.durationMinutes)),
      h('dt', null, t('tab.scheduling.field.place')), h('dd', null, workshop.room ?? t(workshop.needsRoom ? 'tab.scheduling.roomNeeded' : 'tab.scheduling.online')),
      h('dt', null, t('tab.scheduling.invited')), h('dd', null, t('tab.scheduling.invitedCount', workshop.requiredCount, workshop.optionalCount))),
    actions.length > 0 ? h('div', { class: 'actions' }, actions) : null,
    extra);
}

export function workshopsSection(ctx) {
  const holder = h('div');
  const children = [h('h2', { id: 'workshops-heading' }, t('tab.scheduling.workshops'))];
  if (ctx.canOrganize && ctx.participants) {
    const open = h('button', { type: 'button', class: 'primary', 'aria-expanded': 'false', 'aria-controls': 'workshop-form' }, t('tab.scheduling.workshop.new'));
    const close = () => {
      clear(holder);
      open.setAttribute('aria-expanded', 'false');
      open.focus();
    };
    open.addEventListener('click', () => {
      if (holder.firstChild) {
        close();
        return;
      }
      const form = workshopForm(ctx, close);
      holder.append(form);
      open.setAttribute('aria-expanded', 'true');
      form.querySelector('input').focus();
    });
    children.push(h('div', { class: 'actions' }, open), holder);
  }
  children.push(ctx.overview.workshops.length === 0
    ? h('p', { class: 'coming-text' }, t('tab.scheduling.noWorkshops'))
    : ctx.overview.workshops.map((workshop) => workshopCard(ctx, workshop)));
  return h('section', { class: 'scheduling-section', 'aria-labelledby': 'workshops-heading' }, children);
}
