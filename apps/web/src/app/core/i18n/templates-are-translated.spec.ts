import type { TmplAstBoundText, TmplAstElement, TmplAstText, TmplAstTextAttribute } from '@angular/compiler';
import { ASTWithSource, Interpolation, TmplAstRecursiveVisitor, parseTemplate, tmplAstVisitAll } from '@angular/compiler';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Attributes people read or hear; a static value there must come from a translation. */
const SPOKEN_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'alt',
  'label',
  'placeholder',
  'title',
]);
const LETTER = /\p{L}/u;

/** Finds hard-coded words in a template: text nodes, the text around `{{ }}` and spoken attributes. */
class HardCodedTextFinder extends TmplAstRecursiveVisitor {
  readonly found: string[] = [];

  override visitElement(element: TmplAstElement): void {
    // The document <head> (index.html) only holds the fallback title that the TitleStrategy replaces.
    if (element.name === 'head') return;
    super.visitElement(element);
  }

  override visitText(text: TmplAstText): void {
    if (LETTER.test(text.value)) this.found.push(text.value.trim());
  }

  override visitBoundText(text: TmplAstBoundText): void {
    const ast = text.value instanceof ASTWithSource ? text.value.ast : text.value;
    if (!(ast instanceof Interpolation)) return;
    if (ast.strings.some((part) => LETTER.test(part))) {
      const source = text.value instanceof ASTWithSource ? text.value.source : null;
      this.found.push((source ?? ast.strings.join('{{ }}')).trim());
    }
  }

  override visitTextAttribute(attribute: TmplAstTextAttribute): void {
    if (SPOKEN_ATTRIBUTES.has(attribute.name.toLowerCase()) && LETTER.test(attribute.value)) {
      this.found.push(`${attribute.name}="${attribute.value}"`);
    }
  }
}

export function findHardCodedText(template: string, url = 'inline.html'): string[] {
  const parsed = parseTemplate(template, url, { preserveWhitespaces: false });
  if (parsed.errors?.length) throw new Error(`${url}: ${parsed.errors.map(String).join('; ')}`);
  const finder = new HardCodedTextFinder();
  tmplAstVisitAll(finder, parsed.nodes);
  return finder.found;
}

function sourceRoot(): string {
  const candidates = [join(process.cwd(), 'apps/web/src'), join(process.cwd(), 'src')];
  const root = candidates.find((dir) => existsSync(join(dir, 'app')));
  if (!root) throw new Error(`apps/web/src not found from ${process.cwd()}`);
  return root;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

describe('Templates', () => {
  const root = sourceRoot();
  const files = htmlFiles(root);

  it('should be found when the web sources are scanned', () => {
    expect(files.length).toBeGreaterThan(5);
    expect(files.some((file) => file.endsWith('app.html'))).toBe(true);
  });

  it.each(files.map((file) => [relative(root, file), file]))('should have no hard-coded text when the template is %s', (_name, file) => {
    expect(findHardCodedText(readFileSync(file, 'utf8'), file)).toEqual([]);
  });

  it.each([
    ['a text node', '<p>Welkom</p>', ['Welkom']],
    ['text around an interpolation', '<p>Hallo {{ name }}</p>', ['Hallo {{ name }}']],
    ['text inside a control-flow block', '@if (x) { <span>Inloop</span> }', ['Inloop']],
    ['a static aria-label', '<button aria-label="Sluiten"></button>', ['aria-label="Sluiten"']],
    ['a translated text', "<p>{{ 'home.title' | translate }}</p>", []],
    ['a translated aria-label', `<button [attr.aria-label]="'nav.open' | translate"></button>`, []],
    ['data from the API', '<h3>{{ group().title }}</h3>', []],
    ['punctuation only', '<span>·</span>', []],
  ])('should report %s correctly', (_case, template, expected) => {
    expect(findHardCodedText(template)).toEqual(expected);
  });
});
