import { describe, expect, it } from 'vitest';
import { LABELLING_WORDS, labellingHints } from './flags-labelling';

describe(labellingHints.name, () => {
  it('should find Dutch labels, whole words only, whatever the case', () => {
    expect(labellingHints('Dit is een RISICOGEZIN, de moeder is een slechte  moeder.', 'nl')).toEqual(['risicogezin', 'slechte moeder']);
    expect(labellingHints('Mama vertelde over verwaarlozing van haar eigen jeugd.', 'nl')).toEqual(['verwaarlozing']);
    // Part of a longer word is not the word.
    expect(labellingHints('Zelfverwaarlozingsschaal', 'nl')).toEqual([]);
    expect(labellingHints('Het kind speelde rustig met blokken; mama las voor.', 'nl')).toEqual([]);
    expect(labellingHints('Kansarm gezin? Nee: asociaal.', 'nl')).toEqual(['asociaal', 'kansarm gezin']);
  });

  it('should find English labels', () => {
    expect(labellingHints('A problem family; the dad seems a Bad Father. Signs of neglect.', 'en')).toEqual([
      'problem family',
      'neglect',
      'bad father',
    ]);
    expect(labellingHints('They neglected nothing: the baby was fed.', 'en')).toEqual(['neglected']);
    expect(labellingHints('Mum asked about baby sleep.', 'en')).toEqual([]);
  });

  it('should find French labels with or without accents', () => {
    expect(labellingHints('Une MAUVAISE MÈRE, famille a risque, negligence.', 'fr')).toEqual([
      'famille à risque',
      'négligence',
      'mauvaise mère',
    ]);
    expect(labellingHints('Le papa est asocial.', 'fr')).toEqual(['asocial']);
    expect(labellingHints('La maman a parlé du sommeil du bébé.', 'fr')).toEqual([]);
  });

  it('should use the Dutch list for a locale without one, and find nothing in nothing', () => {
    expect(labellingHints('probleemouder', 'ar')).toEqual(['probleemouder']);
    expect(labellingHints('', 'nl')).toEqual([]);
  });

  it('should have a list per staff language with the words the centre named', () => {
    expect(LABELLING_WORDS.nl).toEqual(
      expect.arrayContaining(['risicogezin', 'probleemouder', 'verwaarlozing', 'slechte moeder', 'asociaal', 'kansarm gezin']),
    );
    for (const locale of ['nl', 'en', 'fr'] as const) {
      expect(LABELLING_WORDS[locale].length).toBeGreaterThan(10);
      expect(new Set(LABELLING_WORDS[locale]).size).toBe(LABELLING_WORDS[locale].length);
    }
  });
});
