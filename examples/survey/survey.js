// The survey page: the link in the e-mail after a consultation is
// /survey/#booking=<id>&token=<token>. The id and the token are in the fragment, which the
// browser never sends to a server (nor in a Referer); this script hands them to
// <eduset-survey>. An external module, so the page works under the server's
// Content-Security-Policy (script-src 'self', no inline script).

function linkOf(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return { booking: params.get('booking') ?? '', token: params.get('token') ?? '' };
}

function apply() {
  const survey = document.querySelector('eduset-survey');
  if (survey === null) return;
  const { booking, token } = linkOf(location.hash);
  if (booking !== '' && token !== '') {
    survey.setAttribute('booking', booking);
    survey.setAttribute('token', token);
  }
}

apply();
window.addEventListener('hashchange', apply);
