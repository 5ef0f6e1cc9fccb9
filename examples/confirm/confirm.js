// The e-mail confirmation page (/confirm/#booking=<request id>&token=<confirm token>): with
// e-mail confirmation on, a booking holds its slot only once the parent confirms it here.
// The button posts the link's id and token to POST /api/bookings/confirm (a mail scanner that
// opens the link confirms nothing); the answer is the booking, shown with its time in the
// site's zone, its manage link (/manage/#booking=<id>&token=<manage token>) and its calendar
// file. The token leaves the address bar at once. An external module, so the page works under
// the server's Content-Security-Policy. Russian first, then English; messages in aria-live.

const networkError =
  'Нет связи с сервером; проверьте подключение и повторите. No connection to the server; check the connection and try again.';

/** The values of the link's fragment: booking, token and (with several networks) network. */
function linkValues() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const booking = params.get('booking') ?? '';
  const token = params.get('token') ?? '';
  const network = params.get('network') ?? undefined;
  return booking !== '' && token !== '' ? { booking, token, network } : undefined;
}

function show(status, text, kind) {
  status.textContent = text;
  status.className = `status ${kind}`.trim();
}

/** The bilingual message of an error answer of the server, or a generic one. */
async function messageOf(response) {
  try {
    const body = await response.json();
    const message = body?.error?.message;
    if (message && message.ru && message.en) return `${message.ru}. ${message.en}.`;
  } catch {
    // not JSON: the generic message below
  }
  return `Не удалось подтвердить запись (HTTP ${response.status}). The booking could not be confirmed (HTTP ${response.status}).`;
}

async function getJson(url) {
  try {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    return response.ok ? await response.json() : undefined;
  } catch {
    return undefined;
  }
}

/** «среда, 9 сентября 2026 г., 09:00–09:45 (GMT+3)» in the site's zone. */
function when(booking, timeZone, locale) {
  const day = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(booking.start));
  const clock = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  // The offset only: browsers' own names of zones differ (some write «Moscow» in Russian).
  const offset =
    new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(new Date(booking.start))
      .find((entry) => entry.type === 'timeZoneName')?.value ?? timeZone;

  return `${day}, ${clock.format(new Date(booking.start))}–${clock.format(new Date(booking.end))} (${offset})`;
}

function addDetail(list, ru, en, value, valueEn = value) {
  const term = document.createElement('dt');
  term.append(ru);
  const translation = document.createElement('span');
  translation.lang = 'en';
  translation.className = 'translation';
  translation.textContent = en;
  term.append(translation);
  const description = document.createElement('dd');
  description.append(value);
  if (valueEn !== value) {
    const english = document.createElement('span');
    english.lang = 'en';
    english.className = 'translation';
    english.textContent = valueEn;
    description.append(english);
  }
  list.append(term, description);
}

/** Shows the booking made: service, time in the site's zone, place, and its links. */
async function showBooking(answer, network) {
  const query = network === undefined ? '' : `?network=${encodeURIComponent(network)}`;
  const [data, schedule] = await Promise.all([
    getJson(`/api/network${query}`),
    getJson(`/api/schedule${query}`),
  ]);
  const { booking } = answer;
  const site = data?.sites?.find((entry) => entry.id === booking.siteId);
  const service = data?.services?.find((entry) => entry.id === booking.serviceId);
  const timeZone =
    schedule?.availabilities?.find((entry) => entry.siteId === booking.siteId)?.timeZone ??
    data?.timeZone ??
    'Europe/Moscow';
  const list = document.getElementById('details');
  list.replaceChildren();
  addDetail(
    list,
    'Услуга',
    'Service',
    service?.name ?? booking.serviceId,
    service?.nameEn ?? service?.name ?? booking.serviceId,
  );
  addDetail(
    list,
    'Когда',
    'When',
    when(booking, timeZone, 'ru-RU'),
    when(booking, timeZone, 'en-GB'),
  );
  addDetail(list, 'Где', 'Where', site?.name ?? booking.siteId);
  if (site?.address) addDetail(list, 'Адрес', 'Address', site.address);
  if (site?.phone) addDetail(list, 'Телефон', 'Phone', site.phone);
  const manage = document.getElementById('manage-link');
  manage.href = `/manage/#booking=${encodeURIComponent(booking.id)}&token=${encodeURIComponent(answer.cancelToken)}`;
  document.getElementById('calendar-link').href = answer.calendarUrl;
  document.getElementById('done').hidden = false;
}

function setUp() {
  const ask = document.getElementById('ask');
  const button = document.getElementById('confirm-button');
  const status = document.getElementById('status');
  const values = linkValues();
  // The token is not left in the address bar, the history or a bookmark.
  if (location.hash !== '') history.replaceState(null, '', location.pathname + location.search);
  if (values === undefined) {
    show(
      status,
      'Ссылка неполная: откройте её из письма целиком. The link is incomplete: open it from the e-mail in full.',
      'error',
    );
    return;
  }
  ask.hidden = false;
  button.addEventListener('click', async () => {
    button.disabled = true;
    show(status, 'Подтверждаем запись… Confirming the booking…', '');
    try {
      const response = await fetch('/api/bookings/confirm', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          booking: values.booking,
          token: values.token,
          ...(values.network === undefined ? {} : { network: values.network }),
        }),
      });
      if (response.ok) {
        const answer = await response.json();
        ask.hidden = true;
        show(
          status,
          'Готово: запись подтверждена, время за вами. Done: the booking is confirmed and the time is yours.',
          'ok',
        );
        await showBooking(answer, values.network);
        return;
      }
      ask.hidden = true;
      show(status, await messageOf(response), 'error');
    } catch {
      button.disabled = false;
      show(status, networkError, 'error');
    }
  });
}

setUp();
