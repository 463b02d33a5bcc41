// A readable page of an OpenAPI document, rendered on the server: no script, no external
// resource (the hub's CSP allows neither), plain HTML a screen reader can follow.

export interface OpenApiOperation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: unknown }[];
  responses?: Record<string, { description?: string }>;
  security?: unknown[];
}

export interface OpenApiDoc {
  openapi: string;
  info: { title: string; version: string; description?: string };
  servers?: { url: string; description?: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: Record<string, unknown>;
  [key: string]: unknown;
}

const esc = (s: unknown) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function paramRows(op: OpenApiOperation): string {
  const ps = op.parameters ?? [];
  if (!ps.length) return '<p>Aucun paramètre.</p>';
  const rows = ps
    .map((p) => `<tr><th scope="row"><code>${esc(p.name)}</code></th><td>${esc(p.in)}</td><td>${p.required ? 'oui' : 'non'}</td><td>${esc(p.description)}</td></tr>`)
    .join('');
  return `<table><caption>Paramètres</caption><thead><tr><th scope="col">Nom</th><th scope="col">Où</th><th scope="col">Requis</th><th scope="col">Description</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function renderOpenApiHtml(doc: OpenApiDoc, jsonHref: string): string {
  const base = doc.servers?.[0]?.url ?? '';
  const ops = Object.entries(doc.paths)
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })))
    .map(
      ({ path, method, op }) => `<section>
<h2><code>${esc(method.toUpperCase())} ${esc(base)}${esc(path)}</code></h2>
${op.summary ? `<p><strong>${esc(op.summary)}</strong></p>` : ''}${op.description ? `<p>${esc(op.description)}</p>` : ''}
${paramRows(op)}
<p>Réponses : ${Object.entries(op.responses ?? {})
        .map(([code, r]) => `<code>${esc(code)}</code> ${esc(r.description)}`)
        .join(' · ')}</p>
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;line-height:1.5;color:#161616}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #929292;padding:.25rem .5rem;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:bold}code{background:#eee;padding:0 .2rem}a{color:#000091}</style></head>
<body><main>
<h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1>
${doc.info.description ? `<p>${esc(doc.info.description)}</p>` : ''}
<p>Document OpenAPI : <a href="${esc(jsonHref)}">${esc(jsonHref)}</a>. Authentification : <code>Authorization: Bearer &lt;client-id&gt;:&lt;client-secret&gt;</code>.</p>
${ops}
</main></body></html>`;
}
