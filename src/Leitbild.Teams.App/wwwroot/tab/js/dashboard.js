// The dashboard for the planning office and department heads: navigation between its sections, and a clear
// "not for you" for staff (the API refuses them too).
import { t } from './i18n.js';
import { renderFrame, renderMessage, loadError } from './layout.js';

/** Returns { container, sections } or null when a message has been shown instead. */
export async function openDashboard(context) {
  const dashboard = await context.api.get('/api/tab/dashboard');
  if (dashboard.status === 403) {
    renderMessage(renderFrame(context), {
      title: t('tab.error.noAccess'),
      text: t('tab.error.forbiddenDashboard'),
      link: { href: context.link('/tab/mein-leitbild'), text: t('tab.error.toMeinLeitbild') },
    });
    return null;
  }
  if (!dashboard.ok) {
    renderMessage(renderFrame(context), { title: t('tab.error.title'), text: loadError(dashboard) });
    return null;
  }
  const { sections } = dashboard.data;
  return { container: renderFrame(context, { dashboard: true, sections }), sections };
}
