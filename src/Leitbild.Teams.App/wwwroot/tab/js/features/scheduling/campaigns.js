// Interview campaigns: the organizers' form, and per campaign every interview's status with what can be done about it.
import { h, clear, idFor } from '../../dom.js';
import { t } from '../../i18n.js';
import { field, select, showProblem } from '../../form.js';
import { formatTimeRange } from '../../format.js';
import { peoplePicker } from '../../picker.js';
import { problemText } from '../../actions.js';
import { phaseField, phaseTitle, windowFields, windowText, icsButton, confirmButton } from './common.js';

function campaignForm(ctx, onClose) {
  const { context, participants, overview } = ctx;
  const title = field(t('tab.scheduling.field.title'), h('input', { type: 'text', name: 'title', value: t('tab.scheduling.campaign.defaultTitle'), required: true, maxlength: '200' }));
  const phase = phaseField(ctx, 'interviews');
  const interviewers = peoplePicker(participants, { name: 'interviewerIds', legend: t('tab.scheduling.field.interviewers') });
  const mode = field(t('tab.scheduling.field.mode'), select('mode', [['anyOne', t('tab.scheduling.mode.anyOne')], ['all', t('tab.scheduling.mode.all')]], 'anyOne'));
  const interviewees = peoplePicker(participants, {
    name: 'interviewees', legend: t('tab.scheduling.field.interviewees'), hint: t('tab.scheduling.hint.interviewees'), units: true,
  });
  const duration = field(t('tab.scheduling.field.duration'), select('durationMinutes', [30, 45, 60, 90, 120].map((m) => [m, t('tab.scheduling.minutes', m)]), 60));
  const period = windowFields(4);
  const room = field(t('tab.scheduling.field.place'),
    select('roomEmail', [['', t('tab.scheduling.online')], ...overview.rooms.map((r) => [r.email, t('tab.scheduling.roomWithSeats', r.displayName, r.capacity)])], ''));
  const buffer = field(t('tab.scheduling.field.bufferAfter'), select('bufferAfterMinutes', [0, 15, 30].map((m) => [m, t('tab.scheduling.minutes', m)]), 15));
  const formError = h('p', { class: 'form-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('tab.scheduling.campaign.start'));
  const form = h('form', { class: 'organizer-form', id: 'campaign-form', novalidate: true, 'aria-labelledby': 'campaign-form-heading' },
    h('h3', { id: 'campaign-form-heading' }, t('tab.scheduling.campaign.new')),
    h('div', { class: 'field-row' }, title.element, phase.element),
    interviewers.element, mode.element, interviewees.element,
    h('div', { class: 'field-row' }, duration.element, buffer.element, room.element),
    period.element,
    formError,
    h('div', { class: 'actions' }, submit, h('button', { type: 'button', class: 'secondary', onClick: onClose }, t('tab.process.cancel'))));
  const targets = {
    title: { setError: title.setError, focus: () => title.control.focus() },
    phaseId: { setError: phase.setError, focus: () => phase.control.focus() },
    interviewerIds: interviewers,
    interviewees,
    duration: { setError: duration.setError, focus: () => duration.control.focus() },
    window: period,
    bufferAfter: { setError: buffer.setError, focus: () => buffer.control.focus() },
    roomEmail: { setError: room.setError, focus: () => room.control.focus() },
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    submit.textContent = t('tab.scheduling.campaign.starting');
    const body = {
      title: title.control.value.trim(),
      phaseId: phase.control.value || null,
      interviewerIds: interviewers.values(),
      mode: mode.control.value,
      interviewees: interviewees.values(),
      durationMinutes: Number(duration.control.value),
      bufferAfterMinutes: Number(buffer.control.value),
      roomEmail: room.control.value || null,
      ...period.value(),
    };
    const result = await context.api.post('/api/scheduling/campaigns', body);
    submit.disabled = false;
    submit.textContent = t('tab.scheduling.campaign.start');
    if (result.ok) {
      const interviews = result.data.interviews;
      const proposed = interviews.filter((i) => i.interview.status === 'proposed').length;
      await ctx.reload(idFor('campaign', result.data.campaign.id), t('tab.scheduling.campaign.started', result.data.campaign.title, proposed, interviews.length));
      return;
    }
    showProblem(result, context.lang, targets, formError, submit).focus();
  });
  return form;
}

function proposalsPanel(ctx, row, cell) {
  const { context } = ctx;
  return async () => {
    clear(cell).append(h('p', { class: 'loading', role: 'status' }, t('tab.loading')));
    const result = await context.api.get(`/api/scheduling/interviews/${encodeURIComponent(row.id)}/proposals`);
    if (!result.ok) {
      clear(cell).append(h('p', { class: 'form-error', role: 'alert' }, problemText(result, context.lang)));
      return;
    }
    const status = h('p', { class: 'form-error', role: 'alert' });
    const list = result.data.length === 0
      ? h('p', null, t('tab.scheduling.interview.noProposals'))
      : h('ul', { class: 'proposals' }, result.data.map((view) => {
        const when = formatTimeRange(view.proposal.start, view.proposal.end, context.lang);
        const book = view.available
          ? h('button', { type: 'button', class: 'primary small', 'aria-label': t('tab.scheduling.interview.bookFor', when, row.intervieweeName) }, t('tab.scheduling.book'))
          : null;
        book?.addEventListener('click', async () => {
          book.disabled = true;
          const booked = await context.api.post(`/api/scheduling/interviews/${encodeURIComponent(row.id)}/book`, { proposalId: view.proposal.id });
          book.disabled = false;
          if (booked.ok) {
            await ctx.reload(idFor('interview', row.id), t('tab.scheduling.interview.booked', row.intervieweeName, when));
            return;
          }
          status.textContent = problemText(booked, context.lang);
          book.focus();
        });
        return h('li', null,
          h('span', null, when),
          h('span', { class: 'detail' }, ` · ${view.interviewers.join(', ')} · ${view.room ?? t('tab.scheduling.online')}`),
          view.available ? null : h('span', { class: 'badge status-cancelled' }, t('tab.scheduling.taken')),
          book);
      }));
    clear(cell).append(h('h4', null, t('tab.scheduling.interview.proposalsFor', row.intervieweeName)), list, status);
  };
}

function interviewRow(ctx, campaign, row) {
  const { context } = ctx;
  const booked = row.start ? formatTimeRange(row.start, row.end, context.lang) : '–';
  const cells = [
    h('th', { scope: 'row' }, row.intervieweeName),
    h('td', null, h('span', { class: `badge interview-${row.status}` }, t(`tab.scheduling.interviewStatus.${row.status}`)),
      row.status === 'proposed' ? h('span', { class: 'detail' }, ` · ${t('tab.scheduling.openProposals', row.openProposals)}`) : null),
    h('td', null, booked, row.room ? h('span', { class: 'detail' }, ` · ${row.room}`) : null),
    h('td', null, row.interviewers.join(', ') || '–'),
  ];
  const detailCell = h('td', { colspan: ctx.canOrganize ? '5' : '4' });
  const detailRow = h('tr', { class: 'detail-row', hidden: true }, detailCell);
  const actions = [];
  if (ctx.canOrganize && (row.status === 'proposed' || row.status === 'booked')) {
    const show = h('button', { type: 'button', class: 'secondary small', 'aria-expanded': 'false',
      'aria-label': `${t('tab.scheduling.interview.proposals')}: ${row.intervieweeName}` }, t('tab.scheduling.interview.proposals'));
    const load = proposalsPanel(ctx, row, detailCell);
    show.addEventListener('click', async () => {
      const open = show.getAttribute('aria-expanded') === 'true';
      show.setAttribute('aria-expanded', String(!open));
      detailRow.hidden = open;
      if (!open) await load();
    });
    actions.push(show);
    const reschedule = h('button', { type: 'button', class: 'secondary small', 'aria-label': t('tab.scheduling.interview.rescheduleFor', row.intervieweeName) },
      t('tab.scheduling.interview.reschedule'));
    reschedule.addEventListener('click', async () => {
      reschedule.disabled = true;
      const result = await context.api.post(`/api/scheduling/interviews/${encodeURIComponent(row.id)}/reschedule`);
      reschedule.disabled = false;
      if (result.ok) await ctx.reload(idFor('interview', row.id), t('tab.scheduling.interview.rescheduled', row.intervieweeName, result.data.length));
      else {
        detailRow.hidden = false;
        clear(detailCell).append(h('p', { class: 'form-error', role: 'alert' }, problemText(result, context.lang)));
      }
    });
    actions.push(reschedule);
  }
  if (ctx.canOrganize && row.status !== 'cancelled' && row.status !== 'booking') {
    actions.push(...confirmButton(t('tab.scheduling.cancel'), t('tab.scheduling.reallyCancel'), t('tab.scheduling.interview.cancelFor', row.intervieweeName), ctx,
      async () => {
        const result = await context.api.post(`/api/scheduling/interviews/${encodeURIComponent(row.id)}/cancel`, {});
        if (result.ok) await ctx.reload(idFor('campaign', campaign.id), t('tab.scheduling.interview.cancelled', row.intervieweeName));
        return result;
      }));
  }
  if (ctx.overview.icsDownloads && row.status === 'booked' && row.eventId) {
    actions.push(...icsButton(ctx, row.eventId, t('tab.scheduling.icsFor', row.intervieweeName)));
  }
  if (ctx.canOrganize) cells.push(h('td', null, h('div', { class: 'row-actions' }, actions)));
  return [h('tr', { id: idFor('interview', row.id) }, cells), detailRow];
}

function campaignCard(ctx, campaign) {
  const { context } = ctx;
  const titleId = idFor('campaign-title', campaign.id);
  const booked = campaign.interviews.filter((i) => i.status === 'booked').length;
  const invited = campaign.interviews.filter((i) => i.status !== 'cancelled').length;
  const phase = phaseTitle(ctx, campaign.phaseId);
  return h('article', { class: 'card campaign', id: idFor('campaign', campaign.id), 'aria-labelledby': titleId },
    h('div', { class: 'phase-head' },
      h('h3', { id: titleId }, campaign.title),
      h('span', { class: 'badge status-running' }, t('tab.scheduling.item.campaignProgress', booked, invited))),
    h('dl', { class: 'facts' },
      phase ? [h('dt', null, t('tab.scheduling.field.phase')), h('dd', null, phase)] : null,
      h('dt', null, t('tab.scheduling.window')), h('dd', null, windowText(campaign.windowStart, campaign.windowEnd, context.lang)),
      h('dt', null, t('tab.scheduling.field.duration')), h('dd', null, t('tab.scheduling.minutes', campaign.durationMinutes)),
      h('dt', null, t('tab.scheduling.field.interviewers')), h('dd', null, `${campaign.interviewers.join(', ')} (${t(`tab.scheduling.mode.${campaign.mode}`)})`),
      h('dt', null, t('tab.scheduling.field.place')), h('dd', null, campaign.room ?? t('tab.scheduling.online'))),
    h('table', { class: 'status-table' },
      h('caption', { class: 'visually-hidden' }, t('tab.scheduling.interview.tableCaption', campaign.title)),
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, t('tab.scheduling.interview.person')),
        h('th', { scope: 'col' }, t('tab.scheduling.status')),
        h('th', { scope: 'col' }, t('tab.scheduling.interview.when')),
        h('th', { scope: 'col' }, t('tab.scheduling.field.interviewers')),
        ctx.canOrganize ? h('th', { scope: 'col' }, t('tab.scheduling.actions')) : null)),
      h('tbody', null, campaign.interviews.map((row) => interviewRow(ctx, campaign, row)))));
}

export function campaignsSection(ctx) {
  const holder = h('div');
  const children = [h('h2', { id: 'campaigns-heading' }, t('tab.scheduling.campaigns'))];
  if (ctx.canOrganize && ctx.participants) {
    const open = h('button', { type: 'button', class: 'primary', 'aria-expanded': 'false', 'aria-controls': 'campaign-form' }, t('tab.scheduling.campaign.new'));
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
      const form = campaignForm(ctx, close);
      holder.append(form);
      open.setAttribute('aria-expanded', 'true');
      form.querySelector('input').focus();
    });
    children.push(h('div', { class: 'actions' }, open), holder);
  }
  children.push(ctx.overview.campaigns.length === 0
    ? h('p', { class: 'coming-text' }, t('tab.scheduling.noCampaigns'))
    : ctx.overview.campaigns.map((campaign) => campaignCard(ctx, campaign)));
  return h('section', { class: 'scheduling-section', 'aria-labelledby': 'campaigns-heading' }, children);
}
