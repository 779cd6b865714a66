// Logging in as a user an admin created, for tests about something else: an admin-set password
// must be changed at the first login (must-change-password.test.ts covers that), so this logs in
// and, when asked to, changes the password and back — the user then has chosen it, and the same
// password works for later logins in the test. The login response is returned; its cookie is live.
import type { Harness } from './harness.ts';

type LoginResponse = Awaited<ReturnType<Harness['request']>>;

export async function loginUser(h: Harness, email: string, password: string, init: { headers?: Record<string, string> } = {}): Promise<LoginResponse> {
  const res = await h.request('POST', '/api/v1/auth/login', { key: null, body: { email, password }, ...(init.headers ? { headers: init.headers } : {}) });
  if (res.status !== 200 || res.body?.user?.mustChangePassword !== true) return res;
  const cookie = /plazo_session=[^;]*/.exec(res.headers.get('set-cookie') ?? '')![0];
  const change = async (currentPassword: string, newPassword: string) => {
    const changed = await h.request('POST', '/api/v1/auth/password', { key: null, cookie, headers: { origin: 'http://localhost' }, body: { currentPassword, newPassword } });
    if (changed.status !== 200) throw new Error(`changing the password of ${email} answered ${changed.status}: ${changed.text}`);
  };
  await change(password, `${password} y la propia`);
  await change(`${password} y la propia`, password);
  return res;
}
