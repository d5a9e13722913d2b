// The channel tab: one process, read-only timeline, and its results once the results store is built in.
import { h, append } from '../dom.js';
import { t } from '../i18n.js';
import { renderFrame, renderMessage, loadError } from '../layout.js';
import { renderTimeline, processSummary } from '../timeline.js';

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
  append(container, [
    h('h1', null, timeline.data.title),
    processSummary({ ...timeline.data, title: timeline.data.city }),
    h('section', { class: 'card', 'aria-labelledby': 'results-heading' },
      h('h2', { id: 'results-heading' }, t('tab.channel.results')),
      h('p', { class: 'coming-text' }, t('tab.channel.resultsComing'))),
    h('h2', null, t('tab.process.timeline')),
    list]);
  renderTimeline(list, timeline.data, context, { editable: false });
}
