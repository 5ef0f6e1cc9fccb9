// The staff desk of the example: who is signed in (GET /api/staff/me), the consultations she
// may see in <eduset-staff-agenda> (the staff bundle eduset-staff.js: day or week, contacts
// where her role allows, attendance, private notes, print and .ics), and for the auditor the
// audit log; a course teacher their profile-course week in <eduset-course-timetable>
// (GET /api/courses/mine names the timetables that are theirs).
// Plain DOM around the elements, under the strict CSP (no inline script).
const statusText = document.getElementById('status');

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

/** The signed-in person's own course timetables: none when the network has no course plan. */
async function showCourses() {
  const { status, body } = await getJson('/api/courses/mine');
  if (status !== 200 || !Array.isArray(body.views) || body.views.length === 0) return false;
  const list = document.getElementById('courses-list');
  list.replaceChildren(
    ...body.views.map((mine) => {
      const timetable = element('eduset-course-timetable');
      timetable.setAttribute('view', mine.view);
      timetable.setAttribute('entity', mine.id);
      timetable.setAttribute('src-base', '/api');
      return timetable;
    }),
  );
  document.getElementById('courses').hidden = false;
  return true;
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
  // Only a course teacher's grant names a course plan (a server without one has no such route).
  const courses = body.grants.some((grant) => grant.teacher) ? await showCourses() : false;
  if (!allowed.has('booking.list')) {
    say(
      allowed.has('audit.read') || courses
        ? ''
        : 'Записи на консультации вашей роли не видны / Your role does not see bookings',
    );
    return;
  }
  // The agenda loads once it has the API's address: only for a role that lists bookings.
  const agenda = document.getElementById('agenda');
  agenda.hidden = false;
  agenda.setAttribute('src-base', '/api');
  say('');
}

void start();
