// Saves a file the API returns (exports, .ics). The API needs the bearer token, so a plain link cannot fetch it: the file
// is fetched with the token and handed to the browser as a download from a temporary object URL.
import { h } from './dom.js';

/** Resolves to the API result ({ ok, status, data, filename }); on success the browser has been given the file. */
export async function saveFromApi(api, url) {
  const result = await api.download(url);
  if (!result.ok) return result;
  const href = URL.createObjectURL(result.blob);
  const link = h('a', { href, download: result.filename, class: 'visually-hidden' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10000);
  return result;
}
