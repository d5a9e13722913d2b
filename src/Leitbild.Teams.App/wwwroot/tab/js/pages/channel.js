// The channel tab: one process, read-only timeline, and its results for those allowed to see them (reviewers and
// organizers; the API enforces the same rule). Everyone else is told where results appear.
import { h, append } from '../dom.js';
import { t } from '../i18n.js';
import { renderFrame, renderMessage, loadError } from '../layout.js';
import { renderTimeline, processSummary } from '../timeline.js';
import { render as renderResults } from '../features/results.js';

export async function render(context) {
  const container = renderFrame(context);
  const processId = context.params.get('process');
  if (!processId) {
    renderMessage(container, { title: t('tab.appName'), text: t('tab.channel.noProcess') });
    return;
  }
  const timeline = await context.api.get(`/api/tab/process?process=${encodeURIComponent(processId)}`);
  if (!timeline.ok) {
    const text = timeline.status === 404 ? t('tab.channel.noProcess') : loadError(timeline);
    renderMessage(container, { title: t('tab.appName'), text });
    return;
  }
  const list = h('div');
  const results = h('section', { class: 'card', 'aria-labelledby': 'results-heading' },
    h('h2', { id: 'results-heading' }, t('tab.channel.results')));
  append(container, [
    h('h1', null, timeline.data.title),
    processSummary({ ...timeline.data, title: timeline.data.city }),
    h('h2', null, t('tab.process.timeline')),
    list,
    results]);
  renderTimeline(list, timeline.data, context, { editable: false });
  const mayReview = context.me.roles.includes('reviewer') || context.me.roles.includes('organizer');
  if (mayReview) {
    const body = h('div');
    append(results, [body]);
    await renderResults(body, context);
  } else {
    append(results, [h('p', null, t('tab.channel.resultsForReviewers'))]);
  }
}
