// Small form parts shared by the organizers' forms: labelled fields with their own error line, and the server's 400
// answers put back at the field they name.
import { h } from './dom.js';
import { t } from './i18n.js';

let fields = 0;

/** A labelled control with an error line it is described by. Returns { element, control, setError }. */
export function field(label, control, { hint } = {}) {
  const id = control.id || `field-${++fields}`;
  control.id = id;
  const error = h('p', { class: 'field-error', id: `${id}-error` });
  const hintElement = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  control.setAttribute('aria-describedby', [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' '));
  return {
    element: h('div', { class: 'field' }, h('label', { for: id }, label), hintElement, control, error),
    control,
    setError(text) {
      error.textContent = text ?? '';
      if (text) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    },
  };
}

export function select(name, options, selected) {
  return h('select', { name }, options.map(([value, label]) => h('option', { value, selected: String(value) === String(selected) }, label)));
}

/**
 * Shows a failed submit: a scheduling 400 names its field (and gives the text in German and English), other errors go
 * to the form's alert. targets maps field names to { setError, focus }. Returns what to focus.
 */
export function showProblem(result, lang, targets, formError, fallback) {
  for (const target of Object.values(targets)) target.setError(null);
  const data = result.data ?? {};
  const message = data[lang] ?? data.detail ?? null;
  const target = data.field ? targets[data.field] : null;
  formError.textContent = [data.title ?? t('tab.error.title'), target ? null : message].filter(Boolean).join(' – ')
    || t('tab.error.load', result.status);
  if (target) {
    target.setError(message);
    return target;
  }
  return fallback;
}
