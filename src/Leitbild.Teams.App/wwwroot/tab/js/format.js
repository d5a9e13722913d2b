// Dates from the API are ISO days ("2024-05-14"); shown as 14.05.2024 in German and 14 May 2024 in English.

function asUtcDate(isoDay) {
  const [year, month, day] = isoDay.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

export function formatDay(isoDay, lang) {
  if (!isoDay) return '';
  const options = lang === 'en'
    ? { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }
    : { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'de-DE', options).format(asUtcDate(isoDay));
}

export function formatRange(start, end, lang) {
  if (!start && !end) return '';
  if (start && end && start !== end) return `${formatDay(start, lang)} – ${formatDay(end, lang)}`;
  return formatDay(start || end, lang);
}

export function formatDateTime(iso, lang) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'de-DE', {
    dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin',
  }).format(new Date(iso));
}
