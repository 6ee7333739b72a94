/**
 * An SVG document (our own server's QR code) as a `data:` URL for an `<img>`: shown as a
 * picture, so nothing in it can run or touch the page.
 */
export function svgDataUrl(svg: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(svg)) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** A base32 key in groups of four, easier to type over: "JBSW Y3DP EHPK 3PXP". */
export function groupedKey(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}
