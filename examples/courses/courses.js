// Shows the timetable named in the address (?view=student&id=st-001): the form submits to
// this page, and this script passes its values to <eduset-course-timetable>. An external
// module, so the page works under a Content-Security-Policy without inline scripts.
const params = new URLSearchParams(location.search);
const views = ['student', 'school', 'centre', 'teacher'];
const view = views.includes(params.get('view') ?? '') ? params.get('view') : 'student';
const id = (params.get('id') ?? '').trim() || 'st-001';
const timetable = document.getElementById('timetable');
const select = document.getElementById('view');
const input = document.getElementById('id');
if (timetable && select && input) {
  timetable.setAttribute('view', view);
  timetable.setAttribute('entity', id);
  select.value = view;
  input.value = id;
}
