/**
 * A small browser stand-in over fetch: keeps cookies, follows nothing on
 * its own, and reads the CSRF token off the last page it fetched.
 */
export class HttpClient {
  private cookies = new Map<string, string>();
  lastBody = '';

  constructor(
    readonly baseUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  /** The cookie of that name, if the server set one. */
  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '')
        this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** Sends a request with the stored cookies and remembers new ones. */
  async request(
    method: string,
    path: string,
    init: {
      form?: Record<string, string | string[]>;
      json?: unknown;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = {
      ...this.headers,
      ...init.headers,
    };
    headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(init.form)) {
        for (const item of [value].flat()) params.append(key, item);
      }
      body = params.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(this.baseUrl + path, {
      method,
      headers,
      body,
      redirect: 'manual',
    });
    this.remember(response);
    return response;
  }

  /** GET a page and keep its body for csrf(). */
  async page(path: string): Promise<Response> {
    const response = await this.request('GET', path, {
      headers: { accept: 'text/html' },
    });
    this.lastBody = await response.clone().text();
    return response;
  }

  /** The CSRF token in the last page fetched. */
  csrf(): string {
    const match = /name="_csrf" value="([^"]+)"/.exec(this.lastBody);
    if (!match?.[1]) throw new Error('no CSRF token on the last page');
    return match[1];
  }

  /** Posts a form with the CSRF token of the last page. */
  async post(
    path: string,
    form: Record<string, string | string[]> = {},
  ): Promise<Response> {
    return this.request('POST', path, {
      form: { _csrf: this.csrf(), ...form },
      headers: { accept: 'text/html' },
    });
  }

  /** Signs in through the form; returns the POST's response. */
  async signIn(email: string, password: string): Promise<Response> {
    const form = await this.page('/sign-in');
    // Already signed in: the sign-in page redirects, so take a token from home.
    if (form.status === 303) await this.page('/');
    return this.post('/sign-in', { email, password });
  }
}
