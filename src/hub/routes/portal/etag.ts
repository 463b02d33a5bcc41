import type { FastifyReply, FastifyRequest } from 'fastify';
import { sha256 } from '../../lib/crypto.ts';

/** Whether an If-None-Match header (a list, possibly weak validators or "*") matches `etag`. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v.replace(/^W\//, '') === bare;
  });
}

/** Sends `body` as JSON with a strong ETag, or 304 when the client already holds it. */
export function sendWithEtag(req: FastifyRequest, reply: FastifyReply, body: unknown): FastifyReply {
  const json = JSON.stringify(body);
  const etag = `"${sha256(json).slice(0, 32)}"`;
  reply.header('etag', etag).header('cache-control', 'private, no-cache');
  if (etagMatches(req.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(json);
}
