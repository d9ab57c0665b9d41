/** punycode.js ships no types; `punycode/punycode.js` is its documented path, distinct from Node's deprecated built-in. */
declare module "punycode/punycode.js" {
  export function toUnicode(domain: string): string;
  export function toASCII(domain: string): string;
}
