// The staff sign-in page: posts the login and password as JSON to /api/auth/login and goes to
// the staff page (/staff/) on success; with an invitation link (#invitation=…) it shows the
// form that sets the password. An external module, so the page works under the server's
// Content-Security-Policy (script-src 'self', no inline script). Errors are announced in the
// status line (aria-live), Russian first, then English.

const staffPage = '/staff/';

/** Shows a message in a status line: `kind` is 'error', 'ok' or '' (in progress). */
function show(status, text, kind) {
  status.textContent = text;
  status.className = `status ${kind}`.trim();
}

/** The bilingual message of an error answer of the server, or a generic one. */
async function messageOf(response) {
  try {
    const body = await response.json();
    const message = body?.error?.message;
    const issues = Array.isArray(body?.error?.issues) ? body.error.issues : [];
    const details = issues
      .map((issue) => issue?.message)
      .filter((text) => text && text.ru && text.en && text.ru !== message?.ru);
    if (details.length > 0) {
      return details.map((text) => `${text.ru}. ${text.en}.`).join(' ');
    }
    if (message && message.ru && message.en) return `${message.ru}. ${message.en}.`;
  } catch {
    // not JSON: the generic message below
  }
  return `Не удалось выполнить запрос (HTTP ${response.status}). The request failed (HTTP ${response.status}).`;
}

const networkError =
  'Нет связи с сервером; проверьте подключение и повторите. No connection to the server; check the connection and try again.';

async function postJson(url, body) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(body),
  });
}

function setUpSignIn() {
  const form = document.getElementById('sign-in-form');
  const login = document.getElementById('login');
  const password = document.getElementById('password');
  const status = document.getElementById('sign-in-status');
  if (!form || !login || !password || !status) return;
  const button = form.querySelector('button[type="submit"]');

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    login.removeAttribute('aria-invalid');
    password.removeAttribute('aria-invalid');
    if (login.value.trim() === '' || password.value === '') {
      const empty = login.value.trim() === '' ? login : password;
      empty.setAttribute('aria-invalid', 'true');
      show(status, 'Введите имя для входа и пароль. Enter your login and password.', 'error');
      empty.focus();
      return;
    }
    button?.setAttribute('disabled', '');
    show(status, 'Входим… Signing in…', '');
    try {
      const response = await postJson('/api/auth/login', {
        login: login.value.trim(),
        password: password.value,
      });
      if (response.ok) {
        const { account } = await response.json();
        show(status, `Здравствуйте, ${account.displayName}! Hello!`, 'ok');
        password.value = '';
        location.assign(staffPage);
        return;
      }
      if (response.status === 401) password.setAttribute('aria-invalid', 'true');
      show(status, await messageOf(response), 'error');
      password.value = '';
      password.focus();
    } catch {
      show(status, networkError, 'error');
    } finally {
      button?.removeAttribute('disabled');
    }
  });
}

function setUpInvitation() {
  const token = new URLSearchParams(location.hash.slice(1)).get('invitation');
  const form = document.getElementById('invitation-form');
  const password = document.getElementById('new-password');
  const status = document.getElementById('invitation-status');
  if (!token || !form || !password || !status) return;
  // Keep the token out of the address bar (and the history) once read.
  history.replaceState(null, '', location.pathname + location.search);
  form.hidden = false;
  document.getElementById('sign-in-form')?.setAttribute('hidden', '');
  password.focus();
  const button = form.querySelector('button[type="submit"]');

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    password.removeAttribute('aria-invalid');
    button?.setAttribute('disabled', '');
    show(status, 'Сохраняем… Saving…', '');
    try {
      const response = await postJson('/api/auth/invitation', { token, password: password.value });
      if (response.status === 204) {
        password.value = '';
        form.setAttribute('hidden', '');
        const signIn = document.getElementById('sign-in-form');
        signIn?.removeAttribute('hidden');
        show(
          document.getElementById('sign-in-status') ?? status,
          'Пароль сохранён; войдите с ним. The password is saved; sign in with it.',
          'ok',
        );
        document.getElementById('login')?.focus();
        return;
      }
      password.setAttribute('aria-invalid', 'true');
      show(status, await messageOf(response), 'error');
      password.focus();
    } catch {
      show(status, networkError, 'error');
    } finally {
      button?.removeAttribute('disabled');
    }
  });
}

/** Shows the single sign-on link when the server has an OpenID Connect provider. */
async function offerSingleSignOn() {
  const link = document.getElementById('oidc');
  if (!link) return;
  try {
    const response = await fetch('/api/auth/methods', { credentials: 'same-origin' });
    const methods = response.ok ? await response.json() : {};
    link.hidden = methods.oidc !== true;
  } catch {
    link.hidden = true;
  }
}

setUpSignIn();
setUpInvitation();
void offerSingleSignOn();
