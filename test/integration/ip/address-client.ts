import http from 'node:http';

/** What a request answered. */
export interface RawResponse {
  status: number;
  location: string | undefined;
  body: string;
  json<T = unknown>(): T;
}

/**
 * A cookie-keeping client whose connections leave from a chosen local
 * address, so one test can reach a server on 127.0.0.1 as 127.0.0.1,
 * 127.0.0.2 or any other loopback address Linux routes to `lo`.
 */
export class AddressClient {
  private cookies = new Map<string, string>();
  lastBody = '';

  constructor(
    readonly baseUrl: string,
    public localAddress = '127.0.0.1',
    private readonly headers: Record<string, string> = {},
  ) {}

  /** Shares another client's cookies (its session) from now on. */
  adoptCookies(
    from: { cookie(name: string): string | undefined },
    names: string[],
  ): void {
    for (const name of names) {
      const value = from.cookie(name);
      if (value) this.cookies.set(name, value);
    }
  }

  /** The cookie of that name, if the server set one. */
  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** Sends one request and remembers the cookies it sets. */
  request(
    method: string,
    path: string,
    options: { body?: string; headers?: Record<string, string> } = {},
  ): Promise<RawResponse> {
    const headers: Record<string, string> = {
      ...this.headers,
      ...options.headers,
    };
    headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (options.body !== undefined)
      headers['content-length'] = String(Buffer.byteLength(options.body));
    return new Promise((resolve, reject) => {
      const request = http.request(
        new URL(path, this.baseUrl),
        { method, headers, localAddress: this.localAddress },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            for (const line of response.headers['set-cookie'] ?? []) {
              const [pair = ''] = line.split(';');
              const at = pair.indexOf('=');
              const value = pair.slice(at + 1);
              if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line))
                this.cookies.delete(pair.slice(0, at));
              else this.cookies.set(pair.slice(0, at), value);
            }
            const body = Buffer.concat(chunks).toString('utf8');
            resolve({
              status: response.statusCode ?? 0,
              location: response.headers.location,
              body,
              json: <T>() => JSON.parse(body) as T,
            });
          });
        },
      );
      request.on('error', reject);
      request.end(options.body);
    });
  }

  /** GETs an HTML page and keeps it for csrf(). */
  async page(
    path: string,
    headers: Record<string, string> = {},
  ): Promise<RawResponse> {
    const response = await this.request('GET', path, {
      headers: { accept: 'text/html', ...headers },
    });
    this.lastBody = response.body;
    return response;
  }

  /** The CSRF token of the last page. */
  csrf(): string {
    const match = /name="_csrf" value="([^"]+)"/.exec(this.lastBody);
    if (!match?.[1]) throw new Error('no CSRF token on the last page');
    return match[1];
  }

  /** Posts a form with the last page's CSRF token. */
  async post(
    path: string,
    form: Record<string, string | string[]> = {},
    headers: Record<string, string> = {},
  ): Promise<RawResponse> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({
      _csrf: this.csrf(),
      ...form,
    })) {
      for (const item of [value].flat()) params.append(key, item);
    }
    const response = await this.request('POST', path, {
      body: params.toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
        ...headers,
      },
    });
    this.lastBody = response.body;
    return response;
  }

  /** Sends JSON to the API with the CSRF header. */
  api(method: string, path: string, json?: unknown): Promise<RawResponse> {
    return this.request(method, path, {
      body: json === undefined ? '' : JSON.stringify(json),
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'x-csrf-token': this.csrf(),
      },
    });
  }

  /** Signs in through the form. */
  async signIn(email: string, password: string): Promise<RawResponse> {
    await this.page('/sign-in');
    return this.post('/sign-in', { email, password });
  }
}
