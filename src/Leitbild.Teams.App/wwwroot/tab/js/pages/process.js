// Dashboard › Prozess: the timeline of phases; organizers edit dates and status.
import { h, append } from '../dom.js';
import { t } from '../i18n.js';
import { openDashboard } from '../dashboard.js';
import { renderTimeline, processSummary } from '../timeline.js';
import { renderMessage, loadError } from '../layout.js';
import { directorySection } from '../features/directory.js';
import { auditSection } from '../features/audit.js';

export async function render(context) {
  const opened = await openDashboard(context);
  if (!opened) return;
  const { container } = opened;
  const timeline = await context.api.get('/api/tab/process');
  if (!timeline.ok) {
    renderMessage(container, { title: t('tab.process.heading'), text: loadError(timeline) });
    return;
  }
  context.processId = timeline.data.id;
  const editable = timeline.data.canEdit;
  const list = h('div');
  append(container, [
    h('h1', null, t('tab.process.heading')),
    processSummary(timeline.data),
    editable ? null : h('p', { class: 'note' }, t('tab.process.readOnly')),
    h('h2', null, t('tab.process.timeline')),
    list]);
  renderTimeline(list, timeline.data, context, { editable });
  if (editable) {
    const directory = await directorySection(context);
    if (directory) append(container, [directory]);
    const audit = await auditSection(context);
    if (audit) append(container, [audit]);
  }
}
