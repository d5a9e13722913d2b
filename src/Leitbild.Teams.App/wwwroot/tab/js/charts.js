// Distribution charts drawn with CSS bars built from script. The CSP allows no style attributes in markup, so each bar's
// length is set through the CSSOM (element.style), which the CSP permits. The numbers are text beside each bar, so a
// screen reader reads "1 – stimme gar nicht zu: 3 (12 %)" and nothing depends on seeing the bars.
import { h } from './dom.js';
import { t } from './i18n.js';

function percent(part, whole, lang) {
  if (whole === 0) return '0 %';
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'de-DE', { style: 'percent', maximumFractionDigits: 0 }).format(part / whole);
}

/** Ratings 1–5 as horizontal bars, longest bar = most frequent rating. caption names the chart for assistive technology. */
export function distributionChart(distribution, { caption, lang, compact = false }) {
  const total = distribution.reduce((sum, n) => sum + n, 0);
  const max = Math.max(1, ...distribution);
  const rows = distribution.map((count, index) => {
    const bar = h('span', { class: `bar bar-${index + 1}`, 'aria-hidden': 'true' });
    bar.style.width = `${(count / max) * 100}%`;
    return h('li', { class: 'bar-row' },
      h('span', { class: 'bar-label' }, compact ? String(index + 1) : t(`tab.results.scale.${index + 1}`)),
      h('span', { class: 'bar-track' }, bar),
      h('span', { class: 'bar-value' }, `${count} (${percent(count, total, lang)})`));
  });
  return h('figure', { class: `distribution${compact ? ' compact' : ''}` },
    h('figcaption', { class: compact ? 'visually-hidden' : null }, caption),
    h('ul', { class: 'bars', 'aria-label': caption }, rows));
}

/** The mean as a number and its position on the 1–5 scale. */
export function formatMean(mean, lang) {
  if (mean === null || mean === undefined) return t('tab.results.noMean');
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(mean);
}
