// The rules Apps Script and Sheets impose on custom functions, checked at build time.

/** Checks the rules Sheets imposes on custom function names and help. */
export function checkCustomFunctions(specs, builtins) {
  const problems = [];
  const seen = new Set();
  for (const s of specs) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(s.name)) problems.push(`${s.name}: not an UPPER_SNAKE name`);
    if (s.name.endsWith('_')) problems.push(`${s.name}: ends in "_", which Apps Script hides`);
    if (builtins.has(s.name)) problems.push(`${s.name}: shadows the built-in Sheets function of that name`);
    if (seen.has(s.name)) problems.push(`${s.name}: listed twice`);
    seen.add(s.name);
    if (!s.description?.trim()) problems.push(`${s.name}: no description for its JSDoc`);
    for (const p of s.params)
      if (!p.doc?.trim()) problems.push(`${s.name}: parameter ${p.name} has no @param text`);
  }
  return problems;
}

/** Every custom function in Code.js must have a JSDoc block with @customfunction right above it. */
export function checkEmittedJsdoc(code, specs) {
  const problems = [];
  for (const s of specs) {
    const re = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*function ${s.name}\\(`);
    const m = code.match(re);
    if (!m?.[1].includes('@customfunction'))
      problems.push(`${s.name}: no JSDoc with @customfunction above it`);
  }
  return problems;
}
