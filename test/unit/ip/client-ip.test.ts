import { expect } from 'chai';
import express from 'express';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
  normalizeClientIp,
  parseTrustProxy,
  type TrustProxySetting,
} from '../../../core/ip/client-ip.js';

function setting(raw: string | undefined): TrustProxySetting {
  const result = parseTrustProxy(raw);
  if (!result.ok) throw new Error(result.message);
  return result.setting;
}

function refusal(raw: string): string {
  const result = parseTrustProxy(raw);
  if (result.ok) throw new Error(`expected ${raw} to be refused`);
  return result.message;
}

/** Starts an app on loopback that answers with `req.ip`. */
async function startApp(trust: TrustProxySetting): Promise<Server> {
  const app = express();
  app.set('trust proxy', trust);
  app.get('/', (req, res) => {
    res.send(normalizeClientIp(req.ip) ?? 'none');
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return server;
}

/** The client IP the app sees for a request carrying `forwardedFor`. */
async function seenIp(server: Server, forwardedFor: string): Promise<string> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: '127.0.0.1', port, headers: { 'X-Forwarded-For': forwardedFor } },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve(body));
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('normalizeClientIp', () => {
  it('strips the IPv4-mapped prefix', () => {
    expect(normalizeClientIp('::ffff:127.0.0.1')).to.equal('127.0.0.1');
    expect(normalizeClientIp('::FFFF:c000:0207')).to.equal('192.0.2.7');
  });

  it('keeps IPv4 and writes IPv6 in RFC 5952 form', () => {
    expect(normalizeClientIp('203.0.113.9')).to.equal('203.0.113.9');
    expect(normalizeClientIp('::1')).to.equal('::1');
    expect(normalizeClientIp('2001:0DB8:0:0:0:0:0:0001')).to.equal(
      '2001:db8::1',
    );
  });

  it('drops a zone id', () => {
    expect(normalizeClientIp('fe80::1%eth0')).to.equal('fe80::1');
  });

  it('returns null for a missing or malformed address', () => {
    expect(normalizeClientIp(undefined)).to.equal(null);
    expect(normalizeClientIp('')).to.equal(null);
    expect(normalizeClientIp('10.0.0.1, 10.0.0.2')).to.equal(null);
    expect(normalizeClientIp('1.2.3.04')).to.equal(null);
  });
});

describe('parseTrustProxy', () => {
  describe('when unset or false', () => {
    it('trusts no proxy', () => {
      expect(setting(undefined)).to.equal(false);
      expect(setting('')).to.equal(false);
      expect(setting('  ')).to.equal(false);
      expect(setting('false')).to.equal(false);
      expect(setting('FALSE')).to.equal(false);
    });
  });

  describe('with a hop count', () => {
    it('returns the number', () => {
      expect(setting('1')).to.equal(1);
      expect(setting(' 2 ')).to.equal(2);
    });

    it('treats 0 as no proxy', () => {
      expect(setting('0')).to.equal(false);
    });

    it('refuses a number nobody could mean', () => {
      expect(refusal('100000')).to.equal(
        'TRUST_PROXY: "100000" is not a plausible number of proxies',
      );
    });

    it('refuses a fraction or a negative number, naming it', () => {
      expect(refusal('1.5')).to.contain('"1.5" is not an IPv4 or IPv6');
      expect(refusal('-1')).to.contain('"-1" is not an IPv4 or IPv6');
    });
  });

  describe('with a list of proxies', () => {
    it('returns canonical addresses and ranges', () => {
      expect(
        setting('10.0.0.1, 2001:DB8::/32 ,::ffff:192.0.2.0/120'),
      ).to.deep.equal(['10.0.0.1', '2001:db8::/32', '192.0.2.0/24']);
    });

    it("accepts Express's names for well-known ranges", () => {
      expect(setting('loopback,uniquelocal')).to.deep.equal([
        'loopback',
        'uniquelocal',
      ]);
    });

    it('refuses a bad item, naming it', () => {
      expect(refusal('10.0.0.1,10.0.0.300')).to.equal(
        'TRUST_PROXY: "10.0.0.300" is not an IPv4 or IPv6 address or CIDR range',
      );
      expect(refusal('10.1.2.3/8')).to.contain('did you mean 10.0.0.0/8?');
    });

    it('refuses an empty item', () => {
      expect(refusal('10.0.0.1,,10.0.0.2')).to.contain('has an empty item');
    });

    it('refuses a /0 range, which would trust everyone', () => {
      expect(refusal('0.0.0.0/0')).to.contain('would trust every IPv4 peer');
      expect(refusal('::/0')).to.contain('would trust every IPv6 peer');
    });
  });

  describe('with true', () => {
    it('refuses it, because any client could choose its IP', () => {
      expect(refusal('true')).to.contain('any client could choose its IP');
    });
  });

  describe('as an Express setting', () => {
    let server: Server | undefined;
    afterEach(async () => {
      const running = server;
      server = undefined;
      if (running === undefined) return;
      running.closeAllConnections();
      await new Promise((resolve) => running.close(resolve));
    });

    it('ignores X-Forwarded-For when no proxy is trusted', async () => {
      server = await startApp(setting('false'));
      expect(await seenIp(server, '203.0.113.9')).to.equal('127.0.0.1');
    });

    it('ignores X-Forwarded-For from a peer outside the trusted list', async () => {
      server = await startApp(setting('10.0.0.0/8'));
      expect(await seenIp(server, '203.0.113.9')).to.equal('127.0.0.1');
    });

    it('takes the client from a trusted proxy, not a forged hop', async () => {
      server = await startApp(setting('127.0.0.1'));
      expect(await seenIp(server, '198.51.100.1, 203.0.113.9')).to.equal(
        '203.0.113.9',
      );
    });

    it('trusts exactly the given number of hops', async () => {
      server = await startApp(setting('1'));
      expect(await seenIp(server, '198.51.100.1, 203.0.113.9')).to.equal(
        '203.0.113.9',
      );
    });
  });
});
