/** Directive name -> source list, from a Content-Security-Policy string. */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    // CSP: the first occurrence of a directive wins; later duplicates are ignored by browsers.
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** The content of every `<meta http-equiv="Content-Security-Policy">` in an HTML page. */
export function cspMetas(html: string): string[] {
  const metas = html.match(/<meta\b[^>]*>/gi) ?? [];
  return metas
    .filter((m) => /http-equiv\s*=\s*["']?content-security-policy/i.test(m))
    .map((m) => /content\s*=\s*"([^"]*)"/i.exec(m)?.[1] ?? /content\s*=\s*'([^']*)'/i.exec(m)?.[1] ?? '');
}

/** Every `<script ...>` opening tag with whatever it contains, for inline-script checks. */
export function scriptTags(html: string): { attrs: string; body: string }[] {
  const out: { attrs: string; body: string }[] = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) out.push({ attrs: m[1], body: m[2] });
  return out;
}

/** The `src` of a script tag's attributes, or null for an inline script. */
export function scriptSrc(attrs: string): string | null {
  return /\bsrc\s*=\s*"([^"]*)"/i.exec(attrs)?.[1] ?? /\bsrc\s*=\s*'([^']*)'/i.exec(attrs)?.[1] ?? /\bsrc\s*=\s*([^\s>]+)/i.exec(attrs)?.[1] ?? null;
}
