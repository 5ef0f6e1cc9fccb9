// The staff desk of the example: who is signed in (GET /api/staff/me) and the consultations
// she may see (GET /api/staff/bookings), with parents' contacts where her role allows.
// Plain DOM under the strict CSP (no inline script); the staff widgets of eduset-staff.js
// will take over this page.
const statusText = document.getElementById('status');
const dateInput = document.getElementById('date');
const spanInput = document.getElementById('span');

function say(text) {
  statusText.textContent = text;
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className !== undefined) node.className = className;
  return node;
}

async function getJson(url) {
  const answer = await fetch(url, {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  const body = await answer.json().catch(() => ({}));
  return { status: answer.status, body };
}

function errorText(body) {
  const message = body?.error?.message;
  return message ? `${message.ru} / ${message.en}` : 'Ошибка / Error';
}

function showMe(me) {
  document.getElementById('me-name').textContent = me.displayName;
  const list = document.getElementById('me-grants');
  list.replaceChildren(
    ...me.grants.map((grant) => {
      const place = [grant.network, grant.organization, grant.site, grant.specialist, grant.teacher]
        .filter(Boolean)
        .map((named) => named.name)
        .filter(Boolean)
        .join(' · ');
      return element('li', `${grant.roleName.ru} / ${grant.roleName.en}: ${place}`);
    }),
  );
  document.getElementById('me').hidden = false;
}

function bookingItem(booking, timeZone) {
  const item = element('li');
  const time = new Intl.DateTimeFormat('ru-RU', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  });
  item.append(
    element(
      'p',
      `${time.format(new Date(booking.start))} — ${booking.siteName ?? booking.siteId}`,
      'when',
    ),
  );
  const service = booking.serviceName
    ? `${booking.serviceName.ru} / ${booking.serviceName.en}`
    : booking.serviceId;
  item.append(element('p', `${service}; ${booking.specialistName ?? booking.specialistId}`));
  item.append(element('p', `Возраст ребёнка / Child's age: ${booking.childAge}`));
  const cancelled = booking.status.startsWith('cancelled');
  const state = element(
    'p',
    `${booking.statusName.ru} / ${booking.statusName.en}`,
    cancelled ? 'cancelled' : undefined,
  );
  item.append(state);
  if (booking.contact) {
    const contact = [booking.contact.name, booking.contact.phone, booking.contact.email]
      .filter(Boolean)
      .join(', ');
    item.append(element('p', `Родитель / Parent: ${contact}`));
  } else if (booking.contactErased) {
    item.append(
      element('p', 'Контакт удалён по сроку хранения / Contact erased after the retention period'),
    );
  }
  return item;
}

async function showBookings() {
  const query = new URLSearchParams({ span: spanInput.value });
  if (dateInput.value) query.set('date', dateInput.value);
  const { status, body } = await getJson(`/api/staff/bookings?${query}`);
  const summary = document.getElementById('bookings-summary');
  const list = document.getElementById('bookings-list');
  if (status !== 200) {
    summary.textContent = errorText(body);
    list.replaceChildren();
    return;
  }
  if (!dateInput.value) dateInput.value = body.from;
  const count = body.bookings.length;
  summary.textContent =
    count === 0
      ? 'Записей нет / No bookings'
      : `Записей: ${count} (${body.from} — ${body.to}) / Bookings: ${count}`;
  list.replaceChildren(...body.bookings.map((booking) => bookingItem(booking, body.timeZone)));
}

function auditItem(entry) {
  const item = element('li');
  const when = new Date(entry.at).toLocaleString('ru-RU', { timeZone: 'Europe/Moscow' });
  item.append(element('p', `${when} — ${entry.actorLabel}`, 'when'));
  item.append(element('p', `${entry.actionName.ru} / ${entry.actionName.en}`));
  const records = entry.recordIds.length;
  const details = [
    entry.clientAddress ? `адрес / address ${entry.clientAddress}` : undefined,
    records > 0 ? `записей / records: ${records}` : undefined,
    `ответ / answer ${entry.outcome}`,
  ].filter(Boolean);
  item.append(element('p', details.join('; ')));
  return item;
}

async function showAudit(networkId) {
  const query = new URLSearchParams({ limit: '50' });
  if (networkId) query.set('network', networkId);
  document.getElementById('audit-csv').href = `/api/audit.csv?${query}`;
  const { status, body } = await getJson(`/api/audit?${query}`);
  const list = document.getElementById('audit-list');
  if (status !== 200) {
    list.replaceChildren(element('li', errorText(body)));
    return;
  }
  list.replaceChildren(...body.entries.map(auditItem));
  document.getElementById('audit').hidden = false;
}

async function signOut() {
  const { body } = await getJson('/api/auth/csrf');
  await fetch('/api/auth/logout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'x-csrf-token': body.csrfToken ?? '' },
  });
  window.location.assign('../sign-in/');
}

async function start() {
  const { status, body } = await getJson('/api/staff/me');
  if (status === 401) {
    say('Вы не вошли в систему / You are not signed in');
    document.getElementById('sign-in-link').hidden = false;
    return;
  }
  if (status !== 200) {
    say(errorText(body));
    return;
  }
  showMe(body);
  document.getElementById('sign-out').addEventListener('click', () => void signOut());
  const allowed = new Set(body.actions.map((entry) => entry.action));
  if (allowed.has('audit.read')) {
    const auditGrant = body.grants.find((grant) => grant.role === 'auditor');
    await showAudit(auditGrant?.network.id);
  }
  if (!allowed.has('booking.list')) {
    say(
      allowed.has('audit.read')
        ? ''
        : 'Записи на консультации вашей роли не видны / Your role does not see bookings',
    );
    return;
  }
  document.getElementById('bookings').hidden = false;
  document.getElementById('filter').addEventListener('submit', (event) => {
    event.preventDefault();
    void showBookings();
  });
  await showBookings();
  say('');
}

void start();
