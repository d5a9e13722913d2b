// The card preview: the JSON the server builds for the poll's first card page, drawn by the official renderer
// (adaptivecards 3.0.6, vendored in /lib). Inputs are read-only and actions do nothing: it is a picture of the card.
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';

let loading = null;

/** Loads /lib/adaptivecards.min.js once (a script from this app; the CSP allows nothing else). */
function loadRenderer() {
  if (window.AdaptiveCards) return Promise.resolve(window.AdaptiveCards);
  loading ??= new Promise((resolve, reject) => {
    const script = h('script', { src: '/lib/adaptivecards.min.js' });
    script.addEventListener('load', () => resolve(window.AdaptiveCards));
    script.addEventListener('error', () => reject(new Error('adaptivecards could not be loaded')));
    document.head.append(script);
  });
  return loading;
}

export async function renderCardPreview(container, cardJson) {
  const AdaptiveCards = await loadRenderer();
  const card = new AdaptiveCards.AdaptiveCard();
  // A preview must not act: Action.Execute/Submit/OpenUrl are ignored here.
  card.onExecuteAction = () => {};
  card.parse(cardJson);
  const rendered = card.render();
  clear(container);
  if (!rendered) {
    container.append(h('p', { class: 'form-error', role: 'alert' }, t('tab.polls.previewFailed')));
    return;
  }
  for (const control of rendered.querySelectorAll('input, select, textarea, button')) {
    control.disabled = true;
    control.setAttribute('aria-disabled', 'true');
  }
  container.append(
    h('h3', null, t('tab.polls.preview')),
    h('p', { class: 'hint' }, t('tab.polls.previewHint')),
    h('div', { class: 'card-frame' }, rendered));
}
