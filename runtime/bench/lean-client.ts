// The bench's load generator: HTTP/1.1 over keep-alive sockets, one request in flight per socket,
// written as one buffer and read with a minimal response parser (status line, Content-Length,
// body). It shares the 2 cores with the service and the database, so it must cost as little as
// it can: node's http.request spent ~0.15 ms of CPU per request on objects the bench never reads.
import net from 'node:net';

export interface LeanResponse {
  readonly status: number;
  readonly text: string;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/** One keep-alive connection; requests on it go one after another. */
class Connection {
  readonly #socket: net.Socket;
  #buffer: Buffer = Buffer.alloc(0);
  #waiting: { resolve: (r: LeanResponse) => void; reject: (e: Error) => void } | null = null;
  #failure: Error | null = null;

  constructor(host: string, port: number) {
    this.#socket = net.connect({ host, port, noDelay: true });
    this.#socket.on('data', (chunk: Buffer) => {
      this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
      this.#parse();
    });
    const fail = (error: Error) => {
      this.#failure = error;
      this.#waiting?.reject(error);
      this.#waiting = null;
    };
    this.#socket.on('error', fail);
    this.#socket.on('close', () => fail(new Error('connection closed')));
  }

  /** Closed by the server (an idle keep-alive timeout) or failed: not to be used again. */
  get dead(): boolean {
    return this.#failure !== null;
  }

  send(head: string, body: Buffer | undefined): Promise<LeanResponse> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#waiting = { resolve, reject };
      this.#socket.write(body === undefined ? head : Buffer.concat([Buffer.from(head, 'latin1'), body]));
    });
  }

  #parse(): void {
    const end = this.#buffer.indexOf(HEADER_END);
    if (end < 0 || !this.#waiting) return;
    const head = this.#buffer.toString('latin1', 0, end);
    const status = Number(head.slice(9, 12));
    const match = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!match) {
      this.#waiting.reject(new Error(`response without Content-Length: ${head.slice(0, 200)}`));
      this.#waiting = null;
      this.#socket.destroy();
      return;
    }
    const length = Number(match[1]);
    const total = end + 4 + length;
    if (this.#buffer.length < total) return;
    const text = this.#buffer.toString('utf8', end + 4, total);
    this.#buffer = this.#buffer.subarray(total);
    const waiting = this.#waiting;
    this.#waiting = null;
    waiting.resolve({ status, text });
  }

  close(): void {
    this.#socket.destroy();
  }
}

/** A pool of keep-alive connections to one `http://host:port` origin. */
export class LeanClient {
  readonly #host: string;
  readonly #port: number;
  readonly #idle: Connection[] = [];
  readonly #all: Connection[] = [];

  constructor(origin: string) {
    const url = new URL(origin);
    this.#host = url.hostname;
    this.#port = Number(url.port);
  }

  async request(method: string, path: string, headers: Record<string, string>, body?: string): Promise<LeanResponse> {
    let head = `${method} ${path} HTTP/1.1\r\nhost: ${this.#host}:${this.#port}\r\n`;
    for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
    const bytes = body === undefined ? undefined : Buffer.from(body, 'utf8');
    if (bytes !== undefined) head += `content-length: ${bytes.length}\r\n`;
    head += '\r\n';
    let connection = this.#idle.pop();
    while (connection?.dead) connection = this.#idle.pop();
    if (!connection) {
      connection = new Connection(this.#host, this.#port);
      this.#all.push(connection);
    }
    try {
      const response = await connection.send(head, bytes);
      this.#idle.push(connection);
      return response;
    } catch (error) {
      connection.close();
      throw error;
    }
  }

  close(): void {
    for (const c of this.#all) c.close();
  }
}
