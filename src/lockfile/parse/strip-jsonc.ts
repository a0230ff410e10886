/**
 * JSONC -> JSON: drops comments and trailing commas outside strings (bun.lock is JSON with trailing
 * commas). One pass, no dependency; string contents are copied untouched.
 */
export function stripJsonc(text: string): string {
  let out = "";
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i = endOfString(text, i);
    } else if (c === "/" && (text[i + 1] === "/" || text[i + 1] === "*")) {
      const end = text[i + 1] === "/" ? text.indexOf("\n", i) : text.indexOf("*/", i + 2) + 2;
      const stop = end <= 1 || end === -1 ? text.length : end;
      out += text.slice(start, i);
      start = i = stop;
    } else if (c === ",") {
      const next = nextSignificant(text, i + 1);
      if (text[next] === "}" || text[next] === "]") {
        out += text.slice(start, i);
        start = i + 1;
      }
      i++;
    } else i++;
  }
  return out + text.slice(start);
}

function endOfString(text: string, open: number): number {
  let i = open + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
  return i + 1;
}

function nextSignificant(text: string, from: number): number {
  let i = from;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text[i] === "/" && text[i + 1] === "/") i = text.indexOf("\n", i) === -1 ? text.length : text.indexOf("\n", i);
    else if (text[i] === "/" && text[i + 1] === "*") i = text.indexOf("*/", i + 2) === -1 ? text.length : text.indexOf("*/", i + 2) + 2;
    else return i;
  }
}
