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

/** "Di., 12.05.2026, 10:00–11:00" / "Tue 12 May 2026, 10:00–11:00", Berlin time (the server writes the same). */
export function formatTimeRange(startIso, endIso, lang) {
  const locale = lang === 'en' ? 'en-GB' : 'de-DE';
  const day = new Intl.DateTimeFormat(locale, lang === 'en'
    ? { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/Berlin' }
    : { weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Berlin' })
    .format(new Date(startIso));
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' });
  return `${day}, ${time.format(new Date(startIso))}–${time.format(new Date(endIso))}`;
}

/** Midnight in Berlin at the start of an ISO day, with its offset ("2026-05-04T00:00:00+02:00"), for the API's windows. */
export function berlinStartOfDay(isoDay) {
  // Offset at 00:00 UTC of that day: before any 2–3 a.m. change, so it is the offset of Berlin's midnight.
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' }).formatToParts(new Date(`${isoDay}T00:00:00Z`));
  const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  return `${isoDay}T00:00:00${name === 'GMT' ? '+00:00' : name.slice(3)}`;
}

/** The ISO day n days after isoDay. */
export function addDays(isoDay, n) {
  const date = new Date(`${isoDay}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/** Today in Berlin as an ISO day. */
export function todayInBerlin() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** The ISO day (Berlin) of an instant. */
export function berlinDay(iso) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** An item's time: one day with its hours, or a span of days (a campaign's window). */
export function formatSpan(startIso, endIso, lang) {
  if (!startIso) return '';
  if (!endIso) return formatDateTime(startIso, lang);
  const first = berlinDay(startIso);
  // A window ending at midnight ends on the day before.
  const last = berlinDay(new Date(new Date(endIso).getTime() - 1).toISOString());
  return first === last ? formatTimeRange(startIso, endIso, lang) : formatRange(first, last, lang);
}
