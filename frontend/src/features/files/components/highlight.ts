import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import css from 'highlight.js/lib/languages/css';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import markdown from 'highlight.js/lib/languages/markdown';
import python from 'highlight.js/lib/languages/python';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import './highlight-theme.css';

// Loaded only when a file is opened (a chunk of its own): the core and the languages generated
// apps are written in, not highlight.js's 190.
const LANGUAGES = { bash, css, dockerfile, java, javascript, json, markdown, python, sql, typescript, xml, yaml };
for (const [name, language] of Object.entries(LANGUAGES)) {
  hljs.registerLanguage(name, language);
}

/**
 * The code as HTML with highlight spans. highlight.js escapes the code itself (`<` becomes
 * `&lt;`), so a generated file can never inject markup into the page.
 */
export function highlightToHtml(code: string, language: string): string {
  return hljs.highlight(code, { language, ignoreIllegals: true }).value;
}
