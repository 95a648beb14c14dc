import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';

/** A template rendered to subject, text and HTML. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const cache = new Map<
  string,
  { text: HandlebarsTemplateDelegate; html: HandlebarsTemplateDelegate }
>();

function load(viewsDir: string, name: string) {
  let entry = cache.get(name);
  if (!entry) {
    const read = (ext: string) =>
      fs.readFileSync(
        path.join(viewsDir, 'emails', `${name}.${ext}.hbs`),
        'utf8',
      );
    entry = {
      // The text twin is plain text: escaping HTML there would garble it.
      text: Handlebars.compile(read('text'), { noEscape: true }),
      html: Handlebars.compile(read('html')),
    };
    cache.set(name, entry);
  }
  return entry;
}

/**
 * Renders views/emails/<name>.html.hbs and .text.hbs. The text twin's first
 * line is "Subject: ..."; it becomes the subject and is cut from the body.
 */
export function renderEmail(
  viewsDir: string,
  name: string,
  data: Record<string, unknown>,
): RenderedEmail {
  const template = load(viewsDir, name);
  const [first = '', ...rest] = template.text(data).split('\n');
  const subject = /^Subject: (.+)$/.exec(first)?.[1];
  if (!subject)
    throw new Error(`views/emails/${name}.text.hbs lacks a Subject line`);
  return {
    subject,
    text: rest.join('\n').trimStart(),
    html: template.html(data),
  };
}
