// Two ways in, both without anyone's name in the page's address or in a public list:
// - a student opens the personal link the school handed out (…/courses/#token=…): the token
//   is in the fragment, which the browser never sends to a server, and this script passes it
//   to <eduset-course-timetable token>;
// - anyone picks a resource centre or a school (?place=centre:rc-college): its public
//   timetable, without students' or teachers' names.
// An external module, so the page works under a Content-Security-Policy without inline scripts.
const token = new URLSearchParams(location.hash.slice(1)).get('token');
const personal = document.getElementById('personal');
const mine = document.getElementById('mine');
if (token && personal && mine) {
  mine.setAttribute('token', token);
  personal.hidden = false;
}

const place = new URLSearchParams(location.search).get('place') ?? '';
const match = /^(centre|school):([\w-]{1,128})$/.exec(place);
const timetable = document.getElementById('timetable');
const select = document.getElementById('place');
if (match && timetable && select) {
  timetable.setAttribute('view', match[1]);
  timetable.setAttribute('entity', match[2]);
  select.value = place;
}
