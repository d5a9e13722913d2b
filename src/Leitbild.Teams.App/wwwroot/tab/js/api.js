// The tab's API client: adds the bearer token and the UI language, and never throws for HTTP errors.
// Each call resolves to { ok, status, data } (data is the JSON body, a problem details object on errors).

export function createApi({ getToken, language, onUnauthorized }) {
  async function call(method, path, body) {
    let token;
    try {
      token = await getToken();
    } catch (error) {
      return { ok: false, status: 0, data: null, signInError: String(error?.message ?? error) };
    }
    const headers = { Accept: 'application/json', 'Accept-Language': language, Authorization: `Bearer ${token}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      return { ok: false, status: 0, data: null };
    }
    if (response.status === 401 && onUnauthorized) onUnauthorized();
    const isJson = (response.headers.get('content-type') ?? '').includes('json');
    const data = isJson ? await response.json() : null;
    return { ok: response.ok, status: response.status, data };
  }
  /** A file from the API (an export, an .ics): { ok, status, blob, filename, data } — data is the problem on errors. */
  async function download(path) {
    let token;
    try {
      token = await getToken();
    } catch (error) {
      return { ok: false, status: 0, blob: null, filename: null, data: null, signInError: String(error?.message ?? error) };
    }
    let response;
    try {
      response = await fetch(path, { headers: { 'Accept-Language': language, Authorization: `Bearer ${token}` } });
    } catch {
      return { ok: false, status: 0, blob: null, filename: null, data: null };
    }
    if (response.status === 401 && onUnauthorized) onUnauthorized();
    if (!response.ok) {
      const isJson = (response.headers.get('content-type') ?? '').includes('json');
      return { ok: false, status: response.status, blob: null, filename: null, data: isJson ? await response.json() : null };
    }
    const disposition = response.headers.get('content-disposition') ?? '';
    const match = /filename\*=UTF-8''([^;]+)/i.exec(disposition) ?? /filename="?([^";]+)"?/i.exec(disposition);
    const filename = match ? decodeURIComponent(match[1]) : path.split('/').pop().split('?')[0];
    return { ok: true, status: response.status, blob: await response.blob(), filename, data: null };
  }
  return {
    download,
    delete: (path) => call('DELETE', path),
    get: (path) => call('GET', path),
    put: (path, body) => call('PUT', path, body),
    post: (path, body) => call('POST', path, body ?? {}),
  };
}
