// Small pieces the polls page shares: Berlin deadlines, status badges, problem lists from a ValidationProblem,
// the polls stylesheet, and SVG bars (attributes only, so the tab's CSP needs no inline style).
import { h } from '../dom.js';
import { t } from '../i18n.js';

const SVG = 'http://www.w3.org/2000/svg';

/** Loads /tab/css/polls.css once (a <link> from this app, which the CSP allows). */
export function useStylesheet() {
  if (document.querySelector('link[data-polls-css]')) return;
  document.head.append(h('link', { rel: 'stylesheet', href: '/tab/css/polls.css', 'data-polls-css': true }));
}

export function statusBadge(status) {
  return h('span', { class: `badge poll-status-${status}` }, t(`tab.polls.status.${status}`));
}

/** Europe/Berlin's offset from UTC in minutes at an instant (DST-aware, whatever the browser's own time zone is). */
function berlinOffsetMinutes(utcMillis) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Berlin', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(utcMillis)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return Math.round((asUtc - utcMillis) / 60000);
}

/** "2025-05-02T17:30" (a Berlin wall-clock time from <input type=datetime-local>) → "2025-05-02T17:30:00+02:00". */
export function berlinLocalToIso(local) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local ?? '');
  if (!match) return null;
  const [, y, mo, d, hh, mi] = match.map(Number);
  const wall = Date.UTC(y, mo - 1, d, hh, mi);
  // The offset at the instant the wall-clock time denotes; the second pass settles the days DST changes.
  let offset = berlinOffsetMinutes(wall - 60 * 60000);
  offset = berlinOffsetMinutes(wall - offset * 60000);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const pad = (n) => String(n).padStart(2, '0');
  return `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "questions[1].goalIds" → "Frage 2 – Ziele": the form's own words for a problem's field. */
export function fieldLabel(field) {
  const question = /^questions\[(\d+)\]\.?(.*)$/.exec(field);
  if (question) {
    const rest = question[2].split(/[.[]/)[0];
    const part = rest ? t(`tab.polls.field.question.${rest}`) : '';
    return `${t('tab.polls.questionN', Number(question[1]) + 1)}${part && !part.startsWith('tab.') ? ` – ${part}` : ''}`;
  }
  const key = `tab.polls.field.${field.split(/[.[]/)[0]}`;
  const label = t(key);
  return label === key ? field : label;
}

/** The problems of a ValidationProblem as a list, each with the field it is about. */
export function problemList(problem) {
  const errors = Object.entries(problem?.errors ?? {});
  return h('ul', { class: 'problems' }, errors.flatMap(([field, messages]) =>
    messages.map((message) => h('li', null, h('strong', null, `${fieldLabel(field)}: `), message))));
}

/** A horizontal bar of value/max; decorative (the numbers are in the table beside it). */
export function bar(value, max, width = 160) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'bar');
  const track = document.createElementNS(SVG, 'rect');
  for (const [k, v] of Object.entries({ x: 0, y: 1, width, height: 12, rx: 2, class: 'bar-track' })) track.setAttribute(k, String(v));
  const fill = document.createElementNS(SVG, 'rect');
  const filled = max > 0 ? Math.round((value / max) * width) : 0;
  for (const [k, v] of Object.entries({ x: 0, y: 1, width: filled, height: 12, rx: 2, class: 'bar-fill' })) fill.setAttribute(k, String(v));
  svg.append(track, fill);
  return svg;
}

export function formatNumber(value, lang, digits = 1) {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}
