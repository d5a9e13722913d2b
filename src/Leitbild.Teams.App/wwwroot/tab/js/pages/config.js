// Configuration page of the channel tab: choose a process; Teams saves the tab with a content URL for that process.
// Uses pages.config only where the host supports it (Teams); elsewhere it shows where the channel view is.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { renderFrame, renderMessage, loadError } from '../layout.js';

function channelPath(processId) {
  return `/tab/channel?process=${encodeURIComponent(processId)}`;
}

export async function render(context) {
  const container = renderFrame(context);
  const processes = await context.api.get('/api/tab/processes');
  if (!processes.ok) {
    renderMessage(container, { title: t('tab.config.heading'), text: loadError(processes) });
    return;
  }
  container.append(h('h1', null, t('tab.config.heading')), h('p', null, t('tab.config.intro')));
  if (processes.data.length === 0) {
    container.append(h('p', { class: 'note' }, t('tab.config.noProcesses')));
    return;
  }

  const { host } = context;
  const config = host.inHost ? host.teams.pages?.config : null;
  const canConfigure = Boolean(config && config.isSupported());
  if (host.inHost && !canConfigure) {
    container.append(h('p', { class: 'note', role: 'alert' }, t('tab.config.notSupported', host.name)));
    return;
  }

  const select = h('select', { id: 'process' },
    h('option', { value: '' }, t('tab.config.choose')),
    processes.data.map((p) => h('option', { value: p.id }, p.title)));
  container.append(h('div', { class: 'field card' }, h('label', { for: 'process' }, t('tab.config.process')), select));

  if (canConfigure) {
    container.append(h('p', { class: 'hint' }, t('tab.config.ready')));
    config.registerOnSaveHandler(async (saveEvent) => {
      const chosen = processes.data.find((p) => p.id === select.value);
      try {
        await config.setConfig({
          entityId: `leitbild-${chosen.id}`,
          contentUrl: `${location.origin}${channelPath(chosen.id)}`,
          websiteUrl: `${location.origin}${channelPath(chosen.id)}`,
          suggestedDisplayName: t('tab.appName'),
        });
        saveEvent.notifySuccess();
      } catch (error) {
        saveEvent.notifyFailure(String(error?.message ?? error));
      }
    });
    select.addEventListener('change', () => config.setValidityState(Boolean(select.value)));
    config.setValidityState(false);
    return;
  }

  // A browser in local mode: nothing to save, but the link shows what the channel will see.
  const preview = h('p', { hidden: true }, h('a', { id: 'channel-preview', href: '#' }, t('tab.config.open')));
  container.append(h('p', { class: 'hint' }, t('tab.config.outsideTeams')), preview);
  select.addEventListener('change', () => {
    preview.hidden = !select.value;
    if (select.value) preview.querySelector('a').setAttribute('href', context.link('/tab/channel', { process: select.value }));
  });
}
