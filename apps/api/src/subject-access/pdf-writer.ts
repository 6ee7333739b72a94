import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import bidiFactory from 'bidi-js';
import PDFDocument from 'pdfkit';

const bidi = bidiFactory();
/** Letters of the Arabic script (the Arabic font draws these; fontkit shapes them and lays them out right to left). */
/** First-strong isolate and its end: a value takes its own direction inside a line of the other. Never drawn. */
const FSI = '\u2068';
const PDI = '\u2069';
const ISOLATES = /[\u2066-\u2069]/g;
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

/** The fonts, from their npm packages (Noto Sans for Latin, Noto Naskh Arabic), read by pdfkit through fontkit. */
// Node's own resolution at run time (the API's bundle keeps node_modules external; webpack must not rewrite it).
const nodeRequire = createRequire(__filename);
function fontFile(pkg: string, file: string): string {
  return join(dirname(nodeRequire.resolve(pkg)), '..', 'fonts', file);
}
const FONTS = {
  latin: fontFile('@embedpdf/fonts-latin', 'NotoSans-Regular.ttf'),
  latinBold: fontFile('@embedpdf/fonts-latin', 'NotoSans-Bold.ttf'),
  arabic: fontFile('@embedpdf/fonts-arabic', 'NotoNaskhArabic-Regular.ttf'),
  arabicBold: fontFile('@embedpdf/fonts-arabic', 'NotoNaskhArabic-Bold.ttf'),
};

interface Run {
  text: string;
  level: number;
  arabic: boolean;
}

/** A run's pieces: Arabic letters (with the spaces between them) or anything else. */
function pieces(text: string): Array<{ text: string; arabic: boolean }> {
  const out: Array<{ text: string; arabic: boolean }> = [];
  for (const ch of text) {
    const last = out[out.length - 1];
    const arabic = ARABIC.test(ch);
    if (last && (last.arabic === arabic || /\s/.test(ch))) last.text += ch;
    else out.push({ text: ch, arabic });
  }
  return out;
}

/**
 * One line in visual order: the Unicode bidi algorithm (bidi-js) gives each character its level; runs of
 * one level are reordered (rule L2) and drawn left to right. Arabic pieces stay in logical order (fontkit
 * shapes them and lays them out right to left, in the Arabic font); any other right-to-left piece
 * (punctuation, digits' neighbours) is reversed and mirrored here, in the Latin font.
 */
export function visualRuns(line: string, rtl: boolean): Run[] {
  const { levels } = bidi.getEmbeddingLevels(line, rtl ? 'rtl' : 'ltr');
  const runs: Array<{ text: string; level: number }> = [];
  for (let i = 0; i < line.length; i++) {
    const last = runs[runs.length - 1];
    if (last && last.level === levels[i]) last.text += line[i];
    else runs.push({ text: line[i], level: levels[i] });
  }
  const max = Math.max(0, ...runs.map((r) => r.level));
  const lowestOdd = Math.min(...runs.map((r) => r.level).filter((l) => l % 2 === 1), max + 1);
  for (let level = max; level >= lowestOdd; level--) {
    for (let i = 0; i < runs.length; i++) {
      if (runs[i].level < level) continue;
      let j = i;
      while (j + 1 < runs.length && runs[j + 1].level >= level) j++;
      runs.splice(i, j - i + 1, ...runs.slice(i, j + 1).reverse());
      i = j;
    }
  }
  return runs.flatMap((r) => {
    const odd = r.level % 2 === 1;
    const parts = pieces(r.text.replace(ISOLATES, '')).map((p) => ({
      level: r.level,
      arabic: p.arabic,
      text:
        odd && !p.arabic
          ? [...p.text]
              .reverse()
              .map((c) => bidi.getMirroredCharacter(c) ?? c)
              .join('')
          : p.text,
    }));
    return odd ? parts.reverse() : parts;
  });
}

/** A plain A4 document that writes paragraphs in either direction, wrapping words itself (so each line can be reordered). */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly left = 56;
  private readonly width: number;

  constructor(
    private readonly rtl: boolean,
    title: string,
  ) {
    this.doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title, Producer: 'Kring' }, lang: rtl ? 'ar' : undefined });
    this.doc.registerFont('latin', FONTS.latin);
    this.doc.registerFont('latinBold', FONTS.latinBold);
    this.doc.registerFont('arabic', FONTS.arabic);
    this.doc.registerFont('arabicBold', FONTS.arabicBold);
    this.width = this.doc.page.width - 2 * this.left;
  }

  title(text: string): void {
    this.paragraph(text, 20, true, 10);
  }

  heading(text: string): void {
    this.doc.y += 8;
    this.paragraph(text, 14, true, 4);
  }

  text(text: string, size = 10.5): void {
    this.paragraph(text, size, false, 3);
  }

  /** `label: value`, the label first in reading order; the value isolated (a phone number keeps its + in front in Arabic too). */
  field(label: string, value: string): void {
    this.paragraph(`${label}: ${FSI}${value}${PDI}`, 10.5, false, 2);
  }

  finish(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    this.doc.on('data', (c: Buffer) => chunks.push(c));
    return new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
      this.doc.end();
    });
  }

  private font(arabic: boolean, bold: boolean): string {
    return `${arabic ? 'arabic' : 'latin'}${bold ? 'Bold' : ''}`;
  }

  private measure(line: string, size: number, bold: boolean): number {
    return visualRuns(line, this.rtl).reduce(
      (w, r) => w + this.doc.font(this.font(r.arabic, bold)).fontSize(size).widthOfString(r.text),
      0,
    );
  }

  private paragraph(text: string, size: number, bold: boolean, after: number): void {
    for (const part of text.split('\n')) {
      const lines: string[] = [];
      let line = '';
      for (const word of part.split(/\s+/).filter(Boolean)) {
        const next = line ? `${line} ${word}` : word;
        if (line && this.measure(next, size, bold) > this.width) {
          lines.push(line);
          line = word;
        } else line = next;
      }
      lines.push(line);
      for (const l of lines) this.line(l, size, bold);
    }
    this.doc.y += after;
  }

  private line(line: string, size: number, bold: boolean): void {
    const height = size * 1.6;
    if (this.doc.y + height > this.doc.page.height - this.left) this.doc.addPage();
    const y = this.doc.y;
    let x = this.rtl ? this.left + this.width - this.measure(line, size, bold) : this.left;
    for (const run of visualRuns(line, this.rtl)) {
      const doc = this.doc.font(this.font(run.arabic, bold)).fontSize(size);
      doc.text(run.text, x, y, { lineBreak: false });
      x += doc.widthOfString(run.text);
    }
    this.doc.x = this.left;
    this.doc.y = y + height;
  }
}
