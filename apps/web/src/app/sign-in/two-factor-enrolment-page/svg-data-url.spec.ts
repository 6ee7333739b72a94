import { groupedKey, svgDataUrl } from './svg-data-url';

describe(svgDataUrl.name, () => {
  it('should make a base64 data URL that decodes to the same SVG, accents included', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><title>Coördinator</title></svg>';

    const url = svgDataUrl(svg);

    expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true);
    const bytes = Uint8Array.from(atob(url.split(',')[1]), (c) => c.charCodeAt(0));
    expect(new TextDecoder().decode(bytes)).toBe(svg);
  });
});

describe(groupedKey.name, () => {
  it.each([
    ['JBSWY3DPEHPK3PXP', 'JBSW Y3DP EHPK 3PXP'],
    ['ABCDEF', 'ABCD EF'],
    ['', ''],
  ])('should write %s as %s', (secret, expected) => {
    expect(groupedKey(secret)).toBe(expected);
  });
});
