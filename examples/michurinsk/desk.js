// The staff pages of the Michurinsk demo (provider.html, operator.html): asks who is signed in
// (GET /api/staff/me); signed in, it shows the name and a sign-out button and reveals the
// desk sections; otherwise it shows a sign-in form (POST /api/auth/login) and reloads the page
// once signed in. An external module, so the page works under the server's strict
// Content-Security-Policy (no inline script). Messages are Russian first, then English.

const me = document.getElementById('desk-me');
const form = document.getElementById('desk-sign-in');
const status = document.getElementById('desk-status');
const desks = [...document.querySelectorAll('[data-desk]')];

function say(text, kind = '') {
  if (!status) return;
  status.textContent = text;
  status.className = `status ${kind}`.trim();
}

async function messageOf(response) {
  try {
    const body = await response.json();
    const message = body?.error?.message;
    if (message?.ru && message?.en) return `${message.ru}. ${message.en}.`;
  } catch {
    // not JSON: the generic message below
  }
  return `Не удалось (HTTP ${response.status}). It did not work (HTTP ${response.status}).`;
}

async function signedIn() {
  const answer = await fetch('/api/staff/me', {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  return answer.ok ? answer.json() : undefined;
}

async function signOut() {
  const csrf = await fetch('/api/auth/csrf', { credentials: 'same-origin' }).then((r) => r.json());
  await fetch('/api/auth/logout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'x-csrf-token': csrf.csrfToken ?? '', accept: 'application/json' },
  });
  location.reload();
}

async function start() {
  let account;
  try {
    account = await signedIn();
  } catch {
    say('Нет связи с сервером. No connection to the server.', 'error');
    return;
  }
  if (account) {
    for (const desk of desks) {
      // The desk's element starts only now: signed out, it would just be refused.
      const template = desk.querySelector('template');
      if (template) desk.append(template.content.cloneNode(true));
      desk.hidden = false;
    }
    if (me) {
      me.hidden = false;
      const name = me.querySelector('[data-name]');
      if (name) name.textContent = account.account?.displayName ?? account.displayName ?? '';
      me.querySelector('button')?.addEventListener('click', () => void signOut());
    }
    return;
  }
  for (const desk of desks) desk.hidden = true;
  if (!form) return;
  form.hidden = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const login = form.querySelector('#desk-login');
    const password = form.querySelector('#desk-password');
    if (!login?.value.trim() || !password?.value) {
      say('Введите имя для входа и пароль. Enter your login and password.', 'error');
      (login?.value.trim() ? password : login)?.focus();
      return;
    }
    say('Входим… Signing in…');
    try {
      const answer = await fetch('/api/auth/login', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ login: login.value.trim(), password: password.value }),
      });
      if (!answer.ok) {
        say(await messageOf(answer), 'error');
        password.value = '';
        password.focus();
        return;
      }
      location.reload();
    } catch {
      say('Нет связи с сервером. No connection to the server.', 'error');
    }
  });
}

void start();
