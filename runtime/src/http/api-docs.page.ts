// The browsable API reference at /api/docs: a self-contained HTML page rendered on the server
// from the OpenAPI document (no scripts, no CDN: the service may run without internet).
import { createHash } from 'node:crypto';

interface OpenApiDocument {
  info?: { title?: string; version?: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
}

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  'x-permission'?: string;
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown; description?: string }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}

/** Inline `code` in summaries → <code>. */
function inlineMarkdown(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function schemaBlock(schema: unknown): string {
  return `<pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre>`;
}

function anchor(method: string, path: string): string {
  return `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, '-');
}

/** The page's one stylesheet, inline; allowed by its hash in the page's Content-Security-Policy. */
const DOCS_STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;display:flex;color:#1d2430}
nav{width:320px;flex:none;height:100vh;overflow:auto;position:sticky;top:0;background:#f4f6f9;padding:1rem;box-sizing:border-box;font-size:13px}
nav ul{list-style:none;padding-left:.5rem}main{padding:1rem 2rem;max-width:960px}
a{color:#0b5cad;text-decoration:none}code,pre{font-family:ui-monospace,monospace;font-size:13px}
pre{background:#f4f6f9;padding:.75rem;overflow:auto;border-radius:4px}
section{border-top:1px solid #dde2ea;padding-top:.5rem}table{border-collapse:collapse}td,th{border:1px solid #dde2ea;padding:.2rem .5rem;text-align:left}
.m{display:inline-block;min-width:3.5em;font-weight:600;font-size:12px}.get{color:#1a7f37}.post{color:#0b5cad}.put,.patch{color:#9a6700}.delete{color:#cf222e}
.auth{color:#57606a;font-size:13px}
`;

/** The docs page's Content-Security-Policy: nothing but its own stylesheet and links. */
export const API_DOCS_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(DOCS_STYLE).digest('base64')}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;

/** Renders the whole reference page. */
export function renderApiDocsPage(doc: OpenApiDocument): string {
  const operations: { method: string; path: string; op: Operation; tag: string }[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) operations.push({ method, path, op, tag: op.tags?.[0] ?? 'other' });
    }
  }
  const tags = [...new Set(operations.map((o) => o.tag))];
  const toc = tags
    .map(
      (tag) =>
        `<li><strong>${escapeHtml(tag)}</strong><ul>${operations
          .filter((o) => o.tag === tag)
          .map((o) => `<li><a href="#${anchor(o.method, o.path)}"><span class="m ${o.method}">${o.method.toUpperCase()}</span> ${escapeHtml(o.path)}</a></li>`)
          .join('')}</ul></li>`,
    )
    .join('');
  const sections = operations
    .map(({ method, path, op }) => {
      const params = (op.parameters ?? [])
        .map((p) => `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td><td><code>${escapeHtml(JSON.stringify(p.schema ?? {}))}</code></td></tr>`)
        .join('');
      const body = op.requestBody?.content?.['application/json']?.schema;
      const responses = Object.entries(op.responses ?? {})
        .map(([status, r]) => {
          const schema = r.content?.['application/json']?.schema;
          return `<details><summary><code>${escapeHtml(status)}</code> ${inlineMarkdown(r.description ?? '')}</summary>${schema ? schemaBlock(schema) : ''}</details>`;
        })
        .join('');
      const auth = op['x-permission']
        ? `<p class="auth">Requires permission <code>${escapeHtml(op['x-permission'])}</code> (API key or studio session)</p>`
        : op.security
          ? '<p class="auth">Requires an API key or a studio session</p>'
          : '<p class="auth">No credentials needed</p>';
      return `<section id="${anchor(method, path)}"><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p>${inlineMarkdown(op.summary ?? '')}</p>${op.description ? `<p>${inlineMarkdown(op.description)}</p>` : ''}${auth}
${params ? `<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>required</th><th>schema</th></tr>${params}</table>` : ''}
${body ? `<h4>Request body</h4>${schemaBlock(body)}` : ''}<h4>Responses</h4>${responses}</section>`;
    })
    .join('\n');
  const schemas = Object.entries(doc.components?.schemas ?? {})
    .map(([name, schema]) => `<details id="schema-${escapeHtml(name)}"><summary><code>${escapeHtml(name)}</code></summary>${schemaBlock(schema)}</details>`)
    .join('');
  const title = `${doc.info?.title ?? 'API'} ${doc.info?.version ?? ''}`.trim();
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${DOCS_STYLE}</style></head>
<body><nav><p><strong>${escapeHtml(title)}</strong></p><p><a href="/api/openapi.json">openapi.json</a></p><ul>${toc}</ul></nav>
<main><h1>${escapeHtml(title)}</h1>${doc.info?.description ? `<p>${inlineMarkdown(doc.info.description)}</p>` : ''}
${sections}
<h2>Schemas</h2>${schemas}</main></body></html>`;
}
