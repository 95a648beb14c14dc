import { expect } from 'chai';
import bcrypt from 'bcrypt';
import {
  dummyVerify,
  hashPassword,
  needsRehash,
  verifyPassword,
} from '../../../core/password/password-hash.js';

// Low costs keep the suite fast; the scheme is the same at any cost.
const COST = 4;

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

async function elapsed(action: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await action();
  return Number(process.hrtime.bigint() - start);
}

describe('hashPassword', () => {
  it('marks the hash with the $gh1$ scheme and the bcrypt cost', async () => {
    const hash = await hashPassword('quiet harbour lantern', COST);
    expect(hash).to.match(/^\$gh1\$\$2b\$04\$[./A-Za-z0-9]{53}$/);
  });

  it('salts each hash, so the same password hashes differently', async () => {
    const first = await hashPassword('quiet harbour lantern', COST);
    const second = await hashPassword('quiet harbour lantern', COST);
    expect(first).not.to.equal(second);
  });

  describe('when the cost is outside bcrypt’s range', () => {
    for (const cost of [3, 32, 10.5]) {
      it(`refuses cost ${cost}`, async () => {
        const error = await rejectionOf(hashPassword('x', cost));
        expect(error).to.be.instanceOf(RangeError);
      });
    }
  });
});

describe('verifyPassword', () => {
  describe('when the password is the one that was hashed', () => {
    it('accepts it', async () => {
      const hash = await hashPassword('quiet harbour lantern', COST);
      expect(await verifyPassword('quiet harbour lantern', hash)).to.equal(
        true,
      );
    });
  });

  describe('when the password is different', () => {
    it('refuses it', async () => {
      const hash = await hashPassword('quiet harbour lantern', COST);
      expect(await verifyPassword('quiet harbour lanterns', hash)).to.equal(
        false,
      );
      expect(await verifyPassword('Quiet harbour lantern', hash)).to.equal(
        false,
      );
    });
  });

  describe('when the password arrives in another Unicode form', () => {
    const composed = 'Caf\u00e9-Stra\u00dfe-\u00c5ngstr\u00f6m';
    const decomposed = 'Cafe\u0301-Stra\u00dfe-A\u030angstro\u0308m';

    it('accepts the decomposed form against a composed hash', async () => {
      expect(composed).not.to.equal(decomposed);
      const hash = await hashPassword(composed, COST);
      expect(await verifyPassword(decomposed, hash)).to.equal(true);
    });

    it('accepts the composed form against a decomposed hash', async () => {
      const hash = await hashPassword(decomposed, COST);
      expect(await verifyPassword(composed, hash)).to.equal(true);
    });
  });

  describe('when two passwords share their first 72 bytes', () => {
    const prefix = 'a'.repeat(72);

    it('would be equal to plain bcrypt, which reads only 72 bytes', async () => {
      const plain = await bcrypt.hash(`${prefix}first`, COST);
      expect(await bcrypt.compare(`${prefix}second`, plain)).to.equal(true);
    });

    it('treats them as different passwords', async () => {
      const hash = await hashPassword(`${prefix}first`, COST);
      expect(await verifyPassword(`${prefix}second`, hash)).to.equal(false);
      expect(await verifyPassword(`${prefix}first`, hash)).to.equal(true);
    });

    it('treats them as different when the prefix is multi-byte', async () => {
      // 24 three-byte characters make exactly 72 UTF-8 bytes.
      const wide = '日'.repeat(24);
      const hash = await hashPassword(`${wide}東`, COST);
      expect(await verifyPassword(`${wide}西`, hash)).to.equal(false);
    });
  });

  describe('when the password is 200 characters long', () => {
    const long = 'harbour-'.repeat(25);

    it('accepts the whole password', async () => {
      expect(long).to.have.length(200);
      const hash = await hashPassword(long, COST);
      expect(await verifyPassword(long, hash)).to.equal(true);
    });

    it('refuses it when only the last character differs', async () => {
      const hash = await hashPassword(long, COST);
      expect(await verifyPassword(`${long.slice(0, 199)}!`, hash)).to.equal(
        false,
      );
    });
  });

  describe('when the stored hash is not in the $gh1$ format', () => {
    it('refuses even the right password', async () => {
      const plain = await bcrypt.hash('quiet harbour lantern', COST);
      expect(await verifyPassword('quiet harbour lantern', plain)).to.equal(
        false,
      );
      expect(await verifyPassword('quiet harbour lantern', '')).to.equal(false);
    });
  });
});

describe('needsRehash', () => {
  it('keeps a hash made by this scheme at the same cost', async () => {
    const hash = await hashPassword('quiet harbour lantern', COST);
    expect(needsRehash(hash, COST)).to.equal(false);
  });

  it('replaces a hash made at another cost', async () => {
    const hash = await hashPassword('quiet harbour lantern', COST);
    expect(needsRehash(hash, COST + 1)).to.equal(true);
  });

  it('replaces a hash of another format', () => {
    expect(needsRehash('$2b$04$abcdefghijklmnopqrstuv', COST)).to.equal(true);
    expect(needsRehash('$gh1$garbage', COST)).to.equal(true);
  });
});

describe('dummyVerify', () => {
  it('answers false', async () => {
    expect(await dummyVerify(COST)).to.equal(false);
  });

  for (const cost of [5, 7]) {
    describe(`at cost ${cost}`, () => {
      it('takes about as long as verifying a real hash', async () => {
        const hash = await hashPassword('quiet harbour lantern', cost);
        // The first call makes the dummy hash; time only later calls.
        await dummyVerify(cost);
        await verifyPassword('wrong password', hash);

        let real = 0;
        let dummy = 0;
        for (let run = 0; run < 10; run += 1) {
          real += await elapsed(() => verifyPassword('wrong password', hash));
          dummy += await elapsed(() => dummyVerify(cost));
        }

        expect(dummy / real).to.be.within(0.5, 2);
      });
    });
  }
});
