// A local stand-in for an S3-compatible object store, for tests: an in-process HTTP server that
// answers PutObject, GetObject and HeadObject path-style (`/<bucket>/<key>`) for one bucket, and
// checks every request's AWS Signature Version 4 (the Authorization header) against the one
// access key and secret it is configured with — recomputing the signature from the request
// itself (canonical request, string to sign, derived signing key) as S3 does, and the payload's
// SHA-256 against `x-amz-content-sha256`. A wrong bucket is NoSuchBucket, a wrong key id
// InvalidAccessKeyId, a wrong secret SignatureDoesNotMatch, in S3's XML error shape.
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface S3Double {
  readonly endpoint: string;
  readonly bucket: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** The objects held, by key. */
  readonly objects: Map<string, Uint8Array>;
  /** Every request seen: method, path, and the error code answered (null for success). */
  readonly requests: { method: string; path: string; error: string | null }[];
  close(): Promise<void>;
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

function xmlError(res: ServerResponse, status: number, code: string, message: string) {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>double</RequestId></Error>`;
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** S3's canonical query string: each name and value URI-encoded, sorted by name. */
function canonicalQuery(search: URLSearchParams): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return [...search.entries()].map(([k, v]) => [enc(k), enc(v)]).sort(([a, x], [b, y]) => (a! < b! ? -1 : a! > b! ? 1 : x! < y! ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join('&');
}

/** The error code a request's signature earns, or null when it is right. */
function checkSignature(req: IncomingMessage, body: Uint8Array, url: URL, keys: { accessKeyId: string; secretAccessKey: string; region: string }): [number, string, string] | null {
  const auth = req.headers.authorization ?? '';
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return [403, 'AccessDenied', 'no AWS Signature Version 4 Authorization header'];
  const [, keyId, date, region, signedHeaders, signature] = m;
  if (keyId !== keys.accessKeyId) return [403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.'];
  if (region !== keys.region) return [400, 'AuthorizationHeaderMalformed', `the region ${region} is wrong; expecting ${keys.region}`];
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  if (!amzDate.startsWith(date!)) return [403, 'AccessDenied', 'x-amz-date does not match the credential scope'];
  const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
  if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== sha256(body)) return [400, 'XAmzContentSHA256Mismatch', 'the provided x-amz-content-sha256 header does not match what was computed'];
  const names = signedHeaders!.split(';');
  if (!names.includes('host') || !names.includes('x-amz-date')) return [403, 'AccessDenied', 'host and x-amz-date must be signed'];
  const headerLines = names.map((name) => {
    const raw = req.headers[name];
    const value = Array.isArray(raw) ? raw.join(',') : (raw ?? '');
    return `${name}:${String(value).trim().replace(/\s+/g, ' ')}\n`;
  });
  const canonicalRequest = [req.method, url.pathname, canonicalQuery(url.searchParams), headerLines.join(''), signedHeaders, payloadHash].join('\n');
  const scope = `${date}/${region}/s3/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${keys.secretAccessKey}`, date!), region!), 's3'), 'aws4_request');
  const expected = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
  if (expected !== signature) return [403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.'];
  return null;
}

/** Starts the double on a free port of 127.0.0.1. */
export async function startS3Double(options: { bucket?: string; region?: string; accessKeyId?: string; secretAccessKey?: string } = {}): Promise<Omit<S3Double, 'endpoint'> & { endpoint: string }> {
  const keys = {
    bucket: options.bucket ?? 'plazo-documents',
    region: options.region ?? 'mx-central-1',
    accessKeyId: options.accessKeyId ?? 'AKIAPLAZOTEST0000001',
    secretAccessKey: options.secretAccessKey ?? 'c2VjcmV0LWZvci10aGUtZG91YmxlLW9ubHk/plazo',
  };
  const objects = new Map<string, Uint8Array>();
  const requests: S3Double['requests'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = new Uint8Array(Buffer.concat(chunks));
      const url = new URL(req.url ?? '/', 'http://double');
      const fail = (status: number, code: string, message: string) => {
        requests.push({ method: req.method ?? '', path: url.pathname, error: code });
        if (req.method === 'HEAD') {
          res.writeHead(status, { 'x-amz-error-code': code });
          res.end();
        } else xmlError(res, status, code, message);
      };
      const bad = checkSignature(req, body, url, keys);
      if (bad) return fail(...bad);
      const [, bucket, ...rest] = url.pathname.split('/');
      const key = decodeURIComponent(rest.join('/'));
      if (bucket !== keys.bucket) return fail(404, 'NoSuchBucket', 'The specified bucket does not exist');
      if (key === '') return fail(400, 'InvalidRequest', 'only object operations are implemented');
      if (req.method === 'PUT') {
        objects.set(key, body);
        requests.push({ method: 'PUT', path: url.pathname, error: null });
        res.writeHead(200, { etag: `"${createHash('md5').update(body).digest('hex')}"`, 'content-length': 0 });
        return res.end();
      }
      if (req.method === 'GET' || req.method === 'HEAD') {
        const object = objects.get(key);
        if (!object) return fail(404, 'NoSuchKey', 'The specified key does not exist.');
        requests.push({ method: req.method, path: url.pathname, error: null });
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': object.byteLength, etag: `"${createHash('md5').update(object).digest('hex')}"` });
        return res.end(req.method === 'GET' ? Buffer.from(object) : undefined);
      }
      return fail(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    ...keys,
    objects,
    requests,
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((e) => (e ? reject(e) : resolve()));
    }),
  };
}
