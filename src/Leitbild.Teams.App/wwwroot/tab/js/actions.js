// Buttons for what a person can do with a list item (TabItemAction from the server): "post" calls the API and then
// lets the page reload, "download" saves the file the API returns. Only the app's own /api/ addresses are followed.
import { h } from './dom.js';
import { saveFromApi } from './download.js';
import { loadError } from './layout.js';

/** The reason an API call failed, as the server put it (title, and for bad input the field's message), or a generic one. */
export function problemText(result, lang) {
  const data = result.data;
  if (data && (data.title || data.detail)) {
    const specific = data[lang] ?? (data.errors ? Object.values(data.errors).flat().join(' ') : null);
    return [data.title, specific].filter(Boolean).join(' – ');
  }
  return loadError(result);
}

/** The item's buttons and a place for their error, or null without actions. onChanged(action) runs after a successful post. */
export function itemActions(item, context, { onChanged }) {
  const actions = (item.actions ?? []).filter((action) => typeof action.url === 'string' && action.url.startsWith('/api/'));
  if (actions.length === 0) return null;
  const message = h('p', { class: 'form-error', role: 'alert' });
  const buttons = [];
  for (const action of actions) {
    const button = h('button', { type: 'button', class: action.kind === 'post' ? 'primary' : 'secondary' }, action.label);
    button.addEventListener('click', async () => {
      message.textContent = '';
      for (const other of buttons) other.disabled = true;
      const result = action.kind === 'download' ? await saveFromApi(context.api, action.url) : await context.api.post(action.url);
      for (const other of buttons) other.disabled = false;
      if (!result.ok) {
        message.textContent = problemText(result, context.lang);
        button.focus();
        return;
      }
      if (action.kind === 'post') await onChanged(action);
    });
    buttons.push(button);
  }
  return h('div', { class: 'item-actions' }, buttons, message);
}
