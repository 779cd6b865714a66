// The API's error messages in Spanish, by error code, written from the error's details (the
// English ones are the errors' own). Codes and details never change with the language; a code
// without a Spanish message here keeps its English one.

type Details = Readonly<Record<string, unknown>>;

const list = (value: unknown): string => (Array.isArray(value) ? value.map(String).join(', ') : '');
const quoted = (value: unknown): string => `\`${String(value)}\``;

const spanish: Readonly<Record<string, (d: Details) => string>> = {
  unauthenticated: () => 'se requiere autenticación: envía `Authorization: Bearer <llave de API>` o inicia sesión',
  'invalid-credentials': () => 'el correo o la contraseña no son correctos',
  'too-many-attempts': (d) => `demasiados intentos fallidos de inicio de sesión; vuelve a intentar en ${String(d.retryAfterSeconds)} s`,
  'password-change-required': () => 'un administrador fijó tu contraseña: cámbiala (POST /api/v1/auth/password) antes de cualquier otra cosa',
  forbidden: (d) => `el rol ${quoted(d.role)} no tiene el permiso ${quoted(d.permission)}`,
  'not-found': (d) => `${Object.values(d).map(quoted).join(', ')} no existe`,
  'route-not-found': () => 'no hay una ruta con ese método y esa dirección',
  'validation-failed': () => 'la solicitud no es válida',
  'malformed-request': () => 'la solicitud no es válida',
  'malformed-json': () => 'el cuerpo de la solicitud no es JSON válido',
  'payload-too-large': () => 'el cuerpo de la solicitud es demasiado grande',
  'unsupported-media-type': (d) => `el cuerpo de la solicitud no es del tipo que esta ruta acepta${d.contentType ? ` (llegó ${quoted(d.contentType)})` : ''}: JSON, o \`multipart/form-data\` al subir un documento`,
  'retry-later': () => 'la base de datos estaba ocupada con escrituras simultáneas; no se escribió nada: envía la solicitud de nuevo',
  'internal-error': () => 'ocurrió un error interno; menciona el identificador de la solicitud al reportarlo',
  'compiler-unavailable': () => 'el compilador de Plazo no está disponible en esta instalación',
  'database-unavailable': () => 'la base de datos no responde; vuelve a intentar en un momento',
  'product-exists': (d) => `el producto ${quoted(d.code)} ya existe: “${String(d.name)}”`,
  'product-retired': (d) => (d.code === undefined ? 'el producto está retirado' : `el producto ${quoted(d.code)} está retirado: no admite nuevas decisiones ni créditos`),
  'already-retired': () => 'el producto ya está retirado',
  'product-not-published': (d) => `el producto ${quoted(d.code)} no tiene una versión publicada`,
  'no-published-version': (d) => `el producto ${quoted(d.code)} no tiene una versión publicada que copiar`,
  'draft-changed': (d) => `el borrador va en la revisión ${String(d.revision)}: alguien lo cambió mientras tanto`,
  'same-author': () => 'control de dos personas: publica el borrador alguien que no lo cambió desde la última versión',
  'draft-has-errors': () => 'el borrador no compila',
  'code-mismatch': (d) => `el texto define el producto ${quoted(d.sourceCode)}, no ${quoted(d.productCode)}`,
  unchanged: (d) => `el borrador compila al mismo producto que la versión ${String(d.version)}`,
  'tests-failing': (d) => `${String(d.failed)} de ${Number(d.passed) + Number(d.failed)} pruebas del producto no pasan`,
  'warnings-not-acknowledged': (d) => `el borrador tiene advertencias (${list(d.codes)}): publica reconociéndolas con un motivo`,
  'warnings-changed': () => 'las advertencias reconocidas ya no son las del borrador: revísalas de nuevo',
  'section-locked': () => 'tu rol solo puede cambiar algunas secciones del borrador, y este cambio toca otras',
  'email-taken': () => 'ya hay un usuario con ese correo',
  'last-admin': () => 'es el último administrador activo: activa o crea otro administrador primero',
  'cannot-disable-self': () => 'no puedes desactivarte a ti mismo: pídeselo a otro administrador',
  'first-run-done': () => 'el primer administrador ya existe: inicia sesión, o pide un usuario a un administrador',
  // Clients' documents (client-documents.routes.ts).
  'document-too-large': () => 'un documento puede pesar a lo más 10 MiB',
  'unsupported-document-type': () => 'el archivo debe ser PDF, JPEG, PNG o WebP (se juzga por su contenido, no por su nombre)',
  'document-integrity': (d) => `falló la verificación de integridad: los bytes guardados del documento ${quoted(d.documentId)} no coinciden con su SHA-256; no se entregaron`,
  'document-store-unavailable': () => 'el almacén de documentos no respondió o rechazó la operación; vuelve a intentar en un momento',
};

/** The error's message in `lang`: Spanish when there is one for its code, else the English `message`. */
export function errorMessage(lang: 'en' | 'es', code: string, message: string, details: unknown): string {
  const write = lang === 'es' ? spanish[code] : undefined;
  if (!write) return message;
  return write(typeof details === 'object' && details !== null && !Array.isArray(details) ? (details as Details) : {});
}
