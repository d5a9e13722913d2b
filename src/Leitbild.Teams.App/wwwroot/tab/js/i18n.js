// Strings come from the server (GET /api/tab/texts/{de|en}), which serves the "tab." keys of texts-*.json.

let texts = {};
let language = 'de';

export async function loadTexts(lang) {
  language = lang;
  const response = await fetch(`/api/tab/texts/${lang}`, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`texts ${response.status}`);
  texts = await response.json();
}

/** t('tab.my.greeting', name): the text with {0}, {1}, … filled in; the key itself if it is missing, so a gap is visible. */
export function t(key, ...args) {
  const text = texts[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (match, index) => (args[index] !== undefined ? String(args[index]) : match));
}

export function currentLanguage() {
  return language;
}

/** German by default. ?lang= wins (outside Teams), then the locale TeamsJS reports. */
export function pickLanguage(params, host) {
  const asked = params.get('lang');
  if (asked) return asked.toLowerCase().startsWith('en') ? 'en' : 'de';
  if (host.locale && host.locale.toLowerCase().startsWith('en')) return 'en';
  return 'de';
}
