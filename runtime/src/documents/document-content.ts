// What a document file is, judged by its first bytes (never by its name or the Content-Type the
// browser declared): the four formats KYC documents come in — PDF scans, and JPEG, PNG or WebP
// photos. Four fixed signatures from the formats' specifications (PDF 1.7 §7.5.2 `%PDF-`; JPEG
// SOI + marker `FF D8 FF`; PNG's 8-byte signature; WebP's RIFF header with `WEBP` at offset 8).
import type { DocumentContentType } from '../db/tables/client-documents.table.ts';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const startsWith = (bytes: Uint8Array, prefix: readonly number[], offset = 0) => bytes.length >= offset + prefix.length && prefix.every((b, i) => bytes[offset + i] === b);
const ascii = (s: string) => [...s].map((ch) => ch.charCodeAt(0));

/** The content type `bytes` prove, or undefined for anything but PDF, JPEG, PNG or WebP. */
export function detectContentType(bytes: Uint8Array): DocumentContentType | undefined {
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return undefined;
}

const EXTENSIONS: Readonly<Record<DocumentContentType, string>> = { 'application/pdf': '.pdf', 'image/jpeg': '.jpg', 'image/png': '.png', 'image/webp': '.webp' };

/**
 * A file name fit to keep and to send back in Content-Disposition: the last path segment, without
 * control characters, at most 255 characters; `documento.pdf` (by type) when nothing is left.
 */
export function cleanFileName(name: string | undefined, contentType: DocumentContentType): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 255);
  return clean === '' || clean === '.' || clean === '..' ? `documento${EXTENSIONS[contentType]}` : clean;
}

/** `Content-Disposition: attachment` with the name in ASCII and, per RFC 6266/5987, in UTF-8. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
