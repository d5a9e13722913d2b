// A checkbox list of people (and, where asked, offices and divisions) with a filter box: accessible with a keyboard and a
// screen reader, and usable with a few dozen people. Offices stand for everyone in them (the server resolves them).
import { h, idFor } from './dom.js';
import { t } from './i18n.js';

let pickers = 0;

/**
 * participants: { people: [{ id, displayName, officeId }], divisions: [{ id, name, offices: [{ id, code, name }] }] }.
 * Returns { element, values(), setError(text), clear() }.
 */
export function peoplePicker(participants, { name, legend, hint, units = false, selected = [] }) {
  const id = `picker-${name}-${++pickers}`;
  const offices = new Map(participants.divisions.flatMap((d) => d.offices.map((o) => [o.id, o])));
  const boxes = [];
  const option = (value, label, detail) => {
    const boxId = idFor(`${id}-option`, value);
    const box = h('input', { type: 'checkbox', id: boxId, name, value, checked: selected.includes(value) });
    boxes.push(box);
    return h('li', { 'data-label': `${label} ${detail ?? ''}`.toLowerCase() },
      box, h('label', { for: boxId }, label, detail ? h('span', { class: 'detail' }, ` · ${detail}`) : null));
  };
  const groups = [];
  if (units) {
    groups.push(h('li', { class: 'group' },
      h('span', { class: 'group-title', id: `${id}-units` }, t('tab.picker.units')),
      h('ul', { 'aria-labelledby': `${id}-units` }, participants.divisions.flatMap((division) => [
        option(division.id, division.name, t('tab.picker.division')),
        ...division.offices.map((office) => option(office.id, `${office.code} ${office.name}`, t('tab.picker.office'))),
      ]))));
  }
  groups.push(h('li', { class: 'group' },
    h('span', { class: 'group-title', id: `${id}-people` }, t('tab.picker.people')),
    h('ul', { 'aria-labelledby': `${id}-people` }, participants.people.map((person) => {
      const office = person.officeId ? offices.get(person.officeId) : null;
      return option(person.id, person.displayName, person.isGuest ? t('tab.picker.guest') : office?.code ?? null);
    }))));

  const count = h('p', { class: 'picker-count', 'aria-live': 'polite', id: `${id}-count` });
  const error = h('p', { class: 'field-error', id: `${id}-error` });
  const filter = h('input', { type: 'search', id: `${id}-filter`, 'aria-describedby': `${id}-count`, autocomplete: 'off' });
  const list = h('ul', { class: 'picker-list', id: `${id}-list` }, groups);
  const updateCount = () => { count.textContent = t('tab.picker.selected', boxes.filter((b) => b.checked).length); };
  list.addEventListener('change', updateCount);
  filter.addEventListener('input', () => {
    const needle = filter.value.trim().toLowerCase();
    for (const item of list.querySelectorAll('li[data-label]')) item.hidden = needle !== '' && !item.dataset.label.includes(needle);
  });
  updateCount();
  const element = h('fieldset', { class: 'picker', 'aria-describedby': `${id}-error` },
    h('legend', null, legend),
    hint ? h('p', { class: 'hint' }, hint) : null,
    h('label', { for: `${id}-filter`, class: 'filter-label' }, t('tab.picker.filter')),
    filter, list, count, error);
  return {
    element,
    values: () => boxes.filter((b) => b.checked).map((b) => b.value),
    setError(text) {
      error.textContent = text ?? '';
    },
    focus: () => filter.focus(),
  };
}
