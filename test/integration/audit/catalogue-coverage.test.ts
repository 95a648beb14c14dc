import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import {
  activityTypes,
  auditEvents,
  codesOf,
  informationTypes,
} from '../../../core/audit/catalogue.js';
import { profileSections } from '../../../core/profiles/sections.js';

// Every source file that may write audit events.
function sources(): string {
  const texts: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts'))
        texts.push(fs.readFileSync(full, 'utf8'));
    }
  };
  for (const dir of ['api', 'core', 'workers']) walk(dir);
  return texts.join('\n');
}

describe('the audit catalogue', () => {
  const code = sources();
  const written = (field: string, value: string) =>
    new RegExp(`${field}: '${value}'`).test(code);

  it('has a code path writing every activity type', () => {
    const missing = codesOf(activityTypes).filter(
      (value) => !written('activityType', value),
    );
    expect(missing).to.deep.equal([]);
  });

  it('has a code path writing every event', () => {
    const missing = codesOf(auditEvents).filter(
      (value) => !written('event', value),
    );
    expect(missing).to.deep.equal([]);
  });

  it('has a code path writing every information type', () => {
    // Profile sections are written as the section's own code (see core/profiles).
    const sections = new Set<string>(profileSections);
    const missing = codesOf(informationTypes).filter(
      (value) => !sections.has(value) && !written('informationType', value),
    );
    expect(missing).to.deep.equal([]);
  });
});
